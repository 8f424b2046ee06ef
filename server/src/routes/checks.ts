import type { FastifyReply, FastifyRequest } from 'fastify';
import * as v from 'valibot';
import type { Storage, VolunteerToken } from '../storage/types';
import { tokenFrom } from '../tokens';

/** What every volunteer route checks first: the bearer token, the query, the body, the brand asked for. */

export async function authorise(storage: Storage, request: FastifyRequest, reply: FastifyReply) {
  const found = await tokenFrom(storage, request.headers.authorization);
  if ('record' in found) return found.record;
  const message = {
    missing: 'Send your volunteer token as "Authorization: Bearer TOKEN".',
    unknown: 'This token is not known here.',
    expired: 'This token has expired; ask for a new one.',
  }[found.error];
  void reply
    .status(401)
    .header('www-authenticate', 'Bearer')
    .send({ error: `token_${found.error}`, message });
  return undefined;
}

/** The value in its schema's shape, or undefined with the 400 already sent (the first issue, and where). */
function parsed<T extends v.GenericSchema>(schema: T, value: unknown, reply: FastifyReply) {
  const result = v.safeParse(schema, value);
  if (result.success) return result.output as v.InferOutput<T>;
  const issue = result.issues[0];
  void reply.status(400).send({ error: 'invalid', field: v.getDotPath(issue), message: issue.message });
  return undefined;
}

export const parseQuery = <T extends v.GenericSchema>(schema: T, request: FastifyRequest, reply: FastifyReply) =>
  parsed(schema, request.query, reply);

export const parseBody = <T extends v.GenericSchema>(schema: T, request: FastifyRequest, reply: FastifyReply) =>
  parsed(schema, request.body, reply);

/** An export file as a download, under its own name. */
export const sendFile = (reply: FastifyReply, file: { fileName: string; contentType: string; body: string }) =>
  reply
    .header('content-type', file.contentType)
    .header('content-disposition', `attachment; filename="${file.fileName}"`)
    .send(file.body);

/** The token's brands, or the one asked for when the token covers it. */
export function scope(token: VolunteerToken, brand: string | undefined, reply: FastifyReply): string[] | undefined {
  if (brand === undefined) return token.brands;
  if (token.brands.includes(brand)) return [brand];
  void reply.status(403).send({ error: 'forbidden', message: `This token does not cover the brand "${brand}".` });
  return undefined;
}
