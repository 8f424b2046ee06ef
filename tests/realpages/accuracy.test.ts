import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseSavedPage } from '../../src/cli/dom';
import { savedPageUrl } from '../../src/cli/page-url';
import type { Listing } from '../../src/listing/listing';
import { EVERY_SITE } from '../../src/sites';
import { readPage } from '../../src/sites/read';
import { haveRealPages, REALPAGES, readTruth, type TruthRow } from '../support/realpages';

if (!haveRealPages) console.warn('[realpages] ../shared/realpages is absent: the real-page tests are skipped.');

/** Pages no reader of ours can be expected to get, and why. They are listed in the report, not dropped silently. */
const NOT_EXPECTED: Record<string, string> = {
  'bestbuy/grmpyktn11__price-checker__tests__fixtures__bestbuy_product.html':
    'Best Buy is not among the marketplaces served, and the page carries no schema.org data for the generic reader',
  'bestbuy/grmpyktn11__price-checker__tests__fixtures__bestbuy_search.html':
    'Best Buy is not among the marketplaces served (and 16 of its 18 result slots are unrendered placeholders)',
};

const rows = haveRealPages ? readTruth() : [];
const scored = rows.filter((row) => !((row.local_file ?? '') in NOT_EXPECTED));

interface Outcome {
  row: TruthRow;
  listings: Listing[];
  kind: string;
}

const outcomes: Outcome[] = scored.map((row) => {
  const document = parseSavedPage(readFileSync(join(REALPAGES, row.local_file ?? ''), 'utf8'));
  const url = savedPageUrl(document) ?? '';
  const reading = readPage(document, url, { ...EVERY_SITE, guessKind: true });
  return { row, kind: reading.kind, listings: reading.listings.map((found) => found.listing) };
});

const normal = (text: string | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
const same = (a: string | undefined, b: string | undefined) => normal(a).toLowerCase() === normal(b).toLowerCase();

const details = outcomes.filter((outcome) => outcome.row.page_type === 'detail');
const searches = outcomes.filter((outcome) => outcome.row.page_type !== 'detail');

type Field = 'title' | 'price' | 'brand' | 'seller';

function isRight(field: Field, row: TruthRow, listing: Listing | undefined): boolean {
  if (!listing) return false;
  if (field === 'title') return normal(listing.title) === normal(row.title);
  if (field === 'brand') return same(listing.brand, row.brand);
  if (field === 'seller') return same(listing.seller?.name, row.seller);
  return (
    Math.abs((listing.price?.amount ?? -1) - Number(row.price)) < 0.005 && listing.price?.currency === row.currency
  );
}

function detailScore(field: Field) {
  // Only pages where a person reads the field count for it.
  const graded = details.filter(({ row }) => Boolean(row[field]));
  const wrong = graded.filter(({ row, listings }) => !isRight(field, row, listings[0]));
  return { right: graded.length - wrong.length, of: graded.length, wrong };
}

const withinCount = searches.filter(({ row, listings }) => {
  const truth = Number(row.listing_count);
  return Math.abs(listings.length - truth) <= truth * 0.15;
});

const percent = (right: number, of: number) => (of === 0 ? 'n/a' : `${((100 * right) / of).toFixed(0)} %`);

describe.skipIf(!haveRealPages)('real pages scored against TRUTH.tsv', () => {
  afterAll(() => {
    const lines = ['[realpages] accuracy against TRUTH.tsv'];
    for (const field of ['title', 'price', 'brand', 'seller'] as const) {
      const { right, of, wrong } = detailScore(field);
      const misses = wrong.map((outcome) => outcome.row.local_file).join(', ');
      lines.push(
        `  detail ${field.padEnd(6)} ${percent(right, of).padStart(5)} (${right}/${of})${misses ? `  wrong: ${misses}` : ''}`,
      );
    }
    lines.push(
      `  search card count within 15 %: ${percent(withinCount.length, searches.length)} (${withinCount.length}/${searches.length})`,
    );
    for (const { row, listings } of searches) {
      lines.push(`    ${row.local_file}: ${listings.length} read, ${row.listing_count} in TRUTH`);
    }
    for (const [file, why] of Object.entries(NOT_EXPECTED)) lines.push(`  not expected: ${file}: ${why}`);
    console.log(lines.join('\n'));
  });

  it('reads product titles on at least 95 % of product pages', () => {
    const { right, of } = detailScore('title');
    expect(right / of).toBeGreaterThanOrEqual(0.95);
  });

  it('reads price and currency on at least 90 % of product pages', () => {
    const { right, of } = detailScore('price');
    expect(right / of).toBeGreaterThanOrEqual(0.9);
  });

  it('counts the main result list within 15 % on at least 80 % of search pages', () => {
    expect(withinCount.length / searches.length).toBeGreaterThanOrEqual(0.8);
  });

  it.each(outcomes.map((outcome) => [outcome.row.local_file ?? '', outcome] as const))(
    'recognises %s as its marketplace and page kind',
    (_file, { row, kind, listings }) => {
      expect(listings[0]?.marketplace).toBe(row.marketplace);
      expect(kind).toBe(row.page_type);
    },
  );
});
