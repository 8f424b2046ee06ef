import type { FastifyInstance } from 'fastify';
import { singleFlight } from '../../../src/single-flight';
import { RESULT_WEEKS, weeklyResults } from '../results';
import type { Storage } from '../storage/types';

/**
 * Public counts, and the figures the programme measures itself by. Takedowns themselves happen on
 * the marketplaces, out of the service's sight: it counts the confirmed reports that ask for them.
 */
export function statsRoutes(app: FastifyInstance, storage: Storage): void {
  // Public, and it reads twelve weeks of rows: requests that arrive while it is being made share it.
  const made = singleFlight(async () => {
    const stats = await storage.stats();
    const now = Date.now();
    const rows = await storage.resultRows(now - RESULT_WEEKS * 7 * 86_400_000);
    return {
      ...stats,
      programme: {
        proactiveTakedownRequests: stats.confirmed,
        reviewedAccuracy:
          stats.confirmed + stats.rejected > 0 ? stats.confirmed / (stats.confirmed + stats.rejected) : null,
        suspectListingsTrend: stats.suspectListingsByWeek,
      },
      // The console's results, across every brand: sums only, no listing, reporter or volunteer.
      weekly: weeklyResults(rows, now),
    };
  });
  app.get('/v1/stats', async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=60');
    return made();
  });
}
