import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { AuditRow, AuditSummary } from '../../src/audit/model';
import type { Listing } from '../../src/listing/listing';
import { check, type Sender } from '../../src/messaging/guard';
import type { TabEntry } from '../../src/messaging/protocol';
import type { OutboxView } from '../../src/reports/outbox-model';
import { type Assessment, warns } from '../../src/risk/assessment';
import { auditBrandsItem, genuineItem } from '../../src/settings/items';
import { amazonSearchHtml } from '../support/amazon-cards';
import { parseHtml } from '../support/fixtures';
import { answer as answerFrom, deliver, freshBackground } from '../support/messages';
import { readListings } from '../support/read';

const ID = fakeBrowser.runtime.id;
const PAGE = 'https://www.amazon.com/s?k=nike';
const NEXT_PAGE = 'https://www.amazon.com/s?k=nike&page=2';
const contentScript = (url = PAGE, tab = 12): Sender => ({ id: ID, url, frameId: 0, tab: { id: tab } });
const sidePanel: Sender = { id: ID, url: fakeBrowser.runtime.getURL('/sidepanel.html') };
const popup: Sender = { id: ID, url: fakeBrowser.runtime.getURL('/popup.html') };

/** The generated Nike search page's first n results, read as the content script reads them. */
const nikeCards = (n: number): Listing[] => readListings(parseHtml(amazonSearchHtml(n, '', '', 'nike')), PAGE);

/** Audit messages come from the audit view unless said otherwise. */
const answer = (type: string, data: unknown, sender: Sender = sidePanel) => answerFrom(type, data, sender);

describe('audit sessions in the background', () => {
  beforeEach(async () => {
    freshBackground();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('refuses to start without a brand of the registry, naming what to do', async () => {
    await auditBrandsItem.setValue(['not-a-brand']);
    await expect(answer('startAudit', null)).rejects.toThrow(/choose at least one brand of the registry/);
  });

  it('collects the audited brand’s listings page after page, in order, once each, and only while open', async () => {
    const cards = nikeCards(20);
    // Read before the session opens: not collected.
    await answer('assessListings', cards.slice(0, 5), contentScript());
    await auditBrandsItem.setValue(['nike', 'not-a-brand']);
    fakeBrowser.tabs.query = (async () => []) as never;
    const started = (await answer('startAudit', null)) as AuditSummary;
    expect(started.session.brands).toEqual(['nike']);
    const announced = vi.spyOn(fakeBrowser.runtime, 'sendMessage');

    await answer('assessListings', cards.slice(0, 10), contentScript());
    await answer('assessListings', cards.slice(5, 20), contentScript(NEXT_PAGE));
    // The open audit views are told the session grew, so they ask for its rows again.
    const types = announced.mock.calls.map(([message]) => (message as unknown as { type: string }).type);
    expect(types).toContain('auditChanged');
    const rows = (await answer('auditRows', null)) as AuditRow[];
    const assessed = (await answer('assessListings', cards, contentScript())) as { brand?: string }[];
    const nikeKeys = cards.filter((_, i) => assessed[i]!.brand === 'nike').map((card) => card.key);
    expect(nikeKeys.length).toBeGreaterThan(8);
    expect(rows.map((row) => row.key)).toEqual(nikeKeys);
    expect(rows.every((row) => row.brand === 'nike')).toBe(true);
    expect(rows.map((row) => row.order)).toEqual(rows.map((_, i) => i));
    const state = (await answer('auditState', null)) as AuditSummary;
    expect(state.session.pages.map((page) => page.url)).toEqual([PAGE, NEXT_PAGE]);
    expect(state.counts).toMatchObject({ pages: 2, seen: nikeKeys.length, selected: 0, reported: 0 });

    await answer('endAudit', null);
    await answer('assessListings', nikeCards(30).slice(20), contentScript());
    const history = (await answer('auditHistory', null)) as AuditSummary[];
    expect(history).toHaveLength(1);
    expect(history[0]!.counts.seen).toBe(nikeKeys.length);
    expect(history[0]!.session.endedAt).toBeDefined();
  });

  it('shows a listing its user said is genuine without a warning in every view, and keeps the engine’s answer', async () => {
    const cards = nikeCards(40);
    await auditBrandsItem.setValue(['nike']);
    fakeBrowser.tabs.query = (async () => []) as never;
    await answer('startAudit', null);
    const first = (await answer('assessListings', cards, contentScript())) as Assessment[];
    const warned = first.findIndex((assessment) => warns(assessment));
    expect(warned).toBeGreaterThanOrEqual(0);
    const key = cards[warned]!.key;
    const before = ((await answer('auditState', null)) as AuditSummary).counts.suspect;

    const marked = (await answer('markGenuine', { key }, contentScript())) as { entry: { id: string } };
    const genuine = { level: 'none', reasons: [{ code: 'user_genuine' }] };
    const again = (await answer('assessListings', [cards[warned]!], contentScript())) as Assessment[];
    expect(again[0]).toMatchObject(genuine);
    const entries = (await answer('getTabAssessments', 12, popup)) as TabEntry[];
    expect(entries.find((entry) => entry.listing.key === key)?.assessment).toMatchObject(genuine);
    const rows = (await answer('auditRows', null)) as AuditRow[];
    expect(rows.find((row) => row.key === key)?.assessment).toMatchObject(genuine);
    expect(((await answer('auditState', null)) as AuditSummary).counts.suspect).toBe(before - 1);

    // The user takes it back: the audit, which kept the engine's answer, warns again.
    expect(await answer('undoReport', marked.entry.id, contentScript())).toEqual({ undone: true });
    expect(await genuineItem.getValue()).toEqual([]);
    const back = (await answer('auditRows', null)) as AuditRow[];
    expect(back.find((row) => row.key === key)?.assessment.level).toBe(first[warned]!.level);
  });

  it('takes in what open tabs already show when a session starts', async () => {
    const cards = nikeCards(10);
    await answer('assessListings', cards, contentScript(PAGE, 12));
    await auditBrandsItem.setValue(['nike']);
    fakeBrowser.tabs.query = (async () => [{ id: 12, url: PAGE, active: true }]) as never;
    const started = (await answer('startAudit', null)) as AuditSummary;
    expect(started.counts.seen).toBeGreaterThan(0);
    expect(started.session.pages.map((page) => page.url)).toEqual([PAGE]);
  });

  it('selects, then reports the selection in bulk through the outbox, each report complete and marked', async () => {
    await auditBrandsItem.setValue(['nike']);
    fakeBrowser.tabs.query = (async () => []) as never;
    await answer('startAudit', null);
    const cards = nikeCards(200);
    for (let at = 0; at < cards.length; at += 50)
      await answer('assessListings', cards.slice(at, at + 50), contentScript());
    const rows = (await answer('auditRows', null)) as AuditRow[];
    const suspect = rows.filter((row) => row.assessment.level === 'high' || row.assessment.level === 'caution');
    expect(suspect.length).toBeGreaterThan(31); // more than the one-click limit of a minute
    const counts = await answer('selectAudit', { keys: suspect.map((row) => row.key), selected: true });
    expect(counts).toMatchObject({ selected: suspect.length, reported: 0 });

    const outcome = await answer('reportAudited', { keys: suspect.map((row) => row.key) });
    expect(outcome).toEqual({ reported: suspect.length, already: 0, failed: 0 });
    const history = (await answer('reportHistory', null)) as OutboxView[];
    expect(history.map((entry) => entry.body.listing.key).sort()).toEqual(suspect.map((row) => row.key).sort());
    expect(history.every((entry) => entry.bulk === true && entry.status === 'queued')).toBe(true);
    expect(history.every((entry) => entry.body.brand === 'nike')).toBe(true);
    const after = (await answer('auditRows', null)) as AuditRow[];
    expect(after.filter((row) => row.reportId).map((row) => row.key)).toEqual(suspect.map((row) => row.key));

    // Again: nothing new.
    expect(await answer('reportAudited', { keys: suspect.slice(0, 3).map((row) => row.key) })).toEqual({
      reported: 0,
      already: 3,
      failed: 0,
    });
  });

  it('accepts audit messages from extension pages only', async () => {
    for (const type of ['auditState', 'startAudit', 'auditHistory'])
      expect((await deliver(type, null, contentScript())).err?.message).toMatch(/refused/);
    // The background sends `highlight` to content scripts; it accepts it from no one.
    expect(check('highlight', 'amazon:B0NKE00000', sidePanel, { id: ID, origin: sidePanel.url! })).toMatchObject({
      ok: false,
    });
  });
});
