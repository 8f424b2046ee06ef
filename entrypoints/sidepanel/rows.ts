import { type AuditRow, isSuspect } from '../../src/audit/model';
import { marketplaceAt } from '../../src/listing/hosts';
import type { Listing, Marketplace } from '../../src/listing/listing';
import type { TabEntry } from '../../src/messaging/protocol';
import type { Assessment, Level } from '../../src/risk/assessment';

/** One line of the audit view, from a tab's entries or from the open session. */
export interface ViewRow {
  key: string;
  /**
   * Position among the rows in the page's order (this page) or in order of first sight (session),
   * from 0 and without gaps: the listings of other brands the page holds take no number.
   */
  order: number;
  listing: Listing;
  assessment: Assessment;
  /** The registry id of the brand invoked, when known. */
  brand?: string;
  selected: boolean;
  reported: boolean;
}

export type SortKey = 'order' | 'level' | 'price' | 'title' | 'seller';
type SortDirection = 'ascending' | 'descending';
export interface Sort {
  key: SortKey;
  direction: SortDirection;
}
/** Where a column starts when first chosen: the worst level first, the cheapest first, A to Z. */
export const FIRST_DIRECTION: Record<SortKey, SortDirection> = {
  order: 'ascending',
  level: 'descending',
  price: 'ascending',
  title: 'ascending',
  seller: 'ascending',
};
/** What a volunteer looks at first: High, then Caution, then the rest, each level in page order. */
export const SUSPECT_FIRST: Sort = { key: 'level', direction: 'descending' };

export type LevelFilter = 'all' | 'suspect' | 'high';
export interface Filter {
  text: string;
  level: LevelFilter;
  marketplace: Marketplace | 'all';
}
export const NO_FILTER: Filter = { text: '', level: 'all', marketplace: 'all' };

export const isFiltered = (filter: Filter) =>
  filter.text.trim() !== '' || filter.level !== 'all' || filter.marketplace !== 'all';

/**
 * The tab's entries that invoke an audited brand (`brandIds`, registry ids), in the page's order.
 */
export function pageRows(
  entries: readonly TabEntry[],
  brandIds: ReadonlySet<string>,
  session: ReadonlyMap<string, AuditRow>,
): ViewRow[] {
  const rows: ViewRow[] = [];
  for (const { listing, assessment } of entries) {
    const brand = assessment.brand;
    if (brand === undefined || !brandIds.has(brand)) continue;
    const held = session.get(listing.key);
    rows.push({
      key: listing.key,
      order: rows.length,
      listing,
      assessment,
      brand,
      selected: held?.selected ?? false,
      reported: held?.reportId !== undefined,
    });
  }
  return rows;
}

/** The session's rows as the view shows them, in order of first sight. */
export function sessionRows(rows: readonly AuditRow[]): ViewRow[] {
  return [...rows]
    .sort((a, b) => a.order - b.order)
    .map((row, order) => ({
      key: row.key,
      order,
      listing: row.listing,
      assessment: row.assessment,
      brand: row.brand,
      selected: row.selected,
      reported: row.reportId !== undefined,
    }));
}

const LEVEL_RANK: Record<Level, number> = { high: 3, caution: 2, none: 1, unknown: 0 };

const fold = (text: string) => text.toLocaleLowerCase().normalize('NFKD').replace(/\p{M}/gu, '');

/** Rows whose title or seller holds every word typed, at the level and on the marketplace chosen. */
export function filterRows(rows: readonly ViewRow[], filter: Filter): ViewRow[] {
  const words = fold(filter.text).split(/\s+/).filter(Boolean);
  return rows.filter((row) => {
    if (filter.level === 'high' && row.assessment.level !== 'high') return false;
    if (filter.level === 'suspect' && !isSuspect(row.assessment)) return false;
    if (filter.marketplace !== 'all' && row.listing.marketplace !== filter.marketplace) return false;
    if (words.length === 0) return true;
    const haystack = fold(`${row.listing.title} ${row.listing.seller?.name ?? ''}`);
    return words.every((word) => haystack.includes(word));
  });
}

/**
 * Rows in the order chosen; ties keep page order, so that a level's rows read as the page has
 * them. Rows without the value sorted on (no price, no seller) come last either way; prices are
 * compared within a currency, currencies by code.
 */
export function sortRows(rows: readonly ViewRow[], sort: Sort, language = 'en'): ViewRow[] {
  const collator = new Intl.Collator(language, { sensitivity: 'base', numeric: true });
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const byOrder = (a: ViewRow, b: ViewRow) => a.order - b.order;
  /** Compares two present values in the direction chosen; a missing one goes last. */
  const present = <T>(a: T | undefined, b: T | undefined, compare: (a: T, b: T) => number) => {
    if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1;
    return sign * compare(a, b);
  };
  const compare: Record<SortKey, (a: ViewRow, b: ViewRow) => number> = {
    order: (a, b) => sign * byOrder(a, b),
    level: (a, b) => sign * (LEVEL_RANK[a.assessment.level] - LEVEL_RANK[b.assessment.level]),
    price: (a, b) =>
      present(
        a.listing.price,
        b.listing.price,
        (x, y) => collator.compare(x.currency, y.currency) || x.amount - y.amount,
      ),
    title: (a, b) => sign * collator.compare(a.listing.title, b.listing.title),
    seller: (a, b) =>
      present(a.listing.seller?.name || undefined, b.listing.seller?.name || undefined, collator.compare),
  };
  return [...rows].sort((a, b) => compare[sort.key](a, b) || byOrder(a, b));
}

/** The marketplaces the rows come from, in order of first appearance. */
export function marketplacesOf(rows: readonly ViewRow[]): Marketplace[] {
  return [...new Set(rows.map((row) => row.listing.marketplace))];
}

/** The marketplace an address belongs to, by its host; undefined for any other address. */
export function marketplaceOfUrl(url: string | undefined): Marketplace | undefined {
  return url === undefined ? undefined : marketplaceAt(url)?.marketplace;
}
