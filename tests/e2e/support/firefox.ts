import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { browser as extensionBrowser } from 'wxt/browser';
import { fixtureFor } from './pages';

// The extension's own global, as code evaluated in its pages sees it.
declare const browser: typeof extensionBrowser;

export const GECKO_ID = 'counterfeit-guard@counterfeitguard.org';
/** Pinned through a pref, so extension pages have a URL the tests know. */
export const EXTENSION_UUID = '5d0f8d0e-3c1b-4b8e-9a57-2f6c8e1d4a10';

export interface Firefox {
  browser: Browser;
  close(): Promise<void>;
}

/** Debian's firefox-esr over WebDriver BiDi, with the built extension installed (as a temporary add-on). */
export async function launchFirefox(extensionDir: string): Promise<Firefox> {
  const profile = mkdtempSync(join(tmpdir(), 'cg-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    headless: true,
    userDataDir: profile,
    // Lets the tests open moz-extension:// pages.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }) },
  });
  try {
    const id = await browser.installExtension(extensionDir);
    if (id !== GECKO_ID) throw new Error(`installed ${id}, expected ${GECKO_ID}`);
  } catch (error) {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  return {
    browser,
    async close() {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** A new tab whose marketplace URLs are answered from the fixtures; everything else is refused. */
export async function fixturePage(browser: Browser): Promise<Page> {
  const page = await browser.newPage();
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const body = request.url().startsWith('https://') ? fixtureFor(request.url()) : undefined;
    if (body === undefined) void request.abort();
    else void request.respond({ status: 200, contentType: 'text/html', body });
  });
  return page;
}

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: { result: { value?: unknown } } }>;
}

/**
 * The text inside a closed shadow root, read through WebDriver BiDi's serialisation of
 * shadow trees. Puppeteer has no public call for it, so this reaches for its BiDi
 * connection and the frame's context id (both internal; puppeteer-core is pinned).
 */
export async function closedShadowText(page: Page, hostSelector: string): Promise<{ mode: string; text: string }> {
  const connection = (page.browser() as unknown as { connection: BidiConnection }).connection;
  const context = (page.mainFrame() as unknown as { _id: string })._id;
  const host = await connection.send('script.callFunction', {
    functionDeclaration: `() => document.querySelector(${JSON.stringify(hostSelector)})`,
    target: { context },
    awaitPromise: false,
    serializationOptions: { includeShadowTree: 'all', maxDomDepth: 0 },
  });
  const shadow = (host.result.result.value as { shadowRoot?: { sharedId: string; value: { mode: string } } })
    ?.shadowRoot;
  if (!shadow) throw new Error(`${hostSelector} has no shadow root`);
  // Text nodes only, joined like the Chromium reader does, styles left out.
  const text = await connection.send('script.callFunction', {
    functionDeclaration: `(root) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const parts = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.parentElement?.localName === 'style') continue;
        const part = node.nodeValue.trim();
        if (part) parts.push(part);
      }
      return parts.join(' ');
    }`,
    target: { context },
    awaitPromise: false,
    arguments: [{ sharedId: shadow.sharedId }],
  });
  return { mode: shadow.value.mode, text: String(text.result.result.value) };
}

/**
 * The popup, opened as a tab, showing the listings of the tab at `pageUrl`. Firefox never
 * settles a navigation to moz-extension:// for puppeteer (puppeteer#14314), so the test
 * starts it and then waits for the page itself.
 */
export async function openPopupFor(firefox: Browser, pageUrl: string): Promise<Page> {
  const popup = await firefox.newPage();
  const base = `moz-extension://${EXTENSION_UUID}/popup.html`;
  await shown(popup, base, () => popup.goto(base, { timeout: 0 }));
  const tabId = await popup.evaluate(async (url) => {
    const tabs = await browser.tabs.query({ url });
    return tabs.length === 1 ? tabs[0]?.id : undefined;
  }, pageUrl);
  if (typeof tabId !== 'number') throw new Error(`expected one tab at ${pageUrl}`);
  const target = `${base}?tab=${tabId}`;
  await shown(popup, target, () => popup.evaluate((url) => location.assign(url), target));
  return popup;
}

/**
 * Starts a navigation and waits until the page shows `url`, fully loaded. Firefox may answer a
 * poll, or the very call that starts the navigation, with a protocol error while the page is
 * navigating: a poll is asked again, and a navigation that never began is started again.
 */
async function shown(page: Page, url: string, start: () => Promise<unknown>): Promise<void> {
  const deadline = Date.now() + 30_000;
  start().catch(() => {});
  for (;;) {
    try {
      await page.waitForFunction(
        (wanted) => location.href === wanted && document.readyState === 'complete',
        { timeout: Math.max(1, Math.min(5_000, deadline - Date.now())) },
        url,
      );
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      const at = await page.evaluate(() => location.href).catch(() => undefined);
      if (at !== undefined && at !== url) start().catch(() => {});
    }
  }
}
