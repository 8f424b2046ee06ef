import 'fake-indexeddb/auto';
import * as v from 'valibot';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Listing } from '../../src/listing/listing';
import type { Sender } from '../../src/messaging/guard';
import type { ReportAnswer, TabEntry } from '../../src/messaging/protocol';
import { REPORT_LIMIT_PER_MINUTE } from '../../src/reports/build-config';
import type { OutboxView } from '../../src/reports/outbox-model';
import { ReportSchema } from '../../src/reports/report';
import { genuineItem, reporterIdItem, screenshotsItem } from '../../src/settings/items';
import { fixture, parseHtml } from '../support/fixtures';
import { answer, deliver, freshBackground } from '../support/messages';
import { readListings } from '../support/read';

const ID = fakeBrowser.runtime.id;
const TAB = 12;
const contentScript: Sender = { id: ID, url: 'https://www.amazon.com/dp/B0TESTLVB1', frameId: 0, tab: { id: TAB } };
const popup: Sender = { id: ID, url: fakeBrowser.runtime.getURL('/popup.html') };

const lv = (): Listing => {
  const [listing] = readListings(parseHtml(fixture('amazon/louis-vuitton-bag.html')), contentScript.url!);
  if (!listing) throw new Error('fixture unreadable');
  return listing;
};
/** The same listing under another ASIN: a page of many suspects. */
const lvAs = (n: number): Listing => ({ ...lv(), key: `amazon:B0TESTL${String(n).padStart(3, '0')}` });

describe('reporting in the background', () => {
  beforeEach(async () => {
    freshBackground();
    await answer('assessListings', [lv()], contentScript);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reports a listing the page holds, as the background assessed it, and stores it before answering', async () => {
    const reporterId = 'abcdef0123456789abcdef0123456789';
    await reporterIdItem.setValue(reporterId);
    const result = (await answer('reportListing', { key: 'amazon:B0TESTLVB1' }, contentScript)) as ReportAnswer;
    expect(result.outcome).toBe('reported');
    // The marketplace's own flow, from the registry's data for the listing's own site.
    expect((result as { link?: unknown }).link).toEqual({
      url: 'https://www.amazon.com/report/infringement',
      marketplace: 'amazon',
      estimated: false,
    });
    const entry = (result as { entry: OutboxView }).entry;
    expect(entry).toMatchObject({ kind: 'report', status: 'queued', attempts: 0 });
    expect(entry.holdUntil - entry.createdAt).toBe(10_000);
    const body = v.parse(ReportSchema, entry.body);
    expect(body).toMatchObject({
      reporterId,
      extensionVersion: '0.1.0',
      brand: 'louis-vuitton',
      level: 'high',
      category: 'counterfeit',
      listing: { key: 'amazon:B0TESTLVB1', marketplace: 'amazon', url: lv().url, title: lv().title },
    });
    expect(body.screenshot).toBeUndefined();
    const history = (await answer('reportHistory', null, popup)) as OutboxView[];
    expect(history.map((e) => e.id)).toEqual([entry.id]);
  });

  it('answers not_found for a listing the tab does not hold, and "already" for a second report', async () => {
    expect(await answer('reportListing', { key: 'amazon:B0NOTHERE1' }, contentScript)).toEqual({
      outcome: 'not_found',
    });
    const first = (await answer('reportListing', { key: 'amazon:B0TESTLVB1' }, contentScript)) as {
      entry: OutboxView;
    };
    const again = (await answer('reportListing', { key: 'amazon:B0TESTLVB1' }, contentScript)) as ReportAnswer;
    expect(again).toMatchObject({ outcome: 'already', entry: { id: first.entry.id } });
  });

  it('files one report when two clicks for the same listing arrive together', async () => {
    const answers = (await Promise.all([
      answer('reportListing', { key: 'amazon:B0TESTLVB1' }, contentScript),
      answer('reportListing', { key: 'amazon:B0TESTLVB1', tabId: TAB }, popup),
    ])) as ReportAnswer[];
    expect(answers.map((a) => a.outcome).sort()).toEqual(['already', 'reported']);
    expect(await answer('reportHistory', null, popup)).toHaveLength(1);
  });

  it('takes a popup report for the named tab, and refuses a popup report without one', async () => {
    const result = (await answer('reportListing', { key: 'amazon:B0TESTLVB1', tabId: TAB }, popup)) as ReportAnswer;
    expect(result.outcome).toBe('reported');
    expect(await answer('reportListing', { key: 'amazon:B0TESTLVB1' }, popup)).toEqual({ outcome: 'not_found' });
  });

  it(`stops at ${REPORT_LIMIT_PER_MINUTE} a minute and says when to try again`, async () => {
    const many = Array.from({ length: REPORT_LIMIT_PER_MINUTE + 1 }, (_, n) => lvAs(n));
    await answer('assessListings', many, contentScript);
    for (const listing of many.slice(0, REPORT_LIMIT_PER_MINUTE)) {
      const result = (await answer('reportListing', { key: listing.key }, contentScript)) as ReportAnswer;
      expect(result.outcome).toBe('reported');
    }
    const refused = (await answer('reportListing', { key: many.at(-1)!.key }, contentScript)) as ReportAnswer;
    expect(refused).toMatchObject({ outcome: 'limited', limit: REPORT_LIMIT_PER_MINUTE });
    const seconds = (refused as { retryInSeconds: number }).retryInSeconds;
    expect(seconds).toBeGreaterThan(50);
    expect(seconds).toBeLessThanOrEqual(60);
  });

  it('"This is genuine" hides the warning (remembered) and undo brings it back', async () => {
    const result = (await answer('markGenuine', { key: 'amazon:B0TESTLVB1' }, contentScript)) as {
      outcome: string;
      entry: OutboxView;
    };
    expect(result.outcome).toBe('reported');
    expect(result.entry.kind).toBe('feedback');
    expect(await genuineItem.getValue()).toEqual(['amazon:B0TESTLVB1']);
    expect(await answer('undoReport', result.entry.id, contentScript)).toEqual({ undone: true });
    expect(await genuineItem.getValue()).toEqual([]);
    expect(await answer('reportHistory', null, popup)).toEqual([]);
  });

  it('"This is genuine" changes what every view reads of the tab, the toolbar count too, and undo changes it back', async () => {
    const badges: unknown[] = [];
    Object.assign(fakeBrowser.action, {
      setBadgeText: vi.fn(async (details: unknown) => badges.push(details)),
      setBadgeBackgroundColor: vi.fn(async () => undefined),
      setTitle: vi.fn(async () => undefined),
    });
    fakeBrowser.tabs.query = (async () => [{ id: TAB }, { id: TAB + 1 }]) as never;
    const level = async () => ((await answer('getTabAssessments', TAB, popup)) as TabEntry[])[0]!.assessment.level;
    expect(await level()).toBe('high');

    const result = (await answer('markGenuine', { key: 'amazon:B0TESTLVB1' }, contentScript)) as { entry: OutboxView };
    expect(await level()).not.toBe('high');
    expect(badges).toEqual([{ tabId: TAB, text: '' }]);

    await answer('undoReport', result.entry.id, popup);
    expect(await level()).toBe('high');
    expect(badges).toEqual([
      { tabId: TAB, text: '' },
      { tabId: TAB, text: '1' },
    ]);
  });

  it('refuses withdrawals and history from a page, and reports from a page it does not serve', async () => {
    const result = (await answer('reportListing', { key: 'amazon:B0TESTLVB1' }, contentScript)) as {
      entry: OutboxView;
    };
    expect((await deliver('withdrawReport', result.entry.id, contentScript)).err?.message).toMatch(/refused/);
    expect((await deliver('reportHistory', null, contentScript)).err?.message).toMatch(/refused/);
    const elsewhere: Sender = { ...contentScript, url: 'https://evil.example/dp/B0TESTLVB1' };
    expect((await deliver('reportListing', { key: 'amazon:B0TESTLVB1' }, elsewhere)).err?.message).toMatch(/refused/);
    const otherExtension: Sender = { ...popup, id: 'another-extension' };
    expect(
      (await deliver('reportListing', { key: 'amazon:B0TESTLVB1', tabId: TAB }, otherExtension)).err?.message,
    ).toMatch(/refused/);
  });

  it('with screenshots on, attaches the visible tab as PNG with its SHA-256; says why when the browser refuses', async () => {
    await screenshotsItem.setValue(true);
    // "PNG": the bytes only need to round-trip; their SHA-256 is known.
    const base64 = btoa('PNG');
    const capture = vi.fn(async () => `data:image/png;base64,${base64}`);
    fakeBrowser.tabs.captureVisibleTab = capture as never;
    fakeBrowser.tabs.get = (async () => ({ id: TAB, windowId: 3, active: true })) as never;
    const taken = (await answer('reportListing', { key: 'amazon:B0TESTLVB1' }, contentScript)) as {
      entry: OutboxView;
    };
    expect(capture).toHaveBeenCalledWith(3, { format: 'png' });
    // The image stays in the worker; pages see its hash.
    expect(taken.entry.screenshotSha256).toBe(
      Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode('PNG'))), (b) =>
        b.toString(16).padStart(2, '0'),
      ).join(''),
    );

    await answer('assessListings', [lvAs(1)], contentScript);
    fakeBrowser.tabs.captureVisibleTab = (async () => {
      throw new Error("Either the '<all_urls>' or 'activeTab' permission is required.");
    }) as never;
    const refused = (await answer('reportListing', { key: lvAs(1).key }, contentScript)) as { entry: OutboxView };
    expect(refused.entry.screenshotSkipped).toBe('not_permitted');
    expect(refused.entry.screenshotSha256).toBeUndefined();
  });
});
