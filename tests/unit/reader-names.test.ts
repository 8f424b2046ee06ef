import { describe, expect, it } from 'vitest';
import { decodeSavedPage } from '../../src/cli/dom';
import { EVERY_SITE } from '../../src/sites';
import { readFallback } from '../../src/sites/fallback/index';
import { fallbackPage, readPage } from '../../src/sites/read';
import { siteNames, withoutSiteName } from '../../src/sites/text';
import { parseHtml } from '../support/fixtures';

describe('a shop’s own name is not the product’s', () => {
  it('knows a shop’s names from its address', () => {
    expect(siteNames('pt.aliexpress.com')).toEqual(['aliexpress']);
    expect(siteNames('www.amazon.co.uk')).toEqual(['amazon']);
    expect(siteNames('item.rakuten.co.jp')).toEqual(['item', 'rakuten']);
  });

  it('cuts the shop’s name a page title adds before or after the product’s, never the name itself', () => {
    expect(withoutSiteName('GaN charger USB C 65W, wall plug EU/US - AliExpress 509', 'es.aliexpress.com')).toBe(
      'GaN charger USB C 65W, wall plug EU/US',
    );
    expect(withoutSiteName('Amazon.com: Nike Air Force 1 Low', 'www.amazon.com')).toBe('Nike Air Force 1 Low');
    expect(withoutSiteName('Vintage lamp, brass | eBay', 'www.ebay.de')).toBe('Vintage lamp, brass');
    // A name the shop's name sits inside, or that would be left too short, stands.
    expect(withoutSiteName('Amazon Echo Dot (5th Gen)', 'www.amazon.com')).toBe('Amazon Echo Dot (5th Gen)');
    expect(withoutSiteName('Mug - eBay', 'www.ebay.com')).toBe('Mug - eBay');
  });

  it('takes a heading that is the shop’s name for its logo, and reads the product from what else the page says', () => {
    const document = parseHtml(`<!doctype html><html><head>
      <title>QCY H3 Lite ANC headphones, wireless over-ear, 60 h - AliExpress 44</title>
      </head><body><header><h1>AliExpress</h1></header>
      <main><div>QCY H3 Lite ANC headphones, wireless over-ear, 60 h</div><div>R$ 149,90</div></main></body></html>`);
    const href = 'https://pt.aliexpress.com/item/1005008715596777.html';
    const read = readPage(document, href, {
      ...EVERY_SITE,
      fallback: (doc, page) => readFallback(doc, page, { ms: 2000 }),
    });
    expect(read.listings.map((found) => found.listing.title)).toEqual([
      'QCY H3 Lite ANC headphones, wireless over-ear, 60 h',
    ]);
    expect(fallbackPage(href, EVERY_SITE)).toBeDefined();
  });
});

describe('a saved page read in the encoding it was saved in', () => {
  const html = '<html><head><meta charset="utf-8"><title>Gua sha ¥ 4,36 €</title></head></html>';
  it('follows a byte-order mark, then a meta charset, else takes UTF-8', () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(html, 'utf16le'))]);
    expect(decodeSavedPage(utf16)).toBe(html);
    const eucJp = new Uint8Array([
      ...Buffer.from('<meta charset="EUC-JP"><title>', 'latin1'),
      0xb3,
      0xda,
      0xc5,
      0xb7,
      ...Buffer.from('</title>', 'latin1'),
    ]);
    expect(decodeSavedPage(eucJp)).toBe('<meta charset="EUC-JP"><title>楽天</title>');
    expect(decodeSavedPage(new Uint8Array(Buffer.from(html)))).toBe(html);
    const unknown = '<meta charset="x-no-such"><p>é</p>';
    expect(decodeSavedPage(new Uint8Array(Buffer.from(unknown)))).toBe(unknown);
  });
});

describe('Amazon’s price drawn in parts', () => {
  it('reads the shown whole, decimal and fraction where the screen-reader copy is empty, not the struck list price', () => {
    const document = parseHtml(`<!doctype html><html><body>
      <span id="productTitle">The Art of the Film, hardcover</span>
      <div id="corePriceDisplay_desktop_feature_div">
        <span class="a-price priceToPay"><span class="a-offscreen"> </span><span aria-hidden="true"><span class="a-price-whole">33<span class="a-price-decimal">,</span></span><span class="a-price-fraction">69</span><span class="a-price-symbol">€</span></span></span>
        <span class="a-price a-text-price" data-a-strike="true"><span class="a-offscreen">40,13€</span><span aria-hidden="true">40,13€</span></span>
      </div></body></html>`);
    const [found] = readPage(document, 'https://www.amazon.fr/dp/0241401127', EVERY_SITE).listings;
    expect(found?.listing.price).toMatchObject({ amount: 33.69, currency: 'EUR' });
  });
});
