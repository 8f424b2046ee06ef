import type { FastifyInstance } from 'fastify';
import * as v from 'valibot';
import { ListingKeySchema } from '../../../src/listing/key';
import { MARKETPLACES } from '../../../src/listing/listing';
import { EXPORT_FORMATS, exportReports } from '../../../src/reports/evidence';
import { REVIEW_STATUSES, ReportSchema, type ReviewStatus } from '../../../src/reports/report';
import { REASON_CODES } from '../../../src/risk/assessment';
import { ENGLISH } from '../../../src/words/english';
import { asVolunteerSees } from '../pseudonym';
import { LISTING_SORTS } from '../queue';
import type { Storage } from '../storage/types';
import { authorise, parseBody, parseQuery, scope, sendFile } from './checks';

const ReviewSchema = v.strictObject({
  decision: v.picklist(['confirm', 'reject']),
  note: v.pipe(v.string(), v.maxLength(2000)),
});

const ListQuery = v.object({
  status: v.optional(v.picklist(REVIEW_STATUSES)),
  brand: v.optional(v.pipe(v.string(), v.maxLength(80))),
  limit: v.optional(v.pipe(v.string(), v.transform(Number), v.integer(), v.minValue(1), v.maxValue(1000))),
  // A page past a million reports is no page anyone reads; "1e20" is an integer to JavaScript.
  offset: v.optional(v.pipe(v.string(), v.transform(Number), v.integer(), v.minValue(0), v.maxValue(1_000_000))),
});

const ExportQuery = v.object({
  format: v.picklist(EXPORT_FORMATS),
  status: v.optional(v.picklist(REVIEW_STATUSES)),
  brand: v.optional(v.pipe(v.string(), v.maxLength(80))),
  name: v.optional(v.pipe(v.string(), v.maxLength(200))),
  email: v.optional(v.pipe(v.string(), v.maxLength(200))),
});

const Instant = v.pipe(
  v.string(),
  v.isoTimestamp(),
  v.transform((text) => Date.parse(text)),
);

const ListingsQuery = v.object({
  status: v.optional(v.picklist(REVIEW_STATUSES)),
  brand: v.optional(v.pipe(v.string(), v.maxLength(80))),
  marketplace: v.optional(v.picklist(MARKETPLACES)),
  reason: v.optional(v.picklist(REASON_CODES)),
  since: v.optional(Instant),
  until: v.optional(Instant),
  sort: v.optional(v.picklist(LISTING_SORTS)),
  limit: v.optional(v.pipe(v.string(), v.transform(Number), v.integer(), v.minValue(1), v.maxValue(200))),
  offset: v.optional(v.pipe(v.string(), v.transform(Number), v.integer(), v.minValue(0), v.maxValue(1_000_000))),
});

const ListingReviewSchema = v.strictObject({
  keys: v.pipe(v.array(ListingKeySchema), v.minLength(1), v.maxLength(500)),
  decision: ReviewSchema.entries.decision,
  note: ReviewSchema.entries.note,
});

const AccuracyQuery = v.object({
  reporterId: ReportSchema.entries.reporterId,
});

/**
 * Brand volunteers, each with a bearer token scoped to their brands: list, review and export the
 * reports about those brands, and see how a reporter's reports about them were judged. Another
 * brand's reports do not exist for them (404, not 403; not counted).
 */
export function volunteerRoutes(app: FastifyInstance, storage: Storage, pseudonymKey: Uint8Array): void {
  // Who the token is: what the console shows once signed in (the token's hash stays unsaid).
  app.get('/v1/volunteer/me', async (request, reply) => {
    const token = await authorise(storage, request, reply);
    if (!token) return reply;
    return {
      name: token.name,
      brands: token.brands,
      admin: Boolean(token.admin),
      ...(token.expiresAt ? { expiresAt: token.expiresAt } : {}),
    };
  });

  app.get('/v1/volunteer/reports', async (request, reply) => {
    const token = await authorise(storage, request, reply);
    if (!token) return reply;
    const query = parseQuery(ListQuery, request, reply);
    if (!query) return reply;
    const brands = scope(token, query.brand, reply);
    if (!brands) return reply;
    const reports = await storage.listReports({
      brands,
      limit: query.limit ?? 100,
      offset: query.offset ?? 0,
      ...(query.status ? { status: query.status as ReviewStatus } : {}),
    });
    // Reports are kept without their screenshots' bytes: a list names each image by its hash.
    return { reports: reports.map((stored) => asVolunteerSees(pseudonymKey, stored)) };
  });

  // The review queue: the reports grouped by listing, filtered, ordered and paged here, so that
  // thousands of listings cost the console one page each.
  app.get('/v1/volunteer/listings', async (request, reply) => {
    const token = await authorise(storage, request, reply);
    if (!token) return reply;
    const query = parseQuery(ListingsQuery, request, reply);
    if (!query) return reply;
    const brands = scope(token, query.brand, reply);
    if (!brands) return reply;
    const { brand: _, sort, limit, offset, ...filters } = query;
    return storage.listListings({
      ...filters,
      brands,
      sort: sort ?? 'recent',
      limit: limit ?? 50,
      offset: offset ?? 0,
    });
  });

  // A decision on whole listings: every report about each, within the token's brands. Deciding
  // again is harmless, so a console may retry one whose answer it lost.
  app.post('/v1/volunteer/listings/review', async (request, reply) => {
    const token = await authorise(storage, request, reply);
    if (!token) return reply;
    const body = parseBody(ListingReviewSchema, request, reply);
    if (!body) return reply;
    const { keys, decision, note } = body;
    const decided = await storage.reviewListings(
      keys,
      token.brands,
      decision === 'confirm' ? 'confirmed' : 'rejected',
      {
        note,
        by: token.name,
        at: new Date().toISOString(),
      },
    );
    return { decided, missing: keys.filter((key) => !(key in decided)) };
  });

  app.post<{ Params: { id: string } }>('/v1/volunteer/reports/:id/review', async (request, reply) => {
    const token = await authorise(storage, request, reply);
    if (!token) return reply;
    const body = parseBody(ReviewSchema, request, reply);
    if (!body) return reply;
    const notFound = () => reply.status(404).send({ error: 'not_found', message: 'No such report among your brands.' });
    const existing = await storage.getReport(request.params.id);
    // A report its reporter withdrew is gone from the volunteer's view: not listed, not reviewed.
    if (!existing?.report.brand || existing.withdrawnAt || !token.brands.includes(existing.report.brand)) {
      return notFound();
    }
    const reviewed = await storage.reviewReport(
      request.params.id,
      body.decision === 'confirm' ? 'confirmed' : 'rejected',
      { note: body.note, by: token.name, at: new Date().toISOString() },
    );
    // Withdrawn between the two reads.
    if (!reviewed) return notFound();
    return { id: request.params.id, status: reviewed.status, review: reviewed.review };
  });

  // A screenshot, to a volunteer for a brand a live report about which names it; else 404.
  app.get<{ Params: { sha256: string } }>('/v1/volunteer/screenshots/:sha256', async (request, reply) => {
    const token = await authorise(storage, request, reply);
    if (!token) return reply;
    const bytes = /^[0-9a-f]{64}$/.test(request.params.sha256)
      ? await storage.getScreenshot(request.params.sha256, token.brands)
      : undefined;
    if (!bytes) return reply.status(404).send({ error: 'not_found', message: 'No such screenshot among your brands.' });
    return reply.header('content-type', 'image/png').send(Buffer.from(bytes));
  });

  // How a reporter's reports about the token's brands were judged, withdrawn ones left out. A
  // reporter with none among them is all zeros, the same as an unknown reporter id.
  app.get('/v1/volunteer/accuracy', async (request, reply) => {
    const token = await authorise(storage, request, reply);
    if (!token) return reply;
    const query = parseQuery(AccuracyQuery, request, reply);
    if (!query) return reply;
    return storage.reporterAccuracy({ reporterId: query.reporterId, brands: token.brands });
  });

  app.get('/v1/volunteer/export', async (request, reply) => {
    const token = await authorise(storage, request, reply);
    if (!token) return reply;
    const query = parseQuery(ExportQuery, request, reply);
    if (!query) return reply;
    const brands = scope(token, query.brand, reply);
    if (!brands) return reply;
    const reports = [];
    for (let offset = 0; ; offset += 1000) {
      const page = await storage.listReports({
        brands,
        limit: 1000,
        offset,
        ...(query.status ? { status: query.status as ReviewStatus } : {}),
      });
      reports.push(...page.map((stored) => asVolunteerSees(pseudonymKey, stored)));
      if (page.length < 1000) break;
    }
    const file = exportReports(query.format, reports, ENGLISH, {
      ...(query.name ? { name: query.name } : {}),
      ...(query.email ? { email: query.email } : {}),
    });
    return sendFile(reply, file);
  });
}
