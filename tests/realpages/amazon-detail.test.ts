import { describe, expect, it } from 'vitest';
import { readListings } from '../../src/sites/read';
import { parseHtml } from '../support/fixtures';
import { haveRealPages, readTruth, realPage } from '../support/realpages';

if (!haveRealPages) console.warn('[realpages] ../shared/realpages is absent: the real-page tests are skipped.');

const rows = haveRealPages
  ? readTruth().filter((row) => row.marketplace === 'amazon' && row.page_type === 'detail')
  : [];

describe.skipIf(!haveRealPages)('Amazon product pages saved from the live site', () => {
  it('has product pages to read', () => {
    expect(rows.length).toBeGreaterThan(0);
  });

  it.each(rows.map((row) => [row.local_file ?? '', row] as const))('reads %s as a person does', (file, truth) => {
    const document = parseHtml(realPage(file));
    const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href');
    const asin = document.querySelector('input#ASIN, input#asin')?.getAttribute('value');
    const url = canonical ?? `https://www.amazon.com/dp/${asin}`;

    const [listing] = readListings(document, url);
    expect(listing, `no listing read from ${file}`).toBeDefined();
    expect(listing?.key).toBe(`amazon:${asin}`);
    expect(listing?.title).toBe(truth.title);
    expect(listing?.brand).toBe(truth.brand);
    expect(listing?.price).toEqual({ amount: Number(truth.price), currency: truth.currency });
    expect(listing?.seller?.name).toBe(truth.seller);
  });
});
