import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/matching/match-index';
import { tokenise } from '../../src/matching/normalise';
import { compileRegistry, type RegistrySource } from '../../src/registry/compile';
import { type AssessInput, assess } from '../../src/risk/assess';
import { testSources } from '../support/registry';

/**
 * The signals that judge listings the engine was never tuned on, each beside the honest case it
 * must leave alone. The registry is written here, so every expectation follows from data in view.
 */
function sources(): RegistrySource[] {
  const base = testSources().map((source) => {
    if (source.path === 'categories.json') {
      return {
        ...source,
        data: [
          ...(source.data as object[]).map((category) =>
            (category as { id: string }).id === 'phones' ? { ...category, ages: true } : category,
          ),
          { id: 'shoes', words: ['sneaker', 'sandal', 'shoe', 'zapatilla'] },
          { id: 'apparel', words: ['shirt', 'jersey', 'camisa', 'tee'] },
          { id: 'computers', words: ['tablet', 'laptop'], ages: true },
          { id: 'audio', words: ['earbuds', 'earphones'], ages: true },
          { id: 'fragrance', words: ['perfume', 'eau de toilette', 'edt'] },
        ],
      };
    }
    if (source.path === 'vocabulary.json') {
      return {
        ...source,
        data: [
          ...(source.data as object[]).map((term) =>
            (term as { term?: string }).term === 'replica'
              ? { ...term, alone: true, unlessWith: ['jersey', 'shirt', 'camisa', 'model kit'] }
              : term,
          ),
          { kind: 'replica', term: 'premium quality', lang: 'en', strength: 'medium', bracketed: true, alone: true },
          { kind: 'review_fake', term: 'fake', lang: 'en', strength: 'strong' },
          { kind: 'review_fake', term: 'not original', lang: 'en', strength: 'strong' },
          { kind: 'negation', term: 'not', lang: 'en' },
          { kind: 'used', term: 'used', lang: 'en' },
          { kind: 'part', term: 'travel size', lang: 'en' },
          { kind: 'smaller', term: 'toddler', lang: 'en' },
          { kind: 'part', pattern: '^(?:[1-9]|[12][0-9])ml$', lang: '*' },
        ],
      };
    }
    if (source.path === 'brands/tech.json') {
      return {
        ...source,
        data: (source.data as { id: string; lines?: object[]; floors: object }[]).map((brand) =>
          brand.id === 'rolex'
            ? {
                ...brand,
                lines: [
                  { name: 'Submariner', aliases: ['水鬼'], category: 'watches', distinctive: true, floorUsd: 9000 },
                ],
              }
            : brand.id === 'apple'
              ? {
                  ...brand,
                  floors: { ...brand.floors, audio: 69 },
                  lines: [
                    ...(brand.lines ?? []),
                    { name: 'AirPods', category: 'audio', distinctive: true, floorUsd: 89 },
                  ],
                }
              : brand,
        ),
      };
    }
    return source;
  });
  return [
    ...base,
    {
      path: 'brands/sport.json',
      data: [
        {
          id: 'nike',
          name: 'Nike',
          aliases: [],
          misspellings: [],
          domains: ['nike.com'],
          floors: { shoes: 25, apparel: 10, bags: 15 },
          lines: [
            { name: 'Air Jordan', category: 'shoes', distinctive: true, floorUsd: 50 },
            {
              name: 'Air Jordan 4',
              aliases: ['Jordan 4'],
              category: 'shoes',
              distinctive: true,
              floorUsd: 80,
              retail: { usd: 210, source: 'Nike US retail price', asOf: '2025' },
            },
            { name: 'Dunk', category: 'shoes' },
          ],
          presence: { aliexpress: { sells: false } },
          estimated: ['floors', 'lines.retail'],
        },
        {
          id: 'dior',
          name: 'Dior',
          aliases: [],
          misspellings: [],
          domains: ['dior.com'],
          floors: { fragrance: 60 },
          lines: [
            {
              name: 'Sauvage',
              category: 'fragrance',
              retail: { usd: 130, source: 'Dior US price, 100 ml', asOf: '2024' },
            },
          ],
          estimated: ['floors', 'lines.retail'],
        },
        {
          id: 'off-white',
          name: 'Off-White',
          aliases: [],
          misspellings: [],
          domains: ['off---white.com'],
          floors: { apparel: 80 },
          estimated: ['floors'],
        },
        {
          id: 'palace',
          name: 'Palace',
          aliases: [],
          misspellings: [],
          ambiguous: true,
          domains: ['palaceskateboards.com'],
          floors: { apparel: 40 },
          estimated: ['floors'],
        },
        {
          id: 'arsenal',
          name: 'Arsenal',
          aliases: [],
          misspellings: [],
          ambiguous: true,
          domains: ['arsenal.com'],
          floors: { apparel: 35 },
          estimated: ['floors'],
        },
      ],
    },
    {
      path: 'brands/gadgets.json',
      data: [
        {
          id: 'samsung',
          name: 'Samsung',
          aliases: [],
          misspellings: [],
          domains: ['samsung.com'],
          floors: { phones: 150, computers: 150, audio: 60 },
          lines: [
            { name: 'Galaxy S24', category: 'phones', distinctive: true, released: 2024, floorUsd: 400 },
            { name: 'Galaxy Tab', category: 'computers', distinctive: true },
            { name: 'Galaxy Buds', category: 'audio', distinctive: true, floorUsd: 60 },
          ],
          presence: { aliexpress: { sells: false } },
          estimated: ['floors'],
        },
      ],
    },
    {
      path: 'channels.json',
      data: [
        { id: 'weidian', name: 'Weidian', kind: 'replica', hosts: ['weidian.com'], names: ['微店'] },
        { id: 'nordstrom-rack', name: 'Nordstrom Rack', kind: 'authorised', hosts: ['nordstromrack.com'] },
      ],
    },
  ];
}

const index = buildIndex(compileRegistry(sources()));
const run = (listing: AssessInput) => assess(listing, index);
const codes = (listing: AssessInput) => run(listing).reasons.map((reason) => reason.code);
const usd = (amount: number, kind?: 'fixed' | 'bid' | 'start' | 'range' | 'tier') => ({
  amount,
  currency: 'USD',
  ...(kind ? { kind } : {}),
});

describe('copy wording with no registry brand', () => {
  it('is Caution with the words found, never High, and honest uses stay unknown', () => {
    const result = run({ title: 'Stone hoodie replica 1:1 best', price: usd(20) });
    expect(result).toMatchObject({
      level: 'caution',
      reasons: [{ code: 'replica_wording', params: { term: 'replica' } }],
    });
    expect(run({ title: 'Liverpool 2024 home replica shirt', price: usd(60) }).level).toBe('unknown');
    expect(run({ title: 'Spitfire replica model kit 1:48' }).level).toBe('unknown');
  });

  it('counts a tier tag only inside brackets', () => {
    expect(run({ title: 'Hoodie with skyline print [Premium Quality]' }).level).toBe('caution');
    expect(run({ title: 'Premium quality cotton t-shirt, unisex' }).level).toBe('unknown');
  });

  it('makes a common-word brand name count, as context', () => {
    expect(run({ title: 'Palace tri-ferg hoodie replica' })).toMatchObject({ brand: 'palace' });
    expect(run({ title: 'Palace garden guide' }).level).toBe('unknown');
  });
});

describe('names as sellers write them', () => {
  it('reads a doubled or CamelCase-glued name', () => {
    expect(run({ title: 'OFFWHITEOFFWHITE arrow tee' })).toMatchObject({ brand: 'off-white' });
    expect(run({ title: 'NikeAirJordan 4 sneaker' })).toMatchObject({ brand: 'nike' });
    expect(tokenise('OffWhite')[0]!.parts).toEqual(['off', 'white']);
  });

  it('takes a distinctive line written in two Chinese characters only beside its kind of goods', () => {
    expect(run({ title: '水鬼 万圣节 玩具' }).level).toBe('unknown');
    expect(run({ title: '绿水鬼 automatic watch', price: usd(80) })).toMatchObject({ brand: 'rolex', level: 'high' });
  });

  it('takes a model number after a line name with its goods named as the model', () => {
    expect(run({ title: 'Dunk 2 sneaker', price: usd(500) })).toMatchObject({ brand: 'nike' });
    expect(run({ title: 'Slam dunk poster' }).level).toBe('unknown');
  });

  it('never warns on the price of a brand only guessed from a common word beside its kind of goods', () => {
    expect(run({ title: 'Buckingham Palace souvenir shirt', price: usd(3) })).toMatchObject({
      level: 'none',
      brand: 'palace',
    });
    // Set apart in capitals, doubled, or beside copy wording, the name means the brand.
    expect(run({ title: 'PALACE tri-ferg shirt', price: usd(3) }).level).toBe('high');
    expect(run({ title: 'Palace Palace tri-ferg shirt', price: usd(3) }).level).toBe('high');
    expect(run({ title: 'Palace tri-ferg shirt [Premium Quality]', price: usd(3) }).level).toBe('high');
  });

  it('reads a Latin name on a channel where copies are sold as the brand, a short Chinese one not', () => {
    expect(run({ title: 'Palace lighter case', channel: 'weidian' })).toMatchObject({ brand: 'palace' });
    // 蔻驰 (Coach) in two characters: on a wholesale or resale shop it needs context of its own.
    expect(run({ title: '蔻驰 陶瓷茶杯', channel: 'weidian' }).level).toBe('unknown');
    expect(run({ title: '蔻驰 女包', channel: 'weidian' })).toMatchObject({ brand: 'coach' });
  });
});

describe('prices that can see a replica', () => {
  it('holds the most specific line named to its retail price, with its source', () => {
    const result = run({ title: 'Nike Air Jordan 4 Retro sneaker', price: usd(45) });
    expect(result.level).toBe('caution');
    expect(result.reasons).toContainEqual(
      expect.objectContaining({
        code: 'price_below_retail',
        params: expect.objectContaining({ line: 'Air Jordan 4', retail: 210, source: 'Nike US retail price (2025)' }),
      }),
    );
    expect(run({ title: 'Nike Air Jordan 4 Retro sneaker', price: usd(190) }).level).toBe('none');
    // A toddler's pair of the model is held to the floor, not to the adult retail price.
    expect(codes({ title: 'Nike Air Jordan 4 Retro toddler sneaker', price: usd(45) })).not.toContain(
      'price_below_retail',
    );
  });

  it('does not price a sample or a travel size like the full bottle', () => {
    expect(run({ title: 'Dior Sauvage EDT 10ml travel size', price: usd(25) }).level).toBe('none');
    expect(run({ title: 'Dior Sauvage EDT 100ml', price: usd(25) }).level).toBe('caution');
  });

  it('prices what the listing is, not what it holds', () => {
    // A bag that holds shoes is held to the bag floor (15), not the shoes' (25).
    const bag = run({ title: 'Nike bag with shoe compartment', price: usd(5) });
    expect(bag.reasons.find((reason) => reason.code === 'price_below_floor')?.params).toMatchObject({
      category: 'bags',
    });
  });

  it('reads a category word in the singular or the plural', () => {
    expect(index.categories.find(tokenise('Nike sandals')).named).toEqual(new Set(['shoes']));
    expect(index.categories.find(tokenise('zapatillas')).named).toEqual(new Set(['shoes']));
  });
});

describe('condition, price kind and age', () => {
  it('leaves a used iPad at auction alone: a bid is not a price', () => {
    const auction = {
      title: 'Samsung Galaxy Tab tablet used',
      marketplace: 'ebay' as const,
      condition: 'used' as const,
    };
    expect(run({ ...auction, price: usd(1, 'bid') }).reasons.map((r) => r.code)).not.toContain('price_below_floor');
    expect(run({ ...auction, price: usd(1, 'start') }).level).toBe('none');
  });

  it('never makes an item of unstated condition High on its price alone where people resell their own', () => {
    const ebay = run({ title: 'Samsung Galaxy S24 phone', price: usd(20), marketplace: 'ebay' });
    expect(ebay.level).toBe('caution');
    expect(run({ title: 'Samsung Galaxy S24 phone', price: usd(20), marketplace: 'amazon' }).level).toBe('high');
  });

  it('never makes a refurbished or used item High on its price alone', () => {
    const refurbished = run({ title: 'Samsung Galaxy S24 phone', price: usd(20), condition: 'refurbished' });
    expect(refurbished.level).not.toBe('high');
    expect(run({ title: 'Samsung Galaxy S24 phone', price: usd(20), condition: 'new' }).level).toBe('high');
    expect(codes({ title: 'Samsung Galaxy S24 phone', price: usd(20), condition: 'parts' })).not.toContain(
      'price_below_floor',
    );
  });

  it('weighs the absence less for a phone of unknown condition on a factory-direct marketplace', () => {
    const unknownCondition = run({ title: 'Samsung Galaxy S24 phone 256GB', marketplace: 'aliexpress' });
    expect(unknownCondition.level).toBe('none');
    expect(run({ title: 'Samsung Galaxy S24 phone 256GB', marketplace: 'aliexpress', condition: 'new' }).level).toBe(
      'caution',
    );
  });

  it('does not price an older model against today’s floor', () => {
    // "Galaxy S8": a model number the registry does not list as a line; a model year years back.
    expect(codes({ title: 'Samsung Galaxy S8 phone', price: usd(40) })).not.toContain('price_below_floor');
    expect(codes({ title: 'Samsung phone 2016 edition', price: usd(40) })).not.toContain('price_below_floor');
    expect(codes({ title: 'Samsung Galaxy S24 phone', price: usd(40) })).toContain('price_below_floor');
  });

  it('holds a range to its high end', () => {
    expect(codes({ title: 'Air Jordan 4 sneaker', price: { ...usd(10, 'range'), max: 200 } })).not.toContain(
      'price_below_retail',
    );
  });

  it('leaves a case for AirPods to the case', () => {
    expect(run({ title: 'Shockproof silicone cover for AirPods', price: usd(3) }).level).toBe('unknown');
    expect(run({ title: 'Shockproof phone case for Samsung Galaxy S24', price: usd(3) }).level).toBe('unknown');
    // The earbuds themselves at that price are another matter.
    expect(run({ title: 'AirPods earbuds', price: usd(3) }).level).toBe('high');
  });
});

describe('where it is sold', () => {
  it('warns of a brand on a channel where it authorises nobody, by address or by name', () => {
    const byUrl = run({ title: 'Nike Dunk Low sneaker', url: 'https://shop123.weidian.com/item.html?itemID=1' });
    expect(byUrl.reasons).toContainEqual(expect.objectContaining({ code: 'sold_on_replica_channel' }));
    expect(codes({ title: 'Nike Dunk Low sneaker', channel: 'weidian' })).toContain('sold_on_replica_channel');
  });

  it('judges an authorised outlet by second-hand steps, never High on price alone', () => {
    const outlet = run({
      title: 'Nike Air Jordan 4 sneaker',
      price: usd(30),
      url: 'https://www.nordstromrack.com/s/nike-air-jordan-4/123',
    });
    expect(outlet.level).not.toBe('high');
    expect(outlet.reasons.map((reason) => reason.code)).not.toContain('price_below_retail');
  });
});

describe('reviews on product pages', () => {
  const honest = ['Great shoes', 'Fits well', 'Fast delivery', 'Comfortable', 'Not fake, genuine pair'];
  it('counts the share of reviews that say fake, and not those that deny it', () => {
    const reviews = ['Fake, the logo is wrong', 'not original at all', 'fake fake fake', ...honest];
    const result = run({ title: 'Nike Dunk Low sneaker', price: usd(110), reviews });
    expect(result.reasons).toContainEqual({
      code: 'reviews_say_fake',
      weight: 45,
      params: { fake: 3, read: 8, term: 'Fake' },
    });
    expect(codes({ title: 'Nike Dunk Low sneaker', price: usd(110), reviews: honest })).not.toContain(
      'reviews_say_fake',
    );
  });
});

describe('football replica shirts', () => {
  it('stays quiet on an official fan shirt at its price, and warns of one at a fraction of it', () => {
    expect(run({ title: 'Arsenal 2024/25 home replica shirt', price: usd(85) }).level).toBe('none');
    expect(run({ title: 'Camisa Arsenal 2024/25', price: usd(9) }).level).toBe('none');
    expect(run({ title: 'Camisa ARSENAL 2024/25 home', price: usd(9) }).level).toBe('caution');
  });
});
