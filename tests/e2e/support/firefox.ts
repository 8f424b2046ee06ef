import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { browser as extensionBrowser } from 'wxt/browser';
import { fixtureFor } from './pages';
import type { ShadowUi } from './reports';

// The extension's own global, as code evaluated in its pages sees it.
declare const browser: typeof extensionBrowser;

export const GECKO_ID = 'counterfeit-guard@counterfeitguard.org';
/** Pinned through a pref, so extension pages have a URL the tests know. */
export const EXTENSION_UUID = '5d0f8d0e-3c1b-4b8e-9a57-2f6c8e1d4a10';

export interface Firefox {
  browser: Browser;
  close(): Promise<void>;
}

/**
 * Firefox shows its own prompt before an extension may share data (a report's consent) or gain
 * an optional permission. The prompt is browser chrome, out of WebDriver BiDi's reach; with this
 * preference Firefox grants what the extension asks for, as a person answering "Allow" would. The
 * extension still asks through `permissions.request`, from a real click on its page.
 */
export const GRANT_PERMISSION_REQUESTS = { 'extensions.webextOptionalPermissionPrompts': false };

/** Downloads saved straight into `dir`, without a dialog or the downloads panel. */
export function downloadsInto(dir: string): Record<string, unknown> {
  return {
    'browser.download.folderList': 2,
    'browser.download.dir': dir,
    'browser.download.useDownloadDir': true,
    'browser.download.always_ask_before_handling_new_types': false,
    'browser.download.alwaysOpenPanel': false,
  };
}

/** Debian's firefox-esr over WebDriver BiDi, with the built extension installed (as a temporary add-on). */
export async function launchFirefox(
  extensionDir: string,
  options: { prefs?: Record<string, unknown> } = {},
): Promise<Firefox> {
  const profile = mkdtempSync(join(tmpdir(), 'cg-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    headless: true,
    userDataDir: profile,
    // Lets the tests open moz-extension:// pages.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      ...options.prefs,
    },
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

/** A host selector: the first host of the tag, or the one carrying this listing key. */
const hostSelector = (tag: string, key?: string) => (key === undefined ? tag : `${tag}[data-key="${key}"]`);

/**
 * The closed shadow root of the host `hostSelector` finds, reached through WebDriver BiDi's
 * serialisation of shadow trees; undefined when there is no such host. Puppeteer has no public
 * call for it, so this reaches for its BiDi connection and the frame's context id (both
 * internal; puppeteer-core is pinned).
 */
async function closedShadowRoot(
  page: Page,
  hostSelector: string,
): Promise<{ connection: BidiConnection; context: string; sharedId: string; mode: string } | undefined> {
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
  return shadow ? { connection, context, sharedId: shadow.sharedId, mode: shadow.value.mode } : undefined;
}

/** The text inside a closed shadow root (see `closedShadowRoot`). */
export async function closedShadowText(page: Page, hostSelector: string): Promise<{ mode: string; text: string }> {
  const root = await closedShadowRoot(page, hostSelector);
  if (!root) throw new Error(`${hostSelector} has no shadow root`);
  // Text nodes only, joined like the Chromium reader does, styles left out.
  const text = await root.connection.send('script.callFunction', {
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
    target: { context: root.context },
    awaitPromise: false,
    arguments: [{ sharedId: root.sharedId }],
  });
  return { mode: root.mode, text: String(text.result.result.value) };
}

/**
 * The same reading and clicking of a badge or banner as `shadowText` and `clickInShadow` in
 * ./reports do in Chromium, so that steps written once (`reportThrough`) drive both.
 */
export function firefoxShadow(page: Page, tag: string, key?: string): ShadowUi {
  const selector = hostSelector(tag, key);
  return {
    async text() {
      return (await closedShadowRoot(page, selector)) ? (await closedShadowText(page, selector)).text : '';
    },
    async click(match) {
      const root = await closedShadowRoot(page, selector);
      if (!root) throw new Error(`no ${selector} on ${page.url()}`);
      // Found and scrolled to in the page, then clicked as a person would: a trusted click at its place.
      const found = await root.connection.send('script.callFunction', {
        functionDeclaration: `(root, source, flags) => {
          const pattern = new RegExp(source, flags);
          for (const element of root.querySelectorAll('button, a, label')) {
            if (!pattern.test(element.textContent.replace(/\\s+/g, ' ').trim())) continue;
            element.scrollIntoView({ block: 'center' });
            const box = element.getBoundingClientRect();
            return JSON.stringify([box.x + box.width / 2, box.y + box.height / 2]);
          }
          return JSON.stringify(root.textContent);
        }`,
        target: { context: root.context },
        awaitPromise: false,
        arguments: [
          { sharedId: root.sharedId },
          { type: 'string', value: match.source },
          { type: 'string', value: match.flags },
        ],
      });
      const answer = JSON.parse(String(found.result.result.value)) as [number, number] | string;
      if (typeof answer === 'string') throw new Error(`nothing matching ${match} in ${selector}: "${answer}"`);
      await page.mouse.click(answer[0], answer[1]);
    },
  };
}

/**
 * The popup, opened as a tab, showing the listings of the tab at `pageUrl`. Firefox never
 * settles a navigation to moz-extension:// for puppeteer (puppeteer#14314), so the test
 * starts it and then waits for the page itself.
 */
export async function openPopupFor(firefox: Browser, pageUrl: string): Promise<Page> {
  const popup = await openExtensionPage(firefox, 'popup.html');
  const base = `moz-extension://${EXTENSION_UUID}/popup.html`;
  const tabId = await popup.evaluate(async (url) => {
    const tabs = await browser.tabs.query({ url });
    return tabs.length === 1 ? tabs[0]?.id : undefined;
  }, pageUrl);
  if (typeof tabId !== 'number') throw new Error(`expected one tab at ${pageUrl}`);
  const target = `${base}?tab=${tabId}`;
  await shown(popup, target, () => popup.evaluate((url) => location.assign(url), target));
  return popup;
}

/** One of the extension's pages (`options.html`, `sidepanel.html?tab=3`) in a new tab, fully loaded. */
export async function openExtensionPage(firefox: Browser, path: string): Promise<Page> {
  const page = await firefox.newPage();
  const url = `moz-extension://${EXTENSION_UUID}/${path}`;
  await shown(page, url, () => page.goto(url, { timeout: 0 }));
  return page;
}

/**
 * Gives the Reporting section's consent on the options page (open in `options`), as a person
 * does: a click on "Allow sending reports", Firefox's prompt answered by GRANT_PERMISSION_REQUESTS.
 */
export async function allowReports(options: Page): Promise<void> {
  await options.bringToFront();
  await clickButton(options, 'Allow sending reports');
  await options.locator('::-p-text(Allowed: reports you make are sent)').setTimeout(10_000).wait();
}

/**
 * Clicks, as a person would, the button of an extension page that reads exactly `words`, once
 * it is enabled. Found by the words a person reads rather than through Firefox's accessibility
 * tree (`::-p-aria`), whose locator now and then waited out its time on the busy two-core machine.
 */
export async function clickButton(page: Page, words: string, timeout = 10_000): Promise<void> {
  await page
    .locator(`::-p-xpath(//button[normalize-space()=${JSON.stringify(words)}])`)
    .setTimeout(timeout)
    .click();
}

/**
 * The file the next download saves into `dir` (a directory given to `downloadsInto` and used for
 * nothing else): `dir` is emptied, `start` makes the download, and the file is read once Firefox
 * has finished it (it writes a .part file first and renames it at the end).
 */
export async function nextDownload(
  dir: string,
  start: () => Promise<unknown>,
  timeoutMs = 15_000,
): Promise<{ fileName: string; text: string }> {
  for (const name of readdirSync(dir)) rmSync(join(dir, name), { recursive: true, force: true });
  await start();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const names = readdirSync(dir);
    const done = names.filter((name) => !name.endsWith('.part'));
    if (done.length > 1) throw new Error(`expected one download in ${dir}, found ${names.join(', ')}`);
    // Firefox may make the file's final name, empty, before it writes the .part beside it.
    if (done.length === 1 && !names.some((name) => name.endsWith('.part'))) {
      const text = readFileSync(join(dir, done[0]!), 'utf8');
      if (text.length > 0) return { fileName: done[0]!, text };
    }
    if (Date.now() > deadline) throw new Error(`no download finished in ${dir} (found: ${names.join(', ') || 'none'})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
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
