import { singleFlight } from '../single-flight';
import { withDatabase } from '../storage/database';
import {
  afterAttempt,
  beginAttempt,
  dueAt,
  FIRST_RETRY_MS,
  type Operation,
  type OutboxEntry,
  pendingOperation,
  type SendResult,
} from './outbox-model';

/** How soon a drain cut short by a stopped worker is taken up again. */
const MID_DRAIN_WAKE_MS = FIRST_RETRY_MS;

interface OutboxDeps {
  /** One attempt at an operation; never throws (a failure is a result). */
  deliver(entry: OutboxEntry, operation: Operation): Promise<SendResult>;
  now(): number;
  random(): number;
  /** Asks to be woken (drain called) at this time; undefined: nothing waits. */
  wake(at: number | undefined): void;
  /** Attempts under way at once. */
  concurrency?: number;
}

/** What one drain did, for the tests' and the bench's figures. */
interface DrainStats {
  attempts: number;
  delivered: number;
  failed: number;
}

/**
 * The report outbox in IndexedDB. Every change is written before its caller hears of it, so
 * a report the UI calls "Reported" is on disk; `drain` sends what is due and asks to be woken
 * for what is not. Each change reads the entry afresh inside its transaction: the worker's
 * parts (a click's message, a drain) never overwrite one another.
 */
export function createOutbox(deps: OutboxDeps) {
  const inFlight = new Set<string>();

  async function all(): Promise<OutboxEntry[]> {
    return withDatabase((db) => db.getAll('outbox'));
  }

  /** Applies `change` to the stored entry in one transaction; answers the entry as stored after it. */
  async function update(
    id: string,
    change: (entry: OutboxEntry) => OutboxEntry | null,
  ): Promise<OutboxEntry | undefined> {
    return withDatabase(async (db) => {
      const transaction = db.transaction('outbox', 'readwrite');
      const current = await transaction.store.get(id);
      if (!current) {
        await transaction.done;
        return undefined;
      }
      const next = change(current);
      if (next === null) await transaction.store.delete(id);
      else if (next !== current) await transaction.store.put(next);
      await transaction.done;
      return next ?? undefined;
    });
  }

  async function scheduleNext(): Promise<void> {
    // Entries being sent count too: their next attempt time is when to look again should this worker stop.
    const times = (await all()).map(dueAt).filter((at): at is number => at !== undefined);
    deps.wake(times.length > 0 ? Math.min(...times) : undefined);
  }

  async function attempt(entry: OutboxEntry, stats: DrainStats): Promise<void> {
    const operation = pendingOperation(entry);
    if (!operation) return;
    inFlight.add(entry.id);
    try {
      // Only if still due as re-read: a hold, amend or withdrawal may have landed since the drain listed it.
      let begun = false;
      const started = await update(entry.id, (current) => {
        if (pendingOperation(current) !== operation || (dueAt(current) ?? Number.POSITIVE_INFINITY) > deps.now())
          return current;
        begun = true;
        return beginAttempt(current, deps.now(), deps.random());
      });
      if (!started || !begun) return;
      stats.attempts++;
      const result = await deps.deliver(started, operation);
      const after = await update(entry.id, (current) =>
        afterAttempt(current, operation, result, deps.now(), deps.random()),
      );
      if (result.ok) stats.delivered++;
      else stats.failed++;
      // A send that turned into a withdrawal is due at once.
      if (after && pendingOperation(after) && dueAt(after)! <= deps.now()) await attempt(after, stats);
    } finally {
      inFlight.delete(entry.id);
    }
  }

  async function drainOnce(): Promise<DrainStats> {
    const stats: DrainStats = { attempts: 0, delivered: 0, failed: 0 };
    const now = deps.now();
    const due = (await all())
      .filter((entry) => !inFlight.has(entry.id) && (dueAt(entry) ?? Number.POSITIVE_INFINITY) <= now)
      .sort((a, b) => a.createdAt - b.createdAt);
    let next = 0;
    const lanes = Array.from({ length: Math.min(deps.concurrency ?? 4, due.length) }, async () => {
      while (next < due.length) await attempt(due[next++]!, stats);
    });
    await Promise.all(lanes);
    return stats;
  }

  /**
   * Sends everything due, a few at a time, then asks to be woken for the next due entry.
   * One drain at a time; a call during one makes it run once more when it ends.
   */
  const drain = singleFlight(async (askedAgain) => {
    const total: DrainStats = { attempts: 0, delivered: 0, failed: 0 };
    // Should the worker be stopped mid-drain, this wakes a new one to carry on: the entries
    // it was sending are due again once their recorded next attempt comes.
    deps.wake(deps.now() + MID_DRAIN_WAKE_MS);
    do {
      const stats = await drainOnce();
      total.attempts += stats.attempts;
      total.delivered += stats.delivered;
      total.failed += stats.failed;
    } while (askedAgain());
    await scheduleNext();
    return total;
  });

  return {
    all,
    update,
    async get(id: string): Promise<OutboxEntry | undefined> {
      return withDatabase((db) => db.get('outbox', id));
    },

    /** Stores a new entry; resolves once it is on disk. */
    async add(entry: OutboxEntry): Promise<void> {
      await withDatabase((db) => db.add('outbox', entry));
      await scheduleNext();
    },

    /** The entries about one listing. */
    async forListing(key: string): Promise<OutboxEntry[]> {
      return withDatabase((db) => db.getAllFromIndex('outbox', 'byListing', key));
    },

    /** Entries created since `since`, newest first (for the client's own rate limit). */
    async createdSince(since: number): Promise<OutboxEntry[]> {
      return withDatabase(async (db) => {
        const entries = await db.getAllFromIndex('outbox', 'createdAt', IDBKeyRange.lowerBound(since, true));
        return entries.reverse();
      });
    },

    /** Changes an entry and reschedules: the change may make it due sooner or later. */
    async change(id: string, change: (entry: OutboxEntry) => OutboxEntry | null) {
      const after = await update(id, change);
      await scheduleNext();
      return after;
    },

    drain,
  };
}

export type Outbox = ReturnType<typeof createOutbox>;
