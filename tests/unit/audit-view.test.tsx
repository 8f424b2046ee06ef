import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AuditApp } from '../../entrypoints/sidepanel/AuditApp';
import { ROW_HEIGHT } from '../../entrypoints/sidepanel/AuditGrid';
import { REPORT_BATCH } from '../../entrypoints/sidepanel/BulkActions';
import { HIGHLIGHT_INTERVAL_MS } from '../../entrypoints/sidepanel/highlighter';
import { type AuditRow, type AuditSummary, countsOf } from '../../src/audit/model';
import { reporterId } from '../../src/background/reporter-id';
import type { Listing } from '../../src/listing/listing';
import type { BrandSummary } from '../../src/matching/search';
import { onMessage, sendMessage, type TabEntry } from '../../src/messaging/protocol';
import { exportEvidence } from '../../src/reports/evidence';
import type { Assessment, Level } from '../../src/risk/assessment';
import { auditBrandsItem, volunteerItem } from '../../src/settings/items';
import { ENGLISH } from '../../src/words/english';
import { installI18n } from '../support/i18n';

vi.mock('../../src/messaging/protocol', () => ({ sendMessage: vi.fn(), onMessage: vi.fn() }));
vi.mock('../../src/reports/evidence', () => ({ exportEvidence: vi.fn() }));
const send = vi.mocked(sendMessage) as unknown as ReturnType<typeof vi.fn<(type: string, data: unknown) => unknown>>;
const exporter = vi.mocked(exportEvidence);
/** The page's listeners for what the background announces, as the page registered them. */
const listeners = new Map<string, (message: { data: unknown; sender: { id: string } }) => void>();
vi.mocked(onMessage).mockImplementation(((
  name: string,
  listener: (message: { data: unknown; sender: { id: string } }) => void,
) => {
  listeners.set(name, listener);
  return () => listeners.delete(name);
}) as never);
/** The background announcing a change to the extension's pages. */
const announce = (name: string, data: unknown) =>
  listeners.get(name)?.({ data, sender: { id: fakeBrowser.runtime.id } });

/** The tab the view is opened for (`?tab=`), made anew for each test. */
let TAB: number;
const brand = (id: string, name: string): BrandSummary => ({
  id,
  name,
  aliases: [],
  group: 'sportswear',
  lowestFloorUsd: 40,
  absentFrom: [],
});
const BRANDS = [brand('nike', 'Nike'), brand('adidas', 'Adidas')];

function listing(n: number, fields: Partial<Listing> = {}): Listing {
  const id = String(204500000000 + n);
  return {
    marketplace: 'ebay',
    key: `ebay:${id}`,
    url: `https://www.ebay.com/itm/${id}`,
    kind: 'card',
    title: `Listing ${n}`,
    price: { amount: 10 + n, currency: 'USD' },
    seller: { name: `seller${n}` },
    images: [`https://i.ebayimg.com/images/${n}.jpg`],
    ...fields,
  };
}

function assessment(key: string, level: Level, brandName?: string): Assessment {
  return {
    key,
    level,
    score: { high: 80, caution: 50, none: 10, unknown: 0 }[level],
    // Assessments name the brand by its registry id; reasons word it by its name.
    ...(brandName ? { brand: BRANDS.find((known) => known.name === brandName)?.id ?? brandName } : {}),
    reasons: brandName
      ? [
          { code: 'brand_recognised', weight: 0, params: { brand: brandName } },
          ...(level === 'high'
            ? [{ code: 'counterfeit_terms' as const, weight: 60, params: { term: 'replica' } }]
            : []),
        ]
      : [],
  };
}

function entry(n: number, level: Level, brandName: string | undefined, fields: Partial<Listing> = {}): TabEntry {
  const item = listing(n, fields);
  return { listing: item, assessment: assessment(item.key, level, brandName) };
}

function auditRow(
  n: number,
  level: Level,
  fields: Partial<AuditRow> = {},
  listingFields: Partial<Listing> = {},
): AuditRow {
  const item = listing(n, listingFields);
  return {
    sessionId: 'session-000000000001',
    key: item.key,
    order: n,
    listing: item,
    assessment: assessment(item.key, level, 'Nike'),
    brand: 'nike',
    pageUrl: 'https://www.ebay.com/sch/i.html?_nkw=nike',
    firstSeenAt: 1_700_000_000_000 + n,
    selected: false,
    ...fields,
  };
}

const SESSION = {
  id: 'session-000000000001',
  startedAt: Date.now() - 60_000,
  brands: ['nike'],
  pages: [
    { url: 'https://www.ebay.com/sch/i.html?_nkw=nike', marketplace: 'ebay' as const, at: Date.now(), listings: 3 },
  ],
};

/** What the background holds, as each test sets it. */
let tabEntries: TabEntry[];
let sessionOpen: boolean;
let held: AuditRow[];
let reportAnswer: (keys: string[]) => { reported: number; already: number; failed: number };

const summary = (): AuditSummary | null =>
  sessionOpen ? { session: SESSION, counts: countsOf(SESSION, held), byMarketplace: {} } : null;

function answer(type: string, data: unknown): unknown {
  switch (type) {
    case 'registryBrands':
      return BRANDS;
    case 'registryStatus':
      return { version: 42, source: 'bundled', brands: BRANDS.length };
    case 'getTabAssessments':
      return data === TAB ? tabEntries : [];
    case 'auditState':
      return summary();
    case 'auditRows':
      return sessionOpen ? held : [];
    case 'selectAudit': {
      const { keys, selected } = data as { keys: string[]; selected: boolean };
      held = held.map((row) => (keys.includes(row.key) ? { ...row, selected } : row));
      return countsOf(SESSION, held);
    }
    case 'reportAudited':
      return reportAnswer((data as { keys: string[] }).keys);
    case 'startAudit':
      sessionOpen = true;
      return summary();
    case 'endAudit': {
      const was = summary();
      sessionOpen = false;
      return was;
    }
    case 'highlightListing':
      return true;
    case 'reporterId':
      return reporterId();
    default:
      throw new Error(`unexpected message ${type}`);
  }
}

const calls = (type: string) => send.mock.calls.filter(([name]) => name === type).map(([, data]) => data);

let root: HTMLElement;

beforeEach(async () => {
  fakeBrowser.reset();
  installI18n();
  fakeBrowser.runtime.getManifest = () => ({ manifest_version: 3, name: 'Counterfeit Guard', version: '0.1.0' });
  tabEntries = [];
  sessionOpen = false;
  held = [];
  reportAnswer = (keys) => ({ reported: keys.length, already: 0, failed: 0 });
  send.mockReset();
  send.mockImplementation(async (type, data) => answer(type, data));
  exporter.mockReset();
  await auditBrandsItem.setValue(['nike']);
  const window = await fakeBrowser.windows.create({ focused: true });
  TAB = (await fakeBrowser.tabs.create({ windowId: window!.id!, url: 'https://www.ebay.com/sch/i.html?_nkw=nike' }))
    .id!;
  history.replaceState(null, '', `/sidepanel.html?tab=${TAB}`);
  document.body.innerHTML = '';
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => {
  render(null, root);
});

const bodyRows = () => [...root.querySelectorAll<HTMLTableRowElement>('tbody tr')];
const keys = () => bodyRows().map((row) => row.dataset.key);
const button = (name: string | RegExp) => {
  const found = [...root.querySelectorAll('button')].find((b) =>
    typeof name === 'string' ? b.textContent?.trim() === name : name.test(b.textContent ?? ''),
  );
  if (!found) throw new Error(`no button ${name}`);
  return found;
};
const text = () => root.textContent ?? '';
const key = (n: number) => listing(n).key;
/** The numbers the rows show, and where each listing sits on the page (read out, not shown). */
const numbers = () => bodyRows().map((row) => row.querySelector('.cg-audit-c-number')?.textContent);
const pagePlaces = () => bodyRows().map((row) => row.querySelector('.cg-audit-c-order')?.textContent);
const sortOf = (name: string | RegExp) => button(name).closest('th')!.getAttribute('aria-sort');
/** The volunteer asks for the page's own order instead of suspect listings first. */
const choosePageOrder = () => button(/^Page order/).click();

async function open(view: 'page' | 'session' = 'page') {
  render(<AuditApp />, root);
  if (view === 'session') {
    await vi.waitFor(() => expect(root.querySelector('#audit-tab-session')).not.toBeNull());
    (root.querySelector('#audit-tab-session') as HTMLButtonElement).click();
  }
}

describe('the audit view, "This page"', () => {
  it('lists suspect listings first by default (High, then Caution, then the rest, each in page order), numbered without gaps', async () => {
    tabEntries = [
      entry(1, 'none', 'Nike'),
      entry(2, 'high', 'Adidas'),
      entry(3, 'caution', 'Nike'),
      entry(4, 'unknown', undefined),
      entry(5, 'high', 'Nike'),
      entry(6, 'none', 'Nike'),
      entry(7, 'caution', 'Nike'),
      entry(8, 'high', 'Nike'),
    ];
    await open();
    await vi.waitFor(() => expect(keys()).toEqual([key(5), key(8), key(3), key(7), key(1), key(6)]));
    expect(sortOf(/^Level/)).toBe('descending');
    expect(sortOf(/^Page order/)).toBeNull();
    // The numbers run down the list as shown; the other brand's and the unassessed listing take none.
    expect(numbers()).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(pagePlaces()).toEqual(['3', '6', '2', '5', '1', '4']);
    expect(root.querySelector('.cg-audit-c-order')?.classList.contains('cg-visually-hidden')).toBe(true);

    choosePageOrder();
    await vi.waitFor(() => expect(keys()).toEqual([key(1), key(3), key(5), key(6), key(7), key(8)]));
    expect(sortOf(/^Page order/)).toBe('ascending');
    expect(numbers()).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(pagePlaces()).toEqual(['1', '2', '3', '4', '5', '6']);

    // Filtered, the numbers still run on from 1.
    const level = root.querySelector<HTMLSelectElement>('select')!;
    level.value = 'suspect';
    level.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(() => expect(keys()).toEqual([key(3), key(5), key(7), key(8)]));
    expect(numbers()).toEqual(['1', '2', '3', '4']);
  });

  it('shows exactly the entries that invoke an audited brand, in page order when chosen, and follows the page as it reads more', async () => {
    tabEntries = [
      entry(1, 'none', 'Nike'),
      entry(2, 'high', 'Adidas'),
      entry(3, 'high', 'Nike'),
      entry(4, 'unknown', undefined),
      entry(5, 'caution', 'Nike'),
    ];
    await open();
    await vi.waitFor(() => expect(keys()).toHaveLength(3));
    choosePageOrder();
    await vi.waitFor(() => expect(keys()).toEqual([key(1), key(3), key(5)]));
    expect(root.querySelector('#audit-tab-page')?.textContent).toBe('This page (3)');
    expect(root.querySelector('table')?.getAttribute('aria-rowcount')).toBe('4');
    expect(bodyRows().map((row) => row.getAttribute('aria-rowindex'))).toEqual(['2', '3', '4']);

    const first = bodyRows()[0]!;
    const link = first.querySelector('a')!;
    expect(link.getAttribute('href')).toBe(listing(1).url);
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    const image = first.querySelector('img')!;
    expect(image.getAttribute('src')).toBe('https://i.ebayimg.com/images/1.jpg');
    expect(image.getAttribute('loading')).toBe('lazy');
    expect(image.getAttribute('referrerpolicy')).toBe('no-referrer');
    expect(image.getAttribute('alt')).toBe('');
    expect(first.querySelector('.cg-audit-c-price')?.textContent).toBe('$11.00');
    expect(first.querySelector('.cg-audit-c-seller')?.textContent).toBe('seller1');
    // The level reads by icon and word, not colour alone.
    expect(bodyRows()[1]!.querySelector('.cg-audit-c-level')?.textContent).toBe('✖ High risk');
    expect(bodyRows()[1]!.querySelector('.cg-reasons')?.textContent).toContain('replica');

    // The background rewrites the tab's record as the page reads another batch.
    tabEntries = [...tabEntries, entry(6, 'high', 'Nike', { images: [] })];
    announce('tabChanged', TAB + 1);
    announce('tabChanged', TAB);
    await vi.waitFor(() => expect(keys()).toEqual([key(1), key(3), key(5), key(6)]));
    expect(bodyRows()[3]!.querySelector('img')).toBeNull();
    expect(bodyRows()[3]!.querySelector('.cg-audit-noimage')?.textContent).toBe('No image');
  });

  it('sorts by the header buttons (aria-sort follows) and filters by text and level', async () => {
    tabEntries = [
      entry(1, 'caution', 'Nike', { price: { amount: 30, currency: 'USD' }, title: 'Nike Air Zoom' }),
      entry(2, 'high', 'Nike', { price: { amount: 10, currency: 'USD' }, title: 'Nike Dunk replica' }),
      entry(3, 'none', 'Nike', {
        price: { amount: 20, currency: 'USD' },
        title: 'Nike Air Max',
        seller: { name: 'shoeshop' },
      }),
      entry(4, 'high', 'Nike', { price: undefined, title: 'Nike socks' }),
    ];
    await open();
    // Suspect first until another order is chosen.
    await vi.waitFor(() => expect(keys()).toEqual([key(2), key(4), key(1), key(3)]));
    expect(sortOf('Level ▼')).toBe('descending');
    choosePageOrder();
    await vi.waitFor(() => expect(keys()).toEqual([key(1), key(2), key(3), key(4)]));
    expect(sortOf('Page order ▲')).toBe('ascending');
    expect(sortOf('Level ↕')).toBeNull();

    button(/^Price/).click();
    await vi.waitFor(() => expect(keys()).toEqual([key(2), key(3), key(1), key(4)]));
    expect(sortOf('Price ▲')).toBe('ascending');
    expect(sortOf('Page order ↕')).toBeNull();
    button(/^Price/).click();
    // Descending; a listing without a price stays last either way.
    await vi.waitFor(() => expect(keys()).toEqual([key(1), key(3), key(2), key(4)]));
    expect(sortOf('Price ▼')).toBe('descending');

    button(/^Level/).click();
    await vi.waitFor(() => expect(keys()).toEqual([key(2), key(4), key(1), key(3)]));
    button(/^Title/).click();
    await vi.waitFor(() => expect(keys()).toEqual([key(3), key(1), key(2), key(4)]));

    const find = root.querySelector<HTMLInputElement>('input[type="search"]')!;
    find.value = 'AIR';
    find.dispatchEvent(new Event('input', { bubbles: true }));
    await vi.waitFor(() => expect(keys()).toEqual([key(3), key(1)]));
    expect(text()).toContain('Showing 2 of 4');
    find.value = 'shoeshop';
    find.dispatchEvent(new Event('input', { bubbles: true }));
    await vi.waitFor(() => expect(keys()).toEqual([key(3)]));

    button('Clear filters').click();
    await vi.waitFor(() => expect(keys()).toHaveLength(4));
    const level = root.querySelector<HTMLSelectElement>('select')!;
    level.value = 'high';
    level.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(() => expect(keys()).toEqual([key(4), key(2)].sort((a, b) => (a! < b! ? -1 : 1))));
    level.value = 'suspect';
    level.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(() => expect(new Set(keys())).toEqual(new Set([key(1), key(2), key(4)])));
  });

  it('outlines a row on the page while it is pointed at, clears it on leaving, and sends one message for a quick pass', async () => {
    tabEntries = [1, 2, 3, 4].map((n) => entry(n, 'high', 'Nike'));
    await open();
    await vi.waitFor(() => expect(keys()).toHaveLength(4));
    const [a, b, c, d] = bodyRows();
    a!.dispatchEvent(new MouseEvent('mouseenter'));
    await vi.waitFor(() => expect(calls('highlightListing')).toEqual([{ tabId: TAB, key: key(1) }]));
    a!.dispatchEvent(new MouseEvent('mouseleave'));
    await vi.waitFor(() => expect(calls('highlightListing')).toHaveLength(2));
    expect(calls('highlightListing')[1]).toEqual({ tabId: TAB, key: null });

    // Over three rows in a moment: only the one the pointer ends on is asked for.
    for (const row of [b, c, d]) {
      row!.dispatchEvent(new MouseEvent('mouseenter'));
      row!.dispatchEvent(new MouseEvent('mouseleave'));
    }
    d!.dispatchEvent(new MouseEvent('mouseenter'));
    await new Promise((resolve) => setTimeout(resolve, HIGHLIGHT_INTERVAL_MS * 3));
    expect(calls('highlightListing').slice(2)).toEqual([{ tabId: TAB, key: key(4) }]);
  });

  it('says why it is empty: no tab, a closed tab, not a marketplace page, nothing read yet, nothing of the audited brands', async () => {
    history.replaceState(null, '', '/sidepanel.html');
    await open();
    await vi.waitFor(() => expect(text()).toContain('No tab to show. Open a marketplace page in this window.'));
    render(null, root);

    // A tab that was closed.
    history.replaceState(null, '', '/sidepanel.html?tab=999');
    await open();
    await vi.waitFor(() => expect(text()).toContain('No tab to show.'));
    render(null, root);

    const elsewhere = await fakeBrowser.tabs.create({ url: 'https://example.org/blog' });
    history.replaceState(null, '', `/sidepanel.html?tab=${elsewhere.id}`);
    await open();
    await vi.waitFor(() => expect(text()).toContain('This is not a marketplace page Counterfeit Guard reads.'));
    render(null, root);

    history.replaceState(null, '', `/sidepanel.html?tab=${TAB}`);
    await open();
    await vi.waitFor(() => expect(text()).toContain('No listings have been read on this page yet.'));
    render(null, root);

    tabEntries = [entry(1, 'high', 'Adidas'), entry(2, 'none', undefined)];
    await open();
    await vi.waitFor(() =>
      expect(text()).toContain('None of the 2 listings read on this page invokes the brands you audit.'),
    );
    expect(bodyRows()).toHaveLength(0);
  });

  it('reads the page again when its tab moves to another address', async () => {
    const window = await fakeBrowser.windows.create({ focused: true });
    const tab = await fakeBrowser.tabs.create({ windowId: window!.id!, url: 'https://www.ebay.com/sch/i.html?_nkw=a' });
    history.replaceState(null, '', `/sidepanel.html?tab=${tab.id}`);
    let shown = [entry(1, 'high', 'Nike')];
    send.mockImplementation(async (type, data) =>
      type === 'getTabAssessments' ? (data === tab.id ? shown : []) : answer(type, data),
    );
    await open();
    await vi.waitFor(() => expect(keys()).toEqual([key(1)]));
    shown = [entry(7, 'caution', 'Nike'), entry(8, 'none', 'Nike')];
    await fakeBrowser.tabs.update(tab.id!, { url: 'https://www.ebay.com/sch/i.html?_nkw=b' });
    await vi.waitFor(() => expect(keys()).toEqual([key(7), key(8)]));
  });

  it("shows a row's reasons in full on demand, and Escape gives the keyboard back to the row", async () => {
    tabEntries = [entry(1, 'high', 'Nike'), entry(2, 'none', 'Nike')];
    await open();
    await vi.waitFor(() => expect(keys()).toHaveLength(2));
    const why = bodyRows()[0]!.querySelector<HTMLButtonElement>('.cg-audit-why')!;
    expect(why.textContent).toBe('Reasons (2)');
    expect(why.getAttribute('aria-label')).toBe('All reasons for Listing 1');
    expect(why.getAttribute('aria-expanded')).toBe('false');
    why.click();
    await vi.waitFor(() => expect(root.querySelector('#audit-reasons')).not.toBeNull());
    const panel = root.querySelector<HTMLElement>('#audit-reasons')!;
    // The title is set apart (first-strong isolate … pop): an override in it cannot turn the heading around.
    expect(panel.querySelector('h3')?.textContent).toBe('Why: \u2068Listing 1\u2069');
    expect([...panel.querySelectorAll('li')].map((li) => li.textContent)).toHaveLength(2);
    await vi.waitFor(() => expect(document.activeElement).toBe(panel.querySelector('h3')));
    expect(bodyRows()[0]!.querySelector('.cg-audit-why')?.getAttribute('aria-expanded')).toBe('true');
    panel.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await vi.waitFor(() => expect(root.querySelector('#audit-reasons')).toBeNull());
    await vi.waitFor(() => expect(document.activeElement).toBe(bodyRows()[0]!.querySelector('a')));
  });

  it('follows the active tab of its window when no tab is named', async () => {
    history.replaceState(null, '', '/sidepanel.html');
    const window = await fakeBrowser.windows.create({ focused: true });
    const other = await fakeBrowser.windows.create({ focused: false });
    const first = await fakeBrowser.tabs.create({
      windowId: window!.id!,
      url: 'https://www.ebay.com/sch/i.html?_nkw=nike',
      active: true,
    });
    const second = await fakeBrowser.tabs.create({
      windowId: window!.id!,
      url: 'https://www.ebay.com/sch/i.html?_nkw=shoe',
    });
    const elsewhere = await fakeBrowser.tabs.create({
      windowId: other!.id!,
      url: 'https://www.ebay.com/sch/i.html?_nkw=x',
    });
    const byTab = new Map([
      [first.id!, [entry(1, 'high', 'Nike')]],
      [second.id!, [entry(2, 'high', 'Nike'), entry(3, 'none', 'Nike')]],
      [elsewhere.id!, [entry(4, 'high', 'Nike')]],
    ]);
    send.mockImplementation(async (type, data) =>
      type === 'getTabAssessments' ? (byTab.get(data as number) ?? []) : answer(type, data),
    );
    await open();
    await vi.waitFor(() => expect(keys()).toEqual([key(1)]));
    await fakeBrowser.tabs.update(second.id!, { active: true });
    await vi.waitFor(() => expect(keys()).toEqual([key(2), key(3)]));
    // A tab activated in another window is that window's panel's business.
    await fakeBrowser.tabs.update(elsewhere.id!, { active: true });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await vi.waitFor(() => expect(keys()).toEqual([key(2), key(3)]));
  });
});

describe('the audit view, brands and session', () => {
  it('names an audited brand id the registry in use does not know', async () => {
    await auditBrandsItem.setValue(['nike', 'acme-ghost']);
    await open();
    await vi.waitFor(() =>
      expect(text()).toContain(
        '“acme-ghost” is not a brand of the registry in use (version 42), so no listing can match it.',
      ),
    );
    expect(text()).toContain('Auditing: Nike');
  });

  it('with no brands chosen, says so, links to the settings and cannot start a session', async () => {
    await auditBrandsItem.setValue([]);
    const openOptions = vi.fn(async () => undefined);
    fakeBrowser.runtime.openOptionsPage = openOptions;
    await open();
    await vi.waitFor(() => expect(text()).toContain('You have not chosen any brands to audit yet'));
    button('Choose brands in the settings').click();
    expect(openOptions).toHaveBeenCalledOnce();
    expect(button('Start audit session').disabled).toBe(true);
  });

  it('starts and ends a session, and shows its progress line', async () => {
    await open('session');
    await vi.waitFor(() => expect(text()).toContain('No audit session is open. Start one'));
    button('Start audit session').click();
    await vi.waitFor(() => expect(calls('startAudit')).toHaveLength(1));
    held = [auditRow(0, 'high', { selected: true }), auditRow(1, 'none', { reportId: 'entry-000000000001' })];
    announce('auditChanged', null);
    await vi.waitFor(() =>
      expect(root.querySelector('.cg-audit-progress')?.textContent).toBe(
        'Pages: 1 · listings seen: 2 · suspect: 1 · selected: 1 · reported: 1',
      ),
    );
    expect(root.querySelector('.cg-audit-progress')?.getAttribute('aria-live')).toBe('polite');
    expect(bodyRows()[1]!.querySelector('.cg-audit-c-status')?.textContent).toBe('✓ Reported');
    button('End session').click();
    await vi.waitFor(() => expect(text()).toContain('Session ended: 2 listings seen, 1 reported.'));
    expect(calls('endAudit')).toHaveLength(1);
  });

  it('switches views with the arrow keys on its tabs', async () => {
    await open();
    await vi.waitFor(() => expect(root.querySelector('#audit-tab-page')).not.toBeNull());
    const page = root.querySelector<HTMLButtonElement>('#audit-tab-page')!;
    expect(page.getAttribute('aria-selected')).toBe('true');
    page.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    await vi.waitFor(() =>
      expect(root.querySelector('#audit-tab-session')?.getAttribute('aria-selected')).toBe('true'),
    );
    expect(document.activeElement?.id).toBe('audit-tab-session');
    expect(root.querySelector('[role="tabpanel"]')?.getAttribute('aria-labelledby')).toBe('audit-tab-session');
  });
});

describe('the audit view, a large session', () => {
  beforeEach(() => {
    sessionOpen = true;
    held = Array.from({ length: 2000 }, (_, n) => auditRow(n, n % 3 === 0 ? 'high' : n % 3 === 1 ? 'caution' : 'none'));
  });

  it('draws fewer than 100 of 2,000 rows, and others as it scrolls', async () => {
    await open('session');
    await vi.waitFor(() => expect(bodyRows().length).toBeGreaterThan(0));
    expect(root.querySelector('#audit-tab-session')?.textContent).toBe('Session (2,000)');
    expect(root.querySelector('table')?.getAttribute('aria-rowcount')).toBe('2001');
    expect(bodyRows().length).toBeLessThan(100);
    expect(bodyRows()[0]!.getAttribute('aria-rowindex')).toBe('2');
    const body = root.querySelector<HTMLElement>('tbody')!;
    expect(body.style.getPropertyValue('--cg-audit-height')).toBe(`${2000 * ROW_HEIGHT}px`);

    body.scrollTop = 1000 * ROW_HEIGHT;
    body.dispatchEvent(new Event('scroll'));
    // Suspect first: 667 High (n = 0, 3, …), then Caution (n = 1, 4, …), so row 1000 holds listing 1000.
    await vi.waitFor(() => expect(keys()).toContain(key(1000)));
    // The row with the keyboard (the first) stays drawn; the rest are near row 1000.
    expect(bodyRows().length).toBeLessThan(100);
    expect(keys()).not.toContain(key(100));
    const drawn = bodyRows().map((row) => Number(row.dataset.index));
    expect(Math.min(...drawn.slice(1))).toBeGreaterThan(900);
    const thousandth = bodyRows().find((row) => row.dataset.key === key(1000))!;
    expect(thousandth.style.top).toBe(`${1000 * ROW_HEIGHT}px`);
    expect(thousandth.getAttribute('aria-rowindex')).toBe('1002');
  });

  it('moves the keyboard between rows with the arrow keys, End and Home', async () => {
    await open('session');
    await vi.waitFor(() => expect(bodyRows().length).toBeGreaterThan(0));
    const box = (index: number) =>
      root.querySelector<HTMLInputElement>(`tr[data-index="${index}"] input[type="checkbox"]`);
    expect(box(0)!.tabIndex).toBe(0);
    expect(box(1)!.tabIndex).toBe(-1);
    box(0)!.focus();
    box(0)!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    await vi.waitFor(() => expect(document.activeElement).toBe(box(1)));
    expect(box(1)!.tabIndex).toBe(0);
    box(1)!.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }));
    await vi.waitFor(() => expect(document.activeElement).toBe(box(1999)));
    expect(bodyRows().length).toBeLessThan(100);
    box(1999)!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Home', bubbles: true }));
    await vi.waitFor(() => expect(document.activeElement).toBe(box(0)));
  });
});

describe('the audit view, selecting, reporting and exporting', () => {
  beforeEach(() => {
    sessionOpen = true;
    held = [
      auditRow(0, 'high'),
      auditRow(1, 'none'),
      auditRow(2, 'caution'),
      auditRow(3, 'unknown'),
      auditRow(
        4,
        'high',
        {},
        { marketplace: 'amazon', key: 'amazon:B0C1234567', url: 'https://www.amazon.com/dp/B0C1234567' },
      ),
    ];
  });

  it('"Select all suspect shown" selects exactly the suspect rows shown', async () => {
    await open('session');
    await vi.waitFor(() => expect(bodyRows()).toHaveLength(5));
    button('Select all suspect shown').click();
    await vi.waitFor(() => expect(calls('selectAudit')).toHaveLength(1));
    const change = calls('selectAudit')[0] as { keys: string[]; selected: boolean };
    expect(change.selected).toBe(true);
    expect([...change.keys].sort()).toEqual([key(0), key(2), 'amazon:B0C1234567'].sort());
    await vi.waitFor(() => expect(text()).toContain('Selected 3 suspect listings.'));
    await vi.waitFor(() => expect(button(/^Report selected/).textContent).toBe('Report selected (3)'));

    // Filtered to one marketplace, only its suspect rows are "shown".
    const marketplace = root.querySelector<HTMLSelectElement>('#audit-filter-session-marketplace')!;
    marketplace.value = 'amazon';
    marketplace.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(() => expect(keys()).toEqual(['amazon:B0C1234567']));
    button('Clear selection').click();
    await vi.waitFor(() => expect(calls('selectAudit')).toHaveLength(2));
    expect(calls('selectAudit')[1]).toMatchObject({ selected: false });
    await vi.waitFor(() => expect(button('Select all suspect shown').disabled).toBe(false));
    button('Select all suspect shown').click();
    await vi.waitFor(() => expect(calls('selectAudit')).toHaveLength(3));
    expect(calls('selectAudit')[2]).toEqual({ keys: ['amazon:B0C1234567'], selected: true });
  });

  it('selects one row by its checkbox', async () => {
    await open('session');
    await vi.waitFor(() => expect(bodyRows()).toHaveLength(5));
    const box = root.querySelector<HTMLInputElement>(`tr[data-key="${key(1)}"] input[type="checkbox"]`)!;
    expect(box.getAttribute('aria-label')).toBe('Select Listing 1');
    box.click();
    await vi.waitFor(() => expect(calls('selectAudit')).toEqual([{ keys: [key(1)], selected: true }]));
  });

  it('"Report selected" reports the selected rows not reported yet and says the outcome in words', async () => {
    held = held.map((row, n) =>
      n === 1 ? { ...row, selected: true, reportId: 'entry-000000000009' } : { ...row, selected: n !== 3 },
    );
    reportAnswer = () => ({ reported: 1, already: 1, failed: 1 });
    await open('session');
    await vi.waitFor(() => expect(button(/^Report selected/).textContent).toBe('Report selected (3)'));
    button(/^Report selected/).click();
    await vi.waitFor(() => expect(calls('reportAudited')).toHaveLength(1));
    expect(calls('reportAudited')[0]).toEqual({ keys: [key(0), key(2), 'amazon:B0C1234567'] });
    await vi.waitFor(() => expect(root.querySelector('.cg-audit-notice-line')?.textContent).toMatch(/^Reported 1\./));
    const words = root.querySelector('.cg-audit-notice-line')!.textContent!;
    expect(words).toContain('1 had been reported already.');
    expect(words).toContain('1 could not be reported: the outbox did not take them');
  });

  it('reports many in batches the background takes, with progress', async () => {
    held = Array.from({ length: 1200 }, (_, n) => auditRow(n, 'high', { selected: true }));
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    send.mockImplementation(async (type, data) => {
      if (type === 'reportAudited') await gate;
      return answer(type, data);
    });
    await open('session');
    await vi.waitFor(() => expect(button(/^Report selected/).textContent).toBe('Report selected (1,200)'));
    button(/^Report selected/).click();
    await vi.waitFor(() => expect(root.querySelector('#audit-report-progress')).not.toBeNull());
    expect(text()).toContain('Reporting: 0 of 1,200');
    release();
    await vi.waitFor(() => expect(text()).toContain('Reported 1,200.'));
    const batches = calls('reportAudited') as { keys: string[] }[];
    expect(batches.map((batch) => batch.keys.length)).toEqual([REPORT_BATCH, REPORT_BATCH, 200]);
    expect(new Set(batches.flatMap((batch) => batch.keys)).size).toBe(1200);
  });

  it('exports the rows shown with one evidence item each, showing progress, then downloads the file', async () => {
    await volunteerItem.setValue({ name: 'Ada Volunteer', email: 'ada@example.org' });
    let finish: () => void = () => undefined;
    exporter.mockImplementation(async (_format, items, _words, _options, onProgress) => {
      onProgress?.(2, items.length);
      await new Promise<void>((resolve) => {
        finish = resolve;
      });
      onProgress?.(items.length, items.length);
      return { fileName: 'evidence-2025-05-06.csv', contentType: 'text/csv;charset=utf-8', body: 'id\n' };
    });
    const create = vi.spyOn(URL, 'createObjectURL').mockImplementation(() => 'blob:evidence');
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    try {
      await open('session');
      await vi.waitFor(() => expect(bodyRows()).toHaveLength(5));
      button('CSV').click();
      await vi.waitFor(() => expect(root.querySelector('#audit-export-progress')).not.toBeNull());
      const progress = root.querySelector<HTMLProgressElement>('#audit-export-progress')!;
      await vi.waitFor(() => expect(progress.getAttribute('value')).toBe('2'));
      expect(progress.getAttribute('max')).toBe('5');
      expect(root.querySelector('label[for="audit-export-progress"]')?.textContent).toBe('Exporting CSV: 2 of 5');

      const [format, items, words, options] = exporter.mock.calls[0]!;
      expect(format).toBe('csv');
      // The marketplaces' forms are English, whatever the volunteer's own language.
      expect(words).toBe(ENGLISH);
      expect(items).toHaveLength(5);
      // In the order shown, suspect first by default: High, then Caution, then the rest.
      expect(items.map((item) => item.report.listing.key)).toEqual([
        key(0),
        'amazon:B0C1234567',
        key(2),
        key(1),
        key(3),
      ]);
      expect(items[0]!.report).toMatchObject({
        brand: 'nike',
        level: 'high',
        registryVersion: 42,
        extensionVersion: '0.1.0',
      });
      expect(options).toMatchObject({ name: 'Ada Volunteer', email: 'ada@example.org' });

      finish();
      await vi.waitFor(() => expect(text()).toContain('Saved evidence-2025-05-06.csv (5 listings).'));
      expect(create).toHaveBeenCalledOnce();
      expect(click).toHaveBeenCalledOnce();
      expect(root.querySelector('#audit-export-progress')).toBeNull();
    } finally {
      create.mockRestore();
      click.mockRestore();
    }
  });

  it('says when an export fails, and what to do', async () => {
    exporter.mockRejectedValue(new Error('out of memory'));
    await open('session');
    await vi.waitFor(() => expect(bodyRows()).toHaveLength(5));
    button('DSA notice').click();
    await vi.waitFor(() =>
      expect(root.querySelector('[role="alert"].cg-audit-alert')?.textContent).toBe(
        'Could not export: out of memory. Nothing was saved; try again.',
      ),
    );
    expect(exporter.mock.calls[0]![0]).toBe('dsa-notice');
  });
});
