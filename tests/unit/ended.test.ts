import { describe, expect, it } from 'vitest';
import { EVERY_SITE } from '../../src/sites';
import { parsers } from '../../src/sites/parsers';
import { endedListing, readPage } from '../../src/sites/read';
import { parseHtml } from '../support/fixtures';

const page = (body: string, title = 'A shop') =>
  parseHtml(`<!doctype html><html><head><title>${title}</title></head><body>${body}</body></html>`);
const ended = (document: Document, href: string, status?: number) => {
  const read = readPage(document, href, EVERY_SITE).listings.length > 0;
  return endedListing(document, href, EVERY_SITE.sites, { status, read });
};

describe('a listing the marketplace says has ended or was taken down', () => {
  it('knows the words in the locales served, and not the words of a listing out of stock', () => {
    for (const said of [
      'This listing was ended by the seller because the item is no longer available.',
      'Bidding has ended on this item.',
      'Dieses Angebot wurde beendet.',
      'Cette annonce est terminée.',
      "Désolé, cet article n'est plus disponible.",
      'Questa inserzione è terminata.',
      'Esta publicación ha finalizado',
      'Este anúncio foi finalizado',
      'Товар снят с продажи',
      'Page Not Found',
      'この商品の出品は終了しました',
      '该商品已下架',
    ])
      expect(parsers.ended(said), said).toBe('ended');
    for (const said of [
      'Currently unavailable.',
      'Ausverkauft',
      'Sold out',
      'Only 2 left in stock',
      'Endless Summer Dress',
      'Ended Tour T-Shirt',
    ])
      expect(parsers.ended(said), said).toBe('');
  });

  it('takes the marketplace’s own mark of an ended listing even where the page still shows the listing', () => {
    const href = 'https://www.ebay.com/itm/305612345678';
    const shown = page(
      `<div class="d-statusmessage">This listing was ended by the seller because the item is no longer available.</div>
       <h1 class="x-item-title__mainTitle"><span>Nike Air Max 90</span></h1>
       <div class="x-price-primary"><span>US $89.99</span></div>`,
    );
    expect(readPage(shown, href, EVERY_SITE).listings).toHaveLength(1);
    expect(ended(shown, href)).toEqual({ key: 'ebay:305612345678', marketplace: 'ebay' });
  });

  it('takes a page answered "not found", or worded so where no listing could be read, at a listing’s address', () => {
    const href = 'https://www.amazon.de/dp/B0CXYZ1234';
    const gone = page('<h1>Suchen Sie etwas bestimmtes?</h1>', 'Amazon.de: Seite wurde nicht gefunden');
    expect(ended(gone, href)).toEqual({ key: 'amazon:B0CXYZ1234', marketplace: 'amazon' });
    const blank = page('<div id="a-page"></div>');
    expect(ended(blank, href)).toBeUndefined();
    expect(ended(blank, href, 404)).toEqual({ key: 'amazon:B0CXYZ1234', marketplace: 'amazon' });
    expect(ended(blank, href, 410)).toBeDefined();
    expect(ended(blank, href, 503)).toBeUndefined();
  });

  it('reads no listing at a product address whose page says nothing is there, whatever else it shows', () => {
    const href = 'https://de.aliexpress.com/item/1005000000000001.html';
    const gone = page(
      `<div class="not-found--desc--x1">Sorry, the page you requested can not be found</div>
       <script>window.runParams = {"data": {"titleModule": {"subject": "Recommended filament 1 kg"}}};</script>
       <div class="recommend"><a href="/item/1005000000000002.html">Recommended filament 1 kg</a> 19,99 €</div>`,
    );
    expect(readPage(gone, href, EVERY_SITE)).toMatchObject({ kind: 'unknown', listings: [] });
    expect(ended(gone, href)).toEqual({ key: 'aliexpress:1005000000000001', marketplace: 'aliexpress' });
    expect(parsers.notFound('Leider wurde die Seite nicht gefunden')).toBe('gone');
    // Ended is not "nothing here": an ended eBay item is still its own page.
    expect(parsers.notFound('This listing was ended by the seller')).toBe('');
  });

  it('never takes a listing that reads for gone, nor a page whose address names no listing', () => {
    const href = 'https://www.ebay.com/itm/305612345678';
    // The product's own name holds the words: the listing reads, so only the marketplace's mark counts.
    // (A name saying "page not found" would be taken for a 404 page: no product is named so, it is hoped.)
    const named = page(
      `<h1 class="x-item-title__mainTitle"><span>No Longer Available: a novel, first edition</span></h1>
       <div class="x-price-primary"><span>US $12.00</span></div>`,
      'No Longer Available: a novel | eBay',
    );
    expect(readPage(named, href, EVERY_SITE).listings).toHaveLength(1);
    expect(ended(named, href, 200)).toBeUndefined();
    const search = page('<h1>Page not found</h1>');
    expect(ended(search, 'https://www.ebay.com/sch/i.html?_nkw=nike', 404)).toBeUndefined();
    expect(ended(search, 'https://www.example.com/product/1', 404)).toBeUndefined();
  });
});
