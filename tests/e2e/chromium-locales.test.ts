import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtExtension, ROOT, SCREENSHOTS } from './support/build';
import { type Chromium, launchChromium, tabIdOf, waitForBadges } from './support/chromium';
import { PAGES } from './support/pages';
import { SEARCH_URL } from './support/search-page';
import { run } from './support/sync';

const messagesOf = (locale: string): Record<string, { message: string }> =>
  JSON.parse(readFileSync(join(ROOT, 'public', '_locales', locale, 'messages.json'), 'utf8'));

/** Texts the page cuts short: an element whose content overflows a box that hides the rest, or a page wider than its window. */
function clipped(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const cut: string[] = [];
    for (const element of document.querySelectorAll<HTMLElement>('body *')) {
      const style = getComputedStyle(element);
      const hides = (overflow: string) => overflow === 'hidden' || overflow === 'clip';
      const wide = element.scrollWidth > element.clientWidth + 1 && hides(style.overflowX);
      const tall = element.scrollHeight > element.clientHeight + 1 && hides(style.overflowY);
      if ((wide || tall || style.textOverflow === 'ellipsis') && element.textContent?.trim())
        cut.push(`${element.tagName.toLowerCase()}.${element.className}: ${element.textContent.trim().slice(0, 60)}`);
    }
    if (document.documentElement.scrollWidth > innerWidth + 1)
      cut.push(`page ${document.documentElement.scrollWidth} px wide`);
    return cut;
  });
}

async function popupOver(browser: Chromium, url: string): Promise<Page> {
  const tabId = await tabIdOf(browser.worker, url);
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
  await popup.locator('.cg-verdict').waitFor();
  return popup;
}

describe('Chromium: the extension in other languages', () => {
  const temp = mkdtempSync(join(tmpdir(), 'cg-locales-'));
  beforeAll(() => mkdirSync(SCREENSHOTS, { recursive: true }));
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  it('pseudo-locale: every word the popup, badge and options show comes from the messages, none cut short', async () => {
    await run('npx', ['wxt', 'build'], { CG_PSEUDO_LOCALE: '1', CG_OUT_DIR: join(temp, 'pseudo') });
    const browser = await launchChromium(join(temp, 'pseudo', 'chrome-mv3'));
    try {
      const product = await browser.context.newPage();
      await product.goto(PAGES.nike.url);
      const [badge] = await waitForBadges(product);
      expect(badge?.text).toMatch(/^⚠ \[Çáúţíóñ /);
      await product.screenshot({ path: join(SCREENSHOTS, 'chromium-badge-pseudo.png') });
      const search = await browser.context.newPage();
      await search.goto(SEARCH_URL);
      await waitForBadges(search);
      const popup = await popupOver(browser, SEARCH_URL);
      await popup.locator('details.cg-fold > summary').first().click();
      expect(await clipped(popup)).toEqual([]);
      // The extension's own words are all pseudo: what is left in plain English came from the page.
      const own = await popup.evaluate(() =>
        [...document.querySelectorAll('h1, .cg-verdict, summary, button, nav, .cg-level')].map(
          (el) => el.textContent ?? '',
        ),
      );
      expect(own.filter((text) => /\b(?:the|of|and|listings?|report|settings)\b/i.test(text))).toEqual([]);
      await popup.screenshot({ path: join(SCREENSHOTS, 'chromium-popup-pseudo.png') });
      const options = await browser.context.newPage();
      await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
      await options.locator('h1').waitFor();
      expect(await clipped(options)).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 180_000);

  it.each(['de', 'ja'])(
    '%s: the popup and a badge in the browser’s language',
    async (lang) => {
      const words = messagesOf(lang);
      const browser = await launchChromium(builtExtension('chrome-mv3'), { lang });
      try {
        const product = await browser.context.newPage();
        await product.goto(PAGES.nike.url);
        const [badge] = await waitForBadges(product);
        expect(badge?.text).toContain(words.level_caution!.message);
        await product.screenshot({ path: join(SCREENSHOTS, `chromium-badge-${lang}.png`) });
        const search = await browser.context.newPage();
        await search.goto(SEARCH_URL);
        await waitForBadges(search);
        const popup = await popupOver(browser, SEARCH_URL);
        expect(await popup.locator('h1').textContent()).toBe(words.popup_title!.message);
        expect(await clipped(popup)).toEqual([]);
        await popup.screenshot({ path: join(SCREENSHOTS, `chromium-popup-${lang}.png`) });
      } finally {
        await browser.close();
      }
    },
    120_000,
  );
});
