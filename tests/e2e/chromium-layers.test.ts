import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtExtension } from './support/build';
import { type Chromium, launchChromium, readBadges } from './support/chromium';
import { UNKNOWN_LAYOUT_URL } from './support/search-page';
import { describeTasks, type MainThreadTask, traceMainThread } from './support/tasks';

declare const chrome: typeof import('wxt/browser').browser;

describe('Chromium: a marketplace page in a layout no rule knows', () => {
  let browser: Chromium;

  beforeAll(async () => {
    browser = await launchChromium(builtExtension('chrome-mv3'));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('is read by the lower layers, badges its replicas, records that the rules fell back, and never blocks the page', async () => {
    const page = await browser.context.newPage();
    const trace = await traceMainThread(page);
    await page.goto(UNKNOWN_LAYOUT_URL);
    // 200 cards, every fourth a replica: 50 High badges, none on the plain bags.
    await page.waitForFunction(() => document.querySelectorAll('counterfeit-guard-badge').length >= 50, null, {
      polling: 100,
      timeout: 20_000,
    });
    await page.waitForTimeout(1000);
    // Stopped before the test's own reading through CDP, which runs on the page's thread too.
    const { tasks, load } = await trace.stop();
    const badges = await readBadges(page);
    expect(badges).toHaveLength(50);
    expect(badges.every((badge) => badge.label === 'Counterfeit Guard: High risk')).toBe(true);
    // Each badge sits in a replica's own card.
    const inReplicaCards = await page.evaluate(() =>
      [...document.querySelectorAll('counterfeit-guard-badge')].every((badge) =>
        badge.closest('.k7x')?.textContent?.includes('replica'),
      ),
    );
    expect(inReplicaCards).toBe(true);

    // The page's own start (parsing, the first layout of 200 cards) ends with its load event; what
    // comes after is the extension's: its rules, the layers, the badges. A task is held to what it
    // cost the thread: the wall time it took is printed beside.
    expect(load).toBeDefined();
    const loaded = load ?? 0;
    const after = tasks.filter((task) => task.start >= loaded);
    const long = (some: MainThreadTask[]) => some.filter((task) => task.wall > 50 || task.cpu > 50);
    console.log(
      `[perf] layers on a 200-card page: long tasks before the load event (${loaded.toFixed(0)} ms) ${describeTasks(long(tasks.filter((task) => task.start < loaded)))}; after it ${describeTasks(long(after))}`,
    );
    expect(after.filter((task) => task.cpu > 50)).toEqual([]);

    // The options page can say the eBay rules look out of date; nothing left the device for it.
    const health = await browser.worker.evaluate(async () => (await chrome.storage.local.get('ruleHealth')).ruleHealth);
    expect(health).toMatchObject({ 'ebay ebay.com': { marketplace: 'ebay', host: 'ebay.com', pages: 1 } });
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await expect
      .poll(() =>
        options.getByText(/Rules for eBay \(ebay\.com\) look out of date: read by the fallback on 1 pages/).count(),
      )
      .toBe(1);
    await options.close();
    await page.close();
  });
});
