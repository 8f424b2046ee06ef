import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_DATA } from '../../src/reports/consent';
import type { Report } from '../../src/reports/report';
import {
  allowReports,
  type Firefox,
  firefoxShadow,
  fixturePage,
  GRANT_PERMISSION_REQUESTS,
  launchFirefox,
  openExtensionPage,
} from './support/firefox';
import { PAGES } from './support/pages';
import {
  expectedNikeReport,
  outboxEntries,
  type ReportProxy,
  reporterIdOf,
  reportsFor,
  reportThrough,
  serviceReports,
  startReportProxy,
  tabEntriesOf,
  tabIdFrom,
} from './support/reports';
import { buildPinnedTo, freePort, startService, stopProcess } from './support/sync';

// The extension's own global, as code evaluated in its pages sees it (Firefox answers to `chrome` too;
// `browser` would be taken for WXT's test double by the test transform).
declare const chrome: typeof import('wxt/browser').browser;

const BANNER = 'counterfeit-guard-banner';
const BADGE = 'counterfeit-guard-badge';
/** The undo window, and a little more for the send that follows it. */
const UNDO_AND_SEND_MS = 13_000;

// Lettered as their models in chromium-report.test.ts (a, b, d), so that each reads beside its twin.
describe('Firefox: one-click reports reach the companion service exactly once', () => {
  let temp: string;
  let data: string;
  let keys: string;
  let port: number;
  let service: ChildProcess | undefined;
  let proxy: ReportProxy;
  let firefox: Firefox;
  /** The options page, kept open: it reads the outbox and storage, shows the history and asks for consent. */
  let ext: Page;

  const serviceArgs = () => ({ port, data, keys });
  /** The POSTs of reports that reached the proxy: what left the browser, whether the service was up or not. */
  const reportPosts = () => proxy.log.filter((entry) => entry.path === '/v1/reports');
  /**
   * The options page's history row of an outbox entry, in words. The page refreshes its history
   * only while it is seen (Firefox hides a tab in the background), so it is brought to the front
   * as a person switching to it would.
   */
  const historyRow = async (id: string) => {
    await ext.bringToFront();
    return ext.evaluate((entryId) => document.querySelector(`tr[data-id="${entryId}"]`)?.textContent ?? undefined, id);
  };
  /** Whether Firefox holds the person's consent for what a report shares. */
  const reportsAllowed = () =>
    ext.evaluate(async (wanted) => {
      const held = ((await chrome.permissions.getAll()) as { data_collection?: string[] }).data_collection ?? [];
      return wanted.every((kind) => held.includes(kind));
    }, REPORT_DATA);

  beforeAll(async () => {
    temp = mkdtempSync(join(tmpdir(), 'cg-firefox-report-'));
    data = join(temp, 'data');
    keys = join(temp, 'keys');
    port = await freePort();
    service = await startService(serviceArgs());
    // In front of the service, so that what the browser sent is known even while the service is down.
    proxy = await startReportProxy(port);
    await buildPinnedTo({ browser: 'firefox', service: proxy.url, keys, outDir: join(temp, 'ext') });
    firefox = await launchFirefox(join(temp, 'ext', 'firefox-mv3'), { prefs: GRANT_PERMISSION_REQUESTS });
    ext = await openExtensionPage(firefox.browser, 'options.html');
  });

  afterAll(async () => {
    await firefox?.close();
    await proxy?.close();
    await stopProcess(service);
    if (temp) rmSync(temp, { recursive: true, force: true });
  });

  async function openWithBanner(url: string): Promise<Page> {
    const page = await fixturePage(firefox.browser);
    await page.goto(url);
    await page.waitForSelector(BANNER, { timeout: 15_000 });
    await expect.poll(() => firefoxShadow(page, BANNER).text(), { timeout: 15_000 }).toContain('Report');
    return page;
  }

  it('a. Report on a product page: stored at once, held until the person allows reports (saying so), then sent once with every field', async () => {
    expect(await reportsAllowed()).toBe(false);
    const page = await openWithBanner(PAGES.nike.url);
    const banner = firefoxShadow(page, BANNER);
    await reportThrough(banner);
    await expect.poll(() => banner.text(), { timeout: 10_000 }).toContain('Reported.');
    const [stored, ...others] = await outboxEntries(ext);
    expect(others).toEqual([]);
    expect(stored).toMatchObject({ kind: 'report', status: 'queued', attempts: 0 });

    // Past the undo window the outbox tries, and Firefox's consent is not there yet: nothing leaves.
    const entry = async () => (await outboxEntries(ext)).find((candidate) => candidate.id === stored!.id);
    await expect.poll(async () => (await entry())?.lastFailure?.code, { timeout: 30_000 }).toBe('consent');
    expect((await entry())?.status).toBe('queued');
    expect(reportPosts()).toEqual([]);
    expect(serviceReports(data)).toEqual([]);
    await expect
      .poll(() => historyRow(stored!.id), { timeout: 10_000 })
      .toMatch(
        /Queued — it waits for you to allow reports to be sent \(Reporting, in the options page\); next try at \d/,
      );

    await allowReports(ext);
    expect(await reportsAllowed()).toBe(true);
    await expect.poll(() => serviceReports(data).length, { timeout: 30_000, interval: 500 }).toBe(1);
    const [report] = serviceReports(data) as [Report];
    const tabId = await tabIdFrom(ext, PAGES.nike.url);
    const seen = (await tabEntriesOf(ext, tabId)).find((candidate) => candidate.listing.key === 'amazon:B0TESTNIK1');
    expect(seen).toBeDefined();
    expect(report).toEqual(expectedNikeReport(stored!, seen!, await reporterIdOf(ext)));
    expect(report.reporterId).toMatch(/^[0-9a-f]{32}$/);
    expect(seen!.listing.title).toContain('Nike');
    await expect.poll(async () => (await entry())?.status, { timeout: 10_000 }).toBe('sent');
    expect(reportPosts().map((post) => post.id)).toEqual([stored!.id]);
    await expect.poll(() => historyRow(stored!.id), { timeout: 10_000 }).toMatch(/Sent at \w/);
    // The marketplace's own flow is offered after the report.
    expect(await banner.text()).toContain('Also report it to Amazon (opens in a new tab)');
    await page.close();
  });

  it('b. Undo inside ten seconds: nothing is sent, and the outbox forgets it', async () => {
    // Reports may leave (allowed in a): otherwise nothing would be sent anyway, and this would prove nothing.
    expect(await reportsAllowed()).toBe(true);
    const key = 'amazon:B0TESTLVB1';
    const page = await openWithBanner(PAGES.louisVuitton.url);
    const banner = firefoxShadow(page, BANNER);
    await reportThrough(banner);
    await expect.poll(() => banner.text(), { timeout: 10_000 }).toContain('Reported.');
    const held = (await outboxEntries(ext)).find((entry) => entry.body.listing.key === key);
    expect(held?.status).toBe('queued');
    await banner.click(/^Undo \(\d+ s\)$/);
    await expect.poll(() => banner.text(), { timeout: 10_000 }).toContain('Taken back: nothing was sent.');
    expect((await outboxEntries(ext)).filter((entry) => entry.body.listing.key === key)).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, UNDO_AND_SEND_MS));
    expect(reportPosts().filter((post) => post.id === held!.id)).toEqual([]);
    expect(reportsFor(data, key)).toEqual([]);
    await page.close();
  });

  it('d. The service is down: the report waits, says why, and arrives exactly once when the service is back', async () => {
    expect(await reportsAllowed()).toBe(true);
    const key = 'amazon:B0TESTAPL1';
    await stopProcess(service);
    service = undefined;
    const page = await fixturePage(firefox.browser);
    await page.goto(PAGES.apple.url);
    await page.waitForSelector(BADGE, { timeout: 15_000 });
    const badge = firefoxShadow(page, BADGE);
    await badge.click(/No warning signs/);
    await reportThrough(badge);
    await expect.poll(() => badge.text(), { timeout: 10_000 }).toContain('Reported.');
    const failing = async () => (await outboxEntries(ext)).find((entry) => entry.body.listing.key === key);
    await expect.poll(async () => (await failing())?.lastFailure?.code, { timeout: 30_000 }).toBe('unreachable');
    const { id, status } = (await failing())!;
    expect(status).toBe('queued');
    // The options page's history says so, in words, and when it tries again.
    await expect
      .poll(() => historyRow(id), { timeout: 10_000 })
      .toMatch(/Queued — the service could not be reached; next try at \d/);

    service = await startService(serviceArgs());
    await expect.poll(() => reportsFor(data, key).length, { timeout: 60_000, interval: 500 }).toBe(1);
    await expect.poll(async () => (await failing())?.status, { timeout: 10_000 }).toBe('sent');
    expect(reportsFor(data, key).map((report) => report.id)).toEqual([id]);
    // It was tried while the service was down, and again once it was back: one report all the same.
    expect(reportPosts().filter((post) => post.id === id).length).toBeGreaterThanOrEqual(2);
    await expect.poll(() => historyRow(id), { timeout: 10_000 }).toMatch(/Sent at \w/);
    await page.close();
  });
});
