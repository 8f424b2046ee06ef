import { HOSTS } from '../listing/hosts';
import { SCHEMA_CONDITION, SCHEMA_REVIEWS } from './generic';
import type { SiteRules } from './rules';

/**
 * Etsy. The shop is the seller; Etsy sets the JSON-LD `brand` to the shop name, so it is read
 * as the seller, never as a brand. Prices are shown in the visitor's chosen currency, VAT
 * included in the EU ("53,11 €") while JSON-LD states the price before VAT ("43.90"): the shown
 * price comes first, and the currency the page states (its symbol, else JSON-LD
 * `priceCurrency`) wins over the host's USD.
 */
export const etsy: SiteRules = {
  marketplace: 'etsy',
  hosts: HOSTS.etsy,
  pages: [
    // /listing/550571276/slug and /es/listing/550571276/slug, /ca-fr/listing/…
    { kind: 'detail', path: '^(?:/[a-z]{2}(?:-[a-z]{2})?)?/listing/(\\d{5,12})(?:[/?#]|$)' },
    { kind: 'search', path: '^(?:/[a-z]{2}(?:-[a-z]{2})?)?/(?:search|c|market)(?:[/?#]|$)' },
    { kind: 'store', path: '^(?:/[a-z]{2}(?:-[a-z]{2})?)?/shop/[^/?#]+' },
  ],
  listingUrl: 'https://www.{host}/listing/{id}',
  idPattern: '\\d{5,12}',
  detail: {
    fields: {
      id: [
        { css: 'link[rel="canonical"]', attr: 'href', finds: 'the canonical /es/listing/550571276/… address' },
        { meta: 'og:url', finds: 'the sharing address, /listing/550571276/…' },
      ],
      title: [
        {
          css: 'h1[data-buy-box-listing-title]',
          finds: 'the listing heading, not the privacy-settings dialog heading before it',
        },
        { jsonld: 'name', finds: 'the JSON-LD listing name' },
      ],
      price: [
        {
          css: '[data-buy-box-region="price"] [data-selector="price-only"] p:not(.wt-text-strikethrough)',
          finds: 'the shown price of the 2023+ buy box, "Precio: 53,11 €", not the struck original price',
        },
        {
          css: '[data-buy-box-region="price"] p.wt-text-title-03',
          finds: 'the shown price of the older buy box, "53,11 €" (VAT included)',
        },
        { jsonld: 'offers.price', finds: 'the JSON-LD offer price (before VAT in the EU)' },
        { jsonld: 'offers.lowPrice', finds: 'the JSON-LD low price of an AggregateOffer, "43.90"' },
      ],
      currency: [{ jsonld: 'offers.priceCurrency', finds: 'the currency the page is priced in, "EUR"' }],
      seller: [
        {
          css: 'a[href*="ref=simple-shop-header-name"]',
          finds: 'the shop name in the shop header beside the buy box, "OliveCreativeCompany"',
        },
        { jsonld: 'brand', finds: 'the JSON-LD brand, which Etsy fills with the shop name' },
      ],
      sellerId: [
        {
          css: '[data-component="listing-page-image-carousel"][data-shop-id]',
          attr: 'data-shop-id',
          finds: "the listing's shop id on its image carousel, 12418300",
        },
      ],
      image: [
        { jsonld: 'image', finds: 'the JSON-LD listing image' },
        { meta: 'og:image', finds: 'the sharing image' },
      ],
      condition: SCHEMA_CONDITION,
      priceKind: [
        {
          css: '[data-buy-box-region="price"] [data-selector="price-only"] p:not(.wt-text-strikethrough), [data-buy-box-region="price"] p.wt-text-title-03',
          parse: 'priceKind',
          finds: 'the shown price of a listing whose variants cost more, "$10.00+" → range',
        },
        { value: 'fixed', finds: 'Etsy sells at fixed prices: no auctions, no quantity tiers' },
      ],
      reviews: [
        {
          css: '[data-reviews-container] [id^="review-preview-toggle-"], [id^="review-preview-toggle-"]',
          finds: 'the text of each review shown, "¡Me encanta esta colchoneta!…"',
        },
        ...SCHEMA_REVIEWS,
      ],
    },
    badge: [{ css: 'h1[data-buy-box-listing-title]', finds: 'the listing heading' }],
  },
  cards: {
    item: {
      css: '[data-results-grid-container] .v2-listing-card[data-listing-id], [data-listings-container] .v2-listing-card[data-listing-id]',
      finds: 'each card of the search grid or the shop listing grid, not the "related" and "recently viewed" ribbons',
    },
    placeholder: '[data-listing-id=""]',
    fields: {
      id: [
        { css: ':scope', attr: 'data-listing-id', finds: "the card's listing id, 570603351" },
        { css: 'a.listing-link', attr: 'href', finds: 'the link to the listing, /listing/570603351/…' },
      ],
      title: [
        { css: '.v2-listing-card__title', finds: 'the card title, "Personalised Leather Wallet"' },
        { css: 'a.listing-link', attr: 'title', finds: 'the full title on the listing link' },
      ],
      price: [
        {
          css: '.n-listing-card__price > p:first-child',
          finds: 'the shown price, "49,79 €", not the struck original price after it',
        },
        { css: '.lc-price', finds: 'the price line of other card layouts' },
      ],
      seller: [
        {
          css: '.v2-listing-card__info p.wt-text-caption > span[aria-hidden="true"]:nth-last-child(2)',
          finds: 'the shop name before its spoken "From shop …" twin, "LeatherLoftCo"',
        },
        {
          css: '.shop-home-header h1, [data-region="shop-name"] h1',
          onPage: true,
          finds: 'on a shop page, whose cards carry no shop line, the shop\'s name in its header, "LeatherLoftCo"',
        },
      ],
      image: [
        { css: 'img[data-listing-card-listing-image]', attr: 'src', finds: 'the card image once loaded' },
        { css: 'img[data-listing-card-listing-image]', attr: 'data-src', finds: 'the card image before lazy loading' },
      ],
      sponsored: [
        {
          css: '.v2-listing-card__info p.wt-text-caption > span[aria-hidden="true"]:nth-last-child(4)',
          finds: 'the "Ad by <shop>" line ad cards put before the shop name, "Anuncio de OliveCreativeCompany"',
        },
        { css: 'a.listing-link[href*="plkey="]', attr: 'href', finds: 'the promoted-listing key of ad links' },
      ],
      priceKind: [
        {
          css: '.n-listing-card__price > p:first-child, .lc-price',
          parse: 'priceKind',
          finds: 'the price of a listing whose variants cost more, "$10.00+" → range',
        },
        { value: 'fixed', finds: 'Etsy sells at fixed prices: no auctions, no quantity tiers' },
      ],
    },
    badge: [
      { css: '.v2-listing-card__title', finds: 'the card title' },
      { css: '.v2-listing-card__info', finds: 'the card text block' },
    ],
  },
};
