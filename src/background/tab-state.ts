import { browser } from 'wxt/browser';
import type { TabEntry } from '../messaging/protocol';
import type { Assessment } from '../risk/assessment';
import { keyedSerialQueue } from './serial';

/**
 * What each tab's page was found to hold. Session storage outlives the service worker (MV3
 * stops it at will) and is cleared with the browser, as page state should be.
 *
 * A page of thousands of results arrives a batch at a time (10 to 200 cards), so its entries are kept in chunks, one
 * per batch (`tab:<id>:<n>`), under a small manifest (`tab:<id>`) that says which chunk holds
 * each listing: a batch writes its own chunk and the manifest, never the whole page again.
 * The manifest changes with every batch, so a page following a tab can watch that one key.
 *
 * Session storage holds 10 MB for every tab together: each tab keeps its newest MAX_ENTRIES
 * listings (about 0.5 MB), its oldest chunks dropped past that, so one huge page cannot crowd out the others
 * and a batch's write costs the same on the ten-thousandth card as on the first.
 */
interface TabManifest {
  /** Chunks are numbered from 0 on; those below `first` were dropped. */
  chunks: number;
  first?: number;
  /** Each kept listing's chunk. */
  where: Record<string, number>;
  /** Each kept chunk's suspect listings, High and Caution: the toolbar count without reading the chunks. */
  suspects?: Record<number, SuspectCount>;
}

export interface SuspectCount {
  high: number;
  caution: number;
}

/** How a kept assessment reads now: the engine's answer with what the user said of it applied. */
export type View = (assessment: Assessment) => Assessment;

function suspectsIn(entries: readonly TabEntry[], view: View): SuspectCount {
  const count = { high: 0, caution: 0 };
  for (const entry of entries) {
    const { level } = view(entry.assessment);
    if (level === 'high' || level === 'caution') count[level]++;
  }
  return count;
}

function totalOf(suspects: Record<number, SuspectCount>): SuspectCount {
  const total = { high: 0, caution: 0 };
  for (const count of Object.values(suspects)) {
    total.high += count.high;
    total.caution += count.caution;
  }
  return total;
}

/** The listings a tab keeps: a long result page's newest (the popup lists what the page shows now). */
export const MAX_ENTRIES = 500;

const manifestKey = (tabId: number) => `tab:${tabId}`;
const chunkKey = (tabId: number, chunk: number) => `tab:${tabId}:${chunk}`;
const area = () => browser.storage.session;

async function manifestOf(tabId: number): Promise<TabManifest | undefined> {
  return (await area().get(manifestKey(tabId)))[manifestKey(tabId)] as TabManifest | undefined;
}

/** Writes to one tab's entries run one after another, so batches arriving together all count. */
const serialised = keyedSerialQueue<number>();

export const tabState = {
  /** The tab's entries in page order (the order each listing was first read). */
  async get(tabId: number): Promise<TabEntry[]> {
    const manifest = await manifestOf(tabId);
    if (!manifest) return [];
    const keys = chunkKeys(tabId, manifest);
    const chunks = await area().get(keys);
    return keys.flatMap((key) => (chunks[key] as TabEntry[] | undefined) ?? []);
  },

  /**
   * Adds a batch of the engine's answers; a listing read again replaces its earlier entry, in its
   * first place. Says how many suspect listings the tab now keeps, as `view` shows them.
   */
  add: (tabId: number, entries: TabEntry[], view: View) =>
    serialised(tabId, async (): Promise<SuspectCount> => {
      const manifest: TabManifest = (await manifestOf(tabId)) ?? { chunks: 0, where: {} };
      manifest.suspects ??= {};
      const suspects = manifest.suspects;
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
          const updated = current.map((entry) => byKey.get(entry.listing.key) ?? entry);
          writes[chunkKey(tabId, chunk)] = updated;
          suspects[chunk] = suspectsIn(updated, view);
        }
      }
      if (fresh.length > 0) {
        const chunk = manifest.chunks++;
        writes[chunkKey(tabId, chunk)] = fresh;
        suspects[chunk] = suspectsIn(fresh, view);
        for (const entry of fresh) manifest.where[entry.listing.key] = chunk;
      }
      const dropped = trim(manifest);
      for (const chunk of dropped) {
        delete writes[chunkKey(tabId, chunk)];
        delete suspects[chunk];
      }
      writes[manifestKey(tabId)] = manifest;
      await area().set(writes);
      if (dropped.length > 0) await area().remove(dropped.map((chunk) => chunkKey(tabId, chunk)));
      return totalOf(suspects);
    }),

  /**
   * Counts the tab's suspect listings again as `view` now shows them (the user said one is
   * genuine, or took it back), when the tab holds `key`; undefined when it does not.
   */
  recount: (tabId: number, key: string, view: View) =>
    serialised(tabId, async (): Promise<SuspectCount | undefined> => {
      const manifest = await manifestOf(tabId);
      const chunk = manifest?.where[key];
      if (!manifest || chunk === undefined) return undefined;
      const held = (await area().get(chunkKey(tabId, chunk)))[chunkKey(tabId, chunk)] as TabEntry[] | undefined;
      manifest.suspects ??= {};
      manifest.suspects[chunk] = suspectsIn(held ?? [], view);
      await area().set({ [manifestKey(tabId)]: manifest });
      return totalOf(manifest.suspects);
    }),

  clear: (tabId: number) =>
    serialised(tabId, async () => {
      const manifest = await manifestOf(tabId);
      if (!manifest) return;
      await area().remove([manifestKey(tabId), ...chunkKeys(tabId, manifest)]);
    }),
};

function chunkKeys(tabId: number, manifest: TabManifest): string[] {
  const first = manifest.first ?? 0;
  return Array.from({ length: manifest.chunks - first }, (_, n) => chunkKey(tabId, first + n));
}

/** Drops the oldest chunks while the tab keeps over MAX_ENTRIES listings; returns their numbers. */
function trim(manifest: TabManifest): number[] {
  const sizes = new Map<number, number>();
  for (const chunk of Object.values(manifest.where)) sizes.set(chunk, (sizes.get(chunk) ?? 0) + 1);
  let kept = Object.keys(manifest.where).length;
  const dropped: number[] = [];
  let first = manifest.first ?? 0;
  // The newest chunk always stays, whatever its size.
  while (kept > MAX_ENTRIES && first < manifest.chunks - 1) {
    kept -= sizes.get(first) ?? 0;
    dropped.push(first++);
  }
  if (dropped.length === 0) return dropped;
  const gone = new Set(dropped);
  for (const [key, chunk] of Object.entries(manifest.where)) if (gone.has(chunk)) delete manifest.where[key];
  manifest.first = first;
  return dropped;
}
