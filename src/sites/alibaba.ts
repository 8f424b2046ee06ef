import { HOSTS } from '../listing/hosts';
import { SCHEMA_CONDITION, SCHEMA_REVIEWS } from './generic';
import type { SiteRules } from './rules';

/**
 * Alibaba.com (B2B). Prices are ranges over order quantities ("US $0.60-$5.76"), shown in the
 * buyer's local currency where the site knows it ("CN¥3.80-CN¥36.48"). Search pages render the
 * first few offers and keep the first screen of offers in `window.__page__data__config`.
 * Supplier marks (Verified, Gold Supplier years) have no field in a listing; see the README.
 */
export const alibaba: SiteRules = {
  marketplace: 'alibaba',
  hosts: HOSTS.alibaba,
  pages: [
    // /product-detail/Handmade-Paper-Flowers-Wall-Art_1600353795582.html
    { kind: 'detail', path: '^/product-detail/(?:[^/?#]*_)?(\\d{6,20})\\.html' },
    {
      kind: 'search',
      path: '^/(?:trade/search(?:[/?#]|$)|showroom/[^/?#]+\\.html|products/[^/?#]+\\.html|countrysearch/)',
    },
  ],
  listingUrl: 'https://www.alibaba.com/product-detail/_{id}.html',
  idPattern: '\\d{6,20}',
  detail: {
    fields: {
      title: [
        {
          css: '.product-title-container h1, .module-pdp-title h1',
          finds: 'the product heading, "Framed Canvas Prints…"',
        },
        { css: 'h1[title]', attr: 'title', finds: "the heading's title attribute on older layouts" },
        { meta: 'og:title', finds: 'the share title' },
      ],
      price: [
        {
          css: '.product-price .price-range',
          finds: 'the price range over order quantities, "US$0.60 - 5.76"',
        },
        {
          css: '.price-list .price-item .price',
          finds: 'the first quantity tier\'s price, "US$5.76", where no range is printed',
        },
        { css: '.product-price .price', finds: 'a single price, "US$13.00"' },
      ],
      currency: [
        {
          css: '.product-price .price-range, .price-list .price-item .price, .product-price .price',
          parse: 'currencyCode',
          finds: 'the currency a "CN¥" price is in (CNY), which the price reader cannot name alone',
        },
      ],
      seller: [
        {
          css: '.company-name a, a.company-name, .module-pdp-company-info .company-name',
          finds: 'the supplier, "Guangxi Example Handicraft Co., Ltd."',
        },
      ],
      image: [
        { meta: 'og:image', finds: 'the main product image' },
        { css: '.main-image img, .image-view img', attr: 'src', finds: 'the main gallery image' },
      ],
      condition: SCHEMA_CONDITION,
      priceKind: [
        {
          css: '.product-price .price-range',
          parse: 'rangeIsTier',
          finds: 'the price range over order quantities, "US$0.60 - 5.76": its low end holds for the largest orders',
        },
        {
          css: '.price-list .price-item:first-child .quality',
          parse: 'priceKind',
          finds: 'the first quantity tier, "2 - 49 pieces" (tier) or "1 - 99 pieces" (from one piece: nothing)',
        },
        {
          css: '[class*="moq"], [class*="min-order"], [class*="minOrder"]',
          parse: 'minOrder',
          finds: 'the minimum order, "Min. order: 2 pieces" or "50 Pieces"',
        },
      ],
      reviews: SCHEMA_REVIEWS,
    },
    badge: [
      { css: '.product-title-container h1, .module-pdp-title h1', finds: 'the product heading' },
      { css: 'h1', finds: 'any page heading' },
    ],
  },
  cards: {
    item: {
      css: '.organic-list .J-offer-wrapper, .organic-list .fy23-search-card',
      finds: 'each offer of the main result list (ads included), not the related-products rows',
    },
    fields: {
      id: [
        { css: '[data-pid]', attr: 'data-pid', finds: 'the offer id on the card, 62415607427' },
        {
          css: 'h2 a[href*="/product-detail/"], a[href*="/product-detail/"]',
          attr: 'href',
          finds: 'the link to the product page',
        },
      ],
      title: [
        { css: 'h2[title]', attr: 'title', finds: 'the plain title on the heading, "Framed Canvas Prints…"' },
        {
          css: '.elements-title-normal__content, .search-card-e-title',
          finds: 'the title text with the query words in <strong>',
        },
      ],
      price: [
        {
          css: '.elements-offer-price-normal__price, .search-card-e-price-main',
          finds: 'the price range, "CN¥3.80-CN¥36.48" or "US $0.60-$5.76"',
        },
      ],
      currency: [
        {
          css: '.elements-offer-price-normal__price, .search-card-e-price-main',
          parse: 'currencyCode',
          finds: 'the currency a "CN¥" price is in (CNY)',
        },
      ],
      seller: [
        {
          css: '.search-card-e-company, .organic-gallery-offer__seller-company',
          finds: 'the supplier name, where the card prints it (the 2022 list shows only "Supplier ›")',
        },
      ],
      image: [{ css: '[data-image]', attr: 'data-image', finds: 'the main image the switcher shows first' }],
      sponsored: [
        { css: '.search-ad-icon', finds: 'the "Ad" mark in the corner of paid (P4P) offers' },
        { css: ':scope[data-params*="is_p4p=true"]', finds: "the P4P flag in the card's tracking parameters" },
      ],
      priceKind: [
        {
          css: '.element-offer-minorder-normal, [class*="minorder"], [class*="moq"]',
          parse: 'minOrder',
          finds: 'the minimum order, "50 Pieces(Min Order)": above one piece the price is a tier',
        },
        {
          css: '.elements-offer-price-normal__price, .search-card-e-price-main',
          parse: 'rangeIsTier',
          finds: 'a price range over order quantities, "US $0.60-$5.76"',
        },
      ],
    },
    badge: [
      { css: 'h2', finds: 'the offer title heading' },
      { css: '.search-card-e-title', finds: 'the title block of the 2023 card' },
    ],
  },
  embeddedCards: {
    source: {
      script: 'script:not([src])',
      assigns: 'window.__page__data__config',
      items: 'props.offerResultData.offerList',
      finds: 'the first screen of offers (about 20) in window.__page__data__config',
    },
    fields: {
      id: [
        { json: 'information.id', finds: 'the offer id, 1600353795582' },
        { json: 'id', finds: 'the offer id at the top of the item' },
      ],
      title: [
        { json: 'information.puretitle', finds: 'the title without markup, "Handmade Paper Flowers Wall Art Frame…"' },
      ],
      price: [
        { json: 'tradePrice.price', finds: 'the price range, "US $25.00-$30.00"' },
        { json: 'tradePrice.priceMini', finds: 'the lowest price, "US $25.00"' },
      ],
      seller: [{ json: 'supplier.supplierName', finds: 'the supplier, "INDART EXPORTS"' }],
      sellerId: [{ json: 'supplier.supplierId', finds: 'the supplier number, 261038359' }],
      image: [{ json: 'image.mainImage', finds: 'the main image, "//s.alicdn.com/@sc04/kf/….jpg_300x300.jpg"' }],
      sponsored: [
        { json: 'information.p4p', finds: 'true on paid (P4P) offers' },
        { json: 'information.adP4p', finds: 'true on other ad offers' },
      ],
      priceKind: [
        { json: 'tradePrice.minOrder', parse: 'minOrder', finds: 'the minimum order, "50 Pieces" (tier above one)' },
        {
          json: 'tradePrice.price',
          parse: 'rangeIsTier',
          finds: 'a price range over order quantities, "US $25.00-$30.00"',
        },
      ],
    },
  },
};
