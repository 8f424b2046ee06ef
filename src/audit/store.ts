import type { Listing } from '../listing/listing';
import { randomId } from '../reports/compose';
import type { Assessment } from '../risk/assessment';
import { withDatabase } from '../storage/database';
import { type AuditRow, type AuditSession, type AuditSummary, summaryOf } from './model';

type StoredSession = AuditSession & { nextOrder: number };

/** A listing an audited brand was found in, as the background assessed it. */
export interface SeenListing {
  listing: Listing;
  assessment: Assessment;
  brand: string;
}

const toSession = ({ nextOrder: _, ...session }: StoredSession): AuditSession => session;

async function openStored(): Promise<StoredSession | undefined> {
  return withDatabase(async (db) => (await db.getAll('auditSessions')).find((session) => !session.endedAt));
}

/** Audit sessions in IndexedDB: one open at most; rows kept per session in order of first sight. */
export const auditStore = {
  async open(): Promise<AuditSession | undefined> {
    const stored = await openStored();
    return stored && toSession(stored);
  },

  /** Closes any open session and opens one for these brands. */
  async start(brands: string[], now: number): Promise<AuditSession> {
    return withDatabase(async (db) => {
      const transaction = db.transaction('auditSessions', 'readwrite');
      for (const session of await transaction.store.getAll())
        if (!session.endedAt) await transaction.store.put({ ...session, endedAt: now });
      const session: StoredSession = { id: randomId(), startedAt: now, brands, pages: [], nextOrder: 0 };
      await transaction.store.put(session);
      await transaction.done;
      return toSession(session);
    });
  },

  async end(now: number): Promise<AuditSession | undefined> {
    return withDatabase(async (db) => {
      const transaction = db.transaction('auditSessions', 'readwrite');
      const open = (await transaction.store.getAll()).find((session) => !session.endedAt);
      if (open) await transaction.store.put({ ...open, endedAt: now });
      await transaction.done;
      return open && toSession({ ...open, endedAt: now });
    });
  },

  async rows(sessionId: string): Promise<AuditRow[]> {
    return withDatabase((db) =>
      db.getAllFromIndex(
        'auditRows',
        'bySessionOrder',
        IDBKeyRange.bound([sessionId, Number.NEGATIVE_INFINITY], [sessionId, Number.POSITIVE_INFINITY]),
      ),
    );
  },

  /**
   * Records what a page showed of the audited brands, in one transaction: new listings get the
   * next places in the session's order; one seen again keeps its place, selection and report,
   * with its latest reading. A page is counted once per address, in order of first visit.
   */
  async record(pageUrl: string, found: readonly SeenListing[], now: number): Promise<boolean> {
    if (found.length === 0) return false;
    return withDatabase(async (db) => {
      const transaction = db.transaction(['auditSessions', 'auditRows'], 'readwrite');
      const sessions = transaction.objectStore('auditSessions');
      const rows = transaction.objectStore('auditRows');
      const session = (await sessions.getAll()).find((candidate) => !candidate.endedAt);
      if (!session) {
        await transaction.done;
        return false;
      }
      let page = session.pages.find((candidate) => candidate.url === pageUrl);
      if (!page) {
        page = { url: pageUrl, marketplace: found[0]!.listing.marketplace, at: now, listings: 0 };
        session.pages.push(page);
      }
      for (const { listing, assessment, brand } of found) {
        const held = await rows.get([session.id, listing.key]);
        if (held) {
          await rows.put({ ...held, listing, assessment, brand });
          continue;
        }
        page.listings++;
        await rows.put({
          sessionId: session.id,
          key: listing.key,
          order: session.nextOrder++,
          listing,
          assessment,
          brand,
          pageUrl,
          firstSeenAt: now,
          selected: false,
        });
      }
      await sessions.put(session);
      await transaction.done;
      return true;
    });
  },

  /** Changes rows of a session in one transaction; rows not in it are left alone. */
  async update(sessionId: string, keys: readonly string[], change: (row: AuditRow) => AuditRow): Promise<void> {
    await withDatabase(async (db) => {
      const transaction = db.transaction('auditRows', 'readwrite');
      for (const key of keys) {
        const row = await transaction.store.get([sessionId, key]);
        if (row) await transaction.store.put(change(row));
      }
      await transaction.done;
    });
  },

  /** Every session, newest first, with its counts of the rows as `view` shows them. */
  async history(view: (row: AuditRow) => AuditRow): Promise<AuditSummary[]> {
    const sessions = await withDatabase((db) => db.getAll('auditSessions'));
    sessions.sort((a, b) => b.startedAt - a.startedAt);
    return Promise.all(
      sessions.map(async (session) => summaryOf(toSession(session), (await this.rows(session.id)).map(view))),
    );
  },
};
