import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Listing } from '../listing/listing';
import { EVERY_SITE } from '../sites';
import { type FallbackReader, readFallback } from '../sites/fallback/index';
import { endedListing, keyAtAddress, readPage } from '../sites/read';
import { decodeSavedPage, readSavedPage } from './dom';
import { savedPageUrl } from './page-url';

/**
 * Real saved pages with the truth a person wrote for each, and how the reader does on them:
 * the shared set (../shared/realpages) and the gathered one (`npm run gather:pages`), whose
 * tuning and test parts are scored apart.
 */

export type PageSet = 'shared' | 'tune' | 'test';

interface PageCase {
  set: PageSet;
  file: string;
  name: string;
  /** The site, as the truth names it: a marketplace served, or another shop's name. */
  site: string;
  kind: string;
  url: string | undefined;
  title: string;
  price: string;
  currency: string;
  cards: number | undefined;
}

export const SHARED_PAGES = join(process.cwd(), '..', 'shared', 'realpages');
const GATHERED_PAGES = join(process.cwd(), 'data', 'gathered-pages');

/** TRUTH.tsv: tab-separated, fields optionally quoted with "" as an escaped quote. */
export function readTsv(path: string): Record<string, string>[] {
  const [header, ...rows] = readFileSync(path, 'utf8').trimEnd().split('\n');
  const split = (row: string) =>
    row
      .split('\t')
      .map((field) =>
        field.startsWith('"') && field.endsWith('"') ? field.slice(1, -1).replaceAll('""', '"') : field,
      );
  const columns = split(header ?? '');
  return rows.map((row) => Object.fromEntries(split(row).map((value, i) => [columns[i], value])));
}

export function pageCases(sets: readonly PageSet[] = ['shared', 'tune', 'test']): PageCase[] {
  const cases: PageCase[] = [];
  if (sets.includes('shared') && existsSync(join(SHARED_PAGES, 'TRUTH.tsv'))) {
    for (const row of readTsv(join(SHARED_PAGES, 'TRUTH.tsv')))
      cases.push({
        set: 'shared',
        file: join(SHARED_PAGES, row.local_file ?? ''),
        name: row.local_file ?? '',
        site: row.marketplace ?? '',
        kind: row.page_type ?? '',
        url: undefined,
        title: row.title ?? '',
        price: row.price ?? '',
        currency: row.currency ?? '',
        cards: row.listing_count ? Number(row.listing_count) : undefined,
      });
  }
  if (existsSync(join(GATHERED_PAGES, 'TRUTH.tsv'))) {
    for (const row of readTsv(join(GATHERED_PAGES, 'TRUTH.tsv'))) {
      const set = row.split as PageSet;
      if (!sets.includes(set)) continue;
      cases.push({
        set,
        file: join(GATHERED_PAGES, row.local_file ?? ''),
        name: row.local_file ?? '',
        site: row.marketplace ?? '',
        kind: row.page_type ?? '',
        url: row.url || undefined,
        title: row.title ?? '',
        price: row.price ?? '',
        currency: row.currency ?? '',
        cards: row.listing_count ? Number(row.listing_count) : undefined,
      });
    }
  }
  return cases;
}

export interface PageOutcome {
  page: PageCase;
  kind: string;
  marketplace: string | undefined;
  listings: Listing[];
  fellBack: boolean;
  /** Which layer gave the first listing's title and price ('rules' when the site's rules did). */
  from: { title: string; price: string };
  /** Whether the page says the listing its address names ended or was removed; undefined where the address names none. */
  ended: boolean | undefined;
}

/**
 * Reads a case as `scan` does: every site's rules, the reader for any shop, and the layers under
 * them. With `layersOnly`, as a shop no rule knows (on an unknown host): what the layers alone
 * make of a layout that no rule was written for.
 */
export function readCase(page: PageCase, layersOnly = false): Promise<PageOutcome> {
  return readSavedPage(decodeSavedPage(readFileSync(page.file)), (document) => {
    const stated = savedPageUrl(document) ?? page.url ?? '';
    const url = layersOnly ? stated.replace(/^https?:\/\/[^/]+/, 'https://unknown.example') : stated;
    const sites = layersOnly ? { sites: [], generic: EVERY_SITE.generic } : EVERY_SITE;
    const reading = readPage(document, url, { ...sites, fallback: unhurried });
    return {
      page,
      kind: reading.kind,
      marketplace: reading.marketplace,
      // Plain data only: the page's window closes once this returns.
      listings: reading.listings.map((found) => structuredClone(found.listing)),
      fellBack: reading.fellBack ?? false,
      from: {
        title: reading.listings[0]?.from?.title ?? 'rules',
        price: reading.listings[0]?.from?.price ?? 'rules',
      },
      ended: keyAtAddress(url, sites.sites)
        ? endedListing(document, url, sites.sites, { status: undefined, read: reading.listings.length > 0 }) !==
          undefined
        : undefined,
    };
  });
}

/** Saved pages are read off the page's thread: the layers may take their time. */
export const unhurried: FallbackReader = (document, page) => readFallback(document, page, { ms: 2000 });

const normal = (text: string | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

export const titleRight = ({ page, listings }: PageOutcome) => normal(listings[0]?.title) === normal(page.title);
export const priceRight = ({ page, listings }: PageOutcome) =>
  Math.abs((listings[0]?.price?.amount ?? -1) - Number(page.price)) < 0.005 &&
  listings[0]?.price?.currency === page.currency;
export const countRight = ({ page, listings }: PageOutcome) =>
  page.cards !== undefined && Math.abs(listings.length - page.cards) <= page.cards * 0.15;
/** A result page of any sort (search, category, store) counts as a result page. */
export const kindRight = ({ page, kind }: PageOutcome) =>
  page.kind === 'other'
    ? kind === 'unknown'
    : page.kind === 'detail'
      ? kind === 'detail'
      : kind === 'search' || kind === 'store';

interface PageScore {
  title: [number, number];
  price: [number, number];
  count: [number, number];
  kind: [number, number];
}

export function scorePages(outcomes: readonly PageOutcome[]): PageScore {
  const details = outcomes.filter(({ page }) => page.kind === 'detail');
  const results = outcomes.filter(({ page }) => page.cards !== undefined && page.kind !== 'detail');
  const tally = (list: readonly PageOutcome[], right: (outcome: PageOutcome) => boolean): [number, number] => [
    list.filter(right).length,
    list.length,
  ];
  return {
    title: tally(
      details.filter(({ page }) => page.title),
      titleRight,
    ),
    price: tally(
      details.filter(({ page }) => page.price),
      priceRight,
    ),
    count: tally(results, countRight),
    kind: tally(outcomes, kindRight),
  };
}

/**
 * How the product pages' prices were wrong, by kind of error only: none read, the amount right
 * in another currency, another amount. Says where to look on a set whose rows are not looked into.
 */
export function priceErrors(outcomes: readonly PageOutcome[]): { none: number; currency: number; amount: number } {
  const wrong = outcomes.filter(({ page }) => page.kind === 'detail' && page.price).filter((o) => !priceRight(o));
  const price = (outcome: PageOutcome) => outcome.listings[0]?.price;
  const none = wrong.filter((outcome) => !price(outcome)).length;
  const currency = wrong.filter(
    (outcome) => price(outcome) && Math.abs(price(outcome)!.amount - Number(outcome.page.price)) < 0.005,
  ).length;
  return { none, currency, amount: wrong.length - none - currency };
}

/**
 * How the product pages' titles were wrong, by kind only: none read, the true title with more
 * around it, a part of it, or another text; and which layer gave the wrong ones.
 */
export function titleErrors(outcomes: readonly PageOutcome[]): {
  none: number;
  longer: number;
  shorter: number;
  other: number;
  from: Map<string, number>;
} {
  const wrong = outcomes.filter(({ page }) => page.kind === 'detail' && page.title).filter((o) => !titleRight(o));
  const counts = { none: 0, longer: 0, shorter: 0, other: 0, from: new Map<string, number>() };
  for (const { page, listings, from } of wrong) {
    if (listings[0]?.title) counts.from.set(from.title, (counts.from.get(from.title) ?? 0) + 1);
    const read = normal(listings[0]?.title).toLowerCase();
    const truth = normal(page.title).toLowerCase();
    if (!read) counts.none++;
    else if (read.includes(truth)) counts.longer++;
    else if (truth.includes(read)) counts.shorter++;
    else counts.other++;
  }
  return counts;
}

export const share = ([right, of]: [number, number]) => (of === 0 ? Number.NaN : right / of);
export const shown = (pair: [number, number]) =>
  pair[1] === 0 ? 'n/a' : `${(100 * share(pair)).toFixed(0)} % (${pair[0]}/${pair[1]})`;
