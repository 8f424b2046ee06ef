import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { CDPSession, Page } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import { expect } from 'vitest';
import type { browser } from 'wxt/browser';
import { SQLITE_FILE } from '../../../server/src/storage/open';
import { registryFromDisk } from '../../../src/disk/registry-files';
import type { TabEntry } from '../../../src/messaging/protocol';
import type { OutboxEntry } from '../../../src/reports/outbox-model';
import type { Report } from '../../../src/reports/report';
import type { DomNode } from './chromium';
import { listenOnLoopback } from './sync';

// The extension's own global, as code evaluated inside its service worker sees it.
declare const chrome: typeof browser;

/** One of the extension's own pages, open in Chromium (playwright) or Firefox (puppeteer). */
export type ExtensionPage = Page | PuppeteerPage;

/**
 * Runs `fn` with `arg` in an extension page. Both drivers send the function's source and one
 * serialisable argument; their types only spell that differently (handles, unboxing).
 */
function evaluateIn<A, R>(page: ExtensionPage, fn: (arg: A) => Promise<R>, arg: A): Promise<R> {
  type Evaluates = { evaluate(fn: (arg: A) => Promise<R>, arg: A): Promise<R> };
  return (page as unknown as Evaluates).evaluate(fn, arg);
}

/** Rows from the service's SQLite file, read beside the running service. */
function query<T>(data: string, sql: string): T[] {
  const db = new Database(join(data, SQLITE_FILE), { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

/** Every report the service holds. */
export const serviceReports = (data: string): Report[] =>
  query<{ body: string }>(data, 'SELECT body FROM reports ORDER BY received_ms, id').map(
    (row) => JSON.parse(row.body) as Report,
  );

/** The reports the service holds for one listing. */
export const reportsFor = (data: string, key: string): Report[] =>
  serviceReports(data).filter((report) => report.listing.key === key);

/** The ids of the reports the service holds as withdrawn by their reporter. */
export const withdrawnIds = (data: string): string[] =>
  query<{ id: string }>(data, 'SELECT id FROM reports WHERE withdrawn_at IS NOT NULL ORDER BY id').map((row) => row.id);

/**
 * The extension's outbox as stored, read from one of its own pages (same origin as the worker,
 * and still there while the worker is stopped).
 */
export function outboxEntries(extensionPage: ExtensionPage): Promise<OutboxEntry[]> {
  return evaluateIn(
    extensionPage,
    () =>
      new Promise<OutboxEntry[]>((resolve, reject) => {
        const open = indexedDB.open('counterfeit-guard');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('outbox')) {
            db.close();
            resolve([]);
            return;
          }
          const request = db.transaction('outbox').objectStore('outbox').getAll();
          request.onsuccess = () => {
            db.close();
            resolve(request.result as OutboxEntry[]);
          };
          request.onerror = () => reject(request.error);
        };
      }),
    undefined,
  );
}

/** The reporter id the extension made at install. */
export function reporterIdOf(extensionPage: ExtensionPage): Promise<string | undefined> {
  return evaluateIn(
    extensionPage,
    async () => (await chrome.storage.local.get('reporterId')).reporterId as string | undefined,
    undefined,
  );
}

/**
 * What the service should hold for a one-click report of the Nike product page (PAGES.nike):
 * the entry the outbox stored, the listing and assessment the tab recorded, and what the
 * fixture is known to be (an Amazon listing of Nike, Caution).
 */
export function expectedNikeReport(stored: OutboxEntry, seen: TabEntry, reporterId: string | undefined) {
  const { listing, assessment } = seen;
  return {
    id: stored.id,
    reporterId,
    listing: {
      key: 'amazon:B0TESTNIK1',
      url: listing.url,
      title: listing.title,
      price: { amount: listing.price!.amount, currency: listing.price!.currency },
      seller: listing.seller!.name,
      marketplace: 'amazon',
    },
    brand: 'nike',
    level: 'caution',
    reasons: assessment.reasons.map(({ code, params }) => ({ code, params })),
    registryVersion: registryFromDisk().version,
    category: 'counterfeit',
    createdAt: new Date(stored.createdAt).toISOString(),
    extensionVersion: '0.1.0',
  };
}

/** A message to the background from an extension page, as the extension's own pages send it; its answer. */
export function askBackground<T>(extensionPage: ExtensionPage, type: string, data: unknown): Promise<T> {
  return evaluateIn(
    extensionPage,
    async ([type, data]) => {
      const answer = (await chrome.runtime.sendMessage({ id: Date.now(), type, data, timestamp: Date.now() })) as {
        res?: unknown;
        err?: { message: string };
      };
      if (answer.err) throw new Error(answer.err.message);
      return answer.res;
    },
    [type, data] as const,
  ) as Promise<T>;
}

/** What the proxy does to a POST of a report, feedback or withdrawal. */
export type ReportFault =
  | 'none'
  /** The connection is cut before anything reaches the service, as when it is down. */
  | 'down'
  /** 500 without forwarding. */
  | 'error'
  /** Forwarded (the service stores it), then the connection is cut before the answer: a lost answer. */
  | 'drop-after'
  /** Cut before forwarding. */
  | 'drop-before'
  /** Never answered (forwarded or not: the client gives up on its own). */
  | 'hang';

export interface ReportProxyLog {
  path: string;
  id: string | undefined;
  fault: ReportFault;
  status: number | undefined;
}

export interface ReportProxy {
  url: string;
  log: ReportProxyLog[];
  /** Decides the fault for each POST; GETs (the registry) always pass. */
  setFaults(decide: () => ReportFault): void;
  close(): Promise<void>;
}

/** A proxy on 127.0.0.1 in front of the service, able to fail report POSTs the ways networks and servers do. */
export async function startReportProxy(upstreamPort: number): Promise<ReportProxy> {
  let decide: () => ReportFault = () => 'none';
  const log: ReportProxyLog[] = [];

  const forward = (
    req: IncomingMessage,
    body: Buffer,
    onAnswer: (status: number, headers: object, data: Buffer) => void,
  ) => {
    const outgoing = httpRequest(
      `http://127.0.0.1:${upstreamPort}${req.url}`,
      { method: req.method, headers: { ...req.headers, host: `127.0.0.1:${upstreamPort}` } },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => onAnswer(answer.statusCode ?? 502, answer.headers, Buffer.concat(chunks)));
      },
    );
    outgoing.on('error', () => onAnswer(0, {}, Buffer.alloc(0)));
    outgoing.end(body);
  };

  const handle = (req: IncomingMessage, res: ServerResponse, body: Buffer) => {
    const path = new URL(req.url ?? '/', 'http://proxy').pathname;
    const fault = req.method === 'POST' ? decide() : 'none';
    let id: string | undefined;
    try {
      id = req.method === 'POST' ? (JSON.parse(body.toString()) as { id?: string }).id : undefined;
    } catch {
      id = undefined;
    }
    const entry: ReportProxyLog = { path, id, fault, status: undefined };
    if (req.method === 'POST') log.push(entry);
    switch (fault) {
      case 'down':
      case 'drop-before':
        res.socket?.destroy();
        return;
      case 'error':
        entry.status = 500;
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: 'internal', message: 'injected by the test proxy' }));
        return;
      case 'hang':
        if (Math.random() < 0.5) forward(req, body, () => undefined);
        return;
      default:
        forward(req, body, (status, headers, data) => {
          entry.status = status;
          if (status === 0 || fault === 'drop-after') {
            res.socket?.destroy();
            return;
          }
          res.writeHead(status, headers as Record<string, string>);
          res.end(data);
        });
    }
  };

  const server = await listenOnLoopback(
    createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => handle(req, res, Buffer.concat(chunks)));
    }),
  );
  return {
    ...server,
    log,
    setFaults(next) {
      decide = next;
    },
  };
}

const textOf = (node: DomNode): string =>
  node.localName === 'style'
    ? ''
    : node.nodeType === 3
      ? (node.nodeValue ?? '')
      : (node.children ?? []).map(textOf).join('');

/** The hosts of a tag on the page, each with its closed shadow root, through CDP (page scripts cannot reach them). */
async function hostsOf(cdp: CDPSession, tag: string): Promise<{ key: string | undefined; shadow: DomNode }[]> {
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  const hosts: { key: string | undefined; shadow: DomNode }[] = [];
  const visit = (node: DomNode) => {
    if (node.localName === tag && node.shadowRoots?.[0]) {
      const attributes = node.attributes ?? [];
      const at = attributes.indexOf('data-key');
      hosts.push({ key: at >= 0 ? attributes[at + 1] : undefined, shadow: node.shadowRoots[0] });
    }
    for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) visit(child);
  };
  visit(root);
  return hosts;
}

/** The text inside the closed shadow root of the first (or the keyed) host of a tag. */
export async function shadowText(page: Page, tag: string, key?: string): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const host = (await hostsOf(cdp, tag)).find((candidate) => key === undefined || candidate.key === key);
    return host ? textOf(host.shadow).replace(/\s+/g, ' ').trim() : '';
  } finally {
    await cdp.detach();
  }
}

/** A badge or banner as either browser's test reads it: its text, and a person's click on a control in it. */
export interface ShadowUi {
  text(): Promise<string>;
  /** Clicks the first button, link or label whose text matches. */
  click(match: RegExp): Promise<void>;
}

/** The first (or the keyed) host of a tag on a Chromium page (Firefox's: `firefoxShadow` in ./firefox). */
export function chromiumShadow(page: Page, tag: string, key?: string): ShadowUi {
  return { text: () => shadowText(page, tag, key), click: (match) => clickInShadow(page, tag, match, key) };
}

/** Reports from a badge or banner: the first click asks, the second, on the button it shows, reports. */
export async function reportThrough(ui: ShadowUi): Promise<void> {
  await ui.click(/^Report$/);
  await expect.poll(() => ui.text(), { timeout: 10_000 }).toContain('Report this listing as a suspected counterfeit?');
  await ui.click(/^Yes, report it$/);
}

/**
 * Clicks, as a person would (a trusted click at the element's place on screen), the first
 * button, link or label inside a closed shadow root whose text matches (a label's click
 * focuses or checks its control).
 */
export async function clickInShadow(page: Page, tag: string, match: RegExp, key?: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const host = (await hostsOf(cdp, tag)).find((candidate) => key === undefined || candidate.key === key);
    if (!host) throw new Error(`no ${tag}${key ? ` for ${key}` : ''} on ${page.url()}`);
    const target = findClickable(host.shadow, match);
    if (!target?.backendNodeId) throw new Error(`nothing matching ${match} in ${tag}: "${textOf(host.shadow)}"`);
    await cdp.send('DOM.scrollIntoViewIfNeeded', { backendNodeId: target.backendNodeId });
    const { model } = await cdp.send('DOM.getBoxModel', { backendNodeId: target.backendNodeId });
    const [x1 = 0, y1 = 0, , , x3 = 0, y3 = 0] = model.border;
    await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
  } finally {
    await cdp.detach();
  }
}

function findClickable(node: DomNode, match: RegExp): DomNode | undefined {
  if (
    (node.localName === 'button' || node.localName === 'a' || node.localName === 'label') &&
    match.test(textOf(node).trim())
  )
    return node;
  for (const child of node.children ?? []) {
    const found = findClickable(child, match);
    if (found) return found;
  }
  return undefined;
}

/** One tab's listings and assessments as the background recorded them (session storage: a manifest, then chunks). */
export function tabEntriesOf(extensionPage: ExtensionPage, tabId: number): Promise<TabEntry[]> {
  return evaluateIn(
    extensionPage,
    async (id) => {
      const manifest = (await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`] as { chunks: number } | undefined;
      if (!manifest) return [];
      const keys = Array.from({ length: manifest.chunks }, (_, n) => `tab:${id}:${n}`);
      const chunks = await chrome.storage.session.get(keys);
      return keys.flatMap((key) => (chunks[key] ?? []) as TabEntry[]);
    },
    tabId,
  );
}

/** The browser's id for the one tab at this URL, asked from an extension page. */
export async function tabIdFrom(extensionPage: ExtensionPage, url: string): Promise<number> {
  const ids = await evaluateIn(
    extensionPage,
    async (pattern) => (await chrome.tabs.query({ url: pattern })).map((tab) => tab.id),
    url,
  );
  if (ids.length !== 1 || typeof ids[0] !== 'number')
    throw new Error(`expected one tab at ${url}, found ${ids.length}`);
  return ids[0];
}

/** Every listing the popup holds drawn: each fold opened, each "Show more" taken until none is left. */
export async function showAllEntries(popup: Page): Promise<void> {
  for (const summary of await popup.locator('details.cg-fold:not([open]) > summary').all()) await summary.click();
  for (let more = popup.locator('.cg-more').first(); (await more.count()) > 0; more = popup.locator('.cg-more').first())
    await more.click();
}
