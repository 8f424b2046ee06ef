import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtExtension, SCREENSHOTS } from './support/build';
import { engineVerdict } from './support/expected';
import { closedShadowText, type Firefox, fixturePage, launchFirefox, openPopupFor } from './support/firefox';
import { PAGES } from './support/pages';

const BADGE = 'counterfeit-guard-badge';

describe('Firefox: page → background → badge', () => {
  let firefox: Firefox;

  beforeAll(async () => {
    firefox = await launchFirefox(builtExtension('firefox-mv3'));
  });
  afterAll(async () => {
    await firefox?.close();
  });

  it('badges a product page in a closed shadow root, labelled with its level', async () => {
    const page = await fixturePage(firefox.browser);
    await page.goto(PAGES.nike.url);
    await page.waitForSelector(BADGE, { timeout: 15_000 });
    expect(await page.$eval(BADGE, (host) => host.getAttribute('aria-label'))).toBe('Counterfeit Guard: Caution');
    // Found by its accessible name, as a screen reader would announce it.
    await page.locator('::-p-aria(Counterfeit Guard: Caution)').setTimeout(5_000).wait();
    // The page's scripts cannot look inside.
    expect(await page.$eval(BADGE, (host) => host.shadowRoot)).toBeNull();
    expect(await closedShadowText(page, BADGE)).toEqual({ mode: 'closed', text: '⚠ Caution' });
    // The reasons open from the keyboard: the heading's badge is the page's first stop.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const verdict = engineVerdict(PAGES.nike);
    expect(verdict.assessment.level).toBe('caution');
    expect(await closedShadowText(page, BADGE)).toEqual({
      mode: 'closed',
      text: ['⚠ Caution', ...verdict.words, 'Report', 'This is genuine'].join(' '),
    });
    await page.screenshot({ path: join(SCREENSHOTS, 'firefox-product-page.png') });
    await page.close();
  });

  it('claims nothing about a page without brand or price, yet lists it in the popup as not assessed', async () => {
    const page = await fixturePage(firefox.browser);
    await page.goto(PAGES.plain.url);
    const popup = await openPopupFor(firefox.browser, PAGES.plain.url);
    await popup
      .locator('::-p-aria(Plain Cotton Tote Bag, Natural, 15 x 16 inches: Not assessed)')
      .setTimeout(10_000)
      .wait();
    // The listing reached the background and came back `unknown`: the page shows nothing.
    expect(await page.$(BADGE)).toBeNull();
    await popup.close();
    await page.close();
  });
});
