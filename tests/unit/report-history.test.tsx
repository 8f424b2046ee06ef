import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { HISTORY_REFRESH_MS, ReportHistory } from '../../entrypoints/options/ReportHistory';
import { ReportingSettings } from '../../entrypoints/options/ReportingSettings';
import { ReportPreview } from '../../entrypoints/options/ReportPreview';
import { reporterId, rotateReporterId } from '../../src/background/reporter-id';
import type { RegistryStatus } from '../../src/messaging/protocol';
import { sendMessage } from '../../src/messaging/protocol';
import { composeReport } from '../../src/reports/compose';
import type { OutboxView } from '../../src/reports/outbox-model';
import { ReportSchema } from '../../src/reports/report';
import { reporterIdItem, screenshotsItem } from '../../src/settings/items';
import { installI18n } from '../support/i18n';

vi.mock('../../src/messaging/protocol', () => ({ sendMessage: vi.fn() }));
const send = vi.mocked(sendMessage) as unknown as ReturnType<typeof vi.fn<(type: string, data: unknown) => unknown>>;

/** Noon, local time: "today" for every time the history words. */
const NOW = new Date(2025, 4, 6, 12, 0).getTime();
const MIN = 60_000;
const full = (ms: number) =>
  new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(ms));
const clock = (ms: number) => new Intl.DateTimeFormat('en-US', { timeStyle: 'short' }).format(new Date(ms));

function entry(n: number, fields: Partial<OutboxView> & { title?: string; url?: string }): OutboxView {
  const id = `entry-000000000000${n}`;
  const { title = `Listing ${n}`, url = `https://www.ebay.com/itm/20451234567${n}`, ...rest } = fields;
  const kind = rest.kind ?? 'report';
  const listing = { key: `ebay:20451234567${n}`, url, title, marketplace: 'ebay' as const };
  const common = {
    id,
    reporterId: 'reporter-000000000001',
    listing,
    registryVersion: 42,
    createdAt: new Date(NOW - n * MIN).toISOString(),
    extensionVersion: '0.1.0',
  };
  return {
    id,
    kind,
    status: 'queued',
    createdAt: NOW - n * MIN,
    holdUntil: NOW - n * MIN + 10_000,
    attempts: 0,
    nextAttemptAt: NOW - n * MIN + 10_000,
    body:
      kind === 'report'
        ? { ...common, level: 'high', reasons: [], category: n === 5 ? 'misleading' : 'counterfeit' }
        : common,
    ...rest,
  };
}

const HISTORY: OutboxView[] = [
  entry(0, { title: 'Fresh report', holdUntil: NOW + 10_000, nextAttemptAt: NOW + 10_000 }),
  entry(1, {
    title: 'Waiting report',
    attempts: 2,
    nextAttemptAt: NOW + 5 * MIN,
    lastFailure: { code: 'unreachable' },
    screenshotSkipped: 'not_permitted',
  }),
  entry(2, {
    title: 'Sent report',
    status: 'sent',
    attempts: 1,
    sentAt: NOW - 60 * MIN,
    screenshotSha256: 'ab'.repeat(32),
  }),
  entry(3, {
    title: 'Kept report',
    status: 'sent',
    attempts: 1,
    sentAt: NOW - 90 * MIN,
    lastFailure: { code: 'refused', status: 403, detail: 'not your report' },
  }),
  entry(4, {
    title: 'Refused report',
    status: 'failed',
    attempts: 1,
    lastFailure: { code: 'refused', status: 422, detail: 'listing url not accepted' },
  }),
  entry(5, { title: 'Withdrawing report', status: 'withdrawing', withdrawnAt: NOW - MIN }),
  entry(6, { title: 'Withdrawn report', status: 'withdrawn', withdrawnAt: NOW - MIN }),
  entry(7, {
    title: 'Genuine sent',
    kind: 'feedback',
    status: 'sent',
    sentAt: NOW - 2 * MIN,
    url: 'javascript:alert(1)',
  }),
];

let history: OutboxView[];
let registry: RegistryStatus;

function answer(type: string, data: unknown): unknown {
  if (type === 'reportHistory') return history;
  if (type === 'registryStatus') return registry;
  // The background owns the reporter id: these answer as its handlers do.
  if (type === 'reporterId') return reporterId();
  if (type === 'rotateReporterId') return rotateReporterId();
  if (type === 'withdrawReport') {
    const found = history.find((e) => e.id === data);
    if (!found) return null;
    const after: OutboxView = { ...found, status: 'withdrawing', withdrawnAt: NOW };
    history = history.map((e) => (e.id === data ? after : e));
    return after;
  }
  throw new Error(`unexpected message ${type}`);
}

const calls = (type: string) => send.mock.calls.filter(([name]) => name === type);

let root: HTMLElement;
let visibility: DocumentVisibilityState;

beforeEach(() => {
  fakeBrowser.reset();
  installI18n();
  fakeBrowser.runtime.getManifest = () => ({ manifest_version: 3, name: 'Counterfeit Guard', version: '0.1.0' });
  // Date and the refresh interval are the test's; promises and timeouts run as usual.
  vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
  vi.setSystemTime(NOW);
  visibility = 'visible';
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });
  history = HISTORY;
  registry = { version: 42, source: 'bundled', brands: 120, updates: true };
  send.mockReset();
  send.mockImplementation(async (type, data) => answer(type, data));
  document.body.innerHTML = '';
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => {
  render(null, root);
  vi.useRealTimers();
});

const rows = () => [...root.querySelectorAll<HTMLTableRowElement>('tbody tr')];
const rowOf = (title: string) => rows().find((row) => row.querySelector('th')?.textContent?.startsWith(title))!;
const statusOf = (title: string) => rowOf(title).querySelector('.cg-history-state')!.textContent;
const shotOf = (title: string) => rowOf(title).querySelector('.cg-history-shot')?.textContent;
const withdrawOf = (title: string) =>
  [...rowOf(title).querySelectorAll('button')].find((b) => b.textContent === 'Withdraw');

async function showHistory() {
  render(<ReportHistory />, root);
  await vi.waitFor(() => expect(rows()).toHaveLength(history.length));
}

describe('the report history', () => {
  it('is a table with a caption and column headers, newest first as the background gives it', async () => {
    await showHistory();
    expect(root.querySelector('caption')?.textContent).toBe(
      'Reports and “This is genuine” feedback you have sent from this browser, newest first',
    );
    expect([...root.querySelectorAll('thead th')].map((th) => [th.textContent, th.getAttribute('scope')])).toEqual([
      ['Made', 'col'],
      ['Kind', 'col'],
      ['Listing', 'col'],
      ['Marketplace', 'col'],
      ['Category', 'col'],
      ['Status', 'col'],
      ['Action', 'col'],
    ]);
    expect(rows().map((row) => row.dataset.id)).toEqual(HISTORY.map((e) => e.id));
    const first = rows()[0]!.querySelectorAll('td, th');
    expect(first[0]!.textContent).toBe(full(NOW));
    expect(first[0]!.querySelector('time')?.getAttribute('datetime')).toBe(new Date(NOW).toISOString());
    expect([...first].slice(1, 5).map((cell) => cell.textContent)).toEqual([
      'Report',
      'Fresh report (opens in a new tab)',
      'eBay',
      'Counterfeit',
    ]);
    expect(rowOf('Withdrawing report').querySelectorAll('td')[3]!.textContent).toBe('Misleading');
  });

  it('links each title to its listing in a new tab, without a referrer; a page-made address that is not the web is not linked', async () => {
    await showHistory();
    const link = rowOf('Sent report').querySelector('a')!;
    expect(link.getAttribute('href')).toBe('https://www.ebay.com/itm/204512345672');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(rowOf('Genuine sent').querySelector('a')).toBeNull();
  });

  it('words every status, with the reason for failures and when the next try is', async () => {
    await showHistory();
    expect(statusOf('Fresh report')).toBe(`Queued — to be sent at ${clock(NOW + 10_000)}`);
    expect(statusOf('Waiting report')).toBe(
      `Queued — the service could not be reached; next try at ${clock(NOW + 5 * MIN)}`,
    );
    expect(shotOf('Waiting report')).toBe('no screenshot: the browser did not allow it');
    expect(statusOf('Sent report')).toBe(`Sent at ${full(NOW - 60 * MIN)}`);
    expect(shotOf('Sent report')).toBe('with a screenshot (SHA-256 abababababab…)');
    expect(statusOf('Kept report')).toBe(
      `Sent at ${full(NOW - 90 * MIN)} — the service would not withdraw it: not your report`,
    );
    expect(statusOf('Refused report')).toBe(
      'Failed — the service refused it: listing url not accepted. It is not tried again; report the listing again from its page if you still want to.',
    );
    expect(statusOf('Withdrawing report')).toBe('Withdrawing…');
    expect(statusOf('Withdrawn report')).toBe('Withdrawn');
    expect(statusOf('Genuine sent')).toBe(`Sent at ${full(NOW - 2 * MIN)}`);
    expect(rowOf('Genuine sent').querySelectorAll('td')[1]!.textContent).toBe('This is genuine');
    expect(rowOf('Genuine sent').querySelectorAll('td')[3]!.textContent).toBe('Not applicable');
  });

  it('offers Withdraw only where the entry can still be withdrawn', async () => {
    await showHistory();
    expect(rows().map((row) => row.querySelector('button')?.textContent ?? null)).toEqual([
      'Withdraw', // queued
      'Withdraw', // queued, retrying
      'Withdraw', // sent report
      'Withdraw', // sent report whose withdrawal was refused
      'Withdraw', // failed
      null, // withdrawing
      null, // withdrawn
      null, // feedback, once sent, stands
    ]);
    expect(withdrawOf('Sent report')!.getAttribute('aria-label')).toBe('Withdraw “Sent report”');
  });

  it('withdraws through the background, says what came of it, and reads the history again at once', async () => {
    await showHistory();
    const before = calls('reportHistory').length;
    withdrawOf('Sent report')!.click();
    await vi.waitFor(() => expect(statusOf('Sent report')).toBe('Withdrawing…'));
    expect(calls('withdrawReport')).toEqual([['withdrawReport', HISTORY[2]!.id]]);
    expect(calls('reportHistory').length).toBeGreaterThan(before);
    expect(withdrawOf('Sent report')).toBeUndefined();
    const status = root.querySelector('.cg-history [role="status"]')!;
    expect(status.textContent).toBe(
      'Withdrawing “Sent report”: the service is being told. Its status below changes to Withdrawn once the service has answered.',
    );
    expect(document.activeElement).toBe(status);
  });

  it('says so when a withdrawal cannot reach the background', async () => {
    await showHistory();
    send.mockImplementation(async (type, data) => {
      if (type === 'withdrawReport') throw new Error('Could not establish connection');
      return answer(type, data);
    });
    withdrawOf('Fresh report')!.click();
    await vi.waitFor(() =>
      expect(root.querySelector('.cg-history [role="status"]')!.textContent).toBe(
        'Could not withdraw “Fresh report”: Could not establish connection. Reload this page and try again.',
      ),
    );
  });

  it('reads the history again every 3 s while the page is in view, and not while it is hidden', async () => {
    await showHistory();
    const first = calls('reportHistory').length;
    history = [{ ...HISTORY[0]!, status: 'sent', sentAt: NOW }, ...HISTORY.slice(1)];
    await vi.advanceTimersByTimeAsync(HISTORY_REFRESH_MS);
    expect(calls('reportHistory').length).toBe(first + 1);
    await vi.waitFor(() => expect(statusOf('Fresh report')).toBe(`Sent at ${full(NOW)}`));

    visibility = 'hidden';
    await vi.advanceTimersByTimeAsync(HISTORY_REFRESH_MS * 3);
    expect(calls('reportHistory').length).toBe(first + 1);

    visibility = 'visible';
    document.dispatchEvent(new Event('visibilitychange'));
    await vi.waitFor(() => expect(calls('reportHistory').length).toBe(first + 2));
  });

  it('says in words when there is nothing yet', async () => {
    history = [];
    render(<ReportHistory />, root);
    await vi.waitFor(() =>
      expect(root.textContent).toContain(
        'No reports yet. When you report a listing, or say it is genuine, it appears here with what became of it.',
      ),
    );
    expect(root.querySelector('table')).toBeNull();
    const exports = [...root.querySelectorAll('button')].filter((b) => b.textContent?.startsWith('Export'));
    expect(exports.map((b) => b.disabled)).toEqual([true, true]);
  });

  it('says what went wrong and what to do when the history cannot be read', async () => {
    send.mockImplementation(async () => {
      throw new Error('Receiving end does not exist');
    });
    render(<ReportHistory />, root);
    await vi.waitFor(() =>
      expect(root.querySelector('[role="alert"]')?.textContent).toBe(
        'Could not load your reports: Receiving end does not exist. They stay stored in the extension; reload this page to try again.',
      ),
    );
  });

  it('exports the history as a CSV and a JSON download, and lets go of the file afterwards', async () => {
    await showHistory();
    const blobs: Blob[] = [];
    const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return `blob:test/${blobs.length}`;
    });
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const downloads: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push(`${this.download} ${this.href} ${this.isConnected}`);
    });
    const timeout = vi.spyOn(globalThis, 'setTimeout');
    try {
      const button = (name: string) => [...root.querySelectorAll('button')].find((b) => b.textContent === name)!;
      button('Export CSV').click();
      await vi.waitFor(() =>
        expect(root.querySelector('.cg-history [role="status"]')?.textContent).toBe(
          'Downloading counterfeit-guard-reports-2025-05-06.csv (8 entries).',
        ),
      );
      button('Export JSON').click();
      expect(downloads).toEqual([
        'counterfeit-guard-reports-2025-05-06.csv blob:test/1 true',
        'counterfeit-guard-reports-2025-05-06.json blob:test/2 true',
      ]);
      expect(create).toHaveBeenCalledTimes(2);
      const csv = await blobs[0]!.text();
      expect(csv.replace(/^\uFEFF/, '').split('\r\n')).toHaveLength(HISTORY.length + 2);
      expect(blobs[0]!.type).toBe('text/csv;charset=utf-8');
      expect(JSON.parse(await blobs[1]!.text())).toEqual(HISTORY);
      // The object URLs are let go once the browser has read them.
      const revokers = timeout.mock.calls.filter(([, ms]) => ms === 60_000);
      expect(revokers).toHaveLength(2);
      for (const [run] of revokers) (run as () => void)();
      expect(revoke.mock.calls).toEqual([['blob:test/1'], ['blob:test/2']]);
      expect(root.querySelectorAll('a[download]')).toHaveLength(0);
    } finally {
      create.mockRestore();
      revoke.mockRestore();
      click.mockRestore();
      timeout.mockRestore();
    }
  });
});

describe('the reporting settings', () => {
  const ID = 'feedc0de0123456789abcdef01234567';
  /** The preview's rows: each field's name, its value as shown, and why it is sent. */
  const preview = () =>
    [...root.querySelectorAll<HTMLTableRowElement>('.cg-fields tbody tr')].map((row) => ({
      field: row.dataset.field!,
      name: row.cells[0]!.textContent,
      value: row.cells[1]!.textContent,
      absent: row.cells[1]!.classList.contains('cg-field-absent'),
      why: row.cells[2]!.textContent,
    }));
  const value = (field: string) => preview().find((row) => row.field === field)?.value;
  /** Every field the report schema allows, the listing's spelled out, in the schema's order. */
  const SCHEMA_FIELDS = Object.entries(ReportSchema.entries).flatMap(([name, schema]) =>
    name === 'listing'
      ? Object.keys((schema as typeof ReportSchema.entries.listing).entries).map((inner) => `listing.${inner}`)
      : [name],
  );

  async function showSettings() {
    await reporterIdItem.setValue(ID);
    render(<ReportingSettings />, root);
    await vi.waitFor(() => expect(preview().length).toBeGreaterThan(0));
  }

  it('shows the reporter id and what it is for', async () => {
    await showSettings();
    expect(root.querySelector('code.cg-reporter-id')?.textContent).toBe(ID);
    expect(root.querySelector('#reporter-id-hint')?.textContent).toContain('It names no person');
    expect(root.querySelector('section[aria-labelledby="reporter-id-heading"] h3')?.textContent).toBe(
      'Your reporter id',
    );
  });

  it('previews a report field by field, in words: every field of the report schema, with the sample’s values and why', async () => {
    await showSettings();
    const rows = preview();
    expect(rows.map((row) => row.field)).toEqual(SCHEMA_FIELDS);
    expect(root.querySelector('.cg-preview summary')?.textContent).toBe(
      `Show the ${SCHEMA_FIELDS.length} fields a report can hold, with the sample’s values and why each is sent`,
    );
    // Every row is named in words and says why, never the field's name in code or a message key.
    for (const row of rows) {
      expect(row.name, row.field).toMatch(/^[A-Z][a-z]/);
      expect(row.name, row.field).not.toContain('options_');
      expect(row.why!.length, row.field).toBeGreaterThan(20);
    }
    expect(rows.find((row) => row.field === 'reporterId')).toMatchObject({ name: 'Your reporter id', value: ID });
    expect(value('registryVersion')).toBe('42');
    expect(value('extensionVersion')).toBe('0.1.0');
    expect(value('listing.key')).toBe('ebay:204512345678');
    expect(value('listing.url')).toBe('https://www.ebay.com/itm/204512345678');
    expect(value('listing.title')).toBe('Example: Nike Air Force 1 replica');
    expect(value('listing.price')).toBe('$34.99');
    expect(value('listing.seller')).toBe('best_kicks_outlet');
    expect(value('listing.marketplace')).toBe('eBay');
    // The brand field real reports carry, by its registry id; the level by icon and word.
    expect(value('brand')).toBe('nike');
    expect(value('level')).toBe('✖ High risk');
    expect(root.querySelectorAll('tr[data-field="reasons"] li')).toHaveLength(3);
    expect(value('reasons')).toContain('replica');
    expect(value('id')).toMatch(/^[0-9a-f]{32}$/);
    expect(value('withdrawKey')).toMatch(/^[0-9a-f]{32}$/);
    expect(value('category')).toBe('counterfeit');
    // What this report leaves out is said so, and only that.
    expect(rows.filter((row) => row.absent).map((row) => row.field)).toEqual(['note', 'screenshot']);
    expect(value('screenshot')).toBe('Not in this sample');
    expect(root.textContent).toContain('Screenshots are off, so a report holds no image.');
    expect(root.querySelector('pre')).toBeNull();
  });

  it('shows every field of a report that holds them all, each value in words where words read better', () => {
    const report = composeReport(
      {
        marketplace: 'amazon',
        key: 'amazon:B0C1234567',
        url: 'https://www.amazon.com/dp/B0C1234567',
        kind: 'detail',
        title: 'Rolex Submariner',
        price: { amount: 129, currency: 'EUR' },
        seller: { name: 'watch_world' },
      },
      { key: 'amazon:B0C1234567', level: 'caution', score: 50, brand: 'rolex', reasons: [] },
      { reporterId: ID, registryVersion: 7, extensionVersion: '9.9.9', now: new Date(2025, 4, 6, 12, 0) },
      { base64: 'AAAA', sha256: 'ab'.repeat(32) },
    );
    render(<ReportPreview report={{ ...report, note: 'Logo is off' }} />, root);
    // A report holding every field the schema allows shows each with its value, none as absent.
    expect(preview().map((row) => row.field)).toEqual(SCHEMA_FIELDS);
    expect(preview().filter((row) => row.absent)).toEqual([]);
    expect(value('note')).toBe('Logo is off');
    expect(value('screenshot')).toBe('An image of the visible tab, with its SHA-256 fingerprint');
    expect(value('level')).toBe('⚠ Caution');
    expect(value('listing.price')).toBe('€129.00');
    expect(value('createdAt')).toBe(full(new Date(2025, 4, 6, 12, 0).getTime()));
    expect(root.innerHTML).not.toContain('AAAA');
  });

  it('turns screenshots on, saves it, and the preview then carries the screenshot field', async () => {
    await showSettings();
    const box = root.querySelector<HTMLInputElement>('#report-screenshots')!;
    expect(box.checked).toBe(false);
    expect(root.querySelector('#report-screenshots-hint')?.textContent).toContain('SHA-256');
    box.click();
    await vi.waitFor(() =>
      expect(value('screenshot')).toBe('An image of the visible tab, with its SHA-256 fingerprint'),
    );
    expect(await screenshotsItem.getValue()).toBe(true);
    expect(root.textContent).toContain('On. Reports from now on carry a screenshot wherever the browser allows it.');
    expect(root.textContent).toContain('Screenshots are on, so a report also holds an image of the visible tab.');

    box.click();
    await vi.waitFor(() => expect(value('screenshot')).toBe('Not in this sample'));
    expect(await screenshotsItem.getValue()).toBe(false);
  });

  it('makes a new reporter id on request, stores it, and the preview follows', async () => {
    await showSettings();
    const button = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Make a new reporter id')!;
    button.click();
    await vi.waitFor(() => expect(value('reporterId')).not.toBe(ID));
    const made = await reporterIdItem.getValue();
    expect(made).toMatch(/^[0-9a-f]{32}$/);
    expect(value('reporterId')).toBe(made);
    expect(root.querySelector('code.cg-reporter-id')?.textContent).toBe(made);
    expect(root.querySelector('.cg-reporter [role="status"]')?.textContent).toContain('Made a new reporter id.');
  });

  it('says so when the registry version cannot be had for the preview', async () => {
    send.mockImplementation(async () => {
      throw new Error('Receiving end does not exist');
    });
    render(<ReportingSettings />, root);
    await vi.waitFor(() =>
      expect(root.querySelector('.cg-report-preview [role="alert"]')?.textContent).toBe(
        "Could not prepare the sample report: the extension's background did not answer (Receiving end does not exist). Reload this page to try again.",
      ),
    );
    expect(root.querySelector('.cg-fields')).toBeNull();
  });
});

describe('titles that carry a right-to-left override', () => {
  it('are set apart in the history, so they cannot turn the row around', async () => {
    history = [entry(1, { title: '\u202Egpj.exe Rolex Submariner' }), ...HISTORY.slice(1)];
    await showHistory();
    const bdi = rows()[0]!.querySelector('th bdi');
    expect(bdi?.textContent).toBe('\u202Egpj.exe Rolex Submariner');
  });
});
