import { SCHEMA_CONDITION, SCHEMA_REVIEWS } from './generic';
import type { SiteRules } from './rules';

/**
 * Any other shop, read through the schema.org data it publishes for search engines: JSON-LD
 * `Product`/`Offer`/`AggregateOffer`, microdata, and Open Graph product tags (Shopify and
 * WooCommerce stores publish these). A page is a product only when it states an id for it.
 */
export const shop: SiteRules = {
  marketplace: 'shop',
  hosts: {},
  // Any shop's addresses say nothing of what a page is: the page says.
  pages: [],
  listingUrl: '{page}',
  listingKey: '{host}~{id}',
  idPattern: '[A-Za-z0-9_.~-]{1,100}',
  detail: {
    fields: {
      id: [
        { jsonld: 'sku', finds: 'the product\'s stock-keeping unit, "TSH-0042"' },
        { jsonld: 'productID', finds: 'the product id, "shopify_US_7890123_456"' },
        { jsonld: 'gtin13', finds: 'the 13-digit GTIN, "0195866123456"' },
        { jsonld: 'gtin', finds: 'the GTIN of any length' },
        { jsonld: 'mpn', finds: 'the manufacturer part number' },
        { jsonld: 'offers.sku', finds: 'the SKU stated on the offer' },
        { meta: 'product:retailer_item_id', finds: 'the Open Graph retailer item id' },
      ],
      title: [
        { jsonld: 'name', finds: 'the product name, "Classic Leather Tote"' },
        { meta: 'og:title', finds: 'the Open Graph title' },
      ],
      brand: [
        { jsonld: 'brand', finds: 'the brand, as {"@type":"Brand","name":"Acme"} or plain text' },
        { meta: 'product:brand', finds: 'the Open Graph product brand' },
      ],
      price: [
        { jsonld: 'offers.price', finds: 'the offer price, 129.5 or "129.50"' },
        { jsonld: 'offers.lowPrice', finds: 'the low end of an AggregateOffer' },
        { jsonld: 'offers.priceSpecification.price', finds: 'the price inside a price specification' },
        { meta: 'product:price:amount', finds: 'the Open Graph price amount' },
        { meta: 'og:price:amount', finds: 'the older Open Graph price amount' },
      ],
      priceMax: [{ jsonld: 'offers.highPrice', finds: 'the high end of an AggregateOffer, 39.9' }],
      currency: [
        { jsonld: 'offers.priceCurrency', finds: 'the ISO code of the offer, "EUR"' },
        { jsonld: 'offers.priceSpecification.priceCurrency', finds: 'the ISO code inside a price specification' },
        { meta: 'product:price:currency', finds: 'the Open Graph price currency' },
        { meta: 'og:price:currency', finds: 'the older Open Graph price currency' },
      ],
      seller: [
        { jsonld: 'offers.seller', finds: 'the offer\'s seller, {"@type":"Organization","name":"…"}' },
        { meta: 'og:site_name', finds: "the shop's own name" },
      ],
      image: [
        { jsonld: 'image', finds: 'the product image URL (first of a list)' },
        { meta: 'og:image', finds: 'the Open Graph image' },
      ],
      condition: SCHEMA_CONDITION,
      reviews: SCHEMA_REVIEWS,
    },
    badge: [
      { css: 'h1', finds: 'the product heading' },
      { css: '[itemprop="name"]', finds: 'the microdata product name' },
    ],
  },
};
