import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, type CDPSession, chromium, type Page, type Worker } from 'playwright-core';
import type { browser } from 'wxt/browser';
import { fixtureFor } from './pages';

// The extension's own global, as code evaluated inside its service worker sees it.
declare const chrome: typeof browser;

export interface Chromium {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  close(): Promise<void>;
}

/** Debian's Chromium with the built extension, a fresh profile, and marketplace URLs answered from fixtures. */
export async function launchChromium(extensionDir: string, options: { lang?: string } = {}): Promise<Chromium> {
  const { context, close } = await launchProfile(
    [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`],
    options,
  );
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return { context, worker, extensionId, close };
}

/** The same browser and fixtures without the extension: the baseline a measurement of it stands beside. */
export function launchPlainChromium(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  return launchProfile([], {});
}

async function launchProfile(extra: string[], options: { lang?: string }) {
  const profile = mkdtempSync(join(tmpdir(), 'cg-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    // The browser's language is the extension's: its words come from that locale's messages.
    ...(options.lang ? { locale: options.lang, env: { ...process.env, LANGUAGE: options.lang } } : {}),
    args: [
      ...(options.lang ? [`--lang=${options.lang}`] : []),
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extra,
    ],
  });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    // The extension's own files (popup scripts, styles) load as usual; nothing leaves the machine.
    if (url.startsWith('chrome-extension://')) return route.continue();
    const body = url.startsWith('https://') ? fixtureFor(url) : undefined;
    return body === undefined ? route.abort() : route.fulfill({ status: 200, contentType: 'text/html', body });
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** A node of CDP's DOM.getDocument answer, shadow roots included. */
export interface DomNode {
  nodeType: number;
  backendNodeId?: number;
  localName?: string;
  nodeValue?: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: (DomNode & { shadowRootType?: string })[];
}

export interface BadgeReading {
  /** The shadow root's mode as the browser reports it. */
  mode: string | undefined;
  /** The host's accessible label. */
  label: string | undefined;
  /** Every text node inside the shadow root but its styles, joined by single spaces. */
  text: string;
  /** Whether the badge's reasons are open (its button's aria-expanded). */
  expanded: boolean;
  /** The listing key the host carries. */
  key: string | undefined;
  /** Where the badge's button is drawn, in page coordinates (CDP box model). */
  box: { x: number; y: number; width: number; height: number } | undefined;
}

/**
 * Reads the badges on a page through CDP, which reaches into closed shadow roots (page
 * scripts cannot). The badge host is the custom element WXT names after the UI.
 */
export async function readBadges(page: Page, tag = 'counterfeit-guard-badge'): Promise<BadgeReading[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const hosts: DomNode[] = [];
    const visit = (node: DomNode) => {
      if (node.localName === tag) hosts.push(node);
      for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) visit(child);
    };
    visit(root);
    return await Promise.all(
      hosts.map(async (host) => {
        const shadow = host.shadowRoots?.[0];
        const attributes = host.attributes ?? [];
        const attribute = (name: string) =>
          attributes.includes(name) ? attributes[attributes.indexOf(name) + 1] : undefined;
        const button = shadow ? find(shadow, 'button') : undefined;
        return {
          mode: shadow?.shadowRootType,
          label: attribute('aria-label'),
          text: shadow ? textOf(shadow) : '',
          expanded: shadow ? attributeOf(shadow, 'button', 'aria-expanded') === 'true' : false,
          key: attribute('data-key'),
          box: button?.backendNodeId ? await boxOf(cdp, button.backendNodeId) : undefined,
        };
      }),
    );
  } finally {
    await cdp.detach();
  }
}

function find(node: DomNode, localName: string): DomNode | undefined {
  if (node.localName === localName) return node;
  for (const child of node.children ?? []) {
    const found = find(child, localName);
    if (found) return found;
  }
  return undefined;
}

async function boxOf(cdp: CDPSession, backendNodeId: number) {
  try {
    const { model } = await cdp.send('DOM.getBoxModel', { backendNodeId });
    const [x1 = 0, y1 = 0, x2 = 0, , , y3 = 0] = model.border;
    return { x: x1, y: y1, width: x2 - x1, height: y3 - y1 };
  } catch {
    return undefined; // not rendered (inside a closed popover, say)
  }
}

function attributeOf(node: DomNode, localName: string, name: string): string | undefined {
  if (node.localName === localName) {
    const attributes = node.attributes ?? [];
    const at = attributes.indexOf(name);
    return at >= 0 ? attributes[at + 1] : undefined;
  }
  for (const child of node.children ?? []) {
    const found = attributeOf(child, localName, name);
    if (found !== undefined) return found;
  }
  return undefined;
}

function textOf(node: DomNode): string {
  if (node.localName === 'style') return '';
  if (node.nodeType === 3) return node.nodeValue?.trim() ?? '';
  return (node.children ?? []).map(textOf).filter(Boolean).join(' ');
}

/** Waits until the page shows `count` badges (the content script runs after load). */
export async function waitForBadges(page: Page, count = 1, timeoutMs = 15_000): Promise<BadgeReading[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const badges = await readBadges(page);
    if (badges.length >= count) return badges;
    if (Date.now() > deadline) throw new Error(`expected ${count} badge(s) on ${page.url()}, found ${badges.length}`);
    await page.waitForTimeout(100);
  }
}

/** The browser's id for the one tab showing exactly this URL, as the extension sees it. */
export async function tabIdOf(worker: Worker, url: string): Promise<number> {
  const ids = await worker.evaluate(async (pattern) => {
    const tabs = await chrome.tabs.query({ url: pattern });
    return tabs.map((tab) => tab.id);
  }, url);
  if (ids.length !== 1 || typeof ids[0] !== 'number')
    throw new Error(`expected one tab at ${url}, found ${ids.length}`);
  return ids[0];
}

/** Stops the extension's service worker as Chrome does when idle, and waits until it has stopped. */
export async function stopServiceWorker(page: Page, extensionId: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const stopped = new Promise<void>((resolve) => {
      cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
        const ours = versions.filter((version) => version.scriptURL.startsWith(`chrome-extension://${extensionId}/`));
        if (ours.length > 0 && ours.every((version) => version.runningStatus === 'stopped')) resolve();
      });
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await stopped;
  } finally {
    await cdp.detach();
  }
}
