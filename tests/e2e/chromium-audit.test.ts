import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditRow } from '../../src/audit/model';
import { EXPORT_FORMATS, type ExportFormat } from '../../src/reports/evidence';
import {
  drawnGridRows,
  expectedExport,
  expectedNikeRows,
  expectSameLines,
  LEVEL_WORD,
  VOLUNTEER,
} from './support/audit';
import { SCREENSHOTS } from './support/build';
import { type Chromium, launchChromium, readBadges } from './support/chromium';
import { askBackground, outboxEntries, reporterIdOf, serviceReports, tabIdFrom } from './support/reports';
import { EMPTY_SEARCH_URL, NIKE_MANY_URL, NIKE_SEARCH_URL } from './support/search-page';
import { buildPinnedTo, freePort, startService, stopProcess, volunteerTokenOnce } from './support/sync';

// The extension's own global, as code evaluated in its pages sees it.
declare const chrome: typeof import('wxt/browser').browser;

const BUTTON_OF: Record<ExportFormat, string> = {
  csv: 'CSV',
  json: 'JSON',
  vero: 'eBay VeRO',
  'amazon-asins': 'Amazon ASINs',
  'alibaba-ipp': 'Alibaba IPP',
  'dsa-notice': 'DSA notice',
};

/** The audit view's order until the volunteer picks another: High, then Caution, then the rest, each in page order. */
const LEVEL_RANK: Record<string, number> = { high: 3, caution: 2, none: 1, unknown: 0 };
const suspectFirst = <T>(rows: readonly T[], level: (row: T) => string): T[] =>
  rows
    .map((row, order) => ({ row, order }))
    .sort((a, b) => LEVEL_RANK[level(b.row)]! - LEVEL_RANK[level(a.row)]! || a.order - b.order)
    .map(({ row }) => row);

describe('Chromium: audit mode for brand volunteers', () => {
  let temp: string;
  let data: string;
  let service: ChildProcess | undefined;
  let origin: string;
  let browser: Chromium;
  let ext: Page;
  let panel: Page;
  let search: Page;

  /** The audit view's progress line (pages, seen, suspect, selected, reported). */
  const progress = () => panel.locator('.cg-audit-progress').textContent();

  const ask = <T>(type: string, data: unknown): Promise<T> => askBackground<T>(ext, type, data);

  const gridRows = (page: Page) => page.evaluate(drawnGridRows);

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    temp = mkdtempSync(join(tmpdir(), 'cg-audit-'));
    data = join(temp, 'data');
    const keys = join(temp, 'keys');
    const port = await freePort();
    // Bulk reports arrive faster than a shopper's 30 a minute.
    service = await startService({ port, data, keys, extra: ['--rate-reporter', '100000'] });
    origin = `http://127.0.0.1:${port}`;
    await buildPinnedTo({ browser: 'chrome', service: origin, keys, outDir: join(temp, 'ext') });
    browser = await launchChromium(join(temp, 'ext', 'chrome-mv3'));
    await browser.context.route(
      (url) => url.origin === origin,
      (route) => route.continue(),
    );
    ext = await browser.context.newPage();
    await ext.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await ext.evaluate(
      (volunteer) => chrome.storage.local.set({ auditBrands: ['nike', 'not-a-brand'], volunteer }),
      VOLUNTEER,
    );
  });

  afterAll(async () => {
    await browser?.close();
    await stopProcess(service);
    if (temp) rmSync(temp, { recursive: true, force: true });
  });

  it('a. lists every card of the brand as the page scrolls in, in order, with the badges’ levels; outlines the card a row points at', async () => {
    search = await browser.context.newPage();
    await search.goto(NIKE_SEARCH_URL);
    const cards = () => search.evaluate(() => document.querySelectorAll('.s-result-item').length);
    // Infinite scroll: 40, then 80, then 120 as the reader reaches the bottom.
    for (let round = 0; round < 10 && (await cards()) < 120; round++) {
      await search.evaluate(() => scrollTo(0, document.body.scrollHeight));
      await search.waitForTimeout(300);
    }
    expect(await cards()).toBe(120);
    const tabId = await tabIdFrom(ext, NIKE_SEARCH_URL);

    panel = await browser.context.newPage();
    await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tab=${tabId}`);
    // The unknown brand is named, with what to do.
    await expect
      .poll(() => panel.locator('body').textContent())
      .toContain('“not-a-brand” is not a brand of the registry in use');

    const expected = expectedNikeRows();
    expect(expected.length).toBe(72);
    await expect.poll(async () => (await gridRows(panel)).length, { timeout: 30_000 }).toBe(expected.length);
    // Suspect listings first until the volunteer picks another order, numbered 1, 2, 3… down the list.
    const bySuspicion = suspectFirst(expected, (row) => row.level);
    expect((await gridRows(panel)).map((row) => row.key)).toEqual(bySuspicion.map((row) => row.key));
    const numbers = await panel.$$eval('tr[data-key]', (drawn) =>
      drawn.map((row) => [
        Number(row.getAttribute('aria-rowindex')) - 1,
        row.querySelector('.cg-audit-c-number')?.textContent,
      ]),
    );
    for (const [place, number] of numbers) expect(number).toBe(String(place));

    await panel.getByRole('button', { name: /^Page order/ }).click();
    await expect
      .poll(async () => (await gridRows(panel)).map((row) => row.key))
      .toEqual(expected.map((row) => row.key));
    const rows = await gridRows(panel);
    expect(rows.map((row) => row.level)).toEqual(expected.map((row) => LEVEL_WORD[row.level]));
    // The same levels as the badges on the page (cards show badges for warnings only).
    const badges = await readBadges(search);
    expect(badges.length).toBe(expected.filter((row) => row.level === 'high' || row.level === 'caution').length);
    for (const badge of badges) {
      const row = rows.find((candidate) => candidate.key === badge.key);
      expect(badge.label, badge.key).toBe(`Counterfeit Guard: ${row?.level}`);
    }
    // Only the rows in view are drawn.
    expect(await panel.locator('tr[data-key]').count()).toBeLessThan(40);

    // Pointing at a row outlines its card on the page, and leaving lets it go.
    const first = panel.locator('tr[data-key]').first();
    const asin = (await first.getAttribute('data-key'))!.split(':')[1]!;
    const outline = () =>
      search.evaluate((id) => (document.querySelector(`[data-asin="${id}"]`) as HTMLElement).style.outline, asin);
    await first.hover();
    await expect.poll(outline).toMatch(/solid.*3px|3px.*solid/);
    await panel.mouse.move(0, 0);
    await panel.getByRole('heading').first().hover();
    await expect.poll(outline).toBe('');
    await panel.screenshot({ path: join(SCREENSHOTS, 'chromium-audit-view.png') });

    // A side panel 320 px wide: each row's fields stacked (level, then the title on two lines, then
    // price, seller and reasons), none cut to nothing, and more than three rows in view.
    const wide = panel.viewportSize();
    await panel.setViewportSize({ width: 320, height: 600 });
    const narrow = await panel.evaluate(() => {
      // The notice of the unknown brand makes the top taller than the panel leaves room for: the panel scrolls to the list.
      document.querySelector('.cg-audit-table')!.scrollIntoView({ block: 'end' });
      const box = (element: Element | null | undefined) => {
        const rect = element!.getBoundingClientRect();
        return { top: rect.top, bottom: rect.bottom, left: rect.left, right: rect.right, width: rect.width };
      };
      const body = document.querySelector('.cg-audit-body')!.getBoundingClientRect();
      // Above the notices' line, which stays at the foot of the panel over whatever scrolls beneath it.
      const foot = Math.min(body.bottom, document.querySelector('.cg-audit-notices')!.getBoundingClientRect().top);
      const drawn = [...document.querySelectorAll<HTMLElement>('tr[data-key]')];
      const inView = drawn.filter((row) => {
        const rect = row.getBoundingClientRect();
        return rect.height > 0 && rect.top >= body.top - 1 && rect.bottom <= foot + 1;
      });
      const first = drawn.find((row) => row.dataset.index === '0')!;
      const cell = (name: string) => first.querySelector(`.cg-audit-c-${name}`)!;
      const whole = (name: string) => cell(name).scrollWidth <= cell(name).clientWidth + 1;
      return {
        inView: inView.length,
        row: box(first),
        level: box(cell('level')),
        title: box(cell('title')),
        price: box(cell('price')),
        seller: box(cell('seller')),
        reasons: box(cell('reasons')),
        whole: { level: whole('level'), price: whole('price'), title: whole('title') },
        pageOverflows: document.documentElement.scrollWidth > innerWidth,
      };
    });
    await panel.screenshot({ path: join(SCREENSHOTS, 'chromium-audit-view-320.png') });
    if (wide) await panel.setViewportSize(wide);
    expect(narrow.inView).toBeGreaterThan(3);
    expect(narrow.level.bottom).toBeLessThanOrEqual(narrow.title.top + 1);
    expect(narrow.title.bottom).toBeLessThanOrEqual(narrow.price.top + 1);
    expect(narrow.seller.top).toBe(narrow.price.top);
    expect(narrow.reasons.top).toBe(narrow.price.top);
    // Two lines of title across most of the row; the level and price in full.
    expect(narrow.title.bottom - narrow.title.top).toBeGreaterThanOrEqual(30);
    expect(narrow.title.width).toBeGreaterThan(narrow.row.width * 0.6);
    expect(narrow.whole).toEqual({ level: true, price: true, title: true });
    for (const part of [narrow.level, narrow.title, narrow.price, narrow.seller, narrow.reasons])
      expect(part.right).toBeLessThanOrEqual(narrow.row.right);
    expect(narrow.pageOverflows).toBe(false);
  });

  it('b. a session: select the suspect ones, report them: the service holds exactly those', async () => {
    await panel.getByRole('button', { name: 'Start audit session' }).click();
    await panel.getByRole('tab', { name: /^Session/ }).click();
    const expected = expectedNikeRows();
    await expect.poll(() => progress()).toContain(`listings seen: ${expected.length}`);
    const suspect = expected.filter((row) => row.level === 'high' || row.level === 'caution').map((row) => row.key);
    await panel.getByRole('button', { name: 'Select all suspect shown' }).click();
    await panel.getByRole('button', { name: `Report selected (${suspect.length})` }).click();
    await expect
      .poll(() => panel.locator('body').textContent(), { timeout: 30_000 })
      .toContain(`Reported ${suspect.length}`);
    // Each went through the outbox, complete on its own; after the undo window, to the service.
    await expect.poll(() => serviceReports(data).length, { timeout: 60_000, interval: 1000 }).toBe(suspect.length);
    expect(
      serviceReports(data)
        .map((report) => report.listing.key)
        .sort(),
    ).toEqual([...suspect].sort());
    expect(serviceReports(data).every((report) => report.brand === 'nike' && report.level !== 'none')).toBe(true);
    const outbox = await outboxEntries(ext);
    expect(outbox.filter((entry) => entry.bulk).length).toBe(suspect.length);
    await expect.poll(() => progress()).toContain(`reported: ${suspect.length}`);
  });

  it('c. each export gives the file the evidence formats make of the session, line by line', async () => {
    const held = await ask<AuditRow[]>('auditRows', null);
    expect(held.map((row) => row.key)).toEqual(expectedNikeRows().map((row) => row.key));
    // The files list the rows as the view shows them: suspect first, by default.
    const rows = suspectFirst(held, (row) => row.assessment.level);
    const reporterId = (await reporterIdOf(ext))!;
    const registryVersion = (await ask<{ version: number }>('registryStatus', null)).version;
    for (const format of EXPORT_FORMATS) {
      const [download] = await Promise.all([
        panel.waitForEvent('download'),
        panel.getByRole('button', { name: BUTTON_OF[format], exact: true }).click(),
      ]);
      const text = readFileSync((await download.path())!, 'utf8');
      const expected = expectedExport(format, rows, { reporterId, registryVersion, now: new Date() });
      expect(download.suggestedFilename()).toBe(expected.fileName);
      expectSameLines(text, expected.body, reporterId, format);
    }
    // Spot checks that do not rely on the formats' own code: every ASIN once, every address in the notice.
    const asins = rows.map((row) => row.key.split(':')[1]!);
    const [asinFile] = await Promise.all([
      panel.waitForEvent('download'),
      panel.getByRole('button', { name: 'Amazon ASINs', exact: true }).click(),
    ]);
    const asinLines = readFileSync((await asinFile.path())!, 'utf8').split(/\r?\n/);
    for (const asin of asins)
      expect(
        asinLines.filter((line) => line === asin),
        asin,
      ).toHaveLength(1);
    const [notice] = await Promise.all([
      panel.waitForEvent('download'),
      panel.getByRole('button', { name: 'DSA notice', exact: true }).click(),
    ]);
    const noticeText = readFileSync((await notice.path())!, 'utf8');
    for (const row of rows) expect(noticeText).toContain(row.listing.url);
    expect(noticeText).toContain(VOLUNTEER.email);
  });

  it('d. a page with no listings says so', async () => {
    const empty = await browser.context.newPage();
    await empty.goto(EMPTY_SEARCH_URL);
    const tabId = await tabIdFrom(ext, EMPTY_SEARCH_URL);
    const view = await browser.context.newPage();
    await view.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tab=${tabId}`);
    await expect
      .poll(() => view.locator('body').textContent())
      .toContain('No listings have been read on this page yet.');
    await view.close();
    await empty.close();
  });

  it('e. 2,000 listings in one session: a few dozen rows drawn, the last one reachable, export with progress', async () => {
    // A new session, with no other result page open: exactly the 2,000.
    await search.close();
    await ask('endAudit', null);
    await ask('startAudit', null);
    const many = await browser.context.newPage();
    const opened = Date.now();
    await many.goto(NIKE_MANY_URL);
    await panel.reload();
    await panel.getByRole('tab', { name: /^Session/ }).click();
    await expect
      .poll(() => progress(), {
        timeout: 120_000,
        interval: 1000,
      })
      .toMatch(/listings seen: 2,?000\b/);
    const collected = Date.now();
    expect(await panel.locator('tr[data-key]').count()).toBeLessThan(60);
    await panel.locator('.cg-audit-body').evaluate((body) => {
      body.scrollTop = body.scrollHeight;
    });
    await expect.poll(() => panel.locator('tr[aria-rowindex="2001"]').count()).toBe(1);
    expect(await panel.locator('tr[data-key]').count()).toBeLessThan(60);

    // The export shows its progress while it works, and the file holds every listing.
    await panel.evaluate(() => {
      const seen = { progress: false };
      (window as unknown as { cgSeen: typeof seen }).cgSeen = seen;
      new MutationObserver(() => {
        if (document.querySelector('progress')) seen.progress = true;
      }).observe(document.body, { childList: true, subtree: true });
    });
    const exporting = Date.now();
    const [download] = await Promise.all([
      panel.waitForEvent('download', { timeout: 60_000 }),
      panel.getByRole('button', { name: 'CSV', exact: true }).click(),
    ]);
    console.log(
      `audit, 2,000 listings: read and collected ${((collected - opened) / 1000).toFixed(1)} s after the page opened; ` +
        `CSV export ${Date.now() - exporting} ms; rows drawn ${await panel.locator('tr[data-key]').count()}`,
    );
    const lines = readFileSync((await download.path())!, 'utf8')
      .trim()
      .split(/\r?\n/);
    expect(lines.length).toBe(2001);
    expect(await panel.evaluate(() => (window as unknown as { cgSeen: { progress: boolean } }).cgSeen.progress)).toBe(
      true,
    );
    await many.close();
  }, 240_000);

  it('f. a volunteer who agreed tells the service what they see of filed listings: removed where the page is gone, still up in a session', async () => {
    const token = await volunteerTokenOnce({ data, keys: join(temp, 'keys'), brands: ['nike'] });
    const call = async (path: string, body?: unknown) => {
      const response = await fetch(`${origin}${path}`, {
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) }),
      });
      expect(response.ok, `${path}: HTTP ${response.status}`).toBe(true);
      return response.json();
    };
    // The listings reported in b, confirmed and filed as Amazon takedowns.
    const filedKeys = [...new Set(serviceReports(data).map((report) => report.listing.key))].sort();
    expect(filedKeys.length).toBeGreaterThan(2);
    await call('/v1/volunteer/listings/review', { keys: filedKeys, decision: 'confirm', note: 'logo and box wrong' });
    const { filing } = (await call('/v1/volunteer/filings', { keys: filedKeys })) as { filing: { id: string } };
    const outcomes = async () =>
      new Map(
        (
          (await call(`/v1/volunteer/filings/${filing.id}`)) as {
            filing: { listed: { key: string; outcome?: string }[] };
          }
        ).filing.listed.map((listed) => [listed.key, listed.outcome]),
      );
    await ext.evaluate((volunteer) => chrome.storage.local.set({ volunteer, shareSightings: true }), {
      ...VOLUNTEER,
      token,
    });

    // One of them is gone: its item page answers 404 and shows no product (no words needed).
    const gone = filedKeys[0]!;
    const goneUrl = `https://www.amazon.com/dp/${gone.split(':')[1]}`;
    await browser.context.route(goneUrl, (route) =>
      route.fulfill({
        status: 404,
        contentType: 'text/html',
        body: '<!doctype html><title>Amazon.com</title><div id="a-page"></div>',
      }),
    );
    const page = await browser.context.newPage();
    await page.goto(goneUrl);
    await expect.poll(async () => (await outcomes()).get(gone), { timeout: 30_000, interval: 500 }).toBe('removed');
    await page.close();

    // An audit session over the search page shows the others: still up.
    await ask('endAudit', null);
    await ask('startAudit', null);
    const again = await browser.context.newPage();
    await again.goto(NIKE_SEARCH_URL);
    for (
      let round = 0;
      round < 10 && (await again.evaluate(() => document.querySelectorAll('.s-result-item').length)) < 120;
      round++
    ) {
      await again.evaluate(() => scrollTo(0, document.body.scrollHeight));
      await again.waitForTimeout(300);
    }
    await expect
      .poll(
        async () => {
          const all = await outcomes();
          return filedKeys.map((key) => all.get(key));
        },
        { timeout: 30_000, interval: 500 },
      )
      .toEqual(filedKeys.map((key) => (key === gone ? 'removed' : 'still_up')));
    // The search page still lists the gone one (a saved page does not know): a removal seen is not undone by it.
    await again.close();
    await ask('endAudit', null);
  }, 120_000);
});
