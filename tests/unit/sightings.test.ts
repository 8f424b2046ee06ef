import * as v from 'valibot';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SightingsSchema } from '../../server/src/routes/filings';
import { createSightings, FILED_REFRESH_MS } from '../../src/background/sightings';
import { filedWatchItem, pendingSightingsItem, shareSightingsItem, volunteerItem } from '../../src/settings/items';

// Unit tests get no build-time defines: name the companion service this build would have.
vi.mock(import('../../src/reports/build-config'), async (original) => ({
  ...(await original()),
  REPORT_SERVICE: 'http://127.0.0.1:9',
}));

type Sent = v.InferOutput<typeof SightingsSchema>['sightings'];

/**
 * The service as the extension meets it: it names the filed listings, and takes sightings in
 * the shape its own route checks. `down` makes it unreachable; `status` answers sightings so.
 */
function service(filed: string[]) {
  const state = { down: false, status: 200, asked: 0, told: [] as Sent, tokens: [] as string[] };
  const send = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
    if (state.down) throw new TypeError('Failed to fetch');
    state.tokens.push(new Headers(init?.headers).get('authorization') ?? '');
    const path = new URL(String(url)).pathname;
    if (path === '/v1/volunteer/filed') {
      state.asked++;
      return Response.json({ keys: filed });
    }
    if (path !== '/v1/volunteer/sightings') return new Response('{}', { status: 404 });
    if (state.status !== 200) return new Response('{}', { status: state.status });
    state.told.push(...v.parse(SightingsSchema, JSON.parse(String(init?.body))).sightings);
    return Response.json({ changed: 1 });
  });
  return { state, send: send as unknown as typeof fetch };
}

const FILED = ['ebay:100000000001', 'ebay:100000000002'];
const OTHER = 'ebay:999999999999';

describe('sightings of filed listings, told with the volunteer’s consent', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await volunteerItem.setValue({ token: 'token-a' });
  });

  it('tells nothing, and asks nothing, until the volunteer agrees', async () => {
    const { state, send } = service(FILED);
    await createSightings(send).seen(FILED, 'ended');
    expect(state.asked).toBe(0);
    expect(state.told).toEqual([]);
  });

  it('tells only the listings the service named as filed: still up once, ended each time', async () => {
    await shareSightingsItem.setValue(true);
    const { state, send } = service(FILED);
    const sightings = createSightings(send);
    await sightings.seen([FILED[0]!, OTHER], 'up');
    await sightings.seen([FILED[0]!], 'up');
    await sightings.seen([OTHER, FILED[1]!], 'ended');
    expect(state.told.map((one) => [one.key, one.state])).toEqual([
      [FILED[0], 'up'],
      [FILED[1], 'ended'],
    ]);
    expect(state.told.every((one) => Math.abs(Date.parse(one.at) - Date.now()) < 60_000)).toBe(true);
    // The list was asked for once, with the volunteer's token.
    expect(state.asked).toBe(1);
    expect(new Set(state.tokens)).toEqual(new Set(['Bearer token-a']));
    expect(await pendingSightingsItem.getValue()).toEqual([]);
  });

  it('keeps what the service could not take and sends it with the next sighting; drops what it refused for good', async () => {
    await shareSightingsItem.setValue(true);
    const { state, send } = service(FILED);
    const sightings = createSightings(send);
    await sightings.seen([FILED[0]!], 'up');
    state.status = 503;
    await sightings.seen([FILED[1]!], 'ended');
    expect((await pendingSightingsItem.getValue()).map((one) => one.key)).toEqual([FILED[1]]);
    state.status = 200;
    await sightings.seen([FILED[0]!], 'ended');
    expect(state.told.map((one) => [one.key, one.state])).toEqual([
      [FILED[0], 'up'],
      [FILED[1], 'ended'],
      [FILED[0], 'ended'],
    ]);
    state.status = 400;
    await sightings.seen([FILED[1]!], 'ended');
    expect(await pendingSightingsItem.getValue()).toEqual([]);
  });

  it('asks for the filed listings again after an hour, or for another token, and keeps the last list while the service is away', async () => {
    await shareSightingsItem.setValue(true);
    const { state, send } = service(FILED);
    const sightings = createSightings(send);
    await sightings.seen([FILED[0]!], 'up');
    expect(state.asked).toBe(1);
    const watch = (await filedWatchItem.getValue())!;
    await filedWatchItem.setValue({ ...watch, fetchedAt: Date.now() - FILED_REFRESH_MS - 1 });
    state.down = true;
    await sightings.seen([FILED[1]!], 'ended');
    // Unreachable: the last list still says what is filed, and the sighting waits.
    expect((await pendingSightingsItem.getValue()).map((one) => one.key)).toEqual([FILED[1]]);
    state.down = false;
    await sightings.seen([FILED[0]!], 'up');
    expect(state.asked).toBe(2);
    // A fresh list: what was told as still up before is told again once.
    expect(state.told.map((one) => [one.key, one.state])).toEqual([
      [FILED[0], 'up'],
      [FILED[1], 'ended'],
      [FILED[0], 'up'],
    ]);
    await volunteerItem.setValue({ token: 'token-b' });
    await sightings.seen([FILED[0]!], 'up');
    expect(state.asked).toBe(3);
    expect(state.tokens.at(-1)).toBe('Bearer token-b');
  });
});
