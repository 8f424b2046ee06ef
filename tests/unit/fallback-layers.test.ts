import { describe, expect, it } from 'vitest';
import { parseSavedPage } from '../../src/cli/dom';
import { EVERY_SITE } from '../../src/sites';
import { readFallback } from '../../src/sites/fallback/index';
import { agreedTitle } from '../../src/sites/fallback/product';
import { readPage } from '../../src/sites/read';

/** Pages written for these tests: the markup of no real site, only the shapes the layers look for. */
const page = (head: string, body: string, lang = 'en') =>
  parseSavedPage(`<!doctype html><html lang="${lang}"><head>${head}</head><body>${body}</body></html>`);
const unhurried = { ms: 5000 };
const shop = (path = '/') => new URL(`https://shop.example${path}`);
const read = (document: Document, url = shop(), local?: string) =>
  readFallback(document, { url, local, kind: 'unknown' }, unhurried);

/** A grid of cards with meaningless class names: found by its shape alone. */
function grid(
  count: number,
  card = (i: number) =>
    `<div class="q${i % 3}"><a href="/p/item-${i}"><img src="/img/${i}.jpg" alt="Thing ${i}"><span>Walnut desk lamp number ${i}</span></a><div class="zz"><span>$${(19 + i).toFixed(2)}</span></div></div>`,
) {
  return `<div class="x1">${Array.from({ length: count }, (_, i) => card(i)).join('')}</div>`;
}

describe('structured data layer', () => {
  it('reads a JSON-LD Product inside a @graph, with an AggregateOffer as a range', () => {
    const document = page(
      `<title>Canvas tote | Example shop</title><script type="application/ld+json">${JSON.stringify({
        '@context': 'https://schema.org',
        '@graph': [
          { '@type': 'WebPage', name: 'Canvas tote' },
          {
            '@type': 'ProductGroup',
            name: 'Canvas tote',
            sku: 'TOTE-1',
            brand: { '@type': 'Brand', name: 'Acme' },
            offers: { '@type': 'AggregateOffer', lowPrice: '24.50', highPrice: '39.00', priceCurrency: 'EUR' },
          },
        ],
      })}</script>`,
      '<h1>Canvas tote</h1>',
    );
    const reading = read(document);
    expect(reading.kind).toBe('detail');
    expect(reading.product).toMatchObject({
      title: 'Canvas tote',
      id: 'TOTE-1',
      brand: 'Acme',
      price: { amount: 24.5, currency: 'EUR', max: 39, kind: 'range' },
      from: { title: 'structured', price: 'structured', brand: 'structured' },
    });
  });

  it('reads a JSON-LD ItemList as the result list', () => {
    const items = Array.from({ length: 6 }, (_, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      item: {
        '@type': 'Product',
        name: `Mug ${i}`,
        url: `https://shop.example/mug-${i}`,
        offers: { price: 8 + i, priceCurrency: 'GBP' },
      },
    }));
    const document = page(
      `<script type="application/ld+json">${JSON.stringify({ '@type': 'ItemList', itemListElement: items })}</script>`,
      '<h1>Mugs</h1>',
    );
    const reading = read(document);
    expect(reading.kind).toBe('search');
    expect(reading.cards.map((card) => [card.title, card.price?.amount, card.price?.currency])).toEqual(
      items.map((_, i) => [`Mug ${i}`, 8 + i, 'GBP']),
    );
  });

  it('reads old microdata cards, one item per card, with their own elements', () => {
    const card = (i: number) =>
      `<div itemscope itemtype="http://schema.org/Product"><a itemprop="url" href="/ip/${i}"><span itemprop="name">Garden hose ${i}</span></a><div itemprop="offers" itemscope itemtype="http://schema.org/Offer"><meta itemprop="priceCurrency" content="USD"><span itemprop="price">${10 + i}.99</span></div></div>`;
    const document = page('', `<ul>${Array.from({ length: 5 }, (_, i) => `<li>${card(i)}</li>`).join('')}</ul>`);
    const reading = read(document);
    expect(reading.kind).toBe('search');
    expect(reading.cards).toHaveLength(5);
    expect(reading.cards[2]).toMatchObject({
      title: 'Garden hose 2',
      price: { amount: 12.99, currency: 'USD' },
      url: 'https://shop.example/ip/2',
    });
  });

  it('reads RDFa product properties', () => {
    const document = page(
      '<title>Oak stool</title>',
      '<div vocab="https://schema.org/" typeof="Product"><h1 property="name">Oak stool</h1><div property="offers" typeof="Offer"><span property="price" content="120.00">120</span><meta property="priceCurrency" content="CAD"></div></div>',
    );
    expect(read(document).product).toMatchObject({ title: 'Oak stool', price: { amount: 120, currency: 'CAD' } });
  });

  it('takes an Open Graph product with its price tags', () => {
    const document = page(
      '<title>Linen shirt</title><meta property="og:type" content="product"><meta property="og:title" content="Linen shirt"><meta property="product:price:amount" content="45.00"><meta property="product:price:currency" content="AUD">',
      '<h1>Linen shirt</h1>',
    );
    expect(read(document)).toMatchObject({
      kind: 'detail',
      product: { title: 'Linen shirt', price: { amount: 45, currency: 'AUD' } },
    });
  });
});

describe('embedded JSON layer', () => {
  const products = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      productId: `P${i}`,
      productName: `Wool scarf ${i}`,
      salePrice: { value: 15 + i, currency: 'EUR' },
      listPrice: { value: 99, currency: 'EUR' },
      imageUrl: `/i/${i}.jpg`,
    }));

  it('walks __NEXT_DATA__ for product-shaped objects, taking the sale price, not the list price', () => {
    const document = page(
      '',
      `<h1>Scarves</h1><script id="__NEXT_DATA__" type="application/json">${JSON.stringify({ props: { pageProps: { search: { results: products(7) } } } })}</script>`,
    );
    const reading = read(document);
    expect(reading.kind).toBe('search');
    expect(reading.cards).toHaveLength(7);
    expect(reading.cards[3]).toMatchObject({
      title: 'Wool scarf 3',
      price: { amount: 18, currency: 'EUR' },
      id: 'P3',
      from: { title: 'embedded' },
    });
  });

  it('finds state assigned to window variables, in JSON.parse strings and in data attributes', () => {
    const state = JSON.stringify({ list: products(4) });
    for (const body of [
      `<script>window.__INITIAL_STATE__ = ${state};</script>`,
      `<script>var x = 1; window.__PRELOADED_STATE__ = JSON.parse(${JSON.stringify(state)});</script>`,
      `<div data-state='${state.replace(/'/g, '&#39;')}'></div>`,
    ]) {
      const reading = read(page('', `<h1>Scarves</h1>${body}`));
      expect(
        reading.cards.map((card) => card.title),
        body.slice(0, 40),
      ).toEqual(products(4).map((p) => p.productName));
    }
  });

  it('gives no price where the JSON states an amount but no currency', () => {
    const bare = Array.from({ length: 5 }, (_, i) => ({ id: i, title: `Tea cup ${i}`, price: 12 + i, url: `/t/${i}` }));
    const reading = read(page('', `<h1>Cups</h1><script>window.data = ${JSON.stringify({ items: bare })};</script>`));
    expect(reading.cards).toHaveLength(5);
    expect(reading.cards.every((card) => card.price === undefined)).toBe(true);
  });
});

describe('a product page drawn by script, known by its state JSON', () => {
  const state = (product: object) =>
    `<script>window.__APP__ = ${JSON.stringify({ pdp: { product }, related: [] })};</script>`;
  const menu =
    '<nav><a href="/s">Shirts under ₹599</a><a href="/t">Tops under ₹399</a><a href="/j">Jeans under ₹699</a></nav>';
  const shirt = {
    id: 4401,
    name: 'Linen Shirt With Mandarin Collar',
    price: { mrp: 1299, discounted: 899 },
    image: '/s.jpg',
  };

  it('reads the product its title names, at the price paid, in the currency the page prints', () => {
    const document = page(
      '<title>Buy Linen Shirt With Mandarin Collar - Shirts for Men | Shop</title>',
      menu + state(shirt),
    );
    const reading = read(document);
    expect(reading.kind).toBe('detail');
    expect(reading.product).toMatchObject({
      title: 'Linen Shirt With Mandarin Collar',
      price: { amount: 899, currency: 'INR' },
      from: { title: 'embedded' },
    });
  });

  it('reads it with no price where the page prints prices in several currencies', () => {
    const mixed =
      '<nav><a href="/a">Gifts under $20</a><a href="/b">Gifts under €20</a><a href="/c">Gifts under £20</a></nav>';
    const reading = read(page('<title>Linen Shirt With Mandarin Collar | Shop</title>', mixed + state(shirt)));
    expect(reading.kind).toBe('unknown');
    expect(reading.product).toBeUndefined();
  });

  it('does not take a product the title does not name, nor one of two it names, for the page', () => {
    const other = page('<title>Summer shirts | Shop</title>', menu + state(shirt));
    expect(read(other).kind).toBe('unknown');
    const twin = { ...shirt, id: 4402, name: 'Cotton Shirt With Band Collar' };
    const both = page(
      '<title>Linen Shirt With Mandarin Collar and Cotton Shirt With Band Collar | Shop</title>',
      `${menu}<script>window.__APP__ = ${JSON.stringify({ a: shirt, b: twin })};</script>`,
    );
    expect(read(both).kind).toBe('unknown');
  });
});

describe('card layer: lists found by shape', () => {
  it('finds the main grid by structure and skips a short carousel', () => {
    const carousel = `<section>${Array.from({ length: 3 }, (_, i) => `<div><a href="/rec/${i}">Recommended ${i}</a><b>$5.00</b></div>`).join('')}</section>`;
    const reading = read(page('<title>Lamps</title>', `<h1>Lamps</h1>${carousel}${grid(24)}`));
    expect(reading.kind).toBe('search');
    expect(reading.cards).toHaveLength(24);
    expect(reading.cards[5]).toMatchObject({
      title: 'Walnut desk lamp number 5',
      price: { amount: 24, currency: 'USD' },
      url: 'https://shop.example/p/item-5',
      from: { title: 'cards' },
    });
  });

  it('takes the sale price, never the struck one or a per-unit price', () => {
    const card = (i: number) =>
      `<article><a href="/d/${i}"><h3>Coffee beans ${i}</h3></a><s>£20.00</s><span>£${12 + i}.00</span><span>(£${i + 1}.00 / 100 g)</span></article>`;
    const reading = read(page('', `<main>${grid(6, card)}</main>`));
    expect(reading.cards.map((found) => found.price?.amount)).toEqual([12, 13, 14, 15, 16, 17]);
  });

  it('does not take a saving, an instalment or a shipping cost for a price', () => {
    const card = (i: number) =>
      `<li><a href="/k/${i}">Kettle model ${i}</a><span>Save $10</span><span>4 payments of $5.00</span><span>$${30 + i}.00</span></li>`;
    const reading = read(page('', `<ul>${Array.from({ length: 4 }, (_, i) => card(i)).join('')}</ul>`));
    expect(reading.cards.map((found) => found.price?.amount)).toEqual([30, 31, 32, 33]);
  });

  it('takes a price with a free-shipping badge beside it, but not a shipping cost', () => {
    const card = (i: number) =>
      `<li><a href="/k/${i}">Kettle model ${i}</a><p><span>$</span><span>${30 + i}.00</span> <span>FREE shipping</span></p><span>+$4.99 shipping</span></li>`;
    const reading = read(page('', `<ul>${Array.from({ length: 4 }, (_, i) => card(i)).join('')}</ul>`));
    expect(reading.cards.map((found) => found.price?.amount)).toEqual([30, 31, 32, 33]);
  });
});

describe('card layer: lists as shops cut them', () => {
  it('joins a grid cut into rows, each in a wrapper of its own', () => {
    const row = (r: number) =>
      `<div class="w"><div class="row">${Array.from({ length: 4 }, (_, i) => `<div><a href="/p/${r}-${i}">Canvas sneaker ${r}-${i}</a><span>₹${499 + i}</span></div>`).join('')}</div></div>`;
    const reading = read(page('', `<main>${Array.from({ length: 6 }, (_, r) => row(r)).join('')}</main>`));
    expect(reading.cards).toHaveLength(24);
  });

  it('reads a product whose prices lead to two addresses (its page, its offers) as one card', () => {
    const card = (i: number) =>
      `<div class="result"><h2><a href="/dp/${i}">Power bank model ${i}</a></h2><div><a href="/dp/${i}"><span>$${20 + i}.99</span></a></div>${
        i % 2 ? `<div><a href="/offers/${i}">More buying choices <span>$${15 + i}.50</span></a></div>` : ''
      }</div>`;
    const reading = read(page('', `<div class="slot">${Array.from({ length: 10 }, (_, i) => card(i)).join('')}</div>`));
    expect(reading.cards.map((found) => [found.title, found.price?.amount])).toEqual(
      Array.from({ length: 10 }, (_, i) => [`Power bank model ${i}`, 20 + i + 0.99]),
    );
  });

  it('does not take unlike siblings with a price (a banner, a section) for cards', () => {
    const banner = '<div class="promo wide"><p>Members save more</p><span>$5.00</span></div>';
    const reading = read(
      page('', `<div class="x1">${grid(5).slice('<div class="x1">'.length, -'</div>'.length)}${banner}</div>`),
    );
    expect(reading.cards).toHaveLength(5);
  });

  it('reads a price indented in the markup, and marks it knows beyond the common ones', () => {
    const card = (i: number) =>
      `<li><a href="/v/${i}">Alpaca scarf ${i}</a><p>\n            S/ ${120 + i}\n          </p></li>`;
    const reading = read(page('', `<ul>${Array.from({ length: 4 }, (_, i) => card(i)).join('')}</ul>`));
    expect(reading.cards.map((found) => found.price)).toEqual(
      Array.from({ length: 4 }, (_, i) => ({ amount: 120 + i, currency: 'PEN' })),
    );
  });

  it('does not take a price its row labels as a reference, even written twice for screen readers', () => {
    const document = page(
      '<title>Chromebook 12 inch convertible - Example</title>',
      `<div><h1>Chromebook 12 inch convertible</h1><table><tr><td>Prix récent le plus bas :</td><td><span><span class="o">318,46 €</span><span aria-hidden="true">318,46 €</span></span></td></tr></table><div><span>209,00 €</span></div></div>`,
    );
    expect(read(document).product?.price).toEqual({ amount: 209, currency: 'EUR' });
  });

  it('does not take a saving written apart from its words for a price', () => {
    const document = page(
      '<title>Brass door handle - Example Hardware</title>',
      '<div><h1>Brass door handle</h1><a href="/card">Get <b>$50</b> off instantly with the store card</a><span>$34.50</span></div>',
    );
    expect(read(document).product?.price).toEqual({ amount: 34.5, currency: 'USD' });
  });
});

describe('page kind from the page', () => {
  it('takes the heading the title names without its variant for the product', () => {
    const document = page(
      '<title>Trail running shoe for men - Buy online at Example</title>',
      `<div><h1>Trail running shoe for men (Black, 8)</h1><div><span>₹</span><span>779</span></div></div><h2>Similar</h2>${grid(4)}`,
    );
    expect(read(document)).toMatchObject({
      kind: 'detail',
      product: { title: 'Trail running shoe for men (Black, 8)', price: { amount: 779, currency: 'INR' } },
    });
  });

  it('reads a saved page with no title of its own by its heading', () => {
    const document = page(
      '',
      `<div><h1>Leather low sneaker with custom logo for men</h1><span>$12.00</span></div>${grid(12)}`,
    );
    expect(read(document)).toMatchObject({ kind: 'detail', product: { price: { amount: 12, currency: 'USD' } } });
  });

  it('reads a product page with no structured data by its heading and buy box', () => {
    const document = page(
      '<title>Brass door handle - Example Hardware</title>',
      `<div><div><h1>Brass door handle</h1><div><span>$</span><span>34</span><span>.50</span></div><button>Add to cart</button></div></div><h2>Similar</h2>${grid(4)}`,
    );
    const reading = read(document);
    expect(reading.kind).toBe('detail');
    expect(reading.product).toMatchObject({ title: 'Brass door handle', price: { amount: 34.5, currency: 'USD' } });
  });

  it('takes the price shown just above the heading when none follows it', () => {
    const document = page(
      '<title>Brass door handle with lever - Example Hardware</title>',
      `<header><span>Orders over $99 ship free</span></header><div><div><div><span>$34.50</span></div><h1>Brass door handle with lever</h1><button>Add to cart</button></div></div>`,
    );
    expect(read(document)).toMatchObject({ kind: 'detail', product: { price: { amount: 34.5, currency: 'USD' } } });
    // A price far above the heading (the page's header) is not the product's.
    const far = page(
      '<title>Brass door handle with lever - Example Hardware</title>',
      `<main><div><div><div><span>$34.50</span></div></div></div><div><div><div><h1>Brass door handle with lever</h1></div></div></div></main>`,
    );
    expect(read(far).product?.price).toBeUndefined();
  });

  it("takes a marketplace's product address with a heading the title names for a product page, priced or not", () => {
    const document = page(
      '<title>Brass door handle with lever | Example Market</title>',
      '<div><h1>Brass door handle with lever</h1><button>Choose a finish to see the price</button></div>',
    );
    const at = (path: string, served: boolean) =>
      readFallback(document, { url: shop(path), local: undefined, kind: 'unknown', served }, unhurried).kind;
    expect(at('/products/brass-door-handle', true)).toBe('detail');
    expect(at('/brass-door-handle-10452231.html', true)).toBe('detail');
    // Any other site's "/p/…" is as likely a blog's page; a marketplace's help page has no product address.
    expect(at('/products/brass-door-handle', false)).toBe('unknown');
    expect(at('/help/brass-door-handle', true)).toBe('unknown');
  });

  it('finds the product name in a span the title names where the page has no h1', () => {
    const document = page(
      '<title>Buy Brass Door Handle With Lever Online - Door Hardware | Example</title>',
      `<nav><a href="/door">Brass door handle</a></nav><div><div><span class="n">Brass Door Handle With Lever</span><div><span>$34.50</span></div></div></div>`,
    );
    expect(read(document)).toMatchObject({
      kind: 'detail',
      product: { title: 'Brass Door Handle With Lever', price: { amount: 34.5, currency: 'USD' } },
    });
  });

  it('reads a product page beside a long carousel of other products, under a logo heading', () => {
    const document = page(
      '<title>Brass door handle with lever, satin finish - Example Hardware</title>',
      `<h1>Example Hardware</h1><div><div><h1>Brass door handle with lever, satin finish</h1><div><span>List Price:</span><span>$59.00</span></div><div><span>$34.50</span></div></div></div><h2>Customers also bought</h2>${grid(12)}`,
    );
    expect(read(document)).toMatchObject({
      kind: 'detail',
      product: { title: 'Brass door handle with lever, satin finish', price: { amount: 34.5, currency: 'USD' } },
    });
  });

  it('does not take a category page whose title names its heading for a product page', () => {
    const document = page(
      '<title>Desk lamps - Example</title>',
      `<div><h1>Desk lamps</h1><span>$9.99</span></div>${grid(12)}`,
    );
    expect(read(document).kind).toBe('search');
  });

  it('does not take a result page with a heading for a product page', () => {
    const document = page(
      '<title>desk lamp - Example</title>',
      `<h1>desk lamp search results</h1><aside><label>$25 - $49.99</label></aside>${grid(12)}`,
    );
    expect(read(document).kind).toBe('search');
  });

  it('does not take the first card of a long list without pictures for the buy box of a heading the title names', () => {
    const noPictures = grid(
      12,
      (i) =>
        `<div class="r${i % 2}"><a href="/ad/${i}">Used bicycle cover in good shape ${i}</a><span>$${30 + i}</span></div>`,
    );
    const document = page(
      '<title>Bicycle cover for sale near you - Example</title>',
      `<main><div><h1>Bicycle cover for sale near you</h1></div><section>${noPictures}</section></main>`,
    );
    expect(read(document)).toMatchObject({ kind: 'search', cards: { length: 12 } });
  });

  it('takes a heading whose variant the title words its own way for the product, beside a few cards', () => {
    const document = page(
      '<title>Trail running shoe Peak 5 ( Size 8 Wide, Black Graphite ) Online at Best Price</title>',
      `<main><div><h1>Trail running shoe Peak 5 (Black Graphite, Size 8 Wide)</h1><div><span>₹</span><span>5,779</span></div></div></main><h2>Similar</h2>${grid(4)}`,
    );
    expect(read(document)).toMatchObject({
      kind: 'detail',
      product: {
        title: 'Trail running shoe Peak 5 (Black Graphite, Size 8 Wide)',
        price: { amount: 5779, currency: 'INR' },
      },
    });
  });

  it('takes a page that says it is a product’s, with a heading the title names, for one beside many cards', () => {
    const document = page(
      '<title>Trail running shoe Peak 5 for men | Example</title><meta property="og:type" content="product">',
      `<main><div><h1>Trail running shoe Peak 5 for men</h1><div class="price"></div></div></main><h2>You may also like</h2>${grid(12)}`,
    );
    expect(read(document)).toMatchObject({ kind: 'detail', product: { title: 'Trail running shoe Peak 5 for men' } });
  });

  it('reads an article with a price in it as neither', () => {
    const document = page(
      '<title>Why lamps cost $40</title>',
      '<h1>Thoughts on lighting</h1><p>A good lamp costs about $40 these days.</p>',
    );
    expect(read(document)).toMatchObject({ kind: 'unknown', cards: [] });
  });

  it('says where a bare dollar or yen means another currency', () => {
    const cards = grid(4, (i) => `<div><a href="/x/${i}">Porcelain bowl ${i}</a><span>¥${100 + i}</span></div>`);
    expect(read(page('', cards, 'zh-CN')).cards[0]?.price).toEqual({ amount: 100, currency: 'CNY' });
    expect(read(page('', cards, 'ja')).cards[0]?.price).toEqual({ amount: 100, currency: 'JPY' });
    const dollars = grid(4, (i) => `<div><a href="/x/${i}">Maple syrup ${i}</a><span>$${10 + i}</span></div>`);
    expect(read(page('', dollars), new URL('https://shop.example.ca/')).cards[0]?.price?.currency).toBe('CAD');
    const crowns = grid(4, (i) => `<div><a href="/x/${i}">Wool blanket ${i}</a><span>${300 + i} kr.</span></div>`);
    expect(read(page('', crowns), new URL('https://shop.example.dk/')).cards[0]?.price?.currency).toBe('DKK');
    expect(read(page('', crowns), new URL('https://shop.example.no/')).cards[0]?.price?.currency).toBe('NOK');
  });
});

describe('the layers under the site rules', () => {
  it('takes a JSON result the markup numbers another way for the card it names, not for another card', () => {
    const names = ['Cotton baby wipes, 6 pack', 'Night diapers size 3, 120 count', 'Swim diapers, 12 count'];
    const tiles = names
      .map(
        (name, i) =>
          `<div data-item-id="60000${i}"><a href="/ip/60000${i}"><span data-automation-id="product-title">${name}</span></a><div data-automation-id="product-price"><span aria-hidden="true">$${10 + i}.97</span></div></div>`,
      )
      .join('');
    const json = {
      props: {
        pageProps: {
          initialData: {
            searchResult: {
              itemStacks: [
                {
                  items: [...names, 'Diaper rash cream, 4 oz'].map((name, i) => ({
                    usItemId: `X${i}ABC`,
                    name,
                    price: 10 + i,
                    priceInfo: { linePrice: `$${10 + i}.97` },
                  })),
                },
              ],
            },
          },
        },
      },
    };
    const document = page(
      '<title>diapers - Walmart.ca</title>',
      `<div data-testid="item-stack">${tiles}</div><script id="__NEXT_DATA__" type="application/json">${JSON.stringify(json)}</script>`,
    );
    const listings = readPage(document, 'https://www.walmart.ca/search?q=diapers', EVERY_SITE).listings;
    expect(listings.map((found) => found.listing.title)).toEqual([...names, 'Diaper rash cream, 4 oz']);
  });

  it('reads a marketplace page the rules do not know, says so, and names each field’s layer', () => {
    const document = page('<title>Results</title>', `<h1>Results for "lamp"</h1>${grid(16)}`);
    const reading = readPage(document, 'https://www.ebay.de/b/Lampen/112581', {
      ...EVERY_SITE,
      fallback: (d, p) => readFallback(d, p, unhurried),
    });
    expect(reading).toMatchObject({ marketplace: 'ebay', kind: 'search', fellBack: true });
    expect(reading.listings).toHaveLength(16);
    const [first] = reading.listings;
    expect(first?.listing).toMatchObject({
      marketplace: 'ebay',
      title: 'Walnut desk lamp number 0',
      price: { amount: 19, currency: 'USD' },
    });
    expect(first?.listing.key).toMatch(/^ebay:/);
    expect(first?.from).toMatchObject({ title: 'cards', price: 'cards', url: 'cards' });
    expect(first?.card).not.toBeNull();
  });

  it('adds the cards the rules missed where they read part of a list, each once', () => {
    const known = (i: number) =>
      `<li class="s-item"><a class="s-item__link" href="https://www.ebay.com/itm/30612345${1000 + i}"><span class="s-item__title">Walnut desk lamp number ${i}</span></a><span class="s-item__price">$${19 + i}.00</span><img src="/i/${i}.jpg"></li>`;
    const unknown = (i: number) =>
      `<li class="s-card-new"><a href="https://www.ebay.com/itm/30612345${1000 + i}"><img src="/i/${i}.jpg"><span>Walnut desk lamp number ${i}</span></a><span>$${19 + i}.00</span></li>`;
    const items = Array.from({ length: 20 }, (_, i) => (i < 8 ? known(i) : unknown(i))).join('');
    const document = page('<title>lamp | eBay</title>', `<ul class="srp-results">${items}</ul>`);
    const href = 'https://www.ebay.com/sch/i.html?_nkw=lamp';
    expect(readPage(document, href, EVERY_SITE).listings).toHaveLength(8);
    const reading = readPage(document, href, { ...EVERY_SITE, fallback: (d, p) => readFallback(d, p, unhurried) });
    expect(reading.listings.map((found) => found.listing.title)).toEqual(
      Array.from({ length: 20 }, (_, i) => `Walnut desk lamp number ${i}`).sort((a, b) =>
        a.localeCompare(b, 'en', { numeric: true }),
      ),
    );
    expect(reading.listings.slice(8).every((found) => found.from?.title === 'cards')).toBe(true);
  });

  it('passes over a price the rules find under a reference label, to the next candidate', () => {
    const document = page(
      '<title>Amazon.com: Brass door handle</title>',
      `<h1 id="title"><span id="productTitle">Brass door handle</span></h1>
       <div id="corePrice_feature_div"><table><tr><td>Typical price:</td><td><span class="a-price"><span class="a-offscreen">$59.00</span><span aria-hidden="true">$59.00</span></span></td></tr></table></div>
       <div id="apex_desktop"><span class="a-price"><span class="a-offscreen">$34.50</span></span></div>`,
    );
    const reading = readPage(document, 'https://www.amazon.com/dp/B0TESTDOR1', EVERY_SITE);
    expect(reading.listings[0]?.listing.price).toMatchObject({ amount: 34.5, currency: 'USD' });
  });

  it('reads nothing without the layers where the rules find nothing', () => {
    const document = page('', `<h1>x</h1>${grid(16)}`);
    expect(readPage(document, 'https://www.ebay.de/b/Lampen/112581', EVERY_SITE).listings).toEqual([]);
  });

  it('keys a product page with no id in its address by its canonical address', () => {
    const document = page(
      '<title>Felt slippers</title><link rel="canonical" href="https://shop.example/felt-slippers">',
      '<div><h1>Felt slippers</h1><span>€29,90</span></div>',
    );
    const reading = readPage(document, 'https://shop.example/felt-slippers?ref=nav', {
      ...EVERY_SITE,
      fallback: (d, p) => readFallback(d, p, unhurried),
    });
    expect(reading.kind).toBe('detail');
    expect(reading.listings[0]?.listing).toMatchObject({
      url: 'https://shop.example/felt-slippers',
      price: { amount: 29.9, currency: 'EUR' },
    });
    expect(reading.listings[0]?.listing.key).toMatch(/^shop:shop\.example~h[0-9a-z]+$/);
  });
});

describe('titles checked against the heading the page shows', () => {
  const readAt = (document: Document, href = 'https://shop.example/p/steel-bottle') =>
    readPage(document, href, { ...EVERY_SITE, fallback: (d, p) => readFallback(d, p, unhurried) }).listings[0]?.listing;
  const stated = (name: string) =>
    `<script type="application/ld+json">${JSON.stringify({ '@type': 'Product', name, sku: 'SB-750', offers: { price: '24.00', priceCurrency: 'EUR' } })}</script>`;

  it('leaves out what the heading hides from sight, for screen readers only', () => {
    const document = page(
      '<title>Steel water bottle 750 ml | Example</title>',
      '<main><h1 itemprop="name"><span class="u-hidden">Details about </span>Steel water bottle 750 ml</h1><span>€24,00</span></main>',
    );
    expect(readAt(document)?.title).toBe('Steel water bottle 750 ml');
    // Text kept from screen readers only (aria-hidden) is still seen: it stays.
    const seen = page(
      '<title>Steel water bottle 750 ml | Example</title>',
      '<main><h1><span aria-hidden="true">Steel water bottle</span> 750 ml</h1><span>€24,00</span></main>',
    );
    expect(readAt(seen)?.title).toBe('Steel water bottle 750 ml');
  });

  it('cuts a shop’s name glued on after a separator the heading leaves out', () => {
    const document = page(
      `<title>保温杯 不锈钢 500ml - Example</title>${stated('保温杯 不锈钢 500ml｜山田商店')}`,
      '<main><h1>保温杯 不锈钢 500ml</h1><span>€24,00</span></main>',
    );
    expect(readAt(document)?.title).toBe('保温杯 不锈钢 500ml');
  });
});

describe('titles cut to what the page agrees on', () => {
  it.each([
    ['The Night Garden Paperback – 1 Jan. 2020', ['The Night Garden', 'The Night Garden'], 'The Night Garden'],
    ['Steel water bottle | Free shipping', ['Steel water bottle'], 'Steel water bottle'],
    [
      'NVIDIA GeForce RTX 5090 FE Founders Edition-',
      ['NVIDIA GeForce RTX 5090 FE Founders Edition | eBay'],
      'NVIDIA GeForce RTX 5090 FE Founders Edition-',
    ],
    ['Steel water bottle 750 ml', ['Steel water bottle'], 'Steel water bottle 750 ml'],
    ['Steel water bottle 750 ml', ['Steel water bo…'], 'Steel water bottle 750 ml'],
    // The brand a heading shows before a name the structured data states without it is no label.
    ['Acme Steel water bottle', ['Steel water bottle', 'Steel water bottle'], 'Acme Steel water bottle'],
    ['Shop.example: Steel water bottle', ['Steel water bottle'], 'Steel water bottle'],
    ['保温杯 不锈钢 500ml｜山田商店', ['保温杯 不锈钢 500ml'], '保温杯 不锈钢 500ml'],
  ])('%s', (title, others, expected) => {
    expect(agreedTitle(title, others)).toBe(expected);
  });
});
