import { HOSTS } from '../listing/hosts';
import { SCHEMA_CONDITION, SCHEMA_REVIEWS } from './generic';
import type { SiteRules } from './rules';

/**
 * AliExpress. Search pages carry their results as JSON in `window.runParams` (mods.itemList.content)
 * and render only the first few cards; the page first resets the variable (`window.runParams = {};`)
 * and assigns the real object right after, in the same script. Prices are printed in the shopper's
 * chosen currency with its code or symbol ("ARS 1.515,50", "US $12.34", "€ 3,99").
 */
export const aliexpress: SiteRules = {
  marketplace: 'aliexpress',
  hosts: HOSTS.aliexpress,
  pages: [
    // /item/1005001234567890.html and the older /item/Some-Title/32812345678.html.
    { kind: 'detail', path: '^/item/(?:[^/?#]+/)?(\\d{6,20})\\.html' },
    { kind: 'search', path: '^/(?:w/wholesale-[^/?#]*\\.html|wholesale(?:[/?#]|$)|category/\\d+/[^?#]*\\.html)' },
    { kind: 'store', path: '^/store/(?:\\d+|[^/?#]+/\\d+)' },
  ],
  listingUrl: 'https://www.aliexpress.com/item/{id}.html',
  idPattern: '\\d{6,20}',
  detail: {
    fields: {
      title: [
        { css: 'h1[data-pl="product-title"]', finds: 'the product heading of the 2023+ layout, "Men\'s Linen Shirt…"' },
        { css: 'h1.product-title-text', finds: 'the product heading of the 2020–22 layout' },
        { meta: 'og:title', finds: 'the share title, "Men\'s Linen Shirt… - AliExpress"' },
      ],
      price: [
        {
          css: '.product-price-current',
          finds: 'the price paid on the 2023+ layout, "US $12.34" (low end of a range, "US $3.10 - 5.20")',
        },
        { css: '.product-price-value', finds: 'the price on the 2020–22 layout, "US $12.34"' },
        { css: '.uniform-banner-box-price', finds: 'the price inside a sale banner, "US $9.99"' },
      ],
      seller: [
        { css: 'a[data-pl="store-name"]', finds: 'the store link of the 2023+ layout, "Sunrise Apparel Store"' },
        { css: '.shop-name a', finds: 'the store name of the 2020–22 layout' },
        { css: '[class*="store-header--storeName"]', finds: 'the store name in the store header' },
      ],
      sellerId: [
        {
          css: 'a[data-pl="store-name"], .shop-name a',
          attr: 'href',
          parse: 'storeIdFromHref',
          finds: 'the store number in the store link, "//www.aliexpress.com/store/1102345678"',
        },
      ],
      official: [
        {
          css: '[class*="store-header--official"], .store-official-icon',
          finds: 'the "Official Store" badge beside the store name',
        },
      ],
      image: [
        { meta: 'og:image', finds: 'the main product image' },
        { css: '.magnifier-image, [class*="magnifier--image"]', attr: 'src', finds: 'the main gallery image' },
      ],
      condition: SCHEMA_CONDITION,
      priceKind: [{ value: 'fixed', finds: 'AliExpress sells at buy-now prices (a range of variants is read as one)' }],
      reviews: [
        {
          css: '[class*="list--itemReview--"]',
          finds: 'the text of each review the 2023+ page renders under the reviews heading',
        },
        ...SCHEMA_REVIEWS,
      ],
    },
    badge: [
      { css: 'h1[data-pl="product-title"]', finds: 'the product heading' },
      { css: 'h1.product-title-text', finds: 'the product heading of the 2020–22 layout' },
      { css: 'h1', finds: 'any page heading' },
    ],
  },
  cards: {
    item: {
      css: 'a.search-card-item[href*="/item/"], #card-list a[href*="/item/"], .JIIxO > a[href*="/item/"]',
      finds: 'each rendered result card (a link to /item/<id>.html), not the "More to love" recommendations',
    },
    fields: {
      id: [{ css: ':scope', attr: 'href', finds: 'the card link, "//es.aliexpress.com/item/1005004468964928.html?…"' }],
      title: [
        { css: 'h1, h3', finds: 'the card title, "Camisa de lino de manga larga para hombre…"' },
        { css: '[class*="titleText"]', finds: 'the title block of the 2023+ card' },
        { css: 'img.product-img, img', attr: 'alt', finds: 'the thumbnail alt text, which repeats the title' },
      ],
      price: [
        { css: '[class*="price-sale"]', finds: 'the sale price of the 2023+ card, "US $12.34"' },
        {
          css: '.mGXnE',
          finds: 'the 2022 card price, split into spans that read together as "ARS1.515,5"',
        },
      ],
      seller: [
        { css: 'a[role="store"], a[href*="/store/"]', finds: 'the store link under the card, "KaKa Shirt Store"' },
        { css: '[class*="cards--store"]', finds: 'the store name of the 2023+ card' },
      ],
      sellerId: [
        {
          css: 'a[role="store"], a[href*="/store/"]',
          attr: 'href',
          parse: 'storeIdFromHref',
          finds: 'the store number in the store link, "//es.aliexpress.com/store/1102158319"',
        },
      ],
      image: [{ css: 'img.product-img, img', attr: 'src', finds: 'the card thumbnail' }],
      sponsored: [
        {
          css: ':scope[href*="aem_p4p_detail"]',
          finds: 'the ad tracking parameter paid (P4P) results carry in their link',
        },
        { css: '[class*="ad-tag"], [class*="sponsor"]', finds: 'the "Ad"/"Sponsored" tag on the 2023+ card' },
      ],
      priceKind: [{ value: 'fixed', finds: 'AliExpress sells at buy-now prices (a range of variants is read as one)' }],
    },
    badge: [
      { css: 'h1, h3', finds: 'the card title' },
      { css: '[class*="titleText"]', finds: 'the title block of the 2023+ card' },
      { css: ':scope', finds: 'the card link itself, when a saved page lost the title out of it' },
    ],
  },
  embeddedCards: {
    source: {
      script: 'script:not([src])',
      // The real assignment follows a reset to `{}` in the same script; the engine reads the first
      // `=` after this text, which is the real one. See the fixture README.
      assigns: 'window.runParams',
      items: 'mods.itemList.content',
      finds: 'the first screen of results (60 on a desktop search page) in window.runParams',
    },
    fields: {
      id: [{ json: 'productId', finds: 'the item id, "1005004468964928"' }],
      title: [
        { json: 'title.displayTitle', finds: 'the title a person reads, "Camisa de lino de manga larga…"' },
        { json: 'title.seoTitle', finds: 'the SEO title when no display title is given' },
      ],
      price: [
        { json: 'prices.salePrice.formattedPrice', finds: 'the sale price as printed, "ARS 1.515,50"' },
        { json: 'prices.originalPrice.formattedPrice', finds: 'the only price when there is no sale price' },
      ],
      currency: [{ json: 'prices.salePrice.currencyCode', finds: 'the ISO code of the sale price, "ARS"' }],
      seller: [{ json: 'store.storeName', finds: 'the store name, "KaKa Shirt Store"' }],
      sellerId: [{ json: 'store.storeId', finds: 'the store number, 1102158319' }],
      image: [{ json: 'image.imgUrl', finds: 'the thumbnail, "//ae01.alicdn.com/kf/….jpg"' }],
      sponsored: [
        { json: 'p4p.clickUrl', finds: 'the ad click URL only paid (P4P) results carry' },
        { json: 'trace.detailPage.aem_p4p_detail', finds: 'the ad tracking id only paid results carry' },
      ],
      priceKind: [{ value: 'fixed', finds: 'AliExpress sells at buy-now prices (a range of variants is read as one)' }],
    },
  },
};
