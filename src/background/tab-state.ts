import { storage } from 'wxt/utils/storage';
import type { TabEntry } from '../messaging/protocol';

/**
 * What each tab's page was found to hold. Session storage outlives the service worker (MV3
 * stops it at will) and is cleared with the browser, as page state should be.
 */
const itemFor = (tabId: number) => storage.defineItem<TabEntry[]>(`session:tab:${tabId}`, { fallback: [] });

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
  get: (tabId: number) => itemFor(tabId).getValue(),
  /** Adds a batch; a listing read again replaces its earlier entry, in its first place. */
  add: (tabId: number, entries: TabEntry[]) =>
    serialised(tabId, async () => {
      const merged = new Map((await itemFor(tabId).getValue()).map((entry) => [entry.listing.key, entry]));
      for (const entry of entries) merged.set(entry.listing.key, entry);
      await itemFor(tabId).setValue([...merged.values()]);
    }),
  clear: (tabId: number) => serialised(tabId, () => itemFor(tabId).removeValue()),
};
