import { type DBSchema, openDB } from 'idb';
import type { OutboxEntry } from '../reports/outbox-model';

/** The extension's one IndexedDB database: the held registry, and the report outbox. */
interface Schema extends DBSchema {
  registry: { key: string; value: unknown };
  outbox: { key: string; value: OutboxEntry; indexes: { createdAt: number } };
}

const NAME = 'counterfeit-guard';
const VERSION = 2;

/** Opens the database, creating or upgrading its stores; callers close it when done. */
export const openDatabase = () =>
  openDB<Schema>(NAME, VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) db.createObjectStore('registry');
      if (oldVersion < 2) db.createObjectStore('outbox', { keyPath: 'id' }).createIndex('createdAt', 'createdAt');
    },
  });
