import { useEffect, useState } from 'preact/hooks';
import { type Browser, browser } from 'wxt/browser';

export type TabState =
  | { kind: 'loading' }
  /** No tab to show: none is active, or the tab named was closed. */
  | { kind: 'none' }
  /** `url` is known only where the extension may see it (the marketplaces, or any shop once allowed). */
  | { kind: 'tab'; id: number; url?: string };

/** The tab named by `?tab=ID` when the view is opened as a page of its own. */
function namedTab(search: string): number | undefined {
  const named = new URLSearchParams(search).get('tab');
  return named !== null && /^\d{1,10}$/.test(named) ? Number(named) : undefined;
}

/** The tab's address where the extension may see it; null when there is no such tab (closed, or never was). */
async function addressOf(tabId: number): Promise<{ url?: string } | null> {
  try {
    const tab = await browser.tabs.get(tabId);
    return tab ? (tab.url ? { url: tab.url } : {}) : null;
  } catch {
    return null;
  }
}

/**
 * The tab the audit view shows: the one named in the address, or else the active tab of the
 * view's own window, followed as the volunteer switches tabs or the tab moves to another address.
 */
export function useAuditTab(search: string): TabState {
  const [state, setState] = useState<TabState>({ kind: 'loading' });

  useEffect(() => {
    let alive = true;
    const fixed = namedTab(search);
    let windowId: number | undefined;
    let current: number | undefined;

    const show = async (tabId: number | undefined) => {
      current = tabId;
      if (tabId === undefined) {
        if (alive) setState({ kind: 'none' });
        return;
      }
      const address = await addressOf(tabId);
      // A later switch wins over a slower answer about an earlier tab.
      if (!alive || current !== tabId) return;
      setState(address ? { kind: 'tab', id: tabId, ...address } : { kind: 'none' });
    };

    const onActivated = (info: Browser.tabs.OnActivatedInfo) => {
      if (fixed !== undefined || (windowId !== undefined && info.windowId !== windowId)) return;
      void show(info.tabId);
    };
    const onUpdated = (tabId: number, change: Browser.tabs.OnUpdatedInfo, tab: Browser.tabs.Tab) => {
      if (tabId !== current || change.url === undefined) return;
      const url = tab.url ?? change.url;
      if (alive) setState({ kind: 'tab', id: tabId, ...(url ? { url } : {}) });
    };
    const onRemoved = (tabId: number) => {
      if (tabId !== current || fixed === undefined) return;
      current = undefined;
      if (alive) setState({ kind: 'none' });
    };

    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    browser.tabs.onRemoved.addListener(onRemoved);

    if (fixed !== undefined) void show(fixed);
    else
      void (async () => {
        try {
          windowId = (await browser.windows.getCurrent())?.id;
          const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
          // A switch heard while asking is newer than the answer.
          if (current === undefined) await show(tab?.id);
        } catch {
          if (alive && current === undefined) setState({ kind: 'none' });
        }
      })();

    return () => {
      alive = false;
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
      browser.tabs.onRemoved.removeListener(onRemoved);
    };
  }, [search]);

  return state;
}
