import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { showSuspectCount } from '../../src/background/toolbar-count';
import type { TabEntry } from '../../src/messaging/protocol';
import { installI18n } from '../support/i18n';

const entry = (n: number, level: TabEntry['assessment']['level']): TabEntry => ({
  listing: {
    marketplace: 'ebay',
    key: `ebay:${n}`,
    url: `https://www.ebay.com/itm/${n}`,
    kind: 'card',
    title: `Item ${n}`,
  },
  assessment: { key: `ebay:${n}`, level, score: 0, reasons: [] },
});

describe('the toolbar button’s count', () => {
  const calls: Record<string, unknown[]> = {};
  beforeEach(() => {
    fakeBrowser.reset();
    installI18n();
    for (const name of ['setBadgeText', 'setBadgeBackgroundColor', 'setTitle']) {
      calls[name] = [];
      Object.assign(fakeBrowser.action, { [name]: vi.fn(async (details: unknown) => calls[name]!.push(details)) });
    }
  });

  it('counts the tab’s High and Caution listings where the page cannot hide it, and words it', async () => {
    await showSuspectCount(4, [entry(1, 'high'), entry(2, 'caution'), entry(3, 'none'), entry(4, 'unknown')]);
    expect(calls.setBadgeText).toEqual([{ tabId: 4, text: '2' }]);
    expect(calls.setBadgeBackgroundColor).toEqual([{ tabId: 4, color: '#b3261e' }]);
    expect(calls.setTitle).toEqual([{ tabId: 4, title: 'Counterfeit Guard: 2 suspect listings on this page' }]);
  });

  it('shows nothing on a page with no suspect listing', async () => {
    await showSuspectCount(4, [entry(1, 'none')]);
    expect(calls.setBadgeText).toEqual([{ tabId: 4, text: '' }]);
    expect(calls.setBadgeBackgroundColor).toEqual([]);
  });
});
