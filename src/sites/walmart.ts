import { HOSTS } from '../listing/hosts';
import { SCHEMA_CONDITION, SCHEMA_REVIEWS } from './generic';
import type { SiteRules } from './rules';

/**
 * Walmart (US, Canada, Mexico). Item pages carry a JSON-LD Product whose offer is the buy-box
 * price; the seller ("Sold and shipped by …") is shown for shipped items and otherwise lives
 * only in the page's `__NEXT_DATA__`. Search and browse results are `[data-item-id]` tiles,
 * and the same results sit in `__NEXT_DATA__` (searchResult.itemStacks[].items[]).
 */
export const walmart: SiteRules = {
  marketplace: 'walmart',
  hosts: HOSTS.walmart,
  pages: [
    // /ip/Great-Value-Whole-Milk/10450114, /ip/10450114, /en/ip/slug/6000204974254 (walmart.ca).
    { kind: 'detail', path: '^(?:/[a-z]{2})?/ip/(?:[^/?#]+/)?([0-9A-Z]{4,20})(?:[/?#]|$)' },
    { kind: 'search', path: '^(?:/[a-z]{2})?/(?:search|browse|shop|cp)(?:[/?#]|$)' },
    { kind: 'store', path: '^/seller/' },
  ],
  listingUrl: 'https://www.{host}/ip/{id}',
  idPattern: '[0-9A-Z]{4,20}',
  detail: {
    source: {
      script: 'script#__NEXT_DATA__',
      at: 'props.pageProps.initialData.data.product',
      finds: "the item's own data in Next.js's page JSON: name, brand, seller, price",
    },
    fields: {
      id: [
        { jsonld: 'sku', finds: 'the JSON-LD sku, the item id, "10450114"' },
        { css: 'link[rel="canonical"]', attr: 'href', finds: 'the canonical /ip/…/10450114 address' },
      ],
      title: [
        { css: 'h1#main-title', finds: 'the product heading, "Great Value Whole Vitamin D Milk, Gallon, 128 fl oz"' },
        { css: 'h1[itemprop="name"]', finds: 'the product heading on layouts without its id' },
        { jsonld: 'name', finds: 'the JSON-LD product name' },
      ],
      brand: [
        { jsonld: 'brand', finds: 'the JSON-LD brand, "Great Value"' },
        { css: 'a[href^="/c/brand/"]', finds: 'the brand link above the heading' },
      ],
      price: [
        { jsonld: 'offers.price', finds: 'the JSON-LD offer price, the buy-box price, 3.74' },
        {
          css: '[data-testid="price-wrap"] [itemprop="price"]',
          finds: 'the headline price, "$3.74", not the carousels\' prices',
        },
      ],
      currency: [
        { jsonld: 'offers.priceCurrency', finds: 'the JSON-LD offer currency, "USD"' },
        { css: '[data-testid="price-wrap"] [itemprop="priceCurrency"]', finds: 'the hidden currency, "USD"' },
      ],
      seller: [
        {
          css: '[data-testid="seller-name-link"]',
          finds: 'the seller of "Sold and shipped by …", "Walmart.com" or "Brightline Goods"',
        },
        {
          json: 'sellerDisplayName',
          finds: 'the seller the page JSON names, "Walmart.com", for store-only items that show none',
        },
      ],
      image: [
        { jsonld: 'image', finds: 'the JSON-LD product image' },
        { meta: 'og:image', finds: 'the sharing image' },
      ],
      condition: [
        {
          json: 'conditionType',
          parse: 'condition',
          finds: 'the condition in the page JSON, "New", "Restored: Like New", "Pre-Owned: Good"',
        },
        ...SCHEMA_CONDITION,
      ],
      priceKind: [{ value: 'fixed', finds: 'Walmart sells at fixed prices: no auctions, no quantity tiers' }],
      reviews: SCHEMA_REVIEWS,
    },
    badge: [
      { css: 'h1#main-title', finds: 'the product heading' },
      { css: 'h1[itemprop="name"]', finds: 'the product heading on layouts without its id' },
    ],
  },
  cards: {
    item: {
      css: '[data-testid="item-stack"] [data-item-id]',
      finds: 'each tile of the result stacks, organic and sponsored; carousels outside the stacks do not match',
    },
    placeholder: '[data-item-id=""]',
    fields: {
      id: [
        { css: ':scope', attr: 'data-item-id', finds: "the tile's item id, 10450114" },
        { css: 'a[href*="/ip/"]', attr: 'href', finds: 'the link to the item page' },
      ],
      title: [
        {
          css: '[data-automation-id="product-title"]',
          finds: 'the tile title, "Great Value 2% Reduced Fat Milk, Gallon"',
        },
        { css: 'a[href*="/ip/"] span', finds: 'the screen-reader title inside the item link' },
      ],
      price: [
        {
          css: '[data-automation-id="product-price"] .w_iUH7',
          finds: 'the spoken price, "current price Now $12.97", not the struck "Was $15.98"',
        },
        {
          css: '[data-automation-id="product-price"] [aria-hidden="true"]',
          finds: 'the shown price where no spoken price is given, "$4.18"',
        },
      ],
      image: [{ css: 'img[data-testid="productTileImage"]', attr: 'src', finds: 'the tile image' }],
      sponsored: [
        {
          css: 'a[href*="/sp/track?"], a[href*="wrd.walmart.com/track?"]',
          attr: 'href',
          finds: 'the ad-tracking link sponsored tiles carry, "/sp/track?…&rd=…"',
        },
      ],
      priceKind: [{ value: 'fixed', finds: 'Walmart sells at fixed prices: no auctions, no quantity tiers' }],
    },
    badge: [
      { css: '[data-automation-id="product-title"]', finds: 'the tile title' },
      { css: '[data-automation-id="product-price"]', finds: 'the tile price row' },
    ],
  },
  embeddedCards: {
    source: {
      script: 'script#__NEXT_DATA__',
      items: 'props.pageProps.initialData.searchResult.itemStacks.*.items',
      finds: 'the search results of the page JSON; ad placeholders carry no usItemId and are skipped',
    },
    fields: {
      id: [{ json: 'usItemId', finds: 'the item id, "10450114"' }],
      title: [{ json: 'name', finds: 'the item name' }],
      brand: [{ json: 'brand', finds: 'the brand where the result states it' }],
      price: [
        { json: 'priceInfo.linePrice', finds: 'the shown price, "$4.18"' },
        { json: 'price', finds: 'the price as a number, 4.18' },
      ],
      seller: [{ json: 'sellerName', finds: 'the seller, "Walmart.com"' }],
      image: [{ json: 'image', finds: 'the result image' }],
      sponsored: [{ json: 'isSponsoredFlag', finds: 'true on sponsored results' }],
      priceKind: [{ value: 'fixed', finds: 'Walmart sells at fixed prices: no auctions, no quantity tiers' }],
    },
  },
};
