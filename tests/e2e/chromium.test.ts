import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evidenceOf } from '../../src/words/evidence';
import { builtExtension, SCREENSHOTS } from './support/build';
import {
  type Chromium,
  launchChromium,
  readBadges,
  stopServiceWorker,
  tabIdOf,
  waitForBadges,
} from './support/chromium';
import { BROWSER_WORDS, engineVerdict } from './support/expected';
import { PAGES } from './support/pages';

describe('Chromium: page → background → badge → popup', () => {
  let browser: Chromium;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    browser = await launchChromium(builtExtension('chrome-mv3'));
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function openPopup(pageUrl: string) {
    const tabId = await tabIdOf(browser.worker, pageUrl);
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
    return popup;
  }

  it('badges a product page in a closed shadow root, with level and reasons in words', async () => {
    const page = await browser.context.newPage();
    await page.goto(PAGES.nike.url);
    const [badge] = await waitForBadges(page);
    expect(badge).toMatchObject({
      mode: 'closed',
      label: 'Counterfeit Guard: Caution',
      text: '⚠ Caution',
      expanded: false,
    });
    // The page's own scripts see neither the badge's insides nor a way to message the extension.
    expect(await page.evaluate(() => document.querySelector('counterfeit-guard-badge')?.shadowRoot ?? null)).toBeNull();
    expect(await page.evaluate(() => typeof (globalThis as { chrome?: { runtime?: unknown } }).chrome?.runtime)).toBe(
      'undefined',
    );
    // The badge sits inside the heading, after its text.
    expect(await page.evaluate(() => document.querySelector('#title')?.lastElementChild?.localName)).toBe(
      'counterfeit-guard-badge',
    );
    // Its reasons open from the keyboard, over the page rather than pushing it down.
    const priceTop = () =>
      page.evaluate(() => document.querySelector('#corePrice_feature_div')?.getBoundingClientRect().top);
    const before = await priceTop();
    // The heading comes first on the page, so the first Tab reaches the badge's button.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const verdict = engineVerdict(PAGES.nike);
    expect(verdict.assessment.level).toBe('caution');
    // The most specific line the title names is the one priced, and named.
    expect(verdict.words[0]).toMatch(
      /^Priced at \$19\.99, \d+% under the \$\d+\.00 a new genuine Nike Air Force 1 costs/,
    );
    // Its menu: the reasons, then the report actions (a warning can be contradicted).
    expect((await readBadges(page))[0]).toMatchObject({
      expanded: true,
      text: ['⚠ Caution', ...verdict.words, 'Report', 'This is genuine'].join(' '),
    });
    expect(await priceTop()).toBe(before);
    // The heaviest reason opens from the keyboard on what it rests on: the price read and the floor of its line.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const evidence = evidenceOf(verdict.reasons[0]!, BROWSER_WORDS).flatMap(({ label, value }) => [label, value]);
    expect(evidence.join(' ')).toMatch(
      /^Price read from the page \$19\.99 Least a new genuine one costs \$\d+\.00 Line Air Force 1$/,
    );
    // Drawn once the disclosure's toggle event has come round.
    await expect
      .poll(async () => (await readBadges(page))[0]?.text)
      .toBe(
        ['⚠ Caution', verdict.words[0], ...evidence, ...verdict.words.slice(1), 'Report', 'This is genuine'].join(' '),
      );
    await page.screenshot({
      path: join(SCREENSHOTS, 'chromium-product-page.png'),
      clip: { x: 0, y: 0, width: 1280, height: 320 },
    });

    // The pill takes no height of its own: without it, nothing below the heading would sit elsewhere.
    const bylineTop = () => page.evaluate(() => document.querySelector('#bylineInfo')?.getBoundingClientRect().top);
    const withBadge = await bylineTop();
    await page.evaluate(() => document.querySelector('counterfeit-guard-badge')?.remove());
    expect(await bylineTop()).toBe(withBadge);

    const popup = await openPopup(PAGES.nike.url);
    const entry = popup.getByRole('listitem', { name: /Nike Men's Air Force 1 '07 Shoe.*: Caution/ });
    await entry.waitFor();
    expect(await entry.textContent()).toContain('Seller: SHOE DEALS 24');
    expect(await entry.textContent()).toContain('Price: $19.99');
    await popup.screenshot({ path: join(SCREENSHOTS, 'chromium-popup.png'), fullPage: true });
    await popup.close();
    await page.close();
  });

  it('reads /gp/product/ pages the same way and rates a brand absent from the marketplace high', async () => {
    const page = await browser.context.newPage();
    await page.goto(PAGES.louisVuitton.url);
    const [badge] = await waitForBadges(page);
    expect(badge?.label).toBe('Counterfeit Guard: High risk');
    expect(badge?.text).toBe('✖ High risk');
    // A warning this strong also gets the banner, fixed to the window's bottom, reasons in full.
    const [banner] = await readBadges(page, 'counterfeit-guard-banner');
    const verdict = engineVerdict(PAGES.louisVuitton);
    const codes = verdict.assessment.reasons.map((reason) => reason.code);
    expect(codes).toEqual(expect.arrayContaining(['price_below_floor', 'brand_absent_from_marketplace']));
    expect(banner).toMatchObject({
      mode: 'closed',
      label: 'Counterfeit Guard warning about this listing',
      text: [
        '✖ High risk',
        'This listing shows strong signs of a counterfeit',
        'Dismiss',
        ...verdict.warnings,
        'Report',
        'This is genuine',
      ].join(' '),
    });
    await page.screenshot({ path: join(SCREENSHOTS, 'chromium-banner.png') });
    await page.close();
  });

  it('shows "no warning signs" for an authorised seller', async () => {
    const page = await browser.context.newPage();
    await page.goto(PAGES.apple.url);
    await waitForBadges(page);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect((await readBadges(page))[0]?.text).toBe(
      // Nothing to contradict, so only Report is offered.
      ['○ No warning signs found', ...engineVerdict(PAGES.apple).words, 'Report'].join(' '),
    );
    expect(await readBadges(page, 'counterfeit-guard-banner')).toEqual([]);
    await page.close();
  });

  it('claims nothing about a page without brand or price, yet lists it in the popup as not assessed', async () => {
    const page = await browser.context.newPage();
    await page.goto(PAGES.plain.url);
    const popup = await openPopup(PAGES.plain.url);
    await popup.getByRole('listitem', { name: /Plain Cotton Tote Bag.*: Not assessed/ }).waitFor();
    expect(await readBadges(page)).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('sets the sensitivity and searches the registry’s brands from the options page', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const strict = options.getByRole('radio', { name: 'Strict' });
    await strict.waitFor();
    expect(await options.getByRole('radio', { name: 'Balanced (recommended)' }).isChecked()).toBe(true);
    await strict.check();
    await options.getByText('Saved. Listings read from now on use it.').waitFor();
    const search = options.getByRole('searchbox', { name: 'Find a brand' });
    await options.getByText(/^Brands in the registry: \d+\.$/).waitFor();
    await search.fill('rollex');
    const first = options.locator('.cg-brand').first();
    await first.waitFor();
    expect(await first.textContent()).toContain('Rolex');
    expect(await first.textContent()).toContain('Sells no new goods on');
    await options.screenshot({ path: join(SCREENSHOTS, 'chromium-options.png'), fullPage: true });
    await options.reload();
    await strict.waitFor();
    await expect.poll(() => strict.isChecked()).toBe(true);
    // Back to the default, so that the other tests see balanced levels.
    await options.getByRole('radio', { name: 'Balanced (recommended)' }).check();
    await options.getByText('Saved. Listings read from now on use it.').waitFor();

    // 360 px wide: the contents stay at the top; a link brings its section's heading into view below
    // them and marks itself the current one, as scrolling on does for the next.
    await options.setViewportSize({ width: 360, height: 740 });
    const contents = options.getByRole('navigation', { name: 'Sections of the settings' });
    const marked = () => contents.locator('[aria-current]').allTextContents();
    await contents.getByRole('link', { name: 'Registry' }).click();
    await expect.poll(marked).toEqual(['Registry']);
    const place = () =>
      options.evaluate(() => ({
        heading: document.getElementById('registry-title')!.getBoundingClientRect().top,
        contents: document.querySelector('nav')!.getBoundingClientRect().bottom,
        overflows: document.documentElement.scrollWidth > innerWidth,
      }));
    const shown = await place();
    expect(shown.heading).toBeGreaterThanOrEqual(shown.contents);
    expect(shown.heading).toBeLessThan(740 / 2);
    expect(shown.overflows).toBe(false);
    await options.evaluate(() => scrollTo(0, document.getElementById('audit')!.offsetTop + 40));
    await expect.poll(marked).toEqual(['Audit mode']);
    await options.close();
  });

  it('still lists a tab’s listings after the service worker is stopped', async () => {
    const page = await browser.context.newPage();
    // A URL of its own, so that no other test's tab can be taken for this one.
    const url = `${PAGES.louisVuitton.url}?restart=1`;
    await page.goto(url);
    await waitForBadges(page);
    const tabId = await tabIdOf(browser.worker, url);
    await stopServiceWorker(page, browser.extensionId);
    // The popup's message wakes a fresh worker; what it lists must come from session storage.
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
    await popup.getByRole('listitem', { name: /Louis Vuitton Neverfull.*: High risk/ }).waitFor();
    await popup.close();
    await page.close();
  });
});
