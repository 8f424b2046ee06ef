import { describe, expect, it } from 'vitest';
import type { Listing } from '../../src/listing/listing';
import { buildBrandIndex } from '../../src/matching/brand-index';
import { bundledRegistry } from '../../src/registry/bundled';
import { assess } from '../../src/risk/assess';

const registry = bundledRegistry();
const index = buildBrandIndex(registry);

const base: Listing = {
  marketplace: 'amazon',
  key: 'amazon:B0TESTNIK1',
  url: 'https://www.amazon.com/dp/B0TESTNIK1',
  kind: 'detail',
  title: 'Running shoe',
};

const codes = (listing: Listing) => assess(listing, registry, index).reasons.map((reason) => reason.code);

describe('assess', () => {
  it('is unknown, with no reasons, when no brand is named', () => {
    expect(assess(base, registry, index)).toEqual({ key: base.key, level: 'unknown', score: 0, reasons: [] });
  });

  it('is unknown for a brand the registry does not hold', () => {
    expect(assess({ ...base, brand: 'ChangM', price: { amount: 1, currency: 'USD' } }, registry, index).level).toBe(
      'unknown',
    );
  });

  it('finds the brand through case, accents and full-width forms', () => {
    expect(assess({ ...base, brand: 'ＮＩＫＥ' }, registry, index).brand).toBe('Nike');
    expect(assess({ ...base, brand: 'louis vuitton' }, registry, index).brand).toBe('Louis Vuitton');
    expect(assess({ ...base, brand: 'ナイキ' }, registry, index).brand).toBe('Nike');
  });

  it('raises no warning for an authorised seller, whatever the price', () => {
    const result = assess(
      { ...base, brand: 'Apple', price: { amount: 5, currency: 'USD' }, seller: { name: 'amazon.com' } },
      registry,
      index,
    );
    expect(result.level).toBe('none');
    expect(result.reasons.map((reason) => reason.code)).toEqual(['brand_recognised', 'seller_authorised']);
  });

  it('stays quiet on an unauthorised seller alone', () => {
    const result = assess(
      { ...base, brand: 'Nike', price: { amount: 90, currency: 'USD' }, seller: { name: 'Shoe Barn' } },
      registry,
      index,
    );
    expect(result.level).toBe('none');
    expect(result.reasons.map((reason) => reason.code)).toContain('seller_not_authorised');
  });

  it('cautions on an unauthorised seller below the price floor', () => {
    const result = assess(
      { ...base, brand: 'Nike', price: { amount: 29.99, currency: 'USD' }, seller: { name: 'SHOE DEALS 24' } },
      registry,
      index,
    );
    expect(result.level).toBe('caution');
    expect(result.reasons.find((reason) => reason.code === 'price_below_floor')?.params).toEqual({
      price: 29.99,
      floor: 35,
      currency: 'USD',
      brand: 'Nike',
    });
  });

  it('converts the floor into the listing currency', () => {
    // 35 USD is about 5,250 JPY with the bundled rate: 6,000 is above it, 3,000 below.
    expect(
      codes({ ...base, brand: 'Nike', price: { amount: 6000, currency: 'JPY' }, seller: { name: 'x' } }),
    ).not.toContain('price_below_floor');
    expect(
      codes({ ...base, brand: 'Nike', price: { amount: 3000, currency: 'JPY' }, seller: { name: 'x' } }),
    ).toContain('price_below_floor');
  });

  it('rates a brand that does not sell on the marketplace, far below its floor, high', () => {
    const result = assess(
      { ...base, brand: 'Louis Vuitton', price: { amount: 89, currency: 'USD' }, seller: { name: 'Luxe Outlet' } },
      registry,
      index,
    );
    expect(result.level).toBe('high');
    expect(result.reasons.map((reason) => reason.code)).toEqual([
      'brand_recognised',
      'brand_absent_from_marketplace',
      'price_below_floor',
    ]);
  });

  it('does not guess a floor for a currency it has no rate for', () => {
    expect(
      codes({ ...base, brand: 'Nike', price: { amount: 1, currency: 'XAF' }, seller: { name: 'x' } }),
    ).not.toContain('price_below_floor');
  });
});
