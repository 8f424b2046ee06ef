import type { FastifyInstance } from 'fastify';
import type { Storage } from '../storage/types';

/**
 * Public counts, and the figures the programme measures itself by. Takedowns themselves happen on
 * the marketplaces, out of the service's sight: it counts the confirmed reports that ask for them.
 */
export function statsRoutes(app: FastifyInstance, storage: Storage): void {
  app.get('/v1/stats', async (_request, reply) => {
    const stats = await storage.stats();
    reply.header('cache-control', 'public, max-age=60');
    return {
      ...stats,
      programme: {
        proactiveTakedownRequests: stats.confirmed,
        reviewedAccuracy:
          stats.confirmed + stats.rejected > 0 ? stats.confirmed / (stats.confirmed + stats.rejected) : null,
        suspectListingsTrend: stats.suspectListingsByWeek,
      },
    };
  });
}
