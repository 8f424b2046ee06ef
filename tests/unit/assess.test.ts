import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/matching/match-index';
import { compileRegistry } from '../../src/registry/compile';
import { type AssessInput, assess } from '../../src/risk/assess';
import { assessAll } from '../../src/risk/batch';
import { DEFAULT_SETTINGS } from '../../src/risk/settings';
import { testRegistry, testSources } from '../support/registry';

const index = buildIndex(testRegistry());
const run = (listing: AssessInput, sensitivity: 'relaxed' | 'balanced' | 'strict' = 'balanced') =>
  assess({ key: 'amazon:B0TEST00001', ...listing }, index, { sensitivity });
const codes = (listing: AssessInput) => run(listing).reasons.map((reason) => reason.code);
const usd = (amount: number) => ({ amount, currency: 'USD' });

describe('assess', () => {
  it('is unknown, with no reasons, when no registry brand is invoked', () => {
    expect(run({ title: 'Running shoe, breathable mesh', price: usd(1) })).toEqual({
      key: 'amazon:B0TEST00001',
      level: 'unknown',
      score: 0,
      reasons: [],
    });
    expect(run({ title: 'Lamp', brand: 'ChangM' }).level).toBe('unknown');
  });

  it('is none for a brand invoked with nothing against it', () => {
    const result = run({ title: 'Gucci GG Marmont shoulder bag', price: usd(2400) });
    expect(result).toMatchObject({ level: 'none', score: 0, brand: 'gucci' });
    expect(result.reasons).toEqual([
      { code: 'brand_recognised', weight: 0, params: { brand: 'Gucci', form: 'exact', text: 'Gucci' } },
    ]);
  });

  it('flags the brand with counterfeit vocabulary high, in any script', () => {
    expect(run({ title: 'Gucci replica bag' })).toMatchObject({ level: 'high', brand: 'gucci' });
    expect(run({ title: '香奈儿高仿女包' })).toMatchObject({ level: 'high', brand: 'chanel' });
  });

  it('says how far under the floor a price is, in the listing currency', () => {
    const result = run({ title: 'Louis Vuitton Speedy 30', price: { amount: 9000, currency: 'INR' } });
    expect(result.level).toBe('high');
    expect(result.reasons.find((reason) => reason.code === 'price_below_floor')?.params).toEqual({
      brand: 'Louis Vuitton',
      price: 9000,
      currency: 'INR',
      floor: 99000,
      percent: 91,
      category: 'bags',
    });
    expect(run({ title: 'Louis Vuitton Speedy 30', price: usd(500) }).level).toBe('caution');
    expect(run({ title: 'Louis Vuitton Speedy 30', price: usd(1000) }).level).toBe('none');
  });

  it("holds a named line to the line's own floor", () => {
    const params = run({ title: 'Submariner date 41mm', price: usd(3000) }).reasons.find(
      (reason) => reason.code === 'price_below_floor',
    )?.params;
    expect(params).toMatchObject({ floor: 9000, category: 'watches' });
  });

  it('uses no floor when the title is about a category the brand does not sell', () => {
    expect(codes({ title: 'Rolex automatic watch', price: usd(50) })).toContain('price_below_floor');
    expect(codes({ title: 'Rolex charger', price: usd(5) })).not.toContain('price_below_floor');
  });

  it('holds an accessory for a product to the accessory floor, not the product floor', () => {
    expect(run({ title: 'iPhone 15 Pro shockproof clear cover', price: usd(5) }).level).toBe('none');
    expect(run({ title: 'iPhone 15 Pro 256GB', price: usd(5) }).level).toBe('high');
  });

  it('lets an admitted look-alike or a part off the price test, but still says what it is', () => {
    const lookalike = run({ title: 'Bag inspired by Chanel', price: usd(30) });
    expect(lookalike.level).toBe('caution');
    expect(lookalike.reasons.map((reason) => reason.code)).toEqual(['brand_recognised', 'lookalike_terms']);
    expect(codes({ title: 'Chanel dust bag', price: usd(20) })).not.toContain('price_below_floor');
  });

  it('does not count a brand named only to say what the item fits', () => {
    expect(run({ title: 'Case for iPhone 15, clear', price: usd(5) }).level).toBe('unknown');
    expect(run({ title: 'Charger compatible with Apple iPhone', price: usd(5) }).level).toBe('unknown');
    expect(run({ title: 'iPhone 15 128GB smartphone', price: usd(90) }).level).toBe('high');
  });

  it('needs context before a common-word brand counts', () => {
    expect(run({ title: 'Coach bus tour ticket', price: usd(5) }).level).toBe('unknown');
    expect(run({ title: 'Apple cider vinegar', price: usd(5) }).level).toBe('unknown');
    expect(run({ title: 'Coach leather handbag', price: usd(20) }).brand).toBe('coach');
    expect(run({ title: 'COACH tabby in pebbled leather', price: usd(20) }).brand).toBe('coach');
    expect(run({ title: '蔻驰女包 tabby', price: usd(20) }).brand).toBe('coach');
    // A two-character name in Chinese is often an ordinary word: it needs context too.
    expect(run({ title: '蔻驰 tabby', price: usd(20) }).level).toBe('unknown');
    expect(run({ title: 'Tabby', brand: 'Coach', price: usd(20) }).brand).toBe('coach');
  });

  it('names the disguise a title uses', () => {
    const result = run({ title: 'G*cci marmont bag', price: usd(2000) });
    expect(result.reasons.find((reason) => reason.code === 'brand_disguised')?.params).toEqual({
      brand: 'Gucci',
      form: 'masked',
      text: 'G*cci',
    });
    expect(result.level).toBe('caution');
  });

  it('flags a brand absent from the marketplace only for new goods', () => {
    const listing: AssessInput = { title: 'Chanel bag', price: usd(4000), marketplace: 'aliexpress' };
    expect(run(listing)).toMatchObject({ level: 'caution' });
    expect(codes(listing)).toContain('brand_absent_from_marketplace');
    expect(codes({ ...listing, condition: 'used' })).not.toContain('brand_absent_from_marketplace');
    expect(codes({ ...listing, title: 'Chanel bag pre-owned' })).not.toContain('brand_absent_from_marketplace');
    // A resale marketplace's listing of unknown condition may be second-hand.
    expect(codes({ ...listing, marketplace: 'ebay' })).not.toContain('brand_absent_from_marketplace');
  });

  it('clears a seller the brand authorises, and calls out a false official store', () => {
    const authorised = run({
      title: 'Apple iPhone 15',
      price: usd(10),
      marketplace: 'amazon',
      seller: { name: 'amazon.com' },
    });
    expect(authorised.level).toBe('none');
    expect(authorised.reasons.map((reason) => reason.code)).toEqual(['brand_recognised', 'seller_authorised']);
    const fake = run({
      title: 'Chanel bag',
      price: usd(3500),
      marketplace: 'aliexpress',
      seller: { name: 'Chanel Official Store' },
    });
    expect(fake.level).toBe('high');
    expect(fake.reasons.map((reason) => reason.code)).toContain('fake_official_store');
  });

  it("does not read a brand's own line name as vocabulary", () => {
    expect(codes({ title: 'Maison Margiela Replica bag', price: usd(900) })).not.toContain('counterfeit_terms');
    expect(codes({ title: 'Gucci replica bag', price: usd(900) })).toContain('counterfeit_terms');
  });

  it('takes grade tags as a sign unless the words around them explain them', () => {
    expect(codes({ title: 'Gucci AAA bag' })).toContain('grade_tag');
    expect(codes({ title: 'Gucci AAA batteries' })).not.toContain('grade_tag');
  });

  it('lowers the score for second-hand goods and proof of purchase', () => {
    const plain = run({ title: 'Rolex Submariner automatic watch', price: usd(4000) }).score;
    expect(run({ title: 'Rolex Submariner automatic watch with receipt', price: usd(4000) }).score).toBe(plain - 20);
  });

  it('offers bulk luxury as a sign only for the groups the term names', () => {
    expect(codes({ title: 'Chanel bag wholesale' })).toContain('bulk_luxury');
    expect(codes({ title: 'Apple iPhone wholesale' })).not.toContain('bulk_luxury');
  });

  it('moves the thresholds with the sensitivity', () => {
    const listing = { title: 'Louis Vuitton Speedy 30', price: usd(500) };
    expect(run(listing, 'strict').level).toBe('caution');
    expect(run(listing, 'balanced').level).toBe('caution');
    expect(run(listing, 'relaxed').level).toBe('none');
    const weak = { title: 'Channel bag', price: usd(4000) };
    expect(run(weak, 'balanced').level).toBe('none');
    expect(run(weak, 'strict').level).toBe('caution');
  });

  it('flags a listing the community flagged, by the hash of its key', () => {
    const registry = compileRegistry(testSources());
    registry.flagged = [createHash('sha256').update('amazon:B0TEST00001').digest('hex')];
    const flaggedIndex = buildIndex(registry);
    const flaggedCodes = (key: string) => assess({ key, title: 'Gucci bag' }, flaggedIndex).reasons.map((r) => r.code);
    expect(flaggedCodes('amazon:B0TEST00001')).toContain('community_flagged');
    expect(flaggedCodes('amazon:B0TEST00002')).not.toContain('community_flagged');
  });

  it('never makes a listing High on shoppers’ reports alone; a brand volunteer’s confirmation can', () => {
    const registry = compileRegistry(testSources());
    const hash = (key: string) => createHash('sha256').update(key).digest('hex');
    registry.flagged = [hash('amazon:B0GENUINE01')];
    registry.confirmed = [{ key: hash('amazon:B0CONFIRM01'), brand: 'gucci' }];
    const index = buildIndex(registry);
    // A genuine listing, sold by the brand itself, that fake reports put on the flagged list.
    const genuine = { key: 'amazon:B0GENUINE01', title: 'Gucci GG Marmont small shoulder bag', price: usd(2450) };
    for (const sensitivity of ['relaxed', 'balanced', 'strict'] as const) {
      const assessment = assess(genuine, index, { ...DEFAULT_SETTINGS, sensitivity });
      expect(assessment.reasons.map((reason) => reason.code)).toContain('community_flagged');
      expect(assessment.level).toBe('caution');
    }
    const confirmed = assess({ ...genuine, key: 'amazon:B0CONFIRM01' }, index);
    expect(confirmed.level).toBe('high');
    expect(confirmed.reasons).toContainEqual(
      expect.objectContaining({ code: 'community_confirmed', params: { brand: 'Gucci' } }),
    );
    expect(confirmed.reasons.map((reason) => reason.code)).not.toContain('community_flagged');
  });

  it('holds prices in a fast-falling currency to a quarter of the usual steps', () => {
    const registry = compileRegistry(testSources());
    registry.currencies.usdRates.ARS = 1000;
    const stable = buildIndex(registry);
    const listing = {
      key: 'amazon:B0TEST00001',
      title: 'Louis Vuitton Speedy 30',
      price: { amount: 400_000, currency: 'ARS' },
    };
    expect(assess(listing, stable).level).toBe('caution');
    registry.currencies.volatile = ['ARS'];
    expect(assess(listing, buildIndex(registry)).level).toBe('none');
    expect(assess({ ...listing, price: { amount: 50_000, currency: 'ARS' } }, buildIndex(registry)).level).toBe('high');
  });

  it('survives odd input: a huge title, a NaN price, an unknown currency', () => {
    expect(() =>
      run({ title: 'Gucci '.repeat(200_000), price: { amount: Number.NaN, currency: 'USD' } }),
    ).not.toThrow();
    expect(run({ title: 'Gucci bag', price: { amount: 1, currency: 'XAF' } }).level).toBe('none');
    expect(run({ title: '' }).level).toBe('unknown');
    expect(run({ title: 'Gucci bag', price: { amount: Number.POSITIVE_INFINITY, currency: 'USD' } }).level).toBe(
      'none',
    );
  });
});

describe('assessAll', () => {
  const from = (seller: string, title: string, amount: number): AssessInput => ({
    title,
    price: usd(amount),
    seller: { name: seller },
  });

  it("lets a seller's pattern across listings weigh on each of its branded listings", () => {
    const shop = [
      from('Lux Corner', 'Rolex Submariner automatic', 40),
      from('Lux Corner', 'Gucci bag', 25),
      from('Lux Corner', 'Chanel bag', 30),
      from('Lux Corner', 'Louis Vuitton Premium Collection', 600),
      from('Lux Corner', 'Canvas tote', 10),
    ];
    const [, , , lv, plain] = assessAll(shop, index);
    expect(lv!.reasons.find((reason) => reason.code === 'seller_pattern')?.params).toEqual({
      seller: 'Lux Corner',
      brands: 4,
      below: 3,
    });
    expect(lv!.level).toBe('caution');
    expect(plain!.level).toBe('unknown');
    // Alone, the same listing says too little.
    expect(assess(shop[3]!, index).level).toBe('none');
  });

  it('counts one brand sold far under its floor again and again as the same pattern', () => {
    const shop = [
      ...[1, 2, 3, 4, 5].map((n) => from('LV Outlet Online', `Louis Vuitton Speedy ${n}`, 229)),
      from('LV Outlet Online', 'Louis Vuitton Naviglio N51189', 229),
    ];
    const naviglio = assessAll(shop, index).at(-1)!;
    expect(naviglio.reasons.map((reason) => reason.code)).toContain('seller_pattern');
    expect(
      assessAll(shop.slice(2), index)
        .at(-1)!
        .reasons.map((reason) => reason.code),
    ).not.toContain('seller_pattern');
  });

  it('leaves a seller of many brands at genuine prices alone', () => {
    const shop = [
      from('Big Store', 'Rolex Submariner automatic', 9500),
      from('Big Store', 'Gucci bag', 1200),
      from('Big Store', 'Chanel bag', 25),
      from('Big Store', 'Louis Vuitton Premium Collection', 30),
    ];
    expect(assessAll(shop, index).flatMap((a) => a.reasons.map((r) => r.code))).not.toContain('seller_pattern');
  });
});
