import { describe, expect, it } from 'vitest';
import { EVERY_SITE } from '../../src/sites';
import { readPage } from '../../src/sites/read';
import { fixture, parseHtml } from '../support/fixtures';

const prices = (file: string, url: string) =>
  readPage(parseHtml(fixture(file)), url, EVERY_SITE).listings.map((found) => found.listing.price?.currency);

describe('the reading engine', () => {
  it('takes the currency a bare "$" means from the country in the path where a site has one', () => {
    const page = 'temu/search-earbuds.html';
    expect(new Set(prices(page, 'https://www.temu.com/search_result.html?search_key=earbuds'))).toEqual(
      new Set(['USD']),
    );
    expect(new Set(prices(page, 'https://www.temu.com/ca/search_result.html?search_key=earbuds'))).toEqual(
      new Set(['CAD']),
    );
    expect(new Set(prices(page, 'https://www.temu.com/au/search_result.html?search_key=earbuds'))).toEqual(
      new Set(['AUD']),
    );
  });

  it('reads each card once across repeated reads of a live page, a slice at a time', () => {
    const document = parseHtml(fixture('amazon/search-portable-charger.html'));
    const url = 'https://www.amazon.com/s?k=portable+charger';
    const seen = new WeakSet<Element>();
    const keys: string[] = [];
    for (let round = 0; round < 5; round++) {
      for (const found of readPage(document, url, { ...EVERY_SITE, seen, limit: 2 }).listings) {
        keys.push(found.listing.key);
      }
    }
    const all = readPage(document, url, EVERY_SITE).listings.map((found) => found.listing.key);
    expect(keys).toEqual(all);
  });

  it('finds a Product nested in the main entity of a page and its offers, skipping null offers', () => {
    const html = `<html><head><script type="application/ld+json">${JSON.stringify({
      '@context': 'https://schema.org',
      '@type': 'WebPage',
      mainEntity: {
        '@type': 'Offer',
        offers: [
          null,
          {
            '@type': 'Offer',
            itemOffered: [
              {
                '@type': 'Product',
                name: 'Crystal Detector',
                sku: 'HP-423A',
                offers: [null, { price: 29.99, priceCurrency: 'USD' }],
              },
            ],
          },
        ],
      },
    })}</script></head><body><h1>Crystal Detector</h1></body></html>`;
    const [found] = readPage(parseHtml(html), 'https://parts-shop.example/item/423a', EVERY_SITE).listings;
    expect(found?.listing).toMatchObject({
      key: 'shop:parts-shop.example~HP-423A',
      title: 'Crystal Detector',
      price: { amount: 29.99, currency: 'USD' },
    });
  });

  it('reads a card the page fills in after a first, empty read', () => {
    const document = parseHtml(fixture('amazon/search-portable-charger.html'));
    const url = 'https://www.amazon.com/s?k=portable+charger';
    const seen = new WeakSet<Element>();
    // The page renders the title block later: the card first comes without it.
    const title = document.querySelector('[data-asin="B0TESTCHG3"] [data-cy="title-recipe"]')!;
    const parent = title.parentElement!;
    title.remove();
    const first = readPage(document, url, { ...EVERY_SITE, seen }).listings.map((found) => found.listing.key);
    expect(first).not.toContain('amazon:B0TESTCHG3');
    parent.append(title);
    const second = readPage(document, url, { ...EVERY_SITE, seen }).listings.map((found) => found.listing.key);
    expect(second).toEqual(['amazon:B0TESTCHG3']);
  });
});
