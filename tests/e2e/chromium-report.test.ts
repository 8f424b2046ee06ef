import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { browser as wxtBrowser } from 'wxt/browser';
import type { Report } from '../../src/reports/report';
import { SCREENSHOTS } from './support/build';
import { type Chromium, launchChromium, readBadges, stopServiceWorker } from './support/chromium';
import { PAGES } from './support/pages';
import {
  chromiumShadow,
  clickInShadow,
  expectedNikeReport,
  outboxEntries,
  type ReportFault,
  type ReportProxy,
  reporterIdOf,
  reportsFor,
  reportThrough,
  serviceReports,
  shadowText,
  showAllEntries,
  startReportProxy,
  tabEntriesOf,
  tabIdFrom,
  withdrawnIds,
} from './support/reports';
import { SEARCH_URL } from './support/search-page';
import { buildPinnedTo, freePort, startService, stopProcess } from './support/sync';

/** The extension's API inside its service worker, where the tests evaluate. */
declare const chrome: typeof wxtBrowser;

const BANNER = 'counterfeit-guard-banner';
const BADGE = 'counterfeit-guard-badge';
/** The undo window, and a little more for the send that follows it. */
const UNDO_AND_SEND_MS = 13_000;

/** A small seeded generator, so a chaos run's faults can be replayed from its printed seed. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

describe('Chromium: one-click reports reach the companion service exactly once', () => {
  let temp: string;
  let data: string;
  let keys: string;
  let port: number;
  let service: ChildProcess | undefined;
  let proxy: ReportProxy;
  let browser: Chromium;
  /** An extension page kept open: it reads the outbox and storage whether or not the worker runs. */
  let ext: Page;

  // One reporter files some 200 reports here: more than a person's day allows by default.
  const serviceArgs = () => ({
    port,
    data,
    keys,
    extra: ['--rate-reporter', '100000', '--daily-reports-reporter', '100000'],
  });

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    temp = mkdtempSync(join(tmpdir(), 'cg-report-'));
    data = join(temp, 'data');
    keys = join(temp, 'keys');
    port = await freePort();
    service = await startService(serviceArgs());
    proxy = await startReportProxy(port);
    await buildPinnedTo({
      browser: 'chrome',
      service: proxy.url,
      keys,
      outDir: join(temp, 'ext'),
      env: {
        CG_REPORT_TIMEOUT_MS: '2000',
        // The chaos test makes 200 reports in a minute; the limit of 30 has its own unit test.
        CG_REPORT_LIMIT: '1000',
      },
    });
    browser = await launchChromium(join(temp, 'ext', 'chrome-mv3'));
    // Let the service worker's requests to the proxy through (launchChromium aborts what is not a fixture).
    const origin = proxy.url;
    await browser.context.route(
      (url) => url.origin === origin,
      (route) => route.continue(),
    );
    if (process.env.CG_DEBUG) {
      const follow = (worker: import('playwright-core').Worker) =>
        worker.on('console', (message) => console.log(`[worker] ${message.type()} ${message.text()}`));
      follow(browser.worker);
      browser.context.on('serviceworker', follow);
    }
    ext = await browser.context.newPage();
    await ext.goto(`chrome-extension://${browser.extensionId}/options.html`);
  });

  afterAll(async () => {
    await browser?.close();
    await proxy?.close();
    await stopProcess(service);
    if (temp) rmSync(temp, { recursive: true, force: true });
  });

  const reportFromPage = (page: Page, tag: string, key?: string) => reportThrough(chromiumShadow(page, tag, key));

  async function openWithBanner(url: string): Promise<Page> {
    const page = await browser.context.newPage();
    await page.goto(url);
    await expect.poll(() => shadowText(page, BANNER), { timeout: 15_000 }).toContain('Report');
    return page;
  }

  it('a. Report on a product page: stored before "Reported", sent after the undo window, once, with every field', async () => {
    const page = await openWithBanner(PAGES.nike.url);
    await reportFromPage(page, BANNER);
    await expect.poll(() => shadowText(page, BANNER)).toContain('Reported.');
    // On disk already, held for the undo window, and nothing sent yet.
    const [stored, ...others] = await outboxEntries(ext);
    expect(others).toEqual([]);
    expect(stored).toMatchObject({ kind: 'report', status: 'queued', attempts: 0 });
    expect(serviceReports(data)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'chromium-report-banner.png') });

    await expect.poll(() => serviceReports(data).length, { timeout: 30_000 }).toBe(1);
    const [report] = serviceReports(data) as [Report];
    const tabId = await tabIdFrom(ext, PAGES.nike.url);
    const seen = (await tabEntriesOf(ext, tabId)).find((entry) => entry.listing.key === 'amazon:B0TESTNIK1');
    expect(seen).toBeDefined();
    expect(report).toEqual(expectedNikeReport(stored!, seen!, await reporterIdOf(ext)));
    expect(report.reporterId).toMatch(/^[0-9a-f]{32}$/);
    expect(seen!.listing.title).toContain('Nike');
    expect(seen!.assessment.brand).toBe('nike');
    await expect.poll(async () => (await outboxEntries(ext))[0]?.status).toBe('sent');
    // The marketplace's own flow is offered after the report.
    expect(await shadowText(page, BANNER)).toContain('Also report it to Amazon (opens in a new tab)');
    await page.close();
  });

  it('b. Undo inside ten seconds: nothing is sent, and the outbox forgets it', async () => {
    const key = 'amazon:B0TESTLVB1';
    const page = await openWithBanner(PAGES.louisVuitton.url);
    await reportFromPage(page, BANNER);
    await expect.poll(() => shadowText(page, BANNER)).toContain('Reported.');
    await clickInShadow(page, BANNER, /^Undo \(\d+ s\)$/);
    await expect.poll(() => shadowText(page, BANNER)).toContain('Taken back: nothing was sent.');
    expect((await outboxEntries(ext)).filter((entry) => entry.body.listing.key === key)).toEqual([]);
    await page.waitForTimeout(UNDO_AND_SEND_MS);
    expect(reportsFor(data, key)).toEqual([]);
    expect(proxy.log.filter((entry) => entry.path === '/v1/reports').length).toBe(1);
    await page.close();
  });

  it('c. The details step: category and note go with the report', async () => {
    const key = 'amazon:B0TESTLVB1';
    const page = await openWithBanner(PAGES.louisVuitton.url);
    await reportFromPage(page, BANNER);
    await expect.poll(() => shadowText(page, BANNER)).toContain('Add details');
    await clickInShadow(page, BANNER, /^Add details$/);
    await expect.poll(() => shadowText(page, BANNER)).toContain('What is wrong with this listing?');
    await clickInShadow(page, BANNER, /misleading/);
    await clickInShadow(page, BANNER, /^Note/);
    await page.keyboard.type('Sold as "original" at a third of the price');
    // Held while the reporter writes, past the undo window.
    await page.waitForTimeout(11_000);
    expect(reportsFor(data, key)).toEqual([]);
    await clickInShadow(page, BANNER, /^Save details$/);
    await expect.poll(() => shadowText(page, BANNER)).toContain('Reported.');
    await expect.poll(() => reportsFor(data, key).length, { timeout: 30_000 }).toBe(1);
    expect(reportsFor(data, key)[0]).toMatchObject({
      category: 'misleading',
      note: 'Sold as "original" at a third of the price',
      level: 'high',
    });
    await page.close();
  });

  it('d. The service is down: the report waits, says why, and arrives once the service is back', async () => {
    const key = 'amazon:B0TESTAPL1';
    await stopProcess(service);
    service = undefined;
    const page = await browser.context.newPage();
    await page.goto(PAGES.apple.url);
    await expect.poll(async () => (await readBadges(page)).length, { timeout: 15_000 }).toBe(1);
    await clickInShadow(page, BADGE, /No warning signs/);
    await reportFromPage(page, BADGE);
    await expect.poll(() => shadowText(page, BADGE)).toContain('Reported.');
    const failing = async () => (await outboxEntries(ext)).find((entry) => entry.body.listing.key === key);
    await expect.poll(async () => (await failing())?.lastFailure?.code, { timeout: 30_000 }).toBe('unreachable');
    expect((await failing())?.status).toBe('queued');
    // The options page's history says so, in words, and when it tries again.
    const row = ext.getByRole('row').filter({ hasText: (await failing())!.body.listing.title.slice(0, 40) });
    await expect
      .poll(() => row.textContent(), { timeout: 10_000 })
      .toMatch(/Queued — the service could not be reached; next try at \d/);
    await ext.screenshot({ path: join(SCREENSHOTS, 'chromium-report-history.png'), fullPage: true });

    service = await startService(serviceArgs());
    await expect.poll(() => reportsFor(data, key).length, { timeout: 60_000, interval: 1000 }).toBe(1);
    await expect.poll(async () => (await failing())?.status).toBe('sent');
    expect(reportsFor(data, key)[0]!.id).toBe((await failing())!.id);
    await expect.poll(() => row.textContent(), { timeout: 10_000 }).toMatch(/Sent at \w/);
    await page.close();
  });

  it('d2. Withdraw from the options page: the service is told, and the history says so', async () => {
    const nike = (await outboxEntries(ext)).find((entry) => entry.body.listing.key === 'amazon:B0TESTNIK1')!;
    expect(nike.status).toBe('sent');
    expect(withdrawnIds(data)).toEqual([]);
    const row = ext.getByRole('row').filter({ hasText: nike.body.listing.title.slice(0, 40) });
    await row.getByRole('button', { name: /^Withdraw/ }).click();
    await expect.poll(() => row.textContent(), { timeout: 20_000 }).toContain('Withdrawn');
    expect(withdrawnIds(data)).toEqual([nike.id]);
    expect((await outboxEntries(ext)).find((entry) => entry.id === nike.id)?.status).toBe('withdrawn');
  });

  it('b2. A page that fades the banner over a decoy cannot take a click for it, nor hide the warning', async () => {
    const key = 'amazon:B0TESTLVB1';
    const page = await openWithBanner(PAGES.louisVuitton.url);
    const before = (await outboxEntries(ext)).filter((entry) => entry.body.listing.key === key).length;
    // The page's own CSS: the banner made invisible, a "coupon" shown where its buttons are.
    await page.addStyleTag({ content: `${BANNER} { opacity: 0 !important; }` });
    await page.evaluate(() => {
      const coupon = document.createElement('div');
      coupon.textContent = 'Click here for a 50% coupon';
      coupon.setAttribute('style', 'position: fixed; inset: 0 0 auto 0; height: 200px; z-index: -1; background: gold');
      document.body.append(coupon);
    });
    // A real click where the Report button is.
    await clickInShadow(page, BANNER, /^Report$/);
    await expect.poll(() => shadowText(page, BANNER)).toContain('Nothing was done');
    await page.waitForTimeout(500);
    expect((await outboxEntries(ext)).filter((entry) => entry.body.listing.key === key).length).toBe(before);
    // The toolbar button still counts the page's suspect listing, whatever the page's CSS does.
    const tabId = await tabIdFrom(ext, PAGES.louisVuitton.url);
    const count = await browser.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
    expect(Number(count)).toBeGreaterThanOrEqual(1);
    await page.close();
  });

  it('e. The worker is stopped between store and send: delivered once when an alarm wakes it', async () => {
    const page = await browser.context.newPage();
    await page.goto(SEARCH_URL);
    await expect.poll(async () => (await readBadges(page)).length, { timeout: 20_000 }).toBeGreaterThan(10);
    const key = (await readBadges(page))[0]!.key!;
    await clickInShadow(page, BADGE, /High risk|Caution/, key);
    await reportFromPage(page, BADGE, key);
    await expect.poll(() => shadowText(page, BADGE, key)).toContain('Reported.');
    await stopServiceWorker(page, browser.extensionId);
    expect(reportsFor(data, key)).toEqual([]);
    await expect.poll(() => reportsFor(data, key).length, { timeout: 60_000, interval: 1000 }).toBe(1);
    const [entry] = (await outboxEntries(ext)).filter((candidate) => candidate.body.listing.key === key);
    expect(entry?.status).toBe('sent');
    expect(reportsFor(data, key)[0]!.id).toBe(entry!.id);
    await page.close();
  });

  it("f. A page's scripts get nothing through: no shadow access, synthetic clicks, window messages, runtime calls", async () => {
    const page = await browser.context.newPage();
    await page.goto(SEARCH_URL);
    await expect.poll(async () => (await readBadges(page)).length, { timeout: 20_000 }).toBeGreaterThan(10);
    const outboxBefore = (await outboxEntries(ext)).length;
    const serviceBefore = serviceReports(data).length;
    const postsBefore = proxy.log.length;
    const tried = await page.evaluate(async (extensionId) => {
      const host = document.querySelector('counterfeit-guard-badge') as HTMLElement;
      const key = host.dataset.key;
      const seen = { shadow: host.shadowRoot !== null, runtime: 'absent', sendError: '' };
      host.click();
      host.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      host.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
      const box = host.getBoundingClientRect();
      (document.elementFromPoint(box.x + 4, box.y + 4) as HTMLElement | null)?.click();
      for (const type of ['reportListing', 'markGenuine'])
        window.postMessage({ id: 1, type, data: { key }, timestamp: Date.now() }, '*');
      const chromeGlobal = (globalThis as { chrome?: { runtime?: { sendMessage?: (...args: unknown[]) => unknown } } })
        .chrome;
      if (chromeGlobal?.runtime?.sendMessage) {
        seen.runtime = 'present';
        try {
          await chromeGlobal.runtime.sendMessage(extensionId, { type: 'reportListing', data: { key } });
        } catch (error) {
          seen.sendError = String(error);
        }
      }
      return seen;
    }, browser.extensionId);
    expect(tried.shadow).toBe(false);
    expect(tried.runtime).toBe('absent');
    await page.waitForTimeout(UNDO_AND_SEND_MS);
    expect((await outboxEntries(ext)).length).toBe(outboxBefore);
    expect(serviceReports(data).length).toBe(serviceBefore);
    expect(proxy.log.length).toBe(postsBefore);
    await page.close();
  });

  it('g. chaos: 200 reports while the service fails at random and the worker is stopped at random: exactly 200 arrive', async () => {
    const seed = Number(process.env.CG_CHAOS_SEED ?? Date.now() % 1_000_000);
    const random = seeded(seed);
    const page = await browser.context.newPage();
    await page.goto(SEARCH_URL);
    const tabId = await tabIdFrom(ext, SEARCH_URL);
    const alreadyReported = new Set((await outboxEntries(ext)).map((entry) => entry.body.listing.key));
    await expect.poll(async () => (await tabEntriesOf(ext, tabId)).length, { timeout: 30_000 }).toBe(200);
    // One more result for each card reported before, so that 200 are fresh.
    const reportedHere = (await tabEntriesOf(ext, tabId)).filter((entry) => alreadyReported.has(entry.listing.key));
    if (reportedHere.length > 0)
      await page.evaluate(
        (n) => (window as unknown as { growResults(n: number): void }).growResults(n),
        reportedHere.length,
      );
    const total = 200 + reportedHere.length;
    await expect.poll(async () => (await tabEntriesOf(ext, tabId)).length, { timeout: 30_000 }).toBe(total);

    const counts: Record<ReportFault, number> = {
      none: 0,
      down: 0,
      error: 0,
      'drop-after': 0,
      'drop-before': 0,
      hang: 0,
    };
    proxy.setFaults(() => {
      const roll = random();
      const fault: ReportFault =
        roll < 0.07 ? 'error' : roll < 0.11 ? 'drop-before' : roll < 0.15 ? 'drop-after' : roll < 0.2 ? 'hang' : 'none';
      counts[fault]++;
      return fault;
    });
    const logFrom = proxy.log.length;
    let stops = 0;
    let stopping = true;
    const killer = (async () => {
      while (stopping) {
        await page.waitForTimeout(2000 + random() * 4000);
        if (!stopping) break;
        await stopServiceWorker(page, browser.extensionId).catch(() => undefined);
        stops++;
      }
    })();

    const popup = await browser.context.newPage();
    try {
      await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
      // The popup's listings (each a list item with its reasons' own list inside).
      await popup.locator('.cg-verdict').waitFor({ timeout: 15_000 });
      await showAllEntries(popup);
      const items = popup.locator('li.cg-entry');
      await expect.poll(() => items.count(), { timeout: 15_000 }).toBe(total);
      const started = Date.now();
      let clicks = 0;
      let reported = 0;
      for (let i = 0; i < total; i++) {
        const item = items.nth(i);
        const status = item.getByRole('status');
        for (let tries = 0; ; tries++) {
          await item.getByRole('button', { name: 'Report', exact: true }).click();
          clicks++;
          await expect.poll(() => status.textContent(), { timeout: 20_000 }).toMatch(/Reported|already|Could not/);
          const text = (await status.textContent()) ?? '';
          if (text.startsWith('Reported')) reported++;
          // A click whose answer was lost to a stopped worker says so; a person clicks again.
          if (!text.startsWith('Could not')) break;
          expect(tries, text).toBeLessThan(5);
        }
      }
      const clicked = Date.now();
      const ours = async () =>
        (await outboxEntries(ext)).filter(
          (entry) =>
            entry.kind === 'report' && entry.createdAt >= started && !alreadyReported.has(entry.body.listing.key),
        );
      expect((await ours()).length).toBe(200);
      const ids = new Set((await ours()).map((entry) => entry.id));
      const arrived = () => serviceReports(data).filter((report) => ids.has(report.id)).length;
      await expect.poll(arrived, { timeout: 300_000, interval: 2000 }).toBe(200);
      // Drained: every report on the service and every entry known to be there. One whose answer
      // was lost after the service stored it learns so at its next attempt, after its backoff.
      await expect
        .poll(async () => (await ours()).filter((entry) => entry.status !== 'sent').length, {
          timeout: 180_000,
          interval: 1000,
        })
        .toBe(0);
      const drained = Date.now();
      stopping = false;
      await killer;
      proxy.setFaults(() => 'none');

      // Exactly 200: one row per id, one per listing, nothing else from these listings.
      const keys = new Set((await ours()).map((entry) => entry.body.listing.key));
      const rows = serviceReports(data).filter((report) => keys.has(report.listing.key));
      expect(rows.length).toBe(200);
      expect(new Set(rows.map((report) => report.id)).size).toBe(200);

      const posts = proxy.log
        .slice(logFrom)
        .filter((entry) => entry.path === '/v1/reports' && entry.id && ids.has(entry.id));
      console.log(
        `chaos (seed ${seed}): 200 reports from ${clicks} clicks (${clicks - reported} answered "already" or failed and clicked again), ` +
          `${posts.length} delivery attempts, ${posts.length - 200} retries; faults ${JSON.stringify(counts)}; ` +
          `${stops} worker stops; clicking took ${((clicked - started) / 1000).toFixed(1)} s, ` +
          `drained ${((drained - clicked) / 1000).toFixed(1)} s after the last click`,
      );
      expect(posts.length).toBeGreaterThanOrEqual(200);
    } finally {
      stopping = false;
      proxy.setFaults(() => 'none');
      await killer;
      await popup.close();
      await page.close();
    }
  }, 480_000);
});
