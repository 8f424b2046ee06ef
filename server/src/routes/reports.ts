import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as v from 'valibot';
import { FeedbackSchema, ReportSchema } from '../../../src/reports/report';
import { type Limiters, REPORT_BODY_LIMIT } from '../app';
import type { Storage } from '../storage/types';

/** Reports and feedback: validated, limited per reporter and address, stored exactly once by id. */
export function reportRoutes(app: FastifyInstance, storage: Storage, limiters: Limiters): void {
  app.post('/v1/reports', { bodyLimit: REPORT_BODY_LIMIT }, async (request, reply) => {
    const report = accept(ReportSchema, request, reply, limiters);
    if (!report) return reply;
    const { inserted, stored } = await storage.insertReport(report, new Date().toISOString());
    // The same id again is the same report: the same answer, nothing stored twice.
    if (!inserted) reply.header('idempotent-replay', 'true');
    return reply.status(201).send({ id: stored.report.id, status: 'received', receivedAt: stored.receivedAt });
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
