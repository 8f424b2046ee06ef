import type { FastifyInstance, FastifyReply } from 'fastify';
import * as v from 'valibot';
import { SITES } from '../../../src/sites/index';
import { keyAtAddress } from '../../../src/sites/read';
import type { Limiters } from '../app';
import { originOf } from '../origin';
import { APPEAL_STATUSES } from '../queue';
import type { Storage } from '../storage/types';
import { authorise, parseBody, parseQuery } from './checks';

const Text = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(max));

const AppealSchema = v.strictObject({
  id: v.pipe(
    v.string(),
    v.regex(/^[A-Za-z0-9-]{16,64}$/, 'expected a random id of 16 to 64 letters, digits or hyphens'),
  ),
  url: v.pipe(v.string(), v.url(), v.regex(/^https:\/\//i, 'expected an https address'), v.maxLength(2048)),
  name: Text(200),
  role: v.picklist(['seller', 'brand', 'agent', 'other']),
  evidence: Text(4000),
  evidenceUrl: v.optional(v.pipe(v.string(), v.url(), v.regex(/^https?:\/\//i), v.maxLength(2048))),
  contact: Text(200),
});

const DecisionSchema = v.strictObject({
  decision: v.picklist(['uphold', 'dismiss']),
  note: v.pipe(v.string(), v.maxLength(2000)),
});

const ListQuery = v.object({ status: v.optional(v.picklist(APPEAL_STATUSES)) });

/**
 * Appeals: a seller whose listing shoppers flagged or a volunteer confirmed states their case on
 * a public page; volunteers for the listing's brand uphold or dismiss it. An upheld appeal takes
 * the listing out of the registry's flagged lists from the next publish. Limited per address
 * like reports, capped in size, kept once per id, and only about listings someone reported.
 */
export function appealRoutes(app: FastifyInstance, storage: Storage, limiters: Limiters, originKey: Uint8Array): void {
  const limited = (reply: FastifyReply, wait: number, what: string) =>
    reply
      .status(429)
      .header('retry-after', String(wait))
      .send({ error: 'rate_limited', message: `Too many ${what} from this address; try again in ${wait} s.` });

  app.post('/v1/appeals', async (request, reply) => {
    const wait = limiters.address.hit(request.ip);
    if (wait > 0) return limited(reply, wait, 'requests');
    const body = parseBody(AppealSchema, request, reply);
    if (!body) return reply;
    const listing = keyAtAddress(body.url, SITES);
    if (!listing)
      return reply.status(400).send({
        error: 'invalid',
        field: 'url',
        message: 'url: expected the address of a listing on a marketplace Counterfeit Guard serves.',
      });
    if (!(await storage.isReported(listing.key)))
      return reply.status(404).send({
        error: 'not_flagged',
        message: 'No shopper has reported this listing, so it carries no flag to appeal.',
      });
    const daily = limiters.appeals.hit(request.ip);
    if (daily > 0) return limited(reply, daily, 'appeals today');
    const { id, ...text } = body;
    const { inserted, stored } = await storage.insertAppeal(
      id,
      listing.key,
      text,
      new Date().toISOString(),
      originOf(request.ip, originKey),
    );
    if (!inserted) reply.header('idempotent-replay', 'true');
    return reply.status(201).send({ id: stored.id, key: stored.key, status: stored.status });
  });

  app.get('/v1/volunteer/appeals', async (request, reply) => {
    const token = await authorise(storage, request, reply);
    if (!token) return reply;
    const query = parseQuery(ListQuery, request, reply);
    if (!query) return reply;
    return { appeals: await storage.listAppeals(token.brands, query.status) };
  });

  app.post<{ Params: { id: string } }>('/v1/volunteer/appeals/:id/decision', async (request, reply) => {
    const token = await authorise(storage, request, reply);
    if (!token) return reply;
    const body = parseBody(DecisionSchema, request, reply);
    if (!body) return reply;
    const decided = await storage.decideAppeal(
      request.params.id,
      token.brands,
      body.decision === 'uphold' ? 'upheld' : 'dismissed',
      { note: body.note, by: token.name, at: new Date().toISOString() },
    );
    if (!decided) return reply.status(404).send({ error: 'not_found', message: 'No such appeal among your brands.' });
    return { appeal: decided };
  });
}
