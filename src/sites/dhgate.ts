import { HOSTS } from '../listing/hosts';
import { SCHEMA_CONDITION, SCHEMA_REVIEWS } from './generic';
import type { SiteRules } from './rules';

/**
 * DHgate. No saved page was available: the selectors follow DHgate's markup as known from the
 * live site (item codes on result cards, store links under /store/<n>) and its schema.org data;
 * check them against a real page before trusting them.
 */
export const dhgate: SiteRules = {
  marketplace: 'dhgate',
  hosts: HOSTS.dhgate,
  pages: [
    // /product/some-slug/888123456.html
    { kind: 'detail', path: '^/product/[^/?#]+/(\\d{6,12})\\.html' },
    { kind: 'search', path: '^/(?:wholesale/search\\.do|w/[^/?#]+|wholesale/[^/?#]+/c\\d+\\.html)' },
    { kind: 'store', path: '^/store/(?:top-selling/|products/)?\\d+' },
  ],
  listingUrl: 'https://www.dhgate.com/product/item/{id}.html',
  idPattern: '\\d{6,12}',
  detail: {
    fields: {
      title: [
        { jsonld: 'name', finds: 'the product name from schema.org, "Wireless Earbuds TWS Bluetooth 5.3…"' },
        { css: 'h1', finds: 'the product heading' },
        { meta: 'og:title', finds: 'the share title' },
      ],
      brand: [{ jsonld: 'brand', finds: 'a brand the seller states in schema.org data (often absent)' }],
      price: [
        { css: '[class*="productPrice"], .price-box .price', finds: 'the price shown, "US $12.07 - 15.52"' },
        { jsonld: 'offers.lowPrice', finds: 'the low end of the offer range, 12.07' },
        { jsonld: 'offers.price', finds: 'the offer price, 12.07' },
      ],
      currency: [{ jsonld: 'offers.priceCurrency', finds: 'the ISO code of the offer, "USD"' }],
      seller: [
        {
          css: '.store-name a, a[class*="storeName"], [class*="seller-name"] a',
          finds: 'the store, "Shenzhen Soundwave Store"',
        },
        { jsonld: 'offers.seller.name', finds: 'the seller in schema.org data' },
      ],
      sellerId: [
        {
          css: '.store-name a, a[class*="storeName"], [class*="seller-name"] a',
          attr: 'href',
          parse: 'storeIdFromHref',
          finds: 'the store number in the store link, "/store/21587654"',
        },
      ],
      image: [
        { jsonld: 'image', finds: 'the main image in schema.org data' },
        { meta: 'og:image', finds: 'the share image' },
      ],
      condition: SCHEMA_CONDITION,
      priceKind: [
        {
          css: '[class*="minOrder"], [class*="min-order"]',
          parse: 'minOrder',
          finds: 'the minimum order, "Min. Order: 2 Pieces": above one piece the price is a tier',
        },
        {
          css: '[class*="productPrice"], .price-box .price',
          parse: 'rangeIsTier',
          finds: 'a wholesale price range over order quantities, "US $12.07 - 15.52 / Piece"',
        },
      ],
      reviews: [
        { css: '[class*="reviewContent"], .review-content', finds: 'the text of each buyer review shown' },
        ...SCHEMA_REVIEWS,
      ],
    },
    badge: [{ css: 'h1', finds: 'the product heading' }],
  },
  cards: {
    item: {
      css: '#proList [data-itemcode], .gallery-main [data-itemcode]',
      finds: 'each result of the main list, marked with its item code, not the recommendation rows',
    },
    fields: {
      id: [
        { css: ':scope', attr: 'data-itemcode', finds: 'the item code, 888123456' },
        { css: 'a[href*="/product/"]', attr: 'href', finds: 'the link to the product page' },
      ],
      title: [
        { css: '.pro-title a, h3 a', attr: 'title', finds: 'the full title on the title link' },
        { css: '.pro-title, h3', finds: 'the title text, "Wireless Earbuds TWS…"' },
      ],
      price: [{ css: '.price', finds: 'the price, "US $12.07 - 15.52" or "US $3.99"' }],
      seller: [{ css: '.seller a, a[href*="/store/"]', finds: 'the store link under the card' }],
      sellerId: [
        {
          css: '.seller a, a[href*="/store/"]',
          attr: 'href',
          parse: 'storeIdFromHref',
          finds: 'the store number in the store link',
        },
      ],
      image: [{ css: 'img', attr: 'src', finds: 'the card thumbnail' }],
      sponsored: [{ css: ':scope.ad-item, .ad-tag', finds: 'the "Ad" mark of promoted results' }],
      priceKind: [
        {
          css: '.min-order, [class*="minOrder"]',
          parse: 'minOrder',
          finds: 'the minimum order under the price, "Min. Order: 2 Pieces"',
        },
        {
          css: '.price',
          parse: 'rangeIsTier',
          finds: 'a wholesale price range over order quantities, "US $12.07 - 15.52"',
        },
      ],
    },
    badge: [
      { css: '.pro-title', finds: 'the title block' },
      { css: 'h3', finds: 'the title heading' },
    ],
  },
};
