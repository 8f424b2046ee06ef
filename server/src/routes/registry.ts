import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Storage } from '../storage/types';

/** Compressed forms of the newest artifact, made once per version. */
const compressed = new Map<string, { br: Buffer; gzip: Buffer }>();

/** The newest signed registry (ETag, 304, compressed when asked) and patches from older versions. */
export function registryRoutes(app: FastifyInstance, storage: Storage): void {
  app.get('/v1/registry', async (request, reply) => {
    const latest = await storage.latestRegistry();
    if (!latest)
      return reply
        .status(503)
        .send({ error: 'not_published', message: 'No registry is published yet; try again shortly.' });
    reply.header('etag', latest.etag).header('cache-control', 'public, max-age=300').header('vary', 'accept-encoding');
    if (notModified(request, latest.etag)) return reply.status(304).send();
    return sendJson(request, reply, latest.etag, latest.body);
  });

  app.get<{ Querystring: { from?: string } }>('/v1/registry/diff', async (request, reply) => {
    const from = Number(request.query.from);
    if (!request.query.from || !Number.isInteger(from) || from < 0) {
      return reply
        .status(400)
        .send({ error: 'bad_request', message: 'from must be a registry version (a whole number).' });
    }
    const latest = await storage.latestRegistry();
    if (!latest) return reply.status(404).send({ error: 'not_published', message: 'No registry is published yet.' });
    // The newest already: nothing to patch, as a conditional request would say.
    if (from === latest.version) return reply.header('etag', latest.etag).status(304).send();
    if (from > latest.version) {
      return reply
        .status(404)
        .send({ error: 'no_patch', message: `Version ${from} is newer than the newest here, ${latest.version}.` });
    }
    const patch = await storage.registryPatch(from, latest.version);
    if (!patch) {
      return reply
        .status(404)
        .send({ error: 'no_patch', message: `No patch from version ${from} is kept; take the whole registry.` });
    }
    const etag = `"p${from}-${latest.etag.slice(1)}`;
    reply.header('etag', etag).header('cache-control', 'public, max-age=300').header('vary', 'accept-encoding');
    if (notModified(request, etag)) return reply.status(304).send();
    return sendJson(request, reply, etag, patch.body);
  });
}

function notModified(request: FastifyRequest, etag: string): boolean {
  const header = request.headers['if-none-match'];
  return typeof header === 'string' && header.split(',').some((tag) => tag.trim() === etag || tag.trim() === '*');
}

function sendJson(request: FastifyRequest, reply: FastifyReply, etag: string, body: string) {
  reply.type('application/json; charset=utf-8');
  const accepted = String(request.headers['accept-encoding'] ?? '');
  const encoding = /\bbr\b/.test(accepted) ? 'br' : /\bgzip\b/.test(accepted) ? 'gzip' : undefined;
  if (!encoding) return reply.send(body);
  let forms = compressed.get(etag);
  if (!forms) {
    if (compressed.size > 8) compressed.clear();
    forms = { br: brotliCompressSync(body), gzip: gzipSync(body) };
    compressed.set(etag, forms);
  }
  return reply.header('content-encoding', encoding).send(forms[encoding]);
}
