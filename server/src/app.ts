import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { freshOriginKey } from './origin';
import type { TrustProxy } from './proxy';
import type { SignedPayload } from './publish';
import { RateLimit } from './rate-limit';
import { adminRoutes } from './routes/admin';
import { appealRoutes } from './routes/appeals';
import { consoleRoutes } from './routes/console';
import { filingRoutes } from './routes/filings';
import { registryRoutes } from './routes/registry';
import { reportRoutes } from './routes/reports';
import { resultRoutes } from './routes/results';
import { statsRoutes } from './routes/stats';
import { volunteerRoutes } from './routes/volunteers';
import type { Storage } from './storage/types';

interface AppOptions {
  storage: Storage;
  /** Requests a minute per reporter id and per address, for reports and feedback. */
  limits?: { perReporter: number; perAddress: number };
  /**
   * Reports, and reports with a screenshot, a day per reporter id and per address: what bounds
   * how fast one client can grow the database (see DEFAULT_QUOTAS).
   */
  quotas?: Quotas;
  /** The key origins are hashed with (see origin.ts); a fresh one when not given. */
  originKey?: Uint8Array;
  /**
   * Which proxies' X-Forwarded-For to believe (Fastify's trustProxy): none by default, so that a
   * client cannot name its own address; behind a load balancer, its address, CIDR or hop count.
   * Unset behind one, every client is the balancer: one rate limit and one network for all.
   */
  trustProxy?: TrustProxy;
  logger?: boolean;
  /** Where the built console is (tests give their own build); CONSOLE_DIR by default. */
  consoleDir?: string;
}

/** Whether any string in a parsed body or query holds U+0000 (bodies are small: the walk is too). */
function holdsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 64 || value === null || typeof value !== 'object') return false;
  for (const [key, inner] of Object.entries(value))
    if (key.includes('\u0000') || holdsNul(inner, depth + 1)) return true;
  return false;
}

/** How close to its expiry the served registry copy makes the service unhealthy. */
const EXPIRY_WARNING_MS = 86_400_000;

/** A report may carry a screenshot (up to about 2 MB as base64); nothing else needs more than this. */
export const REPORT_BODY_LIMIT = 4 * 1024 * 1024;

/** The HTTP app: JSON in and out, every refusal a 4xx with a JSON error, nothing thrown past here. */
export function buildApp(options: AppOptions): FastifyInstance {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 64 * 1024,
    trustProxy: options.trustProxy ?? false,
  });
  const limits = options.limits ?? { perReporter: 30, perAddress: 600 };
  const quotas = options.quotas ?? DEFAULT_QUOTAS;
  // The service's own secret: report origins and volunteers' pseudonyms for reporters are keyed by it.
  const originKey = options.originKey ?? freshOriginKey();
  const limiters = {
    reporter: new RateLimit(limits.perReporter, 60_000),
    address: new RateLimit(limits.perAddress, 60_000),
    daily: {
      reports: {
        reporter: new RateLimit(quotas.reports.perReporter, DAY_MS),
        address: new RateLimit(quotas.reports.perAddress, DAY_MS),
      },
      screenshots: {
        reporter: new RateLimit(quotas.screenshots.perReporter, DAY_MS),
        address: new RateLimit(quotas.screenshots.perAddress, DAY_MS),
      },
    },
    appeals: new RateLimit(quotas.appeals.perAddress, DAY_MS),
  };

  // Every answer: no content sniffing. Private answers (a volunteer's, a report's receipt) are
  // never kept by a cache; the registry's own caching headers stand.
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    if (
      !request.url.startsWith('/v1/registry') &&
      !request.url.startsWith('/v1/stats') &&
      !request.url.startsWith('/console/assets/')
    )
      reply.header('cache-control', 'no-store');
    return payload;
  });

  // NUL is text no database column takes (PostgreSQL refuses it outright): a 400, not a 500.
  app.addHook('preValidation', async (request, reply) => {
    if (holdsNul(request.body) || holdsNul(request.query)) {
      return reply.status(400).send({ error: 'invalid', message: 'Text may not hold the NUL character (U+0000).' });
    }
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    // A 500 is a fault of the service's own: said where an operator looks, with or without a logger.
    if (status === 500) {
      app.log.error(error);
      if (!options.logger) console.error(`[counterfeit-guard] 500 on ${request.method} ${request.url}:`, error);
    }
    void reply.status(status).send({
      error: status === 500 ? 'internal' : (error.code ?? 'bad_request'),
      message: status === 500 ? 'The service failed to answer; try again later.' : error.message,
    });
  });
  app.setNotFoundHandler((request, reply) => {
    void reply.status(404).send({ error: 'not_found', message: `No ${request.method} ${request.url} here.` });
  });

  // Unhealthy once the copy served is within a day of its expiry (or there is none): a publish
  // job that stopped would otherwise go unnoticed until every client refused the registry.
  const expiry = { etag: '', expiresAt: '' };
  app.get('/healthz', async (_request, reply) => {
    const latest = await options.storage.latestRegistry();
    if (latest && latest.etag !== expiry.etag) {
      const signed = JSON.parse(latest.body) as { payload: string };
      Object.assign(expiry, { etag: latest.etag, expiresAt: (JSON.parse(signed.payload) as SignedPayload).expiresAt });
    }
    const left = latest ? Date.parse(expiry.expiresAt) - Date.now() : 0;
    if (left < EXPIRY_WARNING_MS) {
      return reply.status(503).send({
        ok: false,
        error: latest ? 'registry_expiring' : 'no_registry',
        message: latest
          ? `The registry copy served expires at ${expiry.expiresAt}; run publish.`
          : 'No registry has been published yet; run publish.',
      });
    }
    return { ok: true, registryExpiresAt: expiry.expiresAt };
  });
  registryRoutes(app, options.storage);
  reportRoutes(app, options.storage, limiters, originKey);
  volunteerRoutes(app, options.storage, originKey);
  filingRoutes(app, options.storage, originKey);
  adminRoutes(app, options.storage);
  resultRoutes(app, options.storage);
  appealRoutes(app, options.storage, limiters, originKey);
  statsRoutes(app, options.storage);
  void app.register((scope) => consoleRoutes(scope, options.consoleDir));
  return app;
}

type Daily = { reporter: RateLimit; address: RateLimit };
export type Limiters = {
  reporter: RateLimit;
  address: RateLimit;
  daily: { reports: Daily; screenshots: Daily };
  /** Appeals a day per address: a seller has a few listings to argue, not thousands. */
  appeals: RateLimit;
};

interface Quotas {
  reports: { perReporter: number; perAddress: number };
  screenshots: { perReporter: number; perAddress: number };
  appeals: { perAddress: number };
}

const DAY_MS = 86_400_000;

/**
 * A shopper reports a few listings a day; a screenshot is up to about 2.1 MB. With these, one
 * address adds at most 2,000 report rows (about 2 KB each: 4 MB) and 20 screenshots (42 MB) a
 * day, instead of the 1.6 GB a minute that screenshots under the per-minute limit alone allowed.
 */
export const DEFAULT_QUOTAS: Quotas = {
  reports: { perReporter: 200, perAddress: 2000 },
  screenshots: { perReporter: 5, perAddress: 20 },
  appeals: { perAddress: 20 },
};
