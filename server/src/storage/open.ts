import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openPostgres } from './postgres';
import { openSqlite } from './sqlite';
import type { Storage } from './types';

/** The SQLite file's name inside the data folder. */
export const SQLITE_FILE = 'counterfeit-guard.sqlite';

/**
 * Opens the service's storage, migrated: PostgreSQL when `databaseUrl` is a postgres:// or
 * postgresql:// address, else SQLite in `dataDir` (created when missing).
 */
export async function openStorage(options: { dataDir: string; databaseUrl?: string }): Promise<Storage> {
  const url = options.databaseUrl?.trim();
  let storage: Storage;
  if (url && /^postgres(?:ql)?:\/\//i.test(url)) {
    storage = await openPostgres(url);
  } else {
    if (url) throw new Error(`DATABASE_URL must start with postgres:// or postgresql://, not ${url.split(':')[0]}:`);
    mkdirSync(options.dataDir, { recursive: true });
    storage = openSqlite(join(options.dataDir, SQLITE_FILE));
  }
  try {
    await storage.migrate();
  } catch (error) {
    await storage.close();
    throw error;
  }
  return storage;
}
