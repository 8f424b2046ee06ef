import { browser } from 'wxt/browser';
import type { TabEntry } from '../messaging/protocol';

/**
 * What each tab's page was found to hold. Session storage outlives the service worker (MV3
 * stops it at will) and is cleared with the browser, as page state should be.
 *
 * A page of thousands of results arrives ten at a time, so its entries are kept in chunks, one
 * per batch (`tab:<id>:<n>`), under a small manifest (`tab:<id>`) that says which chunk holds
 * each listing: a batch writes its own chunk and the manifest, never the whole page again.
 * The manifest changes with every batch, so a page following a tab can watch that one key.
 */
export interface TabManifest {
  chunks: number;
  /** Each listing's chunk. */
  where: Record<string, number>;
}

export const manifestKey = (tabId: number) => `tab:${tabId}`;
const chunkKey = (tabId: number, chunk: number) => `tab:${tabId}:${chunk}`;
const area = () => browser.storage.session;

async function manifestOf(tabId: number): Promise<TabManifest | undefined> {
  return (await area().get(manifestKey(tabId)))[manifestKey(tabId)] as TabManifest | undefined;
}

/** Writes to one tab's entries run one after another, so batches arriving together all count. */
const queues = new Map<number, Promise<unknown>>();
function serialised<T>(tabId: number, work: () => Promise<T>): Promise<T> {
  const next = (queues.get(tabId) ?? Promise.resolve()).then(work, work);
  const settled = next.catch(() => undefined);
  queues.set(tabId, settled);
  void settled.then(() => {
    if (queues.get(tabId) === settled) queues.delete(tabId);
  });
  return next;
}

export const tabState = {
  /** The tab's entries in page order (the order each listing was first read). */
  async get(tabId: number): Promise<TabEntry[]> {
    const manifest = await manifestOf(tabId);
    if (!manifest) return [];
    const keys = Array.from({ length: manifest.chunks }, (_, n) => chunkKey(tabId, n));
    const chunks = await area().get(keys);
    return keys.flatMap((key) => (chunks[key] as TabEntry[] | undefined) ?? []);
  },

  /** Adds a batch; a listing read again replaces its earlier entry, in its first place. */
  add: (tabId: number, entries: TabEntry[]) =>
    serialised(tabId, async () => {
      const manifest = (await manifestOf(tabId)) ?? { chunks: 0, where: {} };
      const fresh: TabEntry[] = [];
      const again = new Map<number, TabEntry[]>();
      const seen = new Map<string, TabEntry>();
      for (const entry of entries) {
        const key = entry.listing.key;
        const chunk = manifest.where[key];
        if (chunk === undefined && !seen.has(key)) fresh.push(entry);
        else if (chunk !== undefined) again.set(chunk, [...(again.get(chunk) ?? []), entry]);
        seen.set(key, entry);
      }
      // A listing twice in one batch keeps its first place and its last reading.
      for (const [i, entry] of fresh.entries()) fresh[i] = seen.get(entry.listing.key)!;
      const writes: Record<string, unknown> = {};
      if (again.size > 0) {
        const held = await area().get([...again.keys()].map((chunk) => chunkKey(tabId, chunk)));
        for (const [chunk, updates] of again) {
          const byKey = new Map(updates.map((entry) => [entry.listing.key, entry]));
          const current = (held[chunkKey(tabId, chunk)] as TabEntry[] | undefined) ?? [];
          writes[chunkKey(tabId, chunk)] = current.map((entry) => byKey.get(entry.listing.key) ?? entry);
        }
      }
      if (fresh.length > 0) {
        const chunk = manifest.chunks++;
        writes[chunkKey(tabId, chunk)] = fresh;
        for (const entry of fresh) manifest.where[entry.listing.key] = chunk;
      }
      writes[manifestKey(tabId)] = manifest;
      await area().set(writes);
    }),

  clear: (tabId: number) =>
    serialised(tabId, async () => {
      const manifest = await manifestOf(tabId);
      if (!manifest) return;
      const keys = Array.from({ length: manifest.chunks }, (_, n) => chunkKey(tabId, n));
      await area().remove([manifestKey(tabId), ...keys]);
    }),
};
