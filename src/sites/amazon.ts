import { HOSTS } from '../listing/hosts';
import { SCHEMA_CONDITION, SCHEMA_REVIEWS } from './generic';
import type { SiteRules } from './rules';

export const amazon: SiteRules = {
  marketplace: 'amazon',
  hosts: HOSTS.amazon,
  pages: [
    // /dp/ASIN, /Some-Slug/dp/ASIN, /gp/product/ASIN, /gp/aw/d/ASIN (mobile).
    { kind: 'detail', path: '/(?:dp|gp/product|gp/aw/d)/([A-Z0-9]{10})(?:[/?#]|$)' },
    { kind: 'search', path: '^/(?:s|s/.*)(?:[?#]|$)' },
    { kind: 'store', path: '^/stores/' },
  ],
  listingUrl: 'https://www.{host}/dp/{id}',
  idPattern: '[A-Z0-9]{10}',
  detail: {
    fields: {
      id: [{ css: 'input#ASIN, input#asin', attr: 'value', finds: 'the hidden ASIN field of the buy box' }],
      title: [
        { css: '#productTitle', finds: 'the product heading, "Gorilla Black Duct Tape, 1.88" x 12 yd"' },
        { css: '#title', finds: 'the heading block on older and mobile layouts' },
      ],
      brand: [
        { css: '#bylineInfo', parse: 'byline', finds: '"Visit the Gorilla Store", "Brand: Nike" or a bare "ChangM"' },
        { css: '#brand', parse: 'byline', finds: 'the brand link on older layouts' },
        { css: 'tr.po-brand td:last-child', finds: 'the "Brand" row of the product overview table' },
      ],
      price: [
        {
          css: '#corePrice_feature_div .a-price:not(.a-text-price) .a-offscreen',
          finds: 'the buy-box price, "$35.99" (member price when one is shown)',
        },
        {
          css: '#corePriceDisplay_desktop_feature_div .a-price:not(.a-text-price) .a-offscreen',
          finds: 'the headline price on the 2023+ desktop layout',
        },
        { css: '#priceblock_dealprice', finds: 'the deal price on the pre-2022 layout' },
        { css: '#priceblock_saleprice', finds: 'the sale price on the pre-2022 layout, "$29.99"' },
        { css: '#priceblock_ourprice', finds: 'the regular price on the pre-2022 layout, "$12.48"' },
        { css: '#price_inside_buybox', finds: 'the price inside the buy box' },
        { css: '#apex_desktop .a-price:not(.a-text-price) .a-offscreen', finds: 'the apex price block' },
        {
          css: '#corePriceDisplay_desktop_feature_div .a-price:not(.a-text-price) > [aria-hidden="true"]',
          finds: 'the shown price where its screen-reader copy is left empty: "33" "," "69" "€" in parts → "33,69€"',
        },
      ],
      seller: [
        { css: '#sellerProfileTriggerId', finds: 'the third-party seller, "EPHDirect"' },
        {
          css: '#merchantInfoFeature_feature_div .offer-display-feature-text-message',
          finds: 'the "Sold by" value of the offer display, "Amazon.com"',
        },
        { css: '#merchant-info', parse: 'soldBy', finds: '"Ships from and sold by Amazon.com."' },
      ],
      sellerId: [
        {
          css: '#sellerProfileTriggerId',
          attr: 'href',
          parse: 'sellerIdFromHref',
          finds: 'the seller link, "…&seller=A1XUYNJUT8LW0Z"',
        },
      ],
      image: [{ css: '#landingImage', attr: 'src', finds: 'the main product image' }],
      condition: [
        {
          css: '.a-accordion-active[id^="usedAccordionRow"] [id^="usedAccordionCaption"]',
          parse: 'condition',
          finds: 'the caption of the buy box\'s open offer when it is a used one, "Used - Like New"',
        },
        {
          css: '.a-accordion-active[id^="newAccordionRow"]',
          value: 'new',
          finds: 'the new offer ("Buy New") being the open one of the buy box, whose price is the headline price',
        },
        { css: '#usedOnlyBuybox', value: 'used', finds: 'the buy box of a page whose only offers are used' },
        {
          css: '#conditionInfoFeature_feature_div',
          parse: 'condition',
          finds: 'the condition line of a used or renewed offer, "Condition: Used - Very Good"',
        },
        {
          css: '#renewedProgramDescriptionAtf_feature_div',
          value: 'refurbished',
          finds: 'the Amazon Renewed notice, which only renewed items fill in (empty on others)',
        },
        ...SCHEMA_CONDITION,
      ],
      priceKind: [
        {
          value: 'fixed',
          finds: 'Amazon sells at fixed prices: no auctions, no quantity tiers (a range is read as one)',
        },
      ],
      reviews: [
        {
          css: '[data-hook="review-collapsed"]',
          finds:
            'the text of each review shown (#cm-cr-dp-review-list and the other-countries list), without "Read more"',
        },
        {
          css: '[data-hook="reviewRichContentContainer"]',
          finds: 'the text of each review on the 2025 review cards, "Charges phones fast…"',
        },
        { css: '[data-hook="review-body"]', finds: 'the review body where it has no collapsed part' },
        ...SCHEMA_REVIEWS,
      ],
    },
    badge: [
      { css: '#title', finds: 'the h1 around the product heading' },
      { css: '#productTitle', finds: 'the product heading itself' },
    ],
  },
  cards: {
    item: {
      css: '[data-component-type="s-search-result"][data-asin]',
      finds: 'each result of the main list, organic and sponsored, not the carousels',
    },
    placeholder: '[data-asin=""]',
    fields: {
      id: [
        { css: ':scope', attr: 'data-asin', finds: "the card's own ASIN, B0CGRTQ123" },
        { css: 'h2 a, a.a-link-normal[href*="/dp/"]', attr: 'href', finds: 'the link to the product page' },
      ],
      title: [
        { css: 'a h2 span, h2 a span', finds: 'the linked result title, "Anker Power Bank, 10,000mAh…"' },
        { css: 'h2 span', finds: 'the result title on layouts without a link around it' },
        { css: 'h2', finds: 'the title heading when it has no span' },
      ],
      brand: [
        {
          css: '[data-cy="title-recipe"] h2.a-size-mini span, .s-line-clamp-1 > span.a-size-base-plus',
          finds: 'the brand line above the title that some categories show, "Anker"',
        },
      ],
      price: [
        {
          css: '.a-price:not(.a-text-price) .a-offscreen',
          finds: 'the price paid, "$21.99", not the struck list price',
        },
        {
          css: '.a-price:not(.a-text-price) > [aria-hidden="true"]',
          finds: 'the shown price in parts where the screen-reader copy is empty: "21" "." "99" → "$21.99"',
        },
      ],
      image: [{ css: 'img.s-image', attr: 'src', finds: 'the result thumbnail' }],
      sponsored: [
        { css: ':scope.AdHolder', finds: 'the ad-holder class sponsored results carry' },
        {
          css: '.puis-sponsored-label-text, .s-sponsored-label-text, .s-widget-sponsored-label-text',
          finds: 'the "Sponsored" label',
        },
      ],
      priceKind: [
        {
          value: 'fixed',
          finds: 'Amazon sells at fixed prices: no auctions, no quantity tiers (a range is read as one)',
        },
      ],
    },
    badge: [
      {
        css: '.s-product-image-container',
        finds: "the box around the result's image (the pill floats over its corner)",
      },
      { css: '[data-cy="title-recipe"]', finds: 'the title block, for results without an image' },
    ],
  },
};
