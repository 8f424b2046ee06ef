import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type AuditRow, countsByBrand } from '../../src/audit/model';
import { shareAuditCounts } from '../../src/background/audit-share';
import { pendingAuditCountsItem, shareAuditCountsItem, volunteerItem } from '../../src/settings/items';

// Unit tests get no build-time defines: name the companion service this build would have.
vi.mock(import('../../src/reports/build-config'), async (original) => ({
  ...(await original()),
  REPORT_SERVICE: 'http://127.0.0.1:9',
}));

const SESSION = '5c1d2a6e-0000-4000-8000-000000000001';
const ENDED = Date.parse('2026-12-07T12:00:00Z');

/** A row of an audit session: its brand, marketplace and level are all the counts look at. */
const row = (brand: string, marketplace: 'ebay' | 'amazon', level: 'high' | 'none', key: string) =>
  ({ brand, listing: { marketplace, key }, assessment: { level, reasons: [], score: 0 } }) as unknown as AuditRow;

/** The service as the background meets it: each POST answered by the next reply. */
function service(replies: (() => Promise<Response>)[]) {
  const bodies: { id: string; brand: string; marketplace: string; seen: number; suspect: number }[] = [];
  const send = vi.fn(async (_url: string | URL | Request, init?: RequestInit) => {
    bodies.push(JSON.parse(String(init?.body)));
    return replies.shift()!();
  });
  return { send: send as unknown as typeof fetch, bodies };
}
const created = async () => new Response('{}', { status: 201 });
const unreachable = async () => Promise.reject(new TypeError('Failed to fetch'));

describe('an audit session’s counts, sent with the volunteer’s consent', () => {
  beforeEach(() => fakeBrowser.reset());

  const rows = [
    row('nike', 'ebay', 'high', 'ebay:1'),
    row('nike', 'ebay', 'none', 'ebay:2'),
    row('nike', 'amazon', 'high', 'amazon:B0A'),
    row('gucci', 'ebay', 'none', 'ebay:3'),
  ];

  it('counts listings seen and suspect per brand and marketplace, and nothing of a listing', () => {
    expect(countsByBrand(rows)).toEqual([
      { brand: 'nike', marketplace: 'ebay', seen: 2, suspect: 1 },
      { brand: 'nike', marketplace: 'amazon', seen: 1, suspect: 1 },
      { brand: 'gucci', marketplace: 'ebay', seen: 1, suspect: 0 },
    ]);
  });

  it('sends nothing until the volunteer agrees', async () => {
    const { send } = service([]);
    await volunteerItem.setValue({ token: 'cgv_test' });
    expect(await shareAuditCounts(SESSION, ENDED, countsByBrand(rows), send)).toEqual({ sent: 0, kept: 0 });
    expect(send).not.toHaveBeenCalled();
  });

  it('keeps what the service could not take and sends it with the next session, dropping a refusal for good', async () => {
    await shareAuditCountsItem.setValue(true);
    await volunteerItem.setValue({ token: 'cgv_test' });
    const first = service([created, unreachable, async () => new Response('{}', { status: 403 })]);
    expect(await shareAuditCounts(SESSION, ENDED, countsByBrand(rows), first.send)).toEqual({ sent: 1, kept: 1 });
    expect(first.bodies.map((body) => body.id)).toEqual([`${SESSION}-0`, `${SESSION}-1`, `${SESSION}-2`]);
    expect(first.bodies[0]).toEqual({
      id: `${SESSION}-0`,
      brand: 'nike',
      marketplace: 'ebay',
      seen: 2,
      suspect: 1,
      at: '2026-12-07T12:00:00.000Z',
    });
    expect(JSON.stringify(first.bodies)).not.toContain('ebay:1');
    expect((await pendingAuditCountsItem.getValue()).map((one) => one.id)).toEqual([`${SESSION}-1`]);

    const next = service([created, created]);
    const later = '5c1d2a6e-0000-4000-8000-000000000002';
    expect(
      await shareAuditCounts(
        later,
        ENDED + 1000,
        [{ brand: 'nike', marketplace: 'ebay', seen: 5, suspect: 0 }],
        next.send,
      ),
    ).toEqual({
      sent: 2,
      kept: 0,
    });
    expect(next.bodies.map((body) => body.id)).toEqual([`${SESSION}-1`, `${later}-0`]);
    expect(await pendingAuditCountsItem.getValue()).toEqual([]);
  });

  it('keeps the counts while no token is saved', async () => {
    await shareAuditCountsItem.setValue(true);
    const { send } = service([]);
    expect(await shareAuditCounts(SESSION, ENDED, countsByBrand(rows), send)).toEqual({ sent: 0, kept: 3 });
    expect(send).not.toHaveBeenCalled();
  });
});
