import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditRow } from '../../src/audit/model';
import {
  drawnGridRows,
  expectedExport,
  expectedNikeRows,
  expectSameLines,
  LEVEL_WORD,
  VOLUNTEER,
} from './support/audit';
import {
  allowReports,
  clickButton,
  downloadsInto,
  type Firefox,
  fixturePage,
  GRANT_PERMISSION_REQUESTS,
  launchFirefox,
  nextDownload,
  openExtensionPage,
} from './support/firefox';
import { askBackground, outboxEntries, reporterIdOf, serviceReports, tabIdFrom } from './support/reports';
import { NIKE_SEARCH_URL } from './support/search-page';
import { buildPinnedTo, freePort, startService, stopProcess } from './support/sync';

// The extension's own global, as code evaluated in its pages sees it (Firefox answers to `chrome` too;
// `browser` would be taken for WXT's test double by the test transform).
declare const chrome: typeof import('wxt/browser').browser;

const isSuspect = (level: string) => level === 'high' || level === 'caution';

/**
 * In Firefox the audit view is a sidebar, which is browser chrome: WebDriver BiDi reaches only
 * tabs, and `sidebarAction.open()` needs a person's click in the browser's own UI. So the tests
 * open it as the page it also is, `sidepanel.html?tab=ID`, in a tab, as the Chromium tests do.
 */
describe('Firefox: audit mode for brand volunteers', () => {
  let temp: string;
  let data: string;
  let downloads: string;
  let service: ChildProcess | undefined;
  let firefox: Firefox;
  let ext: Page;
  let panel: Page;

  const progress = () => panel.$eval('.cg-audit-progress', (line) => line.textContent ?? '');
  const panelText = () => panel.evaluate(() => document.body.textContent ?? '');
  /** Clicks, as a person would, the element a selector finds in the audit view. */
  const clickAt = (selector: string) => panel.locator(selector).setTimeout(10_000).click();

  beforeAll(async () => {
    temp = mkdtempSync(join(tmpdir(), 'cg-firefox-audit-'));
    data = join(temp, 'data');
    const keys = join(temp, 'keys');
    downloads = join(temp, 'downloads');
    mkdirSync(downloads);
    const port = await freePort();
    // Bulk reports arrive faster than a shopper's 30 a minute.
    service = await startService({ port, data, keys, extra: ['--rate-reporter', '100000'] });
    await buildPinnedTo({ browser: 'firefox', service: `http://127.0.0.1:${port}`, keys, outDir: join(temp, 'ext') });
    firefox = await launchFirefox(join(temp, 'ext', 'firefox-mv3'), {
      prefs: { ...GRANT_PERMISSION_REQUESTS, ...downloadsInto(downloads) },
    });
    ext = await openExtensionPage(firefox.browser, 'options.html');
    await ext.evaluate((volunteer) => chrome.storage.local.set({ auditBrands: ['nike'], volunteer }), VOLUNTEER);
    // Bulk reports leave the device only with Firefox's consent, as one-click ones do.
    await allowReports(ext);
  });

  afterAll(async () => {
    await firefox?.close();
    await stopProcess(service);
    if (temp) rmSync(temp, { recursive: true, force: true });
  });

  it('a. a session on a search page: the suspect rows selected, two unticked, the rest reported: the service holds exactly those', async () => {
    const search = await fixturePage(firefox.browser);
    await search.goto(NIKE_SEARCH_URL);
    const cards = () => search.evaluate(() => document.querySelectorAll('.s-result-item').length);
    // Infinite scroll: 40, then 80, then 120 as the reader reaches the bottom.
    for (let round = 0; round < 20 && (await cards()) < 120; round++) {
      await search.evaluate(() => scrollTo(0, document.body.scrollHeight));
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    expect(await cards()).toBe(120);
    const tabId = await tabIdFrom(ext, NIKE_SEARCH_URL);
    panel = await openExtensionPage(firefox.browser, `sidepanel.html?tab=${tabId}`);

    await clickButton(panel, 'Start audit session');
    await clickAt('[role="tab"]#audit-tab-session');
    const expected = expectedNikeRows();
    expect(expected.length).toBe(72);
    await expect.poll(progress, { timeout: 30_000 }).toContain(`listings seen: ${expected.length}`);
    // Every listing of the brand once, with the engine's level, whatever order the view puts them in.
    const rows = await panel.evaluate(drawnGridRows);
    expect(rows.length).toBe(expected.length);
    expect(new Map(rows.map((row) => [row.key, row.level]))).toEqual(
      new Map(expected.map((row) => [row.key, LEVEL_WORD[row.level]])),
    );

    const suspect = expected.filter((row) => isSuspect(row.level)).map((row) => row.key);
    await clickButton(panel, 'Select all suspect shown');
    await expect.poll(progress, { timeout: 10_000 }).toContain(`selected: ${suspect.length}`);
    // Two suspect rows the grid draws at its top, unticked by their own checkboxes.
    const unticked = (
      await panel.$$eval('tr[data-key]', (drawn) => drawn.map((row) => (row as HTMLElement).dataset.key!))
    )
      .filter((key) => suspect.includes(key))
      .slice(0, 2);
    expect(unticked.length).toBe(2);
    for (const key of unticked) await clickAt(`tr[data-key="${key}"] input[type="checkbox"]`);
    const chosen = suspect.filter((key) => !unticked.includes(key));
    await expect.poll(progress, { timeout: 10_000 }).toContain(`selected: ${chosen.length}`);

    await clickButton(panel, `Report selected (${chosen.length})`);
    await expect.poll(panelText, { timeout: 30_000 }).toContain(`Reported ${chosen.length}.`);
    // Each went through the outbox, complete on its own; after the undo window, to the service.
    await expect.poll(() => serviceReports(data).length, { timeout: 60_000, interval: 500 }).toBe(chosen.length);
    const received = serviceReports(data);
    expect(received.map((report) => report.listing.key).sort()).toEqual([...chosen].sort());
    const levelOf = new Map(expected.map((row) => [row.key, row.level]));
    for (const report of received) {
      expect(report.brand, report.listing.key).toBe('nike');
      expect(report.level, report.listing.key).toBe(levelOf.get(report.listing.key));
    }
    const outbox = await outboxEntries(ext);
    expect(outbox.filter((entry) => entry.bulk).length).toBe(chosen.length);
    await expect.poll(progress, { timeout: 10_000 }).toContain(`reported: ${chosen.length}`);
  });

  it('b. the CSV export: the file the evidence format makes of the rows shown, line by line, every listing once', async () => {
    const held = new Map((await askBackground<AuditRow[]>(ext, 'auditRows', null)).map((row) => [row.key, row]));
    // The file lists the rows in the grid's order, whichever order that is.
    const shown = (await panel.evaluate(drawnGridRows)).map((row) => held.get(row.key)!);
    expect(shown.length).toBe(expectedNikeRows().length);
    const reporterId = (await reporterIdOf(ext))!;
    const registryVersion = (await askBackground<{ version: number }>(ext, 'registryStatus', null)).version;

    const file = await nextDownload(downloads, () => clickButton(panel, 'CSV'));
    const expected = expectedExport('csv', shown, { reporterId, registryVersion, now: new Date() });
    expect(file.fileName).toBe(expected.fileName);
    expectSameLines(file.text, expected.body, reporterId, 'csv');

    // Read without the format's own code: one record per listing of the brand, with its level and address.
    const records = parse(file.text, { bom: true, columns: true }) as Record<string, string>[];
    const levelOf = new Map(expectedNikeRows().map((row) => [row.key, row.level]));
    expect(records.map((record) => record.listing_key).sort()).toEqual([...levelOf.keys()].sort());
    for (const record of records) {
      const key = record.listing_key!;
      expect(record.brand, key).toBe('nike');
      expect(record.level, key).toBe(levelOf.get(key));
      expect(record.url, key).toContain(`/dp/${key.split(':')[1]}`);
    }
  });
});
