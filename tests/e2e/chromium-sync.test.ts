import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { browser as wxtBrowser } from 'wxt/browser';
import { registryFromDisk } from '../../src/disk/registry-files';
import { type SignedArtifact, type SignedPayload, signRegistry } from '../../src/registry/artifact';
import { makeReport } from '../server/fixtures';
import { SCREENSHOTS } from './support/build';
import { type Chromium, launchChromium, waitForBadges } from './support/chromium';
import { PAGES } from './support/pages';
import {
  type Fault,
  type FaultProxy,
  freePort,
  getText,
  publishOnce,
  run,
  startFaultProxy,
  startService,
  stopProcess,
  volunteerTokenOnce,
} from './support/sync';

// The extension's own global, as code evaluated inside its service worker sees it.
declare const chrome: typeof wxtBrowser;

const KEPT = 'The copy in use stays in place; the extension tries again later.';
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The status line after a check: "Last check, TIME: OUTCOME". */
const lastCheck = (...outcomes: string[]) => new RegExp(`^Last check, .+: (${outcomes.map(literal).join('|')})$`);

const payloadOf = (text: string) => JSON.parse((JSON.parse(text) as SignedArtifact).payload) as SignedPayload;

/** Flips one letter inside the signed payload, leaving the JSON (and its escapes) intact. */
function flipOneLetter(text: string): string {
  const start = text.indexOf('"payload":"') + '"payload":"'.length + 100;
  const safe = 'ghijklmopqsvwxyz'; // no hex digit, and none that follows a backslash in an escape (\n, \t, \r, \u, \b, \f)
  for (let at = start; at < text.length; at++) {
    const char = text[at]!;
    if (safe.includes(char) && text[at - 1] !== '\\') {
      const flipped = char === 'g' ? 'h' : 'g';
      return `${text.slice(0, at)}${flipped}${text.slice(at + 1)}`;
    }
  }
  throw new Error('no letter to flip in the payload');
}

describe('Chromium: registry sync through a faulty network, as the options page words it', () => {
  let temp: string;
  let data: string;
  let keys: string;
  let servicePort: number;
  let service: ChildProcess | undefined;
  let proxy: FaultProxy | undefined;
  let browser: Chromium | undefined;
  let options: Page;
  /** The first synced version's full body and ETag, kept for the "older copy" fault. */
  let firstBody: string;
  let firstVersion: number;
  let volunteer: string | undefined;

  const service$ = (path: string) => `http://127.0.0.1:${servicePort}${path}`;
  const status = () => options.getByRole('region', { name: 'Brand registry' }).getByRole('status');

  /**
   * A shopper reports a listing (a Nike one, by default) and a Nike volunteer confirms it: the
   * next version names it. Reports alone from one machine would not: the service counts networks.
   */
  async function confirmReport(listing: NonNullable<Parameters<typeof makeReport>[0]>['listing'], tag: string) {
    const report = makeReport({
      reporterId: `reporter-${tag}-${String(1).padStart(16, '0')}`,
      createdAt: new Date().toISOString(),
      ...(listing ? { listing } : {}),
    });
    const sent = await fetch(service$('/v1/reports'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(report),
    });
    expect(sent.status, await sent.text()).toBe(201);
    volunteer ??= await volunteerTokenOnce({ data, keys, brands: ['nike'] });
    const reviewed = await fetch(service$(`/v1/volunteer/reports/${report.id}/review`), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${volunteer}` },
      body: JSON.stringify({ decision: 'confirm', note: 'counterfeit' }),
    });
    expect(reviewed.status, await reviewed.text()).toBe(200);
  }

  async function publish(): Promise<number> {
    const { stdout } = await publishOnce({ data, keys });
    const version = Number(/published registry version (\d+)/.exec(stdout)?.[1]);
    expect(version, stdout).toBeGreaterThan(0);
    return version;
  }

  /** Clicks "Sync now" and returns the status line once it has gone from "Checking…" to the outcome. */
  async function syncNow(): Promise<string> {
    await status().evaluate((element) => {
      (window as unknown as { cgSynced: Promise<string> }).cgSynced = new Promise<string>((resolve) => {
        let checking = false;
        const observer = new MutationObserver(() => {
          const text = element.textContent ?? '';
          if (text.startsWith('Checking')) checking = true;
          else if (checking) {
            observer.disconnect();
            resolve(text);
          }
        });
        observer.observe(element, { childList: true, subtree: true, characterData: true });
      });
    });
    await options.getByRole('button', { name: 'Sync now' }).click();
    return options.evaluate(() => (window as unknown as { cgSynced: Promise<string> }).cgSynced);
  }

  /** The Nike fixture page's badge label, on a fresh load. */
  async function nikeBadge(): Promise<string | undefined> {
    const page = await browser!.context.newPage();
    try {
      await page.goto(PAGES.nike.url);
      const [badge] = await waitForBadges(page);
      return badge?.label;
    } finally {
      await page.close();
    }
  }

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    temp = mkdtempSync(join(tmpdir(), 'cg-sync-'));
    data = join(temp, 'data');
    keys = join(temp, 'keys');
    servicePort = await freePort();
    // First start makes the signing key pair in KEYDIR and publishes a first version.
    service = await startService({ port: servicePort, data, keys });

    // A fresh service publishes at the bundled registry's own version (nothing newer to give):
    // give it one confirmed listing (not the Nike one) so it holds a version above the bundled
    // copy, which the extension can take.
    const bundled = registryFromDisk().version;
    await confirmReport(undefined, 'seed');
    firstVersion = await publish();
    expect(firstVersion).toBeGreaterThan(bundled);
    const first = await getText(service$('/v1/registry'));
    expect(first.status).toBe(200);
    expect(payloadOf(first.text).version).toBe(firstVersion);
    firstBody = first.text;

    proxy = await startFaultProxy(servicePort);
    await run('npx', ['wxt', 'build'], {
      CG_REGISTRY_URL: proxy.url,
      CG_REGISTRY_KEYS: join(keys, 'registry-signing.public.jwk.json'),
      CG_OUT_DIR: join(temp, 'ext'),
      CG_SYNC_TIMEOUT_MS: '2000',
    });
    browser = await launchChromium(join(temp, 'ext', 'chrome-mv3'));
    // launchChromium aborts whatever is not a fixture, and Playwright routes the service
    // worker's fetches too: let the registry source through (the last route added wins).
    const origin = proxy.url;
    await browser.context.route(
      (url) => url.origin === origin,
      (route) => route.continue(),
    );
    options = await browser.context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await proxy?.close();
    await stopProcess(service);
    if (temp) rmSync(temp, { recursive: true, force: true });
  });

  it('a. first sync: takes the service version and says so, with the proxy as source', async () => {
    // The background syncs on install; wait for that check to be recorded.
    await expect
      .poll(
        () =>
          browser!.worker.evaluate(async () => (await chrome.storage.local.get('registryLastCheck')).registryLastCheck),
        {
          timeout: 15_000,
        },
      )
      .toBeTruthy();
    await options.goto(`chrome-extension://${browser!.extensionId}/options.html`);
    await expect.poll(() => status().textContent()).toMatch(/^Last check, /);
    let text = (await status().textContent()) ?? '';
    // The install-time sync can race the route that lets the source through (then it failed to
    // reach it); the options page's "Sync now" is the other way in.
    if (!lastCheck(`updated to version ${firstVersion}`).test(text)) text = await syncNow();
    expect(text).toMatch(lastCheck(`updated to version ${firstVersion}`));
    const section = options.getByRole('region', { name: 'Brand registry' });
    await expect.poll(() => section.textContent()).toContain(`Version ${firstVersion},`);
    await expect.poll(() => section.textContent()).toContain(`Source: ${proxy!.url}`);
    expect(proxy!.log).toContainEqual(expect.objectContaining({ method: 'GET', url: '/v1/registry', status: 200 }));
  });

  it('b. nothing new: 304 from the patch endpoint for the version held, "already up to date"', async () => {
    const from = proxy!.log.length;
    expect(await syncNow()).toMatch(lastCheck('already up to date'));
    const requests = proxy!.log.slice(from);
    expect(requests).toEqual([expect.objectContaining({ url: `/v1/registry/diff?from=${firstVersion}`, status: 304 })]);
  });

  it('c. a newer version from a patch changes the Nike badge to High risk', async () => {
    expect(await nikeBadge()).toBe('Counterfeit Guard: Caution');
    await confirmReport(
      {
        key: 'amazon:B0TESTNIK1',
        url: 'https://www.amazon.com/dp/B0TESTNIK1',
        marketplace: 'amazon',
        title: "Nike Men's Air Force 1 '07 Shoe",
      },
      'nike',
    );
    const next = await publish();
    expect(next).toBe(firstVersion + 1);
    expect(payloadOf((await getText(service$('/v1/registry'))).text).version).toBe(next);

    const from = proxy!.log.length;
    expect(await syncNow()).toMatch(lastCheck(`updated to version ${next}`));
    // The patch was applied: no full download after it.
    expect(proxy!.log.slice(from)).toEqual([
      expect.objectContaining({ url: `/v1/registry/diff?from=${firstVersion}`, status: 200 }),
    ]);
    expect(await nikeBadge()).toBe('Counterfeit Guard: High risk');
  });

  it('c2. nothing new after a patch: 304 from the patch endpoint, "already up to date"', async () => {
    const from = proxy!.log.length;
    const text = await syncNow();
    const requests = proxy!.log.slice(from);
    expect(text, JSON.stringify(requests)).toMatch(lastCheck('already up to date'));
    expect(requests).toEqual([
      expect.objectContaining({ url: `/v1/registry/diff?from=${firstVersion + 1}`, status: 304 }),
    ]);
  });

  /** Sets the fault, syncs, checks the words and that the full copy was asked for, then the badge. */
  async function underFault(fault: Fault, ...outcomes: string[]): Promise<string> {
    const from = proxy!.log.length;
    proxy!.setFault(fault);
    let text: string;
    try {
      text = await syncNow();
    } finally {
      proxy!.setFault({ kind: 'none' });
    }
    // The detail the background recorded, shown when the words are not the ones expected.
    const detail = JSON.stringify(
      await browser!.worker.evaluate(
        async () => (await chrome.storage.local.get('registryLastCheck')).registryLastCheck,
      ),
    );
    expect(text, `${detail}\nproxy: ${JSON.stringify(proxy!.log.slice(from))}`).toMatch(lastCheck(...outcomes));
    expect(proxy!.log.slice(from)).toContainEqual(expect.objectContaining({ url: '/v1/registry', fault: fault.kind }));
    const section = options.getByRole('region', { name: 'Brand registry' });
    expect(await section.textContent()).toContain(`Version ${firstVersion + 1},`);
    expect(await nikeBadge()).toBe('Counterfeit Guard: High risk');
    return text;
  }

  it('d1. a flipped byte in the full copy: refused, signature', async () => {
    const { text } = await getText(service$('/v1/registry'));
    const flipped = flipOneLetter(text);
    expect(flipped).not.toBe(text);
    expect(() => JSON.parse(flipped)).not.toThrow();
    await underFault(
      { kind: 'body', body: flipped },
      `refused: its signature does not match, so it may have been altered. ${KEPT}`,
    );
    await options.screenshot({ path: join(SCREENSHOTS, 'chromium-options-sync.png'), fullPage: true });
  });

  it('d2. an older version: refused, not newer', async () => {
    await underFault({ kind: 'body', body: firstBody }, `refused: it is not newer than the copy in use. ${KEPT}`);
  });

  it('d3. an expired copy signed with the service key: refused, expired', async () => {
    const privateJwk = JSON.parse(readFileSync(join(keys, 'registry-signing.private.jwk.json'), 'utf8')) as JsonWebKey;
    const current = payloadOf((await getText(service$('/v1/registry'))).text);
    const { text } = await signRegistry(current.registry, privateJwk, {
      version: current.version + 1,
      now: new Date(Date.now() - 30 * 86_400_000),
      validDays: 1,
    });
    await underFault({ kind: 'body', body: text }, `refused: that copy has expired. ${KEPT}`);
  });

  it('d4. a truncated body: failed, incomplete (or refused as damaged)', async () => {
    // The client reads the body as a stream. A browser that reports the dropped connection as a
    // read error gives "truncated"; one that ends the stream early hands over half a JSON text,
    // which the check refuses as malformed. Either way nothing is kept; nothing else is right.
    await underFault(
      { kind: 'truncate' },
      `failed: the copy arrived incomplete. ${KEPT}`,
      `refused: the copy received was damaged or not a registry. ${KEPT}`,
    );
  });

  it('d5. a 500: failed, error', async () => {
    await underFault({ kind: 'status', status: 500 }, `failed: the registry service answered with an error. ${KEPT}`);
  });

  it('d6. no answer past the timeout: failed, did not answer in time', async () => {
    await underFault({ kind: 'hang' }, `failed: the registry service did not answer in time. ${KEPT}`);
  });
});
