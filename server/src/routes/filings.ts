import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import * as v from 'valibot';
import { ListingKeySchema } from '../../../src/listing/key';
import { exportReports } from '../../../src/reports/evidence';
import { ENGLISH } from '../../../src/words/english';
import { asVolunteerSees } from '../pseudonym';
import { FILING_FORMATS, type Filing, filingFormatFor, OUTCOMES } from '../queue';
import type { Storage } from '../storage/types';
import { authorise, parseBody, parseQuery, sendFile } from './checks';

/** Sightings one call carries, and filed keys one answer lists, at most. */
const MAX_SIGHTINGS = 200;
const MAX_AWAITING = 5000;
/** A device's clock may run this far ahead of the service's. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;
/** How late a sighting may arrive: an extension away from the service for weeks sends what it saw. */
const SIGHTING_AGE_MS = 60 * 24 * 60 * 60 * 1000;

const FilingSchema = v.strictObject({
  keys: v.pipe(v.array(ListingKeySchema), v.minLength(1), v.maxLength(500)),
  format: v.optional(v.picklist(FILING_FORMATS)),
});

const FileQuery = v.object({
  name: v.optional(v.pipe(v.string(), v.maxLength(200))),
  email: v.optional(v.pipe(v.string(), v.maxLength(200))),
});

const OutcomesSchema = v.strictObject({
  outcomes: v.pipe(
    v.array(
      v.strictObject({
        key: ListingKeySchema,
        outcome: v.picklist(OUTCOMES),
        at: v.optional(v.pipe(v.string(), v.isoTimestamp())),
      }),
    ),
    v.minLength(1),
    v.maxLength(500),
  ),
});

/** What a volunteer's extension saw: a filed listing's page still up, or marked ended or removed. */
export const SightingsSchema = v.strictObject({
  sightings: v.pipe(
    v.array(
      v.strictObject({
        key: ListingKeySchema,
        state: v.picklist(['up', 'ended']),
        at: v.pipe(v.string(), v.isoTimestamp()),
      }),
    ),
    v.minLength(1),
    v.maxLength(MAX_SIGHTINGS),
  ),
});

/**
 * Takedown requests and what became of them: a volunteer files confirmed listings of one brand
 * on one marketplace in that marketplace's format, then records each listing's outcome. Another
 * brand's filings do not exist for them (404).
 */
export function filingRoutes(app: FastifyInstance, storage: Storage, pseudonymKey: Uint8Array): void {
  app.post('/v1/volunteer/filings', async (request, reply) => {
    const token = await authorise(storage, request, reply);
    if (!token) return reply;
    const body = parseBody(FilingSchema, request, reply);
    if (!body) return reply;
    const keys = [...new Set(body.keys)];
    const reports = await storage.reportsAbout(keys, token.brands);
    const notConfirmed = keys.filter((key) => {
      const about = reports.filter((stored) => stored.report.listing.key === key);
      return (
        about.length === 0 ||
        about.some((stored) => stored.status === 'open') ||
        about.every((stored) => stored.status !== 'confirmed')
      );
    });
    if (notConfirmed.length)
      return reply.status(400).send({
        error: 'not_confirmed',
        keys: notConfirmed,
        message: `Only listings a volunteer confirmed can be filed; not: ${notConfirmed.join(', ')}.`,
      });
    const marketplaces = new Set(reports.map((stored) => stored.report.listing.marketplace));
    const brands = new Set(reports.map((stored) => stored.report.brand));
    if (marketplaces.size > 1 || brands.size > 1)
      return reply.status(400).send({
        error: 'mixed',
        message: 'A filing is of one brand on one marketplace: file each marketplace and brand apart.',
      });
    const marketplace = [...marketplaces][0]!;
    const filing: Filing = {
      id: randomUUID(),
      brand: [...brands][0]!,
      marketplace,
      format: body.format ?? filingFormatFor(marketplace),
      filedAt: new Date().toISOString(),
      filedBy: token.name,
      listed: keys.map((key) => ({ key })),
    };
    await storage.createFiling(filing);
    return reply.status(201).send({ filing });
  });

  app.get('/v1/volunteer/filings', async (request, reply) => {
    const token = await authorise(storage, request, reply);
    if (!token) return reply;
    return { filings: await storage.listFilings(token.brands) };
  });

  app.get<{ Params: { id: string } }>('/v1/volunteer/filings/:id', async (request, reply) => {
    const token = await authorise(storage, request, reply);
    if (!token) return reply;
    const filing = await storage.getFiling(request.params.id, token.brands);
    if (!filing) return reply.status(404).send({ error: 'not_found', message: 'No such filing among your brands.' });
    const keys = filing.listed.map((listed) => listed.key);
    const { listings } = await storage.listListings({
      brands: token.brands,
      keys,
      sort: 'recent',
      limit: keys.length,
      offset: 0,
    });
    return { filing, listings };
  });

  // The file as filed: made from the filed listings' confirmed reports, dated the filing's day.
  app.get<{ Params: { id: string } }>('/v1/volunteer/filings/:id/file', async (request, reply) => {
    const token = await authorise(storage, request, reply);
    if (!token) return reply;
    const query = parseQuery(FileQuery, request, reply);
    if (!query) return reply;
    const filing = await storage.getFiling(request.params.id, token.brands);
    if (!filing) return reply.status(404).send({ error: 'not_found', message: 'No such filing among your brands.' });
    const reports = await storage.reportsAbout(
      filing.listed.map((listed) => listed.key),
      token.brands,
    );
    const file = exportReports(
      filing.format,
      reports.filter((stored) => stored.status === 'confirmed').map((stored) => asVolunteerSees(pseudonymKey, stored)),
      ENGLISH,
      {
        now: new Date(filing.filedAt),
        ...(query.name ? { name: query.name } : {}),
        ...(query.email ? { email: query.email } : {}),
      },
    );
    return sendFile(reply, file);
  });

  app.post<{ Params: { id: string } }>('/v1/volunteer/filings/:id/outcomes', async (request, reply) => {
    const token = await authorise(storage, request, reply);
    if (!token) return reply;
    const body = parseBody(OutcomesSchema, request, reply);
    if (!body) return reply;
    const filing = await storage.getFiling(request.params.id, token.brands);
    if (!filing) return reply.status(404).send({ error: 'not_found', message: 'No such filing among your brands.' });
    const now = new Date().toISOString();
    const early = body.outcomes.find((one) => one.at && (one.at < filing.filedAt || Date.parse(one.at) > Date.now()));
    if (early)
      return reply.status(400).send({
        error: 'invalid',
        field: 'outcomes.at',
        message: `An outcome is seen between the filing (${filing.filedAt}) and now, not at ${early.at}.`,
      });
    const filed = new Set(filing.listed.map((listed) => listed.key));
    const unknown = body.outcomes.filter((one) => !filed.has(one.key)).map((one) => one.key);
    if (unknown.length)
      return reply.status(400).send({
        error: 'not_filed',
        keys: unknown,
        message: `Not in this filing: ${unknown.join(', ')}.`,
      });
    const matched = await storage.recordOutcomes(
      filing.id,
      token.brands,
      body.outcomes.map((one) => ({ key: one.key, outcome: one.outcome, at: one.at ?? now, by: token.name })),
    );
    return { matched };
  });

  // The filed listings a volunteer's extension looks out for: only these are ever told back.
  app.get('/v1/volunteer/filed', async (request, reply) => {
    const token = await authorise(storage, request, reply);
    if (!token) return reply;
    return { keys: await storage.awaitingRemoval(token.brands, MAX_AWAITING) };
  });

  app.post('/v1/volunteer/sightings', async (request, reply) => {
    const token = await authorise(storage, request, reply);
    if (!token) return reply;
    const body = parseBody(SightingsSchema, request, reply);
    if (!body) return reply;
    const now = Date.now();
    const odd = body.sightings.find(
      (one) => Date.parse(one.at) > now + CLOCK_SKEW_MS || Date.parse(one.at) < now - SIGHTING_AGE_MS,
    );
    if (odd)
      return reply.status(400).send({
        error: 'invalid',
        field: 'sightings.at',
        message: `A sighting is from the last 60 days, not ${odd.at}.`,
      });
    const changed = await storage.recordSightings(
      token.brands,
      body.sightings.map((one) => ({
        key: one.key,
        outcome: one.state === 'ended' ? 'removed' : 'still_up',
        // A clock a little ahead is taken as now, so the outcome is never dated in the future.
        at: new Date(Math.min(Date.parse(one.at), now)).toISOString(),
        by: token.name,
      })),
    );
    return { changed };
  });
}
