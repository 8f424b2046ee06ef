import { describe, expect, it } from 'vitest';
import { EVERY_SITE } from '../../src/sites';
import { readPage } from '../../src/sites/read';
import { fixture, parseHtml } from '../support/fixtures';
import { readListings } from '../support/read';

const nike = () => parseHtml(fixture('amazon/nike-third-party.html'));

describe('the Amazon product-page reader', () => {
  it('reads key, title, brand, price and seller from a product page', () => {
    const [listing] = readListings(
      nike(),
      'https://www.amazon.com/Nike-Mens-Running-Shoe/dp/B0TESTNIK1?tag=aff-20&psc=1',
    );
    expect(listing).toEqual({
      marketplace: 'amazon',
      key: 'amazon:B0TESTNIK1',
      url: 'https://www.amazon.com/dp/B0TESTNIK1',
      kind: 'detail',
      title: "Nike Men's Air Force 1 '07 Shoe, White/Black, 10",
      brand: 'Nike',
      price: { amount: 19.99, currency: 'USD', kind: 'fixed' },
      seller: { name: 'SHOE DEALS 24', id: 'A3TESTSELLER01' },
    });
  });

  it.each([
    'https://www.amazon.com/gp/product/B0TESTNIK1',
    'https://www.amazon.com/dp/B0TESTNIK1',
    'https://amazon.com/dp/B0TESTNIK1/ref=sr_1_1?keywords=shoe',
    'https://www.amazon.com/gp/product/B0TESTNIK1/?th=1',
  ])('gives the same key and a clean url for %s', (url) => {
    const [listing] = readListings(nike(), url);
    expect(listing?.key).toBe('amazon:B0TESTNIK1');
    expect(listing?.url).toBe('https://www.amazon.com/dp/B0TESTNIK1');
  });

  it('keeps the struck-through list price apart from the price paid', () => {
    const [listing] = readListings(
      parseHtml(fixture('amazon/louis-vuitton-bag.html')),
      'https://www.amazon.com/dp/B0TESTLVB1',
    );
    expect(listing?.price).toEqual({ amount: 89, currency: 'USD', kind: 'fixed' });
  });

  it('reads a seller printed as text, not as a link', () => {
    const [listing] = readListings(
      parseHtml(fixture('amazon/apple-authorised.html')),
      'https://www.amazon.com/dp/B0TESTAPL1',
    );
    expect(listing?.seller).toEqual({ name: 'Amazon.com' });
  });

  it('takes the currency a bare "$" means from the host', () => {
    const [listing] = readListings(nike(), 'https://www.amazon.ca/dp/B0TESTNIK1');
    expect(listing?.price).toEqual({ amount: 19.99, currency: 'CAD', kind: 'fixed' });
    expect(listing?.url).toBe('https://www.amazon.ca/dp/B0TESTNIK1');
  });

  it('leaves out what a page does not show', () => {
    const [listing] = readListings(
      parseHtml(fixture('amazon/no-brand-no-price.html')),
      'https://www.amazon.com/dp/B0TESTPLN1',
    );
    expect(listing).toEqual({
      marketplace: 'amazon',
      key: 'amazon:B0TESTPLN1',
      url: 'https://www.amazon.com/dp/B0TESTPLN1',
      kind: 'detail',
      title: 'Plain Cotton Tote Bag, Natural, 15 x 16 inches',
    });
  });

  it('anchors the badge in the product heading', () => {
    const [found] = readPage(nike(), 'https://www.amazon.com/dp/B0TESTNIK1', EVERY_SITE).listings;
    expect(found?.anchor?.id).toBe('title');
  });

  it.each([
    ['a search page', 'https://www.amazon.com/s?k=nike'],
    ['another site', 'https://www.example.com/dp/B0TESTNIK1'],
    ['a look-alike host', 'https://www.amazon.com.evil.example/dp/B0TESTNIK1'],
    ['plain http', 'http://www.amazon.com/dp/B0TESTNIK1'],
    ['a malformed url', 'not a url'],
  ])('reads nothing on %s', (_what, url) => {
    expect(readListings(nike(), url)).toEqual([]);
  });

  it('reads nothing from a product url whose page has no heading', () => {
    expect(
      readListings(parseHtml('<html><body><p>Robot check</p></body></html>'), 'https://www.amazon.com/dp/B0TESTNIK1'),
    ).toEqual([]);
  });
});
