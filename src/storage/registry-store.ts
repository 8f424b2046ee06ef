import type { StoredIndex } from '../matching/match-index';
import type { HeldCopy } from '../registry/sync';
import { withDatabase } from './database';

/** The registry copy held and its index in compact form, written together in one transaction. */
interface HeldRegistry {
  copy: HeldCopy;
  index: StoredIndex;
}

const STORE = 'registry';
// Apart, so that a sync reads the copy without the index it does not need.
const COPY = 'copy';
const INDEX = 'index';
const BUNDLED = 'bundled';

/** The copy held, without its index. */
export async function readHeldCopy(): Promise<HeldCopy | undefined> {
  return withDatabase(async (db) => (await db.get(STORE, COPY)) as HeldCopy | undefined);
}

/** Replaces the held copy as one step: a reader sees the old one or the new one, never a mix. */
export async function writeHeld(held: HeldRegistry): Promise<void> {
  await withDatabase(async (db) => {
    const transaction = db.transaction(STORE, 'readwrite');
    await Promise.all([
      transaction.store.put(held.copy, COPY),
      transaction.store.put(held.index, INDEX),
      transaction.done,
    ]);
  });
}

/**
 * What a starting worker uses, read in one transaction: the held copy and its index where the
 * copy is newer than the bundled registry; else the bundled registry's index as a worker of this
 * build kept it (`fingerprint`: compiled from these very sources); else nothing (compile it).
 */
export async function readIndexInUse(
  bundledVersion: number,
  fingerprint: string,
): Promise<{ copy?: HeldCopy; index?: StoredIndex }> {
  return withDatabase(async (db) => {
    const { store } = db.transaction(STORE);
    const copy = (await store.get(COPY)) as HeldCopy | undefined;
    if (copy && copy.version > bundledVersion) {
      const index = (await store.get(INDEX)) as StoredIndex | undefined;
      if (index) return { copy, index };
    }
    const bundled = (await store.get(BUNDLED)) as { fingerprint: string; index: StoredIndex } | undefined;
    return bundled?.fingerprint === fingerprint ? { index: bundled.index } : {};
  });
}

/** Keeps the bundled registry's index for the next worker start (one record: a new build replaces it). */
export async function writeBundledIndex(fingerprint: string, index: StoredIndex): Promise<void> {
  await withDatabase((db) => db.put(STORE, { fingerprint, index }, BUNDLED));
}
