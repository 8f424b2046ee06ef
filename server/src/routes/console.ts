import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Where `npm run build:console` puts the console (server/console, built by Vite). */
export const CONSOLE_DIR = fileURLToPath(new URL('../../static/console', import.meta.url));

/**
 * No script but the console's own files, nothing from elsewhere, no framing: a token lives in
 * this page's session storage, so nothing may run in it or wrap it.
 */
export const CONSOLE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** The brand console at /console/, as built; without a build, a 503 that says how to make one. */
export async function consoleRoutes(app: FastifyInstance, dir = CONSOLE_DIR): Promise<void> {
  app.addHook('onSend', async (request, reply, payload) => {
    if (!request.url.startsWith('/console')) return payload;
    reply.header('content-security-policy', CONSOLE_CSP);
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'no-referrer');
    // Vite names each built asset by its content: a name never changes what it holds.
    if (request.url.startsWith('/console/assets/') && reply.statusCode === 200)
      reply.header('cache-control', 'public, max-age=31536000, immutable');
    return payload;
  });
  if (!existsSync(join(dir, 'index.html'))) {
    const notBuilt = async (_request: unknown, reply: import('fastify').FastifyReply) =>
      reply.status(503).send({
        error: 'console_not_built',
        message: 'The console is not built: run npm run build:console, then start the service again.',
      });
    app.get('/console', notBuilt);
    app.get('/console/*', notBuilt);
    return;
  }
  await app.register(fastifyStatic, { root: dir, prefix: '/console', redirect: true, index: 'index.html' });
}
