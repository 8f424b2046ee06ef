import { storage } from 'wxt/utils/storage';
import type { TabEntry } from '../messaging/protocol';

/**
 * What each tab's page was found to hold. Session storage outlives the service worker (MV3
 * stops it at will) and is cleared with the browser, as page state should be.
 */
const itemFor = (tabId: number) => storage.defineItem<TabEntry[]>(`session:tab:${tabId}`, { fallback: [] });

export const tabState = {
  get: (tabId: number) => itemFor(tabId).getValue(),
  set: (tabId: number, entries: TabEntry[]) => itemFor(tabId).setValue(entries),
  clear: (tabId: number) => itemFor(tabId).removeValue(),
};
