import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { showSuspectCount } from '../../src/background/toolbar-count';
import { installI18n } from '../support/i18n';

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

  it('shows the tab’s High and Caution listings where the page cannot hide them, and words the count', async () => {
    await showSuspectCount(4, { high: 1, caution: 1 });
    expect(calls.setBadgeText).toEqual([{ tabId: 4, text: '2' }]);
    expect(calls.setBadgeBackgroundColor).toEqual([{ tabId: 4, color: '#b3261e' }]);
    expect(calls.setTitle).toEqual([{ tabId: 4, title: 'Counterfeit Guard: 2 suspect listings on this page' }]);
    await showSuspectCount(4, { high: 0, caution: 1200 });
    expect(calls.setBadgeText?.at(-1)).toEqual({ tabId: 4, text: '999+' });
    expect(calls.setBadgeBackgroundColor?.at(-1)).toEqual({ tabId: 4, color: '#8a5a00' });
  });

  it('shows nothing on a page with no suspect listing', async () => {
    await showSuspectCount(4, { high: 0, caution: 0 });
    expect(calls.setBadgeText).toEqual([{ tabId: 4, text: '' }]);
    expect(calls.setBadgeBackgroundColor).toEqual([]);
  });
});
