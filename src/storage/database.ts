import { type DBSchema, openDB } from 'idb';
import type { AuditRow, AuditSession } from '../audit/model';
import type { OutboxEntry } from '../reports/outbox-model';

/** The extension's one IndexedDB database: the held registry, the report outbox, audit sessions. */
interface Schema extends DBSchema {
  registry: { key: string; value: unknown };
  outbox: { key: string; value: OutboxEntry; indexes: { createdAt: number; byListing: string } };
  auditSessions: { key: string; value: AuditSession & { nextOrder: number } };
  /** Keyed by [sessionId, key]; read in order of first sight through `bySessionOrder`. */
  auditRows: { key: [string, string]; value: AuditRow; indexes: { bySessionOrder: [string, number] } };
}

const NAME = 'counterfeit-guard';
const VERSION = 4;

/** Opens the database, creating or upgrading its stores. */
const openDatabase = () =>
  openDB<Schema>(NAME, VERSION, {
    upgrade(db, oldVersion, _newVersion, transaction) {
      if (oldVersion < 1) db.createObjectStore('registry');
      if (oldVersion < 2) db.createObjectStore('outbox', { keyPath: 'id' }).createIndex('createdAt', 'createdAt');
      if (oldVersion < 3) {
        db.createObjectStore('auditSessions', { keyPath: 'id' });
        db.createObjectStore('auditRows', { keyPath: ['sessionId', 'key'] }).createIndex('bySessionOrder', [
          'sessionId',
          'order',
        ]);
      }
      // The outbox's entries of one listing, for "already reported" without reading them all.
      if (oldVersion < 4) transaction.objectStore('outbox').createIndex('byListing', 'body.listing.key');
    },
  });

type Database = Awaited<ReturnType<typeof openDatabase>>;

/** Runs `work` with the database open, and closes it after, whatever `work` does. */
export async function withDatabase<T>(work: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase();
  try {
    return await work(db);
  } finally {
    db.close();
  }
}
