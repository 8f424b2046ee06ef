import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PAGE_SIZE } from '../../entrypoints/popup/EntryList';
import { PopupApp } from '../../entrypoints/popup/PopupApp';
import type { TabEntry } from '../../src/messaging/protocol';
import { sendMessage } from '../../src/messaging/protocol';
import type { Level } from '../../src/risk/assessment';
import { installI18n } from '../support/i18n';

vi.mock('../../src/messaging/protocol', () => ({ sendMessage: vi.fn() }));
const send = vi.mocked(sendMessage) as unknown as ReturnType<typeof vi.fn<(type: string, data: unknown) => unknown>>;

const entry = (n: number, level: Level): TabEntry =>
  ({
    listing: { key: `ebay:${100000000000 + n}`, title: `Listing ${n}`, marketplace: 'ebay', kind: 'card' },
    assessment: { level, score: 0, reasons: [], ...(level === 'unknown' ? {} : { brand: 'nike' }) },
  }) as unknown as TabEntry;

/** The popup over a tab holding these listings, once it has drawn them. */
async function popup(entries: TabEntry[]) {
  send.mockImplementation(async (type) => (type === 'getTabAssessments' ? entries : undefined));
  const root = document.createElement('div');
  document.body.append(root);
  render(<PopupApp />, root);
  await vi.waitFor(() => expect(root.querySelector('.cg-verdict, p:not([role])')).not.toBeNull());
  return root;
}
const titles = (root: ParentNode) => [...root.querySelectorAll('.cg-entry-title')].map((title) => title.textContent);

describe('the popup: the page at a glance', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    installI18n();
    history.replaceState(null, '', '/popup.html?tab=5');
  });
  afterEach(() => {
    document.body.replaceChildren();
  });

  it('says how many of the listings show signs, lists those first (High, then Caution), and folds the rest under their counts', async () => {
    const levels: Level[] = ['none', 'caution', 'unknown', 'high', 'none', 'caution', 'none', 'high', 'unknown'];
    const entries = Array.from({ length: 40 }, (_, n) => entry(n, levels[n % levels.length]!));
    const root = await popup(entries);
    expect(send).toHaveBeenCalledWith('getTabAssessments', 5);
    const want = (level: Level) => entries.filter((one) => one.assessment.level === level);
    const suspect = [...want('high'), ...want('caution')];
    expect(root.querySelector('.cg-verdict')?.textContent).toBe(
      `${suspect.length} of 40 listings show signs of a counterfeit`,
    );
    // Only the suspect ones are drawn, High first, each in page order.
    expect(titles(root)).toEqual(suspect.map((one) => one.listing.title));
    const folds = [...root.querySelectorAll('details')];
    expect(folds.map((fold) => fold.querySelector('summary')?.textContent)).toEqual([
      `${want('none').length} without warning signs`,
      `${want('unknown').length} not assessed (no brand of the registry named)`,
    ]);
    expect(folds[0]!.querySelectorAll('.cg-entry')).toHaveLength(0);
    folds[0]!.open = true;
    folds[0]!.dispatchEvent(new Event('toggle'));
    await vi.waitFor(() => expect(folds[0]!.querySelectorAll('.cg-entry')).toHaveLength(want('none').length));
    // No listing without a sign is called anything more than that, and its Report is quiet.
    expect(folds[0]!.textContent).not.toMatch(/genuine|safe/i);
    expect(folds[0]!.querySelector('.cg-report-buttons .cg-button')?.classList.contains('cg-button-quiet')).toBe(true);
    expect(root.querySelector('.cg-report-buttons .cg-button')?.classList.contains('cg-button-quiet')).toBe(false);
    // The ways on: settings, report history and how judgements are made.
    expect([...root.querySelectorAll('nav button')].map((button) => button.textContent)).toEqual([
      'Settings',
      'Report history',
      'How it judges',
    ]);
  });

  it('words one listing, one of many, and a page with no warning sign as they are', async () => {
    expect((await popup([entry(1, 'high')])).querySelector('.cg-verdict')?.textContent).toBe(
      'This listing shows signs of a counterfeit',
    );
    document.body.replaceChildren();
    // A product page's one listing is shown whatever is said of it: it is the page.
    const product = await popup([entry(1, 'unknown')]);
    expect(product.querySelector('.cg-verdict')?.textContent).toBe(
      'This listing names no brand of the registry: nothing is said of it',
    );
    expect(titles(product)).toEqual(['Listing 1']);
    document.body.replaceChildren();
    const one = [entry(1, 'caution'), ...Array.from({ length: 39 }, (_, n) => entry(n + 2, 'none'))];
    expect((await popup(one)).querySelector('.cg-verdict')?.textContent).toBe(
      '1 of 40 listings shows signs of a counterfeit',
    );
    document.body.replaceChildren();
    const clear = Array.from({ length: 12 }, (_, n) => entry(n, n % 2 ? 'none' : 'unknown'));
    const root = await popup(clear);
    expect(root.querySelector('.cg-verdict')?.textContent).toBe('No warning signs found on the 12 listings read here');
    expect(root.querySelectorAll('.cg-entry')).toHaveLength(0);
  });

  it('draws a page of listings at a time: 2,000 suspect ones open with the first page and the rest on request', async () => {
    const entries = Array.from({ length: 2000 }, (_, n) => entry(n, 'high'));
    const root = await popup(entries);
    expect(root.querySelectorAll('.cg-entry')).toHaveLength(PAGE_SIZE);
    const more = root.querySelector<HTMLButtonElement>('.cg-more')!;
    expect(more.textContent).toBe(`Show ${PAGE_SIZE} more (of ${(2000 - PAGE_SIZE).toLocaleString('en-US')} left)`);
    more.click();
    await vi.waitFor(() => expect(root.querySelectorAll('.cg-entry')).toHaveLength(2 * PAGE_SIZE));
    expect(titles(root).at(-1)).toBe(`Listing ${2 * PAGE_SIZE - 1}`);
  });
});
