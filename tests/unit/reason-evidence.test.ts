import { describe, expect, it } from 'vitest';
import german from '../../public/_locales/de/messages.json';
import { REASON_CODES, type Reason } from '../../src/risk/assessment';
import { englishWords, messageIn } from '../../src/words/english';
import { evidenceOf } from '../../src/words/evidence';
import type { Words } from '../../src/words/words';

const GERMAN: Words = {
  language: 'de-DE',
  t: (key, substitutions = []) => messageIn(german, key, substitutions.map(String)),
};
const US = englishWords('en-US');

describe('the evidence behind a reason', () => {
  it('shows a retail price beside the price read, the line that set it and where the retail price comes from', () => {
    const reason: Reason = {
      code: 'price_below_retail',
      weight: 40,
      params: {
        brand: 'Apple',
        price: 249,
        currency: 'EUR',
        retail: 1199,
        percent: 79,
        line: 'iPhone 15 Pro',
        source: 'apple.com (2026-09)',
      },
    };
    expect(evidenceOf(reason, US)).toEqual([
      { label: 'Price read from the page', value: '€249.00' },
      { label: 'Retail price, new', value: '€1,199.00' },
      { label: 'Line', value: 'iPhone 15 Pro' },
      { label: 'Where the retail price comes from', value: 'apple.com (2026-09)' },
    ]);
    // In the user's language and its way of writing money.
    expect(evidenceOf(reason, GERMAN).slice(0, 2)).toEqual([
      { label: 'Auf der Seite gelesener Preis', value: '249,00\u00a0€' },
      { label: 'Neupreis im Handel', value: '1.199,00\u00a0€' },
    ]);
  });

  it('counts the reviews that say fake among those read, with the words they used', () => {
    expect(
      evidenceOf({ code: 'reviews_say_fake', params: { fake: 3, read: 20, term: 'fake' } }, GERMAN).map((f) => f.value),
    ).toEqual(['3 von 20 gelesenen', '„\u2068fake\u2069“']);
  });

  it('leaves out what a reason does not carry, and has nothing for a flag that rests on others', () => {
    expect(evidenceOf({ code: 'price_below_floor', params: { price: 10, floor: 65, currency: 'USD' } }, US)).toEqual([
      { label: 'Price read from the page', value: '$10.00' },
      { label: 'Least a new genuine one costs', value: '$65.00' },
    ]);
    expect(evidenceOf({ code: 'community_flagged', params: {} }, US)).toEqual([]);
    // A match form the UI has no words for is not shown as a raw code.
    expect(evidenceOf({ code: 'brand_recognised', params: { brand: 'Nike', form: 'new-form' } }, US)).toEqual([]);
  });

  it('words every label and value through the catalogue: no key shows through for any reason', () => {
    const everything = {
      brand: 'B',
      text: 't',
      form: 'masked',
      term: 't',
      price: 1,
      floor: 2,
      retail: 3,
      currency: 'USD',
      line: 'L',
      source: 's',
      fake: 1,
      read: 2,
      seller: 'S',
      brands: 4,
      below: 2,
      domain: 'd.example',
      marketplace: 'ebay',
      channel: 'c',
    };
    for (const code of REASON_CODES) {
      for (const { label, value } of evidenceOf({ code, params: everything }, US)) {
        expect(label).not.toMatch(/^evidence_/);
        expect(value).not.toMatch(/^(evidence|marketplace)_/);
      }
    }
  });
});
