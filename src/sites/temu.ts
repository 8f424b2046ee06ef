import { HOSTS } from '../listing/hosts';
import { SCHEMA_CONDITION, SCHEMA_REVIEWS } from './generic';
import type { SiteRules } from './rules';

/**
 * Temu. No saved page was available: the rules lean on what Temu's pages carry whatever their
 * (generated) class names: product links ending in -g-<goodsId>.html, schema.org Product data and
 * share meta tags. Country sites live under a path (temu.com/uk/, /de/, /ca/): their prices print
 * their own symbol (£, €), but a bare "$" on /ca/ or /au/ is read as USD: the rules map a host to
 * one currency and cannot say that a path changes it.
 */
export const temu: SiteRules = {
  marketplace: 'temu',
  hosts: HOSTS.temu,
  // temu.com serves each country under a path of its own, priced in its currency.
  pathCurrencies: [
    { path: '^/uk/', currency: 'GBP' },
    { path: '^/(?:de|fr|it|es|nl|at|be|ie|pt)(?:-[a-z]{2})?/', currency: 'EUR' },
    { path: '^/ca(?:-fr)?/', currency: 'CAD' },
    { path: '^/au/', currency: 'AUD' },
    { path: '^/nz/', currency: 'NZD' },
    { path: '^/mx/', currency: 'MXN' },
    { path: '^/jp/', currency: 'JPY' },
    { path: '^/pl/', currency: 'PLN' },
    { path: '^/se/', currency: 'SEK' },
    { path: '^/ch(?:-fr)?/', currency: 'CHF' },
  ],
  pages: [
    // /wireless-earbuds-g-601099512345678.html, /uk/…-g-….html
    { kind: 'detail', path: '^/(?:[a-z]{2}(?:-[a-z]{2})?/)?[^/?#]*-g-(\\d{6,20})\\.html' },
    { kind: 'search', path: '^/(?:[a-z]{2}(?:-[a-z]{2})?/)?search_result\\.html' },
    { kind: 'store', path: '^/(?:[a-z]{2}(?:-[a-z]{2})?/)?[^/?#]*-m-\\d{6,20}\\.html' },
  ],
  listingUrl: 'https://www.temu.com/goods.html?goods_id={id}',
  idPattern: '\\d{6,20}',
  detail: {
    fields: {
      title: [
        { jsonld: 'name', finds: 'the product name from schema.org, "Wireless Earbuds Bluetooth 5.3…"' },
        { css: 'h1', finds: 'the product heading' },
        { meta: 'og:title', finds: 'the share title' },
      ],
      brand: [{ jsonld: 'brand', finds: 'a brand stated in schema.org data (often absent)' }],
      price: [
        { jsonld: 'offers.price', finds: 'the offer price, 7.48' },
        { jsonld: 'offers.lowPrice', finds: 'the low end of an AggregateOffer, 7.48' },
      ],
      currency: [{ jsonld: 'offers.priceCurrency', finds: 'the ISO code of the offer, "USD" or "GBP"' }],
      seller: [
        { jsonld: 'offers.seller.name', finds: 'the store in schema.org data, "Brightway Audio"' },
        { css: 'a[href*="-m-"]', finds: 'the link to the store page, "Brightway Audio"' },
      ],
      image: [
        { jsonld: 'image', finds: 'the main image in schema.org data' },
        { meta: 'og:image', finds: 'the share image' },
      ],
      condition: SCHEMA_CONDITION,
      priceKind: [{ value: 'fixed', finds: 'Temu sells at fixed prices: no auctions, no quantity tiers' }],
      reviews: SCHEMA_REVIEWS,
    },
    badge: [{ css: 'h1', finds: 'the product heading' }],
  },
  cards: {
    item: {
      css: '.js-search-goodsList [data-tooltip^="goodContainer"], #js-search-goodsList [role="listitem"]',
      finds: 'each result of the search list, not the "Explore your interests" rows',
    },
    fields: {
      id: [{ css: 'a[href*="-g-"]', attr: 'href', finds: 'the product link, "/…-g-601099512345678.html"' }],
      title: [
        { css: 'h2, h3', finds: 'the card title' },
        { css: 'img[alt]', attr: 'alt', finds: 'the thumbnail alt text, which repeats the title' },
      ],
      price: [{ css: '[data-type="price"]', attr: 'aria-label', finds: 'the price read aloud, "$7.48"' }],
      image: [{ css: 'img', attr: 'src', finds: 'the card thumbnail' }],
      sponsored: [{ css: '[data-type="ad"], [aria-label="Ad"]', finds: 'an "Ad" mark on promoted goods' }],
      priceKind: [{ value: 'fixed', finds: 'Temu sells at fixed prices: no auctions, no quantity tiers' }],
    },
    badge: [
      { css: 'h2, h3', finds: 'the card title' },
      { css: ':scope', finds: 'the card itself' },
    ],
  },
};
