import { openDB } from 'idb';
import type { StoredIndex } from '../matching/match-index';
import type { HeldCopy } from './sync';

/** The registry copy held and its index in compact form, written together in one transaction. */
export interface HeldRegistry {
  copy: HeldCopy;
  index: StoredIndex;
}

const DATABASE = 'counterfeit-guard';
const STORE = 'registry';
const CURRENT = 'current';

const database = () =>
  openDB(DATABASE, 1, {
    upgrade(db) {
      db.createObjectStore(STORE);
    },
  });

export async function readHeld(): Promise<HeldRegistry | undefined> {
  const db = await database();
  try {
    return (await db.get(STORE, CURRENT)) as HeldRegistry | undefined;
  } finally {
    db.close();
  }
}

/** Replaces the held copy as one step: a reader sees the old one or the new one, never a mix. */
export async function writeHeld(held: HeldRegistry): Promise<void> {
  const db = await database();
  try {
    await db.put(STORE, held, CURRENT);
  } finally {
    db.close();
  }
}
