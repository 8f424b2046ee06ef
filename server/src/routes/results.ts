import type { FastifyInstance } from 'fastify';
import * as v from 'valibot';
import { MARKETPLACES } from '../../../src/listing/listing';
import { SharedCountsSchema } from '../../../src/reports/audit-counts';
import { narrowed, RESULT_WEEKS, weeklyResults } from '../results';
import type { Storage } from '../storage/types';
import { authorise, parseBody, parseQuery, scope } from './checks';

const WEEK_MS = 7 * 86_400_000;

const ResultsQuery = v.object({
  brand: v.optional(v.pipe(v.string(), v.maxLength(80))),
  marketplace: v.optional(v.picklist(MARKETPLACES)),
  weeks: v.optional(v.pipe(v.string(), v.transform(Number), v.integer(), v.minValue(1), v.maxValue(104))),
});

/**
 * The programme's results by week: a volunteer's brands (one brand or marketplace when asked);
 * the public figures (in /v1/stats) are the same sums over every brand. Audit sessions' counts
 * come from volunteers' extensions, with their consent: counts only, never a listing.
 */
export function resultRoutes(app: FastifyInstance, storage: Storage): void {
  app.get('/v1/volunteer/results', async (request, reply) => {
    const token = await authorise(storage, request, reply);
    if (!token) return reply;
    const query = parseQuery(ResultsQuery, request, reply);
    if (!query) return reply;
    const brands = scope(token, query.brand, reply);
    if (!brands) return reply;
    const weeks = query.weeks ?? RESULT_WEEKS;
    const now = Date.now();
    const rows = await storage.resultRows(now - weeks * WEEK_MS, brands);
    return { weeks: weeklyResults(narrowed(rows, undefined, query.marketplace), now, weeks) };
  });

  app.post('/v1/volunteer/audit-summaries', async (request, reply) => {
    const token = await authorise(storage, request, reply);
    if (!token) return reply;
    const body = parseBody(SharedCountsSchema, request, reply);
    if (!body) return reply;
    if (!token.brands.includes(body.brand))
      return reply
        .status(403)
        .send({ error: 'forbidden', message: `This token does not cover the brand "${body.brand}".` });
    if (Date.parse(body.at) > Date.now() + 60_000)
      return reply
        .status(400)
        .send({ error: 'invalid', field: 'at', message: 'An audit session cannot end in the future.' });
    const inserted = await storage.insertAuditSummary({ ...body, volunteer: token.name });
    return reply.status(inserted ? 201 : 200).send({ id: body.id });
  });
}
