// @vitest-environment node
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { generateKeyPair, patchBetween, type SignedArtifact, signRegistry } from '../../src/registry/artifact';
import type { Registry } from '../../src/registry/schema';
import { type HeldCopy, nextDelayMs, type SyncDeps, syncOnce } from '../../src/registry/sync';
import { testRegistry } from '../support/registry';

const NOW = new Date('2026-11-29T12:00:00Z');
const SERVICE = 'https://registry.test';
const MIRROR = 'https://mirror.test';

let keys: Awaited<ReturnType<typeof generateKeyPair>>;
let other: Awaited<ReturnType<typeof generateKeyPair>>;
let v7: SignedArtifact;
let v8: SignedArtifact;
let v8Text: string;
const registry: Registry = testRegistry();

beforeAll(async () => {
  keys = await generateKeyPair();
  other = await generateKeyPair();
  v7 = (await signRegistry(registry, keys.privateJwk, { version: 7, now: NOW, validDays: 14 })).artifact;
  const changed = structuredClone(registry);
  changed.brands[0]!.floors.bags = 3500;
  const signed = await signRegistry(changed, keys.privateJwk, { version: 8, now: NOW, validDays: 14 });
  v8 = signed.artifact;
  v8Text = signed.text;
});

const held7 = (): HeldCopy => ({
  version: 7,
  payload: v7.payload,
  etag: '"v7"',
  source: SERVICE,
  issuedAt: NOW.toISOString(),
});

type Route = (init: RequestInit) => Response | Promise<Response>;

function deps(routes: Record<string, Route>, overrides: Partial<SyncDeps> = {}) {
  const calls: { url: string; headers: Record<string, string> }[] = [];
  const store = vi.fn(async (_copy: HeldCopy, _payload: unknown) => {});
  const fake = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input);
    calls.push({ url, headers: (init.headers ?? {}) as Record<string, string> });
    const route = routes[url];
    if (!route) return new Response('{"error":"not_found"}', { status: 404 });
    return route(init);
  }) as typeof fetch;
  const all: SyncDeps = {
    fetch: fake,
    now: () => NOW,
    pinned: [keys.publicJwk],
    sources: [SERVICE],
    floorVersion: 2,
    store,
    timeoutMs: 200,
    ...overrides,
  };
  return { all, calls, store };
}

const json =
  (text: string, headers: Record<string, string> = {}) =>
  () =>
    new Response(text, { status: 200, headers });

describe('registry sync', () => {
  it('takes the first copy whole, checks it and stores it', async () => {
    const { all, store } = deps({ [`${SERVICE}/v1/registry`]: json(v8Text, { etag: '"v8"' }) });
    expect(await syncOnce(all)).toEqual({
      kind: 'updated',
      version: 8,
      source: SERVICE,
      via: 'full',
      bytes: v8Text.length,
    });
    expect(store).toHaveBeenCalledTimes(1);
    expect(store.mock.calls[0]![0]).toMatchObject({ version: 8, etag: '"v8"', payload: v8.payload });
  });

  it('asks conditionally and keeps its copy on 304', async () => {
    const { all, calls, store } = deps(
      { [`${SERVICE}/v1/registry`]: () => new Response(null, { status: 304 }) },
      { held: held7(), floorVersion: 7 },
    );
    expect(await syncOnce(all)).toEqual({ kind: 'unchanged', version: 7, source: SERVICE });
    expect(calls.at(-1)!.headers['if-none-match']).toBe('"v7"');
    expect(store).not.toHaveBeenCalled();
  });

  it('takes "no patch, nothing newer" (304 from the patch endpoint) as up to date', async () => {
    const { all, calls, store } = deps(
      { [`${SERVICE}/v1/registry/diff?from=7`]: () => new Response(null, { status: 304 }) },
      { held: held7(), floorVersion: 7 },
    );
    expect(await syncOnce(all)).toEqual({ kind: 'unchanged', version: 7, source: SERVICE });
    expect(calls).toHaveLength(1);
    expect(store).not.toHaveBeenCalled();
  });

  it('takes the very version in use, signed, as up to date rather than a rollback', async () => {
    const { all, store } = deps({ [`${SERVICE}/v1/registry`]: json(v8Text) }, { floorVersion: 8 });
    expect(await syncOnce(all)).toEqual({ kind: 'unchanged', version: 8, source: SERVICE });
    expect(store).not.toHaveBeenCalled();
  });

  it('says a body cut off after the answer began arrived incomplete', async () => {
    const cut = () =>
      new Response(
        new ReadableStream({
          start(controller) {
            controller.enqueue(new TextEncoder().encode(v8Text.slice(0, 1000)));
            controller.error(new TypeError('network error'));
          },
        }),
        { status: 200 },
      );
    const { all, store } = deps({ [`${SERVICE}/v1/registry`]: cut });
    expect(await syncOnce(all)).toMatchObject({ kind: 'failed', reason: 'truncated' });
    expect(store).not.toHaveBeenCalled();
  });

  it('applies a patch from the version held, and checks the result like a whole copy', async () => {
    const patch = JSON.stringify(patchBetween(v7, v8, 7, 8));
    const { all, store } = deps(
      { [`${SERVICE}/v1/registry/diff?from=7`]: json(patch) },
      { held: held7(), floorVersion: 7 },
    );
    expect(await syncOnce(all)).toMatchObject({ kind: 'updated', version: 8, via: 'patch' });
    expect(store.mock.calls[0]![0]).toMatchObject({ version: 8, payload: v8.payload });
    expect(patch.length).toBeLessThan(v8Text.length / 3);
  });

  it('falls back to the whole copy when a patch does not check out', async () => {
    const bad = JSON.stringify({ ...patchBetween(v7, v8, 7, 8), signature: v7.signature });
    const { all } = deps(
      { [`${SERVICE}/v1/registry/diff?from=7`]: json(bad), [`${SERVICE}/v1/registry`]: json(v8Text) },
      { held: held7(), floorVersion: 7 },
    );
    expect(await syncOnce(all)).toMatchObject({ kind: 'updated', version: 8, via: 'full' });
  });

  const refusals: [string, () => string, Partial<SyncDeps>, string][] = [
    [
      'a flipped byte',
      () => JSON.stringify({ ...v8, payload: v8.payload.replace('3500', '3501') }),
      {},
      'bad_signature',
    ],
    ['an older version', () => v8Text, { floorVersion: 9 }, 'not_newer'],
    ['an expired copy', () => v8Text, { now: () => new Date('2027-01-01T00:00:00Z') }, 'expired'],
    ['a truncated body', () => v8Text.slice(0, v8Text.length / 2), {}, 'malformed'],
    ['a key this build does not trust', () => v8Text, { pinned: [] }, 'unknown_key'],
  ];
  for (const [what, body, overrides, refusal] of refusals) {
    it(`refuses ${what}, storing nothing`, async () => {
      const { all, store } = deps({ [`${SERVICE}/v1/registry`]: json(body()) }, overrides);
      expect(await syncOnce(all)).toMatchObject({ kind: 'refused', refusal });
      expect(store).not.toHaveBeenCalled();
    });
  }

  it('refuses a validly signed copy by another key', async () => {
    const foreign = (await signRegistry(registry, other.privateJwk, { version: 9, now: NOW, validDays: 14 })).text;
    const { all, store } = deps({ [`${SERVICE}/v1/registry`]: json(foreign) });
    expect(await syncOnce(all)).toMatchObject({ kind: 'refused', refusal: 'unknown_key' });
    expect(store).not.toHaveBeenCalled();
  });

  it('goes on to the mirror after a 500, and says why when every source fails', async () => {
    const { all } = deps(
      {
        [`${SERVICE}/v1/registry`]: () => new Response('oops', { status: 500 }),
        [`${MIRROR}/v1/registry`]: json(v8Text),
      },
      { sources: [SERVICE, MIRROR] },
    );
    expect(await syncOnce(all)).toMatchObject({ kind: 'updated', source: MIRROR });
    const down = deps({ [`${SERVICE}/v1/registry`]: () => new Response('oops', { status: 500 }) });
    expect(await syncOnce(down.all)).toMatchObject({ kind: 'failed', reason: 'http' });
  });

  it('gives up on a source that hangs past the timeout', async () => {
    const hang: Route = (init) =>
      new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(new Error('aborted'))));
    const { all, store } = deps({ [`${SERVICE}/v1/registry`]: hang });
    expect(await syncOnce(all)).toMatchObject({ kind: 'failed', reason: 'timeout' });
    expect(store).not.toHaveBeenCalled();
  });

  it('stops reading a body over the size cap', async () => {
    const { all } = deps({ [`${SERVICE}/v1/registry`]: json(v8Text) }, { maxBytes: 1000 });
    expect(await syncOnce(all)).toMatchObject({ kind: 'failed', reason: 'too_large' });
  });

  it('waits about six hours after success and backs off, with jitter, after failures', () => {
    const half = () => 0.5;
    expect(nextDelayMs('updated', 0, half)).toBe(6 * 60 * 60_000);
    expect(nextDelayMs('failed', 1, half)).toBe(2 * 60_000);
    expect(nextDelayMs('failed', 3, half)).toBe(8 * 60_000);
    expect(nextDelayMs('failed', 30, half)).toBe(6 * 60 * 60_000);
    expect(nextDelayMs('failed', 1, () => 0)).toBe(0.8 * 2 * 60_000);
  });
});
