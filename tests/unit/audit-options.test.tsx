import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AuditBrandPicker } from '../../entrypoints/options/AuditBrandPicker';
import { AuditHistory } from '../../entrypoints/options/AuditHistory';
import { accuracyPercent } from '../../entrypoints/options/accuracy';
import { VolunteerSignIn } from '../../entrypoints/options/VolunteerSignIn';
import type { AuditSummary } from '../../src/audit/model';
import type { BrandSummary } from '../../src/matching/search';
import type { AccuracyAnswer } from '../../src/messaging/protocol';
import { sendMessage } from '../../src/messaging/protocol';
import { auditBrandsItem, volunteerItem } from '../../src/settings/items';
import { installI18n } from '../support/i18n';

vi.mock('../../src/messaging/protocol', () => ({ sendMessage: vi.fn(), onMessage: vi.fn(() => () => undefined) }));
const send = vi.mocked(sendMessage) as unknown as ReturnType<typeof vi.fn<(type: string, data: unknown) => unknown>>;

const brand = (id: string, name: string, aliases: string[] = []): BrandSummary => ({
  id,
  name,
  aliases,
  group: 'sneakers-sportswear',
  lowestFloorUsd: 60,
  absentFrom: [],
});
const BRANDS: BrandSummary[] = [
  brand('nike', 'Nike'),
  brand('adidas', 'Adidas'),
  brand('puma', 'Puma'),
  brand('new-balance', 'New Balance', ['NB']),
  brand('rolex', 'Rolex'),
];

const TOKEN = 'cgv_s3cretTokenValue0123456789abcdefghij';
const DAY = 86_400_000;
const MAY_1 = new Date(2025, 4, 1, 10, 0).getTime();
const MAY_5 = new Date(2025, 4, 5, 9, 30).getTime();
const full = (ms: number) =>
  new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(ms));

const SESSIONS: AuditSummary[] = [
  // Newest first, as the background answers; the older one is given last on purpose below.
  {
    session: { id: 'session-b', startedAt: MAY_5, brands: ['rolex'], pages: [] },
    counts: { pages: 3, seen: 20, suspect: 6, selected: 2, reported: 0 },
    byMarketplace: { amazon: { suspect: 6, reported: 0 } },
  },
  {
    session: {
      id: 'session-a',
      startedAt: MAY_1,
      endedAt: MAY_1 + DAY / 24,
      brands: ['nike', 'gone-brand'],
      pages: [],
    },
    counts: { pages: 5, seen: 40, suspect: 10, selected: 6, reported: 6 },
    byMarketplace: { amazon: { suspect: 8, reported: 4 }, ebay: { suspect: 2, reported: 2 } },
  },
];

let history: AuditSummary[];
let accuracy: () => AccuracyAnswer;

function answer(type: string): unknown {
  if (type === 'registryBrands') return BRANDS;
  if (type === 'auditHistory') return history;
  if (type === 'volunteerAccuracy') return accuracy();
  throw new Error(`unexpected message ${type}`);
}
const calls = (type: string) => send.mock.calls.filter(([name]) => name === type);

let root: HTMLElement;

beforeEach(() => {
  fakeBrowser.reset();
  installI18n();
  history = SESSIONS;
  accuracy = () => ({ kind: 'ready', confirmed: 46, reviewed: 50 });
  send.mockReset();
  send.mockImplementation(async (type) => answer(type));
  document.body.innerHTML = '';
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => {
  render(null, root);
});

/** Types as a person does: the page renders before the next key or click. */
async function type(input: HTMLInputElement, text: string) {
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await new Promise((resolve) => setTimeout(resolve, 0));
}
const press = (element: Element, key: string) =>
  element.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
const button = (name: string) =>
  [...root.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent) === name);

describe('the audit brand picker', () => {
  const box = () => root.querySelector<HTMLInputElement>('#audit-brand-query')!;
  const options = () => [...root.querySelectorAll<HTMLElement>('[role="listbox"] [role="option"]')];
  const chips = () => [...root.querySelectorAll('.cg-chip .cg-chip-name')].map((chip) => chip.textContent);
  const status = () => root.querySelector('.cg-audit-brands-status')!.textContent;

  async function show() {
    render(<AuditBrandPicker />, root);
    await vi.waitFor(() => expect(box().disabled).toBe(false));
  }

  it('finds a brand through a typo, and Enter adds it to the audited brands as its registry id', async () => {
    await show();
    expect(box().getAttribute('role')).toBe('combobox');
    expect(box().getAttribute('aria-expanded')).toBe('false');
    await type(box(), 'Addidas');
    await vi.waitFor(() => expect(options().length).toBeGreaterThan(0));
    expect(options()[0]!.textContent).toBe('Adidas');
    expect(box().getAttribute('aria-expanded')).toBe('true');
    expect(box().getAttribute('aria-activedescendant')).toBe(options()[0]!.id);
    expect(options()[0]!.getAttribute('aria-selected')).toBe('true');

    press(box(), 'Enter');
    await vi.waitFor(() => expect(chips()).toEqual(['Adidas']));
    expect(await auditBrandsItem.getValue()).toEqual(['adidas']);
    expect(button('Remove Adidas')).toBeDefined();
    expect(status()).toBe('Added Adidas. Brands audited: 1.');
    // Ready for the next brand.
    expect(box().value).toBe('');
    expect(box().getAttribute('aria-expanded')).toBe('false');
  });

  it('moves through the matches with the arrow keys and adds the one marked', async () => {
    await show();
    await type(box(), 'N');
    await vi.waitFor(() => expect(options().length).toBeGreaterThan(1));
    const names = options().map((option) => option.querySelector('.cg-option-name')!.textContent);
    press(box(), 'ArrowDown');
    await vi.waitFor(() => expect(box().getAttribute('aria-activedescendant')).toBe(options()[1]!.id));
    expect(options()[1]!.getAttribute('aria-selected')).toBe('true');
    expect(options()[0]!.getAttribute('aria-selected')).toBe('false');
    press(box(), 'ArrowUp');
    press(box(), 'ArrowUp');
    // Up from the first wraps to the last.
    await vi.waitFor(() => expect(box().getAttribute('aria-activedescendant')).toBe(options().at(-1)!.id));
    press(box(), 'ArrowDown');
    press(box(), 'ArrowDown');
    await vi.waitFor(() => expect(box().getAttribute('aria-activedescendant')).toBe(options()[1]!.id));
    press(box(), 'Enter');
    const added = BRANDS.find((b) => b.name === names[1])!;
    await vi.waitFor(async () => expect(await auditBrandsItem.getValue()).toEqual([added.id]));
    expect(added.id).not.toBe(BRANDS.find((b) => b.name === names[0])!.id);
  });

  it('says a brand already audited is there, and adds it no second time', async () => {
    await auditBrandsItem.setValue(['nike']);
    await show();
    await type(box(), 'nike');
    await vi.waitFor(() => expect(options()[0]?.textContent).toBe('Nike (already audited)'));
    press(box(), 'Enter');
    await vi.waitFor(() => expect(status()).toBe('Nike is already among the brands you audit.'));
    expect(await auditBrandsItem.getValue()).toEqual(['nike']);
  });

  it('removes a brand with its chip button, saves, says so and keeps the keyboard on the next chip', async () => {
    await auditBrandsItem.setValue(['nike', 'adidas']);
    await show();
    await vi.waitFor(() => expect(chips()).toEqual(['Nike', 'Adidas']));
    button('Remove Nike')!.click();
    await vi.waitFor(() => expect(chips()).toEqual(['Adidas']));
    expect(await auditBrandsItem.getValue()).toEqual(['adidas']);
    expect(status()).toBe('Removed Nike. Brands audited: 1.');
    expect(document.activeElement).toBe(button('Remove Adidas'));

    button('Remove Adidas')!.click();
    await vi.waitFor(() => expect(chips()).toEqual([]));
    expect(await auditBrandsItem.getValue()).toEqual([]);
    expect(document.activeElement).toBe(box());
    expect(root.textContent).toContain('No brands chosen yet.');
  });

  it('names a stored id the registry in use does not know, and lets it be removed', async () => {
    await auditBrandsItem.setValue(['nike', 'acme-old']);
    await show();
    await vi.waitFor(() => expect(chips()).toEqual(['Nike', 'acme-old: not in the registry in use']));
    button('Remove acme-old')!.click();
    await vi.waitFor(() => expect(chips()).toEqual(['Nike']));
    expect(await auditBrandsItem.getValue()).toEqual(['nike']);
  });

  it('says when nothing matches, and what went wrong when the brand list cannot be had', async () => {
    await show();
    await type(box(), 'qqqqqqqq');
    await vi.waitFor(() =>
      expect(root.querySelector('#audit-brand-results')!.textContent).toBe(
        'No brand in the registry matches “qqqqqqqq”. Try another spelling or the brand’s full name.',
      ),
    );
    render(null, root);

    send.mockImplementation(async () => {
      throw new Error('Receiving end does not exist');
    });
    render(<AuditBrandPicker />, root);
    await vi.waitFor(() =>
      expect(root.querySelector('[role="alert"]')?.textContent).toBe(
        'Could not load the brand list (Receiving end does not exist), so brands cannot be added now. Reload this page to try again; the brands already chosen are kept.',
      ),
    );
    expect(box().disabled).toBe(true);
  });
});

describe('the volunteer sign-in', () => {
  const field = (id: string) => root.querySelector<HTMLInputElement>(`#volunteer-${id}`)!;
  const status = () => root.querySelector('.cg-volunteer-status')!.textContent;
  const error = () => root.querySelector('.cg-volunteer-error')!.textContent;
  const submit = () => root.querySelector<HTMLButtonElement>('form button[type="submit"]')!;
  const marked = (id: string) =>
    field(id).getAttribute('aria-invalid') === 'true' &&
    field(id).getAttribute('aria-describedby')!.split(' ').includes('volunteer-error');

  async function show(onAccuracy?: (accuracy: unknown) => void) {
    render(<VolunteerSignIn onAccuracy={onAccuracy} />, root);
    await vi.waitFor(() => expect(field('token').disabled).toBe(false));
  }

  it('signs in in one step: asks the service with the token typed, then stores token, name and email, and keeps the token masked', async () => {
    const told = vi.fn();
    await show(told);
    expect(root.textContent).toContain('DSA notice');
    // One form, one button that does it; no separate step to check the token.
    expect(root.querySelectorAll('form button[type="submit"]')).toHaveLength(1);
    expect(button('Check')).toBeUndefined();
    await type(field('token'), `  ${TOKEN} `);
    await type(field('name'), 'Ana Volunteer');
    await type(field('email'), 'ana@example.org');
    expect(submit().textContent).toBe('Sign in');
    expect(await volunteerItem.getValue()).toEqual({});

    submit().click();
    await vi.waitFor(() =>
      expect(status()).toBe(
        'Signed in: the service takes your token. It has reviewed 50 of your reports; your accuracy is shown below.',
      ),
    );
    expect(calls('volunteerAccuracy')).toEqual([['volunteerAccuracy', { token: TOKEN }]]);
    expect(await volunteerItem.getValue()).toEqual({ token: TOKEN, name: 'Ana Volunteer', email: 'ana@example.org' });
    expect(told).toHaveBeenLastCalledWith({ kind: 'ready', confirmed: 46, reviewed: 50 });
    expect(error()).toBe('');
    expect(field('token').type).toBe('password');
    expect(root.innerHTML).not.toContain(TOKEN);
    // Signed in, the same button saves; Sign out appears.
    await vi.waitFor(() => expect(submit().textContent).toBe('Save'));
    expect(button('Sign out')).toBeDefined();

    button('Show')!.click();
    await vi.waitFor(() => expect(field('token').type).toBe('text'));
    expect(field('token').value).toBe(TOKEN);
    button('Hide')!.click();
    await vi.waitFor(() => expect(field('token').type).toBe('password'));
  });

  it('says when the service has reviewed none of the reports yet', async () => {
    accuracy = () => ({ kind: 'ready', confirmed: 0, reviewed: 0 });
    await show();
    await type(field('token'), TOKEN);
    submit().click();
    await vi.waitFor(() =>
      expect(status()).toBe('Signed in: the service takes your token. It has not reviewed any of your reports yet.'),
    );
  });

  it('stores nothing for a token the service refuses or could not judge, says why and what to do, and marks the field', async () => {
    await volunteerItem.setValue({ token: 'cgv_older' });
    const told = vi.fn();
    await show(told);
    accuracy = () => ({ kind: 'refused', detail: 'This token is not known here.' });
    await type(field('token'), TOKEN);
    expect(submit().textContent).toBe('Sign in');
    submit().click();
    await vi.waitFor(() =>
      expect(error()).toBe(
        'Not signed in: the service refused this token (This token is not known here.). Nothing was saved. Check that you pasted all of it, or ask the registry team for a new one.',
      ),
    );
    expect(root.querySelector('.cg-volunteer-error')!.getAttribute('role')).toBe('alert');
    expect(marked('token')).toBe(true);
    expect(document.activeElement).toBe(field('token'));
    // The token that was signed in stays; the one typed stays in the field to be corrected.
    expect(await volunteerItem.getValue()).toEqual({ token: 'cgv_older' });
    expect(field('token').value).toBe(TOKEN);

    accuracy = () => {
      throw new TypeError('Failed to fetch');
    };
    submit().click();
    await vi.waitFor(() =>
      expect(error()).toBe(
        'Not signed in: could not reach the service to check the token (Failed to fetch). Nothing was saved; check your connection and press Sign in again.',
      ),
    );
    expect(marked('token')).toBe(false);
    expect(await volunteerItem.getValue()).toEqual({ token: 'cgv_older' });
    expect(told).not.toHaveBeenCalled();
    expect(root.innerHTML).not.toContain(TOKEN);

    // Taken at last: the error goes and the new token is stored.
    accuracy = () => ({ kind: 'ready', confirmed: 46, reviewed: 50 });
    submit().click();
    await vi.waitFor(async () => expect(await volunteerItem.getValue()).toEqual({ token: TOKEN }));
    await vi.waitFor(() => expect(error()).toBe(''));
    expect(status()).toContain('Signed in');
    expect(calls('volunteerAccuracy')).toHaveLength(3);
  });

  it('does not save an email address that is plainly incomplete, says why, and marks the field', async () => {
    await show();
    await type(field('token'), TOKEN);
    await type(field('email'), 'ana@example');
    submit().click();
    await vi.waitFor(() =>
      expect(error()).toBe(
        'Not saved: “ana@example” does not look like a whole email address. Correct it or leave the field empty.',
      ),
    );
    expect(marked('email')).toBe(true);
    expect(document.activeElement).toBe(field('email'));
    expect(calls('volunteerAccuracy')).toHaveLength(0);
    expect(await volunteerItem.getValue()).toEqual({});
  });

  it('with the token signed in already, saves the name and email alone, asking the service nothing', async () => {
    await volunteerItem.setValue({ token: TOKEN });
    await show();
    expect(submit().textContent).toBe('Save');
    await type(field('name'), 'Ana');
    submit().click();
    await vi.waitFor(async () => expect(await volunteerItem.getValue()).toEqual({ token: TOKEN, name: 'Ana' }));
    await vi.waitFor(() => expect(status()).toBe('Saved. You stay signed in with the same token.'));
    expect(calls('volunteerAccuracy')).toHaveLength(0);
  });

  it('saves a name and email without a token, and says how to sign in', async () => {
    await show();
    await type(field('name'), 'Ana');
    expect(submit().textContent).toBe('Save');
    submit().click();
    await vi.waitFor(() =>
      expect(status()).toBe('Saved, without a token: paste your volunteer token and press Sign in to sign in.'),
    );
    expect(await volunteerItem.getValue()).toEqual({ name: 'Ana' });
    expect(calls('volunteerAccuracy')).toHaveLength(0);
  });

  it('signs out: the token goes, the name and email stay', async () => {
    await volunteerItem.setValue({ token: TOKEN, name: 'Ana', email: 'ana@example.org' });
    const told = vi.fn();
    await show(told);
    button('Sign out')!.click();
    await vi.waitFor(async () =>
      expect(await volunteerItem.getValue()).toEqual({ name: 'Ana', email: 'ana@example.org' }),
    );
    await vi.waitFor(() => expect(button('Sign out')).toBeUndefined());
    await vi.waitFor(() =>
      expect(status()).toBe('Signed out: the token is removed from this device. Your name and email stay for notices.'),
    );
    expect(field('token').value).toBe('');
    expect(told).toHaveBeenLastCalledWith({ kind: 'idle' });
  });
});

describe('the audit history', () => {
  const rows = () => [...root.querySelectorAll<HTMLTableRowElement>('.cg-audit-table tbody tr')];
  const cells = (row: HTMLTableRowElement) => [...row.cells].map((cell) => cell.textContent);
  const bars = () => [...root.querySelectorAll<SVGRectElement>('svg.cg-chart rect.cg-bar')];
  const num = (element: Element, name: string) => Number(element.getAttribute(name));

  async function show() {
    render(<AuditHistory />, root);
    await vi.waitFor(() => expect(rows()).toHaveLength(history.length));
  }

  it('lists the sessions newest first with what each found and did', async () => {
    history = [...SESSIONS].reverse();
    await show();
    expect(cells(rows()[0]!)).toEqual([full(MAY_5), 'open', 'Rolex', '3', '20', '6', '2', '0']);
    expect(cells(rows()[1]!)).toEqual([
      full(MAY_1),
      full(MAY_1 + DAY / 24),
      'Nike, gone-brand',
      '5',
      '40',
      '10',
      '6',
      '6',
    ]);
    const heads = [...root.querySelectorAll('.cg-audit-table thead th')].map((th) => th.textContent);
    expect(heads).toEqual(['Started', 'Ended', 'Brands', 'Pages', 'Seen', 'Suspect', 'Selected', 'Reported']);
  });

  it('charts found and reported per marketplace: one bar per session and series, heights in proportion', async () => {
    await show();
    const svg = root.querySelector('svg.cg-chart')!;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toBe(
      'Bar chart of suspect listings found and reported in the last 2 audit sessions, by marketplace: Amazon: 14 found, 4 reported (sessions: 2); eBay: 2 found, 2 reported (sessions: 1).',
    );
    const panels = [...svg.querySelectorAll('.cg-chart-panel')].map((g) => g.getAttribute('data-marketplace'));
    expect(panels).toEqual(['amazon', 'ebay']);
    // Amazon in both sessions, eBay in one: (2 + 1) sessions × 2 series.
    expect(bars()).toHaveLength(6);
    const marks = bars().map((rect) => ({
      marketplace: rect.closest('.cg-chart-panel')!.getAttribute('data-marketplace'),
      session: rect.closest('[data-session]')!.getAttribute('data-session'),
      series: rect.getAttribute('data-series'),
      value: num(rect, 'data-value'),
    }));
    expect(marks).toEqual([
      { marketplace: 'amazon', session: 'session-a', series: 'found', value: 8 },
      { marketplace: 'amazon', session: 'session-a', series: 'reported', value: 4 },
      { marketplace: 'amazon', session: 'session-b', series: 'found', value: 6 },
      { marketplace: 'amazon', session: 'session-b', series: 'reported', value: 0 },
      { marketplace: 'ebay', session: 'session-a', series: 'found', value: 2 },
      { marketplace: 'ebay', session: 'session-a', series: 'reported', value: 2 },
    ]);
    // Heights in proportion to the counts, all on the same scale; the tallest is the largest count.
    const tallest = Math.max(...bars().map((rect) => num(rect, 'height')));
    expect(tallest).toBeGreaterThan(0);
    for (const rect of bars()) {
      expect(num(rect, 'height')).toBeCloseTo((num(rect, 'data-value') / 8) * tallest, 6);
    }
    // Bars stand on their panel's baseline.
    for (const panel of svg.querySelectorAll('.cg-chart-panel')) {
      const feet = [...panel.querySelectorAll('rect.cg-bar')].map((rect) => num(rect, 'y') + num(rect, 'height'));
      expect(new Set(feet.map((y) => y.toFixed(6))).size).toBe(1);
    }
    // Found and reported differ in shape, not colour alone: solid against hatched.
    for (const rect of bars()) {
      if (rect.getAttribute('data-series') === 'reported')
        expect(rect.getAttribute('fill')).toBe('url(#cg-audit-hatch)');
      else expect(rect.getAttribute('fill')).toBeNull();
    }
    expect(svg.querySelector('pattern#cg-audit-hatch')).not.toBeNull();
    const legend = [...root.querySelectorAll('.cg-legend li')].map((li) => li.textContent);
    expect(legend).toEqual(['Suspect listings found (solid bars)', 'Reported (hatched bars)']);
    // Oldest on the left.
    const x = (session: string) => num(svg.querySelector(`[data-session="${session}"] rect`)!, 'x');
    expect(x('session-a')).toBeLessThan(x('session-b'));
  });

  it('gives the chart its numbers as a table', async () => {
    await show();
    const table = root.querySelector('.cg-chart-numbers table')!;
    const lines = [...table.querySelectorAll('tbody tr')].map((tr) =>
      [...(tr as HTMLTableRowElement).cells].map((cell) => cell.textContent),
    );
    expect(lines).toEqual([
      [full(MAY_1), 'Amazon', '8', '4'],
      [full(MAY_1), 'eBay', '2', '2'],
      [full(MAY_5), 'Amazon', '6', '0'],
    ]);
    expect(root.querySelector('.cg-chart-numbers summary')?.textContent).toBe('The chart’s numbers');
  });

  it('shows the accuracy with a token: 46 of 50 is 92 %, beside the 90 % marker', async () => {
    await volunteerItem.setValue({ token: TOKEN });
    await show();
    await vi.waitFor(() =>
      expect(root.querySelector('.cg-accuracy-words')?.textContent).toBe('92 % — 46 of 50 reviewed reports confirmed'),
    );
    expect(root.querySelector('.cg-accuracy-fill')!.getAttribute('data-percent')).toBe('92');
    expect(root.querySelector<HTMLElement>('.cg-accuracy-fill')!.style.width).toBe('92%');
    const marker = root.querySelector('.cg-accuracy-marker')!;
    expect(marker.getAttribute('data-percent')).toBe('90');
    expect(root.querySelector('.cg-accuracy-target')?.textContent).toBe('Amazon Project Zero asks for 90 %');
    expect(root.querySelector('.cg-accuracy')!.textContent).toContain(
      'At or above the 90 % of confirmed reports that Amazon Project Zero asks of brands',
    );
  });

  it('says below when under 90 %, and follows the sign-in’s Check', async () => {
    await volunteerItem.setValue({ token: TOKEN });
    accuracy = () => ({ kind: 'ready', confirmed: 17, reviewed: 19 });
    render(<AuditHistory accuracy={undefined} />, root);
    await vi.waitFor(() =>
      expect(root.querySelector('.cg-accuracy-words')?.textContent).toBe('89 % — 17 of 19 reviewed reports confirmed'),
    );
    expect(root.querySelector('.cg-accuracy')!.textContent).toContain('Below the 90 %');
    render(<AuditHistory accuracy={{ kind: 'ready', confirmed: 9, reviewed: 10 }} />, root);
    await vi.waitFor(() =>
      expect(root.querySelector('.cg-accuracy-words')?.textContent).toBe('90 % — 9 of 10 reviewed reports confirmed'),
    );
  });

  it('says there are no reviewed reports yet instead of 0 %', async () => {
    await volunteerItem.setValue({ token: TOKEN });
    accuracy = () => ({ kind: 'ready', confirmed: 0, reviewed: 0 });
    await show();
    await vi.waitFor(() =>
      expect(root.querySelector('.cg-accuracy-none')?.textContent).toBe(
        'No reviewed reports yet: the service has not judged any of your reports, so there is no accuracy to show.',
      ),
    );
    expect(root.querySelector('.cg-accuracy')!.textContent).not.toContain('0 %');
    expect(root.querySelector('.cg-accuracy-fill')).toBeNull();
  });

  it('asks the service nothing without a token, and says how to see the accuracy', async () => {
    await show();
    await vi.waitFor(() =>
      expect(root.querySelector('.cg-accuracy-signed-out')?.textContent).toBe(
        'Sign in with your volunteer token above to see how many of your reports the service confirmed.',
      ),
    );
    expect(calls('volunteerAccuracy')).toHaveLength(0);
    expect(root.querySelector('.cg-accuracy')).toBeNull();
  });

  it('says what went wrong when the history or the accuracy cannot be had', async () => {
    await volunteerItem.setValue({ token: TOKEN });
    send.mockImplementation(async (type) => {
      if (type === 'auditHistory') throw new Error('Receiving end does not exist');
      if (type === 'volunteerAccuracy')
        return { kind: 'refused', detail: 'This token has expired; ask for a new one.' };
      return answer(type);
    });
    render(<AuditHistory />, root);
    await vi.waitFor(() =>
      expect([...root.querySelectorAll('[role="alert"]')].map((p) => p.textContent)).toEqual([
        'Could not load your audit sessions (Receiving end does not exist). They stay stored in the extension; reload this page to try again.',
        'The service refused your token (This token has expired; ask for a new one.), so your accuracy cannot be shown. Check the token above, or ask the registry team for a new one.',
      ]),
    );
  });

  it('says so when there are no sessions yet', async () => {
    history = [];
    render(<AuditHistory />, root);
    await vi.waitFor(() =>
      expect(root.textContent).toContain(
        'No audit sessions yet. Each session you run appears here with what it found and what you reported.',
      ),
    );
    expect(root.querySelector('svg.cg-chart')).toBeNull();
  });
});

describe('the accuracy percentage', () => {
  it('is confirmed of reviewed, rounded down so it never claims a threshold not reached', () => {
    expect(accuracyPercent(46, 50)).toBe(92);
    expect(accuracyPercent(179, 200)).toBe(89);
    expect(accuracyPercent(9, 10)).toBe(90);
    expect(accuracyPercent(0, 0)).toBeUndefined();
    expect(accuracyPercent(3, 3)).toBe(100);
  });
});
