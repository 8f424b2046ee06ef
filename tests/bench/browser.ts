import type { BrowserContext, Page } from 'playwright-core';
import { builtExtension } from '../e2e/support/build';
import {
  type Chromium,
  launchChromium,
  launchPlainChromium,
  stopServiceWorker,
  tabIdOf,
} from '../e2e/support/chromium';
import { PAGES } from '../e2e/support/pages';
import { BIG_COUNT, BIG_SEARCH_URL } from '../e2e/support/search-page';
import { traceMainThread } from '../e2e/support/tasks';
import { median, report } from './measure';

const HUGE_RUNS = 3;
const POPUP_RUNS = 7;
const BADGE_RUNS = 9;
/** Every fourth generated result is a high-risk bag, the last one among the last four cards. */
const FLAGGED = Math.ceil(BIG_COUNT / 4);
/** After the last badge, how long the page is still watched for work the extension left behind. */
const SETTLE_MS = 1_500;

/**
 * Before the page's own scripts: records when the page first shows `n` badge hosts, on the
 * page's clock (ms from navigation start), so that the test's polling never times it.
 */
function watchBadges(n: number) {
  const seen = { at: undefined as number | undefined };
  (window as unknown as { cgBadgesAt: typeof seen }).cgBadgesAt = seen;
  const observer = new MutationObserver(() => {
    if (document.getElementsByTagName('counterfeit-guard-badge').length < n) return;
    seen.at = performance.now();
    observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true });
}

async function badgesAt(page: Page, n: number): Promise<{ shown: number; load: number }> {
  await page.waitForFunction(
    () => (window as unknown as { cgBadgesAt?: { at?: number } }).cgBadgesAt?.at !== undefined,
    null,
    { polling: 200, timeout: 60_000 },
  );
  const [shown, load, count] = await page.evaluate(() => [
    (window as unknown as { cgBadgesAt: { at: number } }).cgBadgesAt.at,
    (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd,
    document.getElementsByTagName('counterfeit-guard-badge').length,
  ]);
  if (count !== n) throw new Error(`expected ${n} badges, the page shows ${count}`);
  return { shown, load };
}

interface HugeRun {
  /** The main thread's own time (CPU) from the page's parse until it settled. */
  busy: number;
  /** Of that, tasks that cost more than 50 ms after the load event. */
  longAfterLoad: number;
  /** When the last card was read and badged, in ms after the load event. */
  allReadAfterLoad?: number;
}

/** One visit to the 2,000-card page; with the extension, it ends once every flagged card shows its badge. */
async function visitHugePage(context: BrowserContext, withExtension: boolean): Promise<HugeRun> {
  const page = await context.newPage();
  if (withExtension) await page.addInitScript(watchBadges, FLAGGED);
  const trace = await traceMainThread(page);
  await page.goto(BIG_SEARCH_URL, { waitUntil: 'load' });
  const read = withExtension ? await badgesAt(page, FLAGGED) : undefined;
  await page.waitForTimeout(SETTLE_MS);
  const { tasks, load } = await trace.stop();
  await page.close();
  const loaded = load ?? 0;
  return {
    busy: tasks.reduce((sum, task) => sum + task.cpu, 0),
    longAfterLoad: tasks.filter((task) => task.start >= loaded && task.cpu > 50).length,
    ...(read ? { allReadAfterLoad: read.shown - read.load } : {}),
  };
}

/**
 * A 2,000-card result page in Chromium, with the extension and without it, the two visits
 * alternating in the same run: the main-thread time the extension adds, when the last card is
 * read after the load event, and how many of its tasks were long.
 */
async function benchHugePage(): Promise<void> {
  const extension = await launchChromium(builtExtension('chrome-mv3'));
  const plain = await launchPlainChromium();
  const withRuns: HugeRun[] = [];
  const withoutRuns: HugeRun[] = [];
  try {
    for (let run = 0; run < HUGE_RUNS; run++) {
      withoutRuns.push(await visitHugePage(plain.context, false));
      withRuns.push(await visitHugePage(extension.context, true));
    }
  } finally {
    await extension.close();
    await plain.close();
  }
  const busy = median(withRuns.map((run) => run.busy));
  const baseline = median(withoutRuns.map((run) => run.busy));
  report({
    name: `a ${BIG_COUNT}-card result page in Chromium: main-thread time until settled, with the extension; baseline without it`,
    median_ms: busy,
    baseline_median_ms: baseline,
    added_ms: Math.round(busy - baseline),
    target_added_ms: 1_000,
    all_cards_read_after_load_ms: Math.round(median(withRuns.map((run) => run.allReadAfterLoad ?? Number.NaN))),
    target_all_cards_read_ms: 3_000,
    long_tasks_after_load: withRuns.map((run) => run.longAfterLoad),
    long_tasks_after_load_without: withoutRuns.map((run) => run.longAfterLoad),
  });
}

/** When the popup first shows its verdict and a listing, in ms from its navigation start. */
function watchPopup() {
  const seen = { at: undefined as number | undefined };
  (window as unknown as { cgPopupAt: typeof seen }).cgPopupAt = seen;
  const observer = new MutationObserver(() => {
    if (!document.querySelector('.cg-verdict') || !document.querySelector('.cg-entry')) return;
    seen.at = performance.now();
    observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true });
}

async function popupShown(extension: Chromium, tabId: number): Promise<number> {
  const popup = await extension.context.newPage();
  await popup.addInitScript(watchPopup);
  await popup.goto(`chrome-extension://${extension.extensionId}/popup.html?tab=${tabId}`);
  await popup.waitForFunction(() => (window as unknown as { cgPopupAt?: { at?: number } }).cgPopupAt?.at, null, {
    polling: 50,
    timeout: 20_000,
  });
  const at = await popup.evaluate(() => (window as unknown as { cgPopupAt: { at: number } }).cgPopupAt.at);
  await popup.close();
  return at;
}

/**
 * The popup of the tab showing the 2,000-card page (the tab keeps its newest listings), beside
 * the popup of a tab with one listing: what the number of listings adds to showing the summary.
 */
async function benchPopup(): Promise<void> {
  const extension = await launchChromium(builtExtension('chrome-mv3'));
  try {
    const big = await extension.context.newPage();
    await big.addInitScript(watchBadges, FLAGGED);
    await big.goto(BIG_SEARCH_URL);
    await badgesAt(big, FLAGGED);
    const product = await extension.context.newPage();
    await product.addInitScript(watchBadges, 1);
    await product.goto(PAGES.nike.url);
    await badgesAt(product, 1);
    const bigTab = await tabIdOf(extension.worker, BIG_SEARCH_URL);
    const productTab = await tabIdOf(extension.worker, PAGES.nike.url);
    const many: number[] = [];
    const one: number[] = [];
    for (let run = 0; run < POPUP_RUNS; run++) {
      many.push(await popupShown(extension, bigTab));
      one.push(await popupShown(extension, productTab));
    }
    report({
      name: `the popup of a tab that read ${BIG_COUNT} cards: verdict and first listings shown, from its navigation; baseline: a tab with one listing`,
      median_ms: median(many),
      baseline_median_ms: median(one),
      added_ms: Math.round(median(many) - median(one)),
      target_added_ms: 200,
    });
  } finally {
    await extension.close();
  }
}

/** One visit to a product page, timed from navigation start to its badge. */
async function firstBadge(context: BrowserContext): Promise<number> {
  const page = await context.newPage();
  await page.addInitScript(watchBadges, 1);
  await page.goto(PAGES.nike.url, { waitUntil: 'load' });
  const { shown } = await badgesAt(page, 1);
  await page.close();
  return shown;
}

/**
 * The first badge on a product page when the service worker is already running, and when Chrome
 * has stopped it (as it does after 30 s idle), alternating in the same browser.
 */
async function benchColdStart(): Promise<void> {
  const extension = await launchChromium(builtExtension('chrome-mv3'));
  const warm: number[] = [];
  const cold: number[] = [];
  try {
    await firstBadge(extension.context);
    for (let run = 0; run < BADGE_RUNS; run++) {
      warm.push(await firstBadge(extension.context));
      const blank = await extension.context.newPage();
      await stopServiceWorker(blank, extension.extensionId);
      await blank.close();
      cold.push(await firstBadge(extension.context));
    }
  } finally {
    await extension.close();
  }
  const coldMedian = median(cold);
  const warmMedian = median(warm);
  report({
    name: 'first badge on a product page after the service worker was stopped (cold); baseline with it running (warm)',
    median_ms: coldMedian,
    baseline_median_ms: warmMedian,
    added_ms: Math.round(coldMedian - warmMedian),
    target_added_ms: 100,
  });
}

export async function benchBrowser(): Promise<void> {
  await benchHugePage();
  await benchPopup();
  await benchColdStart();
}
