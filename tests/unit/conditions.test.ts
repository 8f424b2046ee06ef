import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { ListingSchema } from '../../src/listing/listing';
import { EVERY_SITE } from '../../src/sites';
import { parsers } from '../../src/sites/parsers';
import { readPage } from '../../src/sites/read';
import { fixture, parseHtml } from '../support/fixtures';

const read = (html: string, url: string) => {
  const listings = readPage(parseHtml(html), url, EVERY_SITE).listings.map((found) => found.listing);
  for (const listing of listings) expect(v.safeParse(ListingSchema, listing).issues).toBeUndefined();
  return listings;
};

describe('the condition parser', () => {
  it.each([
    // eBay, English
    ['Brand New', 'new'],
    ['New', 'new'],
    ['New with tags', 'new'],
    ['Pre-Owned', 'used'],
    ['Used', 'used'],
    ['Refurbished', 'refurbished'],
    ['Certified - Refurbished', 'refurbished'],
    ['Seller refurbished', 'refurbished'],
    ['Excellent - Refurbished', 'refurbished'],
    ['For parts or not working', 'parts'],
    ['Parts Only', 'parts'],
    ['Open box', 'open_box'],
    ['New (Other)', 'open_box'],
    ['New other (see details)', 'open_box'],
    ['New without tags', 'open_box'],
    // German, French, Italian, Spanish, Portuguese
    ['Neu', 'new'],
    ['Brandneu', 'new'],
    ['Gebraucht', 'used'],
    ['Neu: Sonstige (siehe Artikelbeschreibung)', 'open_box'],
    ['Generalüberholt', 'refurbished'],
    ['Als Ersatzteil / defekt', 'parts'],
    ['Neuf', 'new'],
    ['Occasion', 'used'],
    ["D'occasion", 'used'],
    ['Reconditionné', 'refurbished'],
    ['Pour pièces détachées', 'parts'],
    ['Nuovo', 'new'],
    ['Usato', 'used'],
    ['Ricondizionato', 'refurbished'],
    ['Per ricambi o non funzionante', 'parts'],
    ['Nuevo', 'new'],
    ['Usado', 'used'],
    ['Reacondicionado', 'refurbished'],
    ['Para piezas o no funciona', 'parts'],
    ['Novo', 'new'],
    ['Recondicionado', 'refurbished'],
    // Amazon, Walmart, Flipkart
    ['Renewed', 'refurbished'],
    ['Renewed Premium', 'refurbished'],
    ['Used - Like New', 'used'],
    ['Used - Good', 'used'],
    ['Gebraucht - Wie neu', 'used'],
    ['Restored: Like New', 'refurbished'],
    ['Condition: Used - Very Good', 'used'],
    ['Zustand: Gebraucht', 'used'],
    // schema.org and Open Graph
    ['https://schema.org/NewCondition', 'new'],
    ['http://schema.org/UsedCondition', 'used'],
    ['RefurbishedCondition', 'refurbished'],
    ['https://schema.org/DamagedCondition', 'parts'],
    ['refurbished', 'refurbished'],
  ])('reads "%s" as %s', (text, condition) => {
    expect(parsers.condition(text)).toBe(condition);
  });

  it.each(['Brand: New Balance 574', 'Renewal kit', 'Usage guide', 'Free returns', 'https://schema.org/InStock', ''])(
    'reads nothing in "%s"',
    (text) => {
      expect(parsers.condition(text)).toBe('');
    },
  );

  it('takes a line of parts only when its first part is a condition and nothing else', () => {
    expect(parsers.conditionLine('Pre-Owned · Phone Z')).toBe('used');
    expect(parsers.conditionLine('Nuevo | +1000 vendidos')).toBe('new');
    expect(parsers.conditionLine('Excellent - Refurbished · Phone Z')).toBe('refurbished');
    expect(parsers.conditionLine('New Balance · Men’s')).toBe('');
    expect(parsers.conditionRow('ConditionPre-owned')).toBe('used');
    expect(parsers.conditionRow('Brand New Balance')).toBe('');
  });
});

describe('the price-kind parsers', () => {
  it.each([
    ['0 bids', 'start'],
    ['0 Gebote · Noch 2T', 'start'],
    ['1 bid', 'bid'],
    ['12 bids · 1d 2h left', 'bid'],
    ['3 Gebote', 'bid'],
    ['2 enchères', 'bid'],
    ['5 offerte', 'bid'],
    ['4 pujas', 'bid'],
    ['Current bid:', 'bid'],
    ['Aktuelles Gebot:', 'bid'],
    ['Enchère actuelle :', 'bid'],
    ['Starting bid:', 'start'],
    ['Startpreis:', 'start'],
    ['Mise à prix :', 'start'],
  ])('reads the auction words "%s" as %s', (text, kind) => {
    expect(parsers.bids(text)).toBe(kind);
    expect(parsers.priceKind(text)).toBe(kind);
  });

  it.each([
    ['Buy It Now', 'fixed'],
    ['or Buy It Now', 'fixed'],
    ['Sofort-Kaufen', 'fixed'],
    ['Achat immédiat', 'fixed'],
    ['or Best Offer', 'fixed'],
    ['Min. order: 2 pieces', 'tier'],
    ['Min. Order: 100 Pieces', 'tier'],
    ['2-49 pieces', 'tier'],
    ['>= 500 pieces', 'tier'],
    ['US $3.50 - 8.20 / piece', 'tier'],
    ['from $12.99', 'range'],
    ['ab 12,99 €', 'range'],
    ['$10.00+', 'range'],
    ['Min. order: 1 piece', ''],
    ['1 - 99 pieces', ''],
    ['from China', ''],
    ['Free delivery', ''],
    ['Price:', ''],
    ['shop4u 99.5% positive (1.2K)', ''],
  ])('reads "%s" as "%s"', (text, kind) => {
    expect(parsers.priceKind(text)).toBe(kind);
  });

  it('reads a minimum order as a tier above one piece, and a wholesale range as a tier', () => {
    expect(parsers.minOrder('50 Pieces(Min Order)')).toBe('tier');
    expect(parsers.minOrder('50 Pieces')).toBe('tier');
    expect(parsers.minOrder('1.0 Pieces')).toBe('');
    expect(parsers.minOrder('1,000 Pieces')).toBe('tier');
    expect(parsers.rangeIsTier('US $0.60-$5.76')).toBe('tier');
    expect(parsers.rangeIsTier('CN¥3.80-CN¥36.48')).toBe('tier');
    expect(parsers.rangeIsTier('US $13.00')).toBe('');
  });
});

describe('eBay: condition and price kind', () => {
  it('reads a used tablet at auction with a €1 bid as a bid, not as a price', () => {
    const [listing] = read(fixture('ebay/item-auction-used-tablet.html'), 'https://www.ebay.de/itm/205512345678');
    expect(listing).toMatchObject({
      key: 'ebay:205512345678',
      condition: 'used',
      price: { amount: 1, currency: 'EUR', kind: 'bid' },
    });
  });

  it('reads an auction without bids as its opening bid', () => {
    const html = fixture('ebay/item-auction-used-tablet.html')
      .replace('Aktuelles Gebot:', 'Startpreis:')
      .replace('1 Gebot', '0 Gebote');
    const [listing] = read(html, 'https://www.ebay.de/itm/205512345678');
    expect(listing?.price).toEqual({ amount: 1, currency: 'EUR', kind: 'start' });
  });

  it('reads the condition and price kind of each result card', () => {
    const listings = read(fixture('ebay/search-conditions.html'), 'https://www.ebay.com/sch/i.html?_nkw=phone+z');
    expect(listings.map((listing) => [listing.condition, listing.price?.kind, listing.price?.max])).toEqual([
      ['used', 'start', undefined], // "0 bids": the opening bid
      ['parts', 'bid', undefined], // "7 bids" before "or Buy It Now": the price shown is the bid
      ['refurbished', 'fixed', undefined],
      ['new', 'range', 25], // "Buy It Now" at "$10.00 to $25.00": a range of variants
      ['open_box', 'fixed', undefined], // "or Best Offer"
      [undefined, undefined, undefined], // "New Balance · Men's" states no condition, the card no kind
    ]);
  });

  it('reads the catalogue page featured offer as used, at a Buy It Now price', () => {
    const [listing] = read(fixture('ebay/catalog-featured-offer.html'), 'https://www.ebay.com/p/1701411334');
    expect(listing?.condition).toBe('used');
    expect(listing?.price?.kind).toBe('fixed');
  });
});

describe('Amazon: condition and reviews', () => {
  it('reads a renewed phone as refurbished, at a fixed price, with its reviews', () => {
    const [listing] = read(fixture('amazon/renewed-phone.html'), 'https://www.amazon.com/dp/B0TESTRNW1');
    expect(listing).toMatchObject({
      condition: 'refurbished',
      price: { amount: 219, currency: 'USD', kind: 'fixed' },
      reviews: [
        'Battery health was at 91 percent and there was not a scratch on it. Very happy.',
        'The screen is clearly an aftermarket replacement and the settings page says unknown part.',
      ],
    });
  });

  it("reads the buy box's open offer: used when the used offer is the one priced", () => {
    const [listing] = read(fixture('amazon/used-offer-open.html'), 'https://www.amazon.com/dp/B0TESTUSD1');
    expect(listing?.condition).toBe('used');
    expect(listing?.price).toEqual({ amount: 48.1, currency: 'USD', kind: 'fixed' });
  });

  it('states no condition where the page states none, and no reviews on cards', () => {
    const [detail] = read(fixture('amazon/nike-third-party.html'), 'https://www.amazon.com/dp/B0TESTNIK1');
    expect(detail?.condition).toBeUndefined();
    const cards = read(fixture('amazon/search-portable-charger.html'), 'https://www.amazon.com/s?k=charger');
    expect(cards.length).toBeGreaterThan(0);
    for (const card of cards) expect(card.reviews).toBeUndefined();
  });
});

describe('other marketplaces and the generic layers', () => {
  it('reads an AggregateOffer as a range, its schema.org condition and its reviews, bounded', () => {
    const [listing] = read(
      fixture('shop/aggregate-offer-reviews.html'),
      'https://www.beanworks-outlet.example/products/grinder-220-r',
    );
    expect(listing?.price).toEqual({ amount: 89, currency: 'USD', max: 129, kind: 'range' });
    expect(listing?.condition).toBe('refurbished');
    expect(listing?.reviews).toHaveLength(2);
    expect(listing?.reviews?.[0]).toBe(
      'Grinds evenly for espresso; you can\'t tell it was refurbished & the burrs are "like new".',
    );
    expect(listing?.reviews?.[1]).toHaveLength(600);
  });

  it('keeps at most 40 reviews', () => {
    const reviews = Array.from({ length: 55 }, (_, i) => ({ '@type': 'Review', reviewBody: `Review number ${i}` }));
    const html = `<html><head><script type="application/ld+json">${JSON.stringify({
      '@type': 'Product',
      name: 'Desk Lamp',
      sku: 'DL-1',
      review: reviews,
    })}</script></head><body><h1>Desk Lamp</h1></body></html>`;
    const [listing] = read(html, 'https://lamps.example/desk-lamp');
    expect(listing?.reviews).toHaveLength(40);
  });

  it('reads Mercado Livre "Usado" and the opinions shown', () => {
    const [listing] = read(
      fixture('mercadolibre/item-br-usado.html'),
      'https://produto.mercadolivre.com.br/MLB-3300000001-fone-de-ouvido-sem-fio-modelo-q3-preto-_JM',
    );
    expect(listing).toMatchObject({
      condition: 'used',
      price: { amount: 149.9, currency: 'BRL', kind: 'fixed' },
      reviews: ['Chegou rápido, som muito bom para o preço.', 'Veio sem a caixa original, mas funciona.'],
    });
  });

  it('reads a Walmart "Restored" item as refurbished, with its JSON-LD reviews', () => {
    const [listing] = read(
      fixture('walmart/ip-restored-laptop.html'),
      'https://www.walmart.com/ip/Restored-Notebook-Pro-14/5550001234',
    );
    expect(listing).toMatchObject({
      condition: 'refurbished',
      price: { amount: 389.99, currency: 'USD', kind: 'fixed' },
      reviews: [
        'Arrived clean with a new charger, battery lasts all day.',
        'Two keys were shiny from use; otherwise fine.',
      ],
    });
  });

  it('reads an Alibaba price that holds from two pieces as a tier', () => {
    const [listing] = read(
      fixture('alibaba/detail-tiered-earbuds.html'),
      'https://www.alibaba.com/product-detail/Wireless-Earbuds_1600000000123.html',
    );
    expect(listing?.price).toEqual({ amount: 4.9, currency: 'USD', kind: 'tier' });
    expect(listing?.condition).toBeUndefined();
  });

  it('reads Alibaba result cards by their minimum order and range', () => {
    const listings = read(
      fixture('alibaba/search-wall-art.html'),
      'https://www.alibaba.com/trade/search?SearchText=wall+art',
    );
    expect(listings.every((listing) => listing.price === undefined || listing.price.kind === 'tier')).toBe(true);
  });
});
