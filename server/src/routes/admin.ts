import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as v from 'valibot';
import type { SignedPayload } from '../publish';
import type { Storage } from '../storage/types';
import { createVolunteerToken, findTokenById, tokenId } from '../tokens';
import { authorise, parseBody } from './checks';

const NewToken = v.strictObject({
  name: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(120)),
  brands: v.pipe(
    v.array(v.pipe(v.string(), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/), v.maxLength(80))),
    v.minLength(1),
    v.maxLength(50),
  ),
  days: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(3650))),
});

/**
 * Tokens, for the people who hand them out: an admin token lists them (never the tokens
 * themselves, which are not kept), makes one for brands the registry knows, and revokes one.
 */
export function adminRoutes(app: FastifyInstance, storage: Storage): void {
  const admin = async (request: FastifyRequest, reply: FastifyReply) => {
    const token = await authorise(storage, request, reply);
    if (!token) return undefined;
    if (!token.admin) {
      void reply.status(403).send({ error: 'forbidden', message: 'Only an admin token may manage tokens.' });
      return undefined;
    }
    return token;
  };
  const described = (record: Awaited<ReturnType<Storage['listTokens']>>[number]) => ({
    id: tokenId(record),
    name: record.name,
    brands: record.brands,
    createdAt: record.createdAt,
    ...(record.expiresAt ? { expiresAt: record.expiresAt } : {}),
    admin: Boolean(record.admin),
  });

  app.get('/v1/admin/tokens', async (request, reply) => {
    if (!(await admin(request, reply))) return reply;
    return { tokens: (await storage.listTokens()).map(described) };
  });

  app.post('/v1/admin/tokens', async (request, reply) => {
    if (!(await admin(request, reply))) return reply;
    const body = parseBody(NewToken, request, reply);
    if (!body) return reply;
    const known = await publishedBrands(storage);
    const unknown = body.brands.filter((brand) => !known.has(brand));
    if (unknown.length)
      return reply.status(400).send({
        error: 'unknown_brand',
        field: 'brands',
        message: `Not brands of the registry: ${unknown.join(', ')}.`,
      });
    const { token, record } = await createVolunteerToken(storage, {
      name: body.name,
      brands: body.brands,
      ...(body.days ? { days: body.days } : {}),
    });
    // The token itself is said this once: only its hash is kept.
    return reply.status(201).send({ token, record: described(record) });
  });

  app.delete<{ Params: { id: string } }>('/v1/admin/tokens/:id', async (request, reply) => {
    const token = await admin(request, reply);
    if (!token) return reply;
    const found = /^[0-9a-f]{8,64}$/.test(request.params.id)
      ? await findTokenById(storage, request.params.id)
      : { error: 'not a token id' };
    if ('error' in found)
      return reply.status(404).send({ error: 'not_found', message: `No such token: ${found.error}.` });
    if (found.record.hash === token.hash)
      return reply
        .status(400)
        .send({ error: 'own_token', message: 'An admin cannot revoke the token they are using.' });
    await storage.revokeToken(found.record.hash);
    return { revoked: tokenId(found.record) };
  });
}

/** The brand ids of the registry the service publishes now (none before the first publish). */
async function publishedBrands(storage: Storage): Promise<ReadonlySet<string>> {
  const latest = await storage.latestRegistry();
  if (!latest) return new Set();
  const { payload } = JSON.parse(latest.body) as { payload: string };
  const { registry } = JSON.parse(payload) as SignedPayload;
  return new Set(registry.brands.map((brand) => brand.id));
}
