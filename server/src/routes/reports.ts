import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as v from 'valibot';
import { hostUnder, sellingHosts } from '../../../src/listing/hosts';
import { keyId } from '../../../src/listing/key';
import { FeedbackSchema, type Report, ReportSchema, WithdrawalSchema } from '../../../src/reports/report';
import { type Limiters, REPORT_BODY_LIMIT } from '../app';
import { originOf } from '../origin';
import type { Storage } from '../storage/types';

/** Reports and feedback: validated, limited per reporter and address, stored exactly once by id. */
export function reportRoutes(app: FastifyInstance, storage: Storage, limiters: Limiters, originKey: Uint8Array): void {
  app.post('/v1/reports', { bodyLimit: REPORT_BODY_LIMIT }, async (request, reply) => {
    const report = accept(ReportSchema, request, reply, limiters);
    if (!report) return reply;
    const wrong = implausible(report, Date.now());
    if (wrong) return reply.status(400).send({ error: 'invalid', field: wrong.field, message: wrong.message });
    const over = overQuota(limiters, report, request.ip);
    if (over) {
      return reply.status(429).header('retry-after', String(over.wait)).send({ error: 'quota', message: over.message });
    }
    const origin = originOf(request.ip, originKey);
    const { inserted, stored } = await storage.insertReport(report, new Date().toISOString(), origin);
    // The same id again is the same report: the same answer, nothing stored twice.
    if (!inserted) reply.header('idempotent-replay', 'true');
    return reply.status(201).send({ id: stored.report.id, status: 'received', receivedAt: stored.receivedAt });
  });

  // The reporter takes a report back: it is kept, but counts nowhere after this. Someone else's
  // report, or one that never arrived, is the same 404, so that nobody learns which ids exist.
  app.post<{ Params: { id: string } }>('/v1/reports/:id/withdraw', async (request, reply) => {
    const withdrawal = accept(WithdrawalSchema, request, reply, limiters);
    if (!withdrawal) return reply;
    const id = v.safeParse(ReportSchema.entries.id, request.params.id);
    if (!id.success) {
      return reply.status(400).send({ error: 'invalid', field: 'id', message: `id: ${id.issues[0].message}` });
    }
    const result = await storage.withdrawReport(
      id.output,
      withdrawal.reporterId,
      new Date().toISOString(),
      withdrawal.withdrawKey,
    );
    if (!result) {
      // Its own code, so that a client can tell "no such report" from "no such route".
      return reply.status(404).send({ error: 'unknown_report', message: 'No report with this id from this reporter.' });
    }
    // Withdrawn before: the same answer, with the first withdrawal's time.
    if (!result.withdrawn) reply.header('idempotent-replay', 'true');
    return reply
      .status(200)
      .send({ id: result.stored.report.id, status: 'withdrawn', withdrawnAt: result.stored.withdrawnAt });
  });

  app.post('/v1/feedback', async (request, reply) => {
    const feedback = accept(FeedbackSchema, request, reply, limiters);
    if (!feedback) return reply;
    const receivedAt = new Date().toISOString();
    const { inserted, stored } = await storage.insertFeedback(feedback, receivedAt);
    if (!inserted) reply.header('idempotent-replay', 'true');
    return reply.status(201).send({ id: stored.id, status: 'received' });
  });
}

const DAY = 86_400_000;

/**
 * What the schema cannot say of a report: it names its listing on the marketplace it says (the
 * key's prefix, the address's host), was written lately (a month back at most, a day ahead for
 * clocks), and its screenshot is the one its hash names. Undefined when all holds.
 */
function implausible(report: Report, now: number): { field: string; message: string } | undefined {
  const { listing } = report;
  if (keyId(listing.key, listing.marketplace) === undefined)
    return { field: 'listing.key', message: `listing.key: expected a key of ${listing.marketplace}` };
  const host = new URL(listing.url).hostname.toLowerCase().replace(/^www\./, '');
  if (listing.marketplace !== 'shop' && !hostUnder(host, sellingHosts(listing.marketplace)))
    return { field: 'listing.url', message: `listing.url: ${host} is not a ${listing.marketplace} address` };
  const created = Date.parse(report.createdAt);
  if (created < now - 30 * DAY || created > now + DAY)
    return { field: 'createdAt', message: 'createdAt: expected a time within the last 30 days' };
  if (report.screenshot) {
    const digest = createHash('sha256').update(Buffer.from(report.screenshot.base64, 'base64')).digest('hex');
    if (digest !== report.screenshot.sha256)
      return { field: 'screenshot.sha256', message: 'screenshot.sha256: not the SHA-256 of the screenshot sent' };
  }
  return undefined;
}

/** The day's quota a report would pass, with the seconds until it resets; undefined within them all. */
function overQuota(limiters: Limiters, report: Report, ip: string): { wait: number; message: string } | undefined {
  const { reports, screenshots } = limiters.daily;
  const wait = Math.max(reports.reporter.hit(report.reporterId), reports.address.hit(ip));
  if (wait > 0) return { wait, message: `The day's quota of reports is used up; try again in ${wait} s.` };
  if (!report.screenshot) return undefined;
  const shots = Math.max(screenshots.reporter.hit(report.reporterId), screenshots.address.hit(ip));
  return shots > 0
    ? {
        wait: shots,
        message: `The day's quota of screenshots is used up; send the report without one, or in ${shots} s.`,
      }
    : undefined;
}

/** The body in its schema's shape and within the limits, or undefined with the 4xx already set. */
function accept<T extends v.GenericSchema>(
  schema: T,
  request: FastifyRequest,
  reply: FastifyReply,
  limiters: Limiters,
): v.InferOutput<T> | undefined {
  const wait = limiters.address.hit(request.ip);
  if (wait > 0) {
    void reply
      .status(429)
      .header('retry-after', String(wait))
      .send({
        error: 'rate_limited',
        message: `Too many requests from this address; try again in ${wait} s.`,
      });
    return undefined;
  }
  const parsed = v.safeParse(schema, request.body);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const field = v.getDotPath(issue) ?? '(body)';
    void reply.status(400).send({ error: 'invalid', field, message: `${field}: ${issue.message}` });
    return undefined;
  }
  const reporterWait = limiters.reporter.hit((parsed.output as { reporterId: string }).reporterId);
  if (reporterWait > 0) {
    void reply
      .status(429)
      .header('retry-after', String(reporterWait))
      .send({
        error: 'rate_limited',
        message: `Too many reports from this reporter; try again in ${reporterWait} s.`,
      });
    return undefined;
  }
  return parsed.output;
}
