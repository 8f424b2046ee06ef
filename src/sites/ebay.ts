import { HOSTS } from '../listing/hosts';
import { SCHEMA_CONDITION, SCHEMA_REVIEWS } from './generic';
import type { SiteRules } from './rules';

export const ebay: SiteRules = {
  marketplace: 'ebay',
  hosts: HOSTS.ebay,
  pages: [
    // /itm/123456789012 and /itm/Some-Slug/123456789012: the item id is in the path.
    { kind: 'detail', path: '^/itm/(?:[^/?#]+/)?(\\d{9,15})(?:[/?#]|$)' },
    // A catalogue page: its listing is the offer its buy box features, found on the page (fields.id),
    // not the URL's ?iid=, so the key always matches the price and seller read beside it.
    { kind: 'detail', path: '^/p/(?:[^/?#]+/)?\\d+(?:[/?#]|$)' },
    { kind: 'search', path: '^/(?:sch|b)/' },
    { kind: 'store', path: '^/str/[^/?#]+' },
  ],
  listingUrl: 'https://www.{host}/itm/{id}',
  idPattern: '\\d{9,15}',
  detail: {
    fields: {
      id: [
        {
          css: '.x-see-details-action a[href*="/itm/"]',
          attr: 'href',
          finds: 'the featured offer\'s "See all details" link on a catalogue page, "…/itm/298293090902"',
        },
        { meta: 'og:url', finds: 'the item address on item pages, "https://www.ebay.com/itm/298293090902"' },
      ],
      title: [
        {
          css: 'h1.x-item-title__mainTitle',
          finds: 'the item heading, "Hewlett Packard HP 423A Coaxial Crystal Detector"',
        },
        { css: '.x-item-title', finds: 'the title block when its heading has another tag' },
        {
          css: 'h1#itemTitle',
          parse: 'ebayTitle',
          finds: 'the heading of the pre-2022 item page, without its hidden "Details about" label',
        },
        { jsonld: 'name', finds: 'the Product name in the JSON-LD' },
      ],
      brand: [
        {
          css: '.ux-labels-values--brand .ux-labels-values__values-content',
          finds: 'the value of the "Brand" item specific, "Nike"',
        },
        {
          css: '.x-prp-product-details_col',
          parse: 'ebayBrandRow',
          finds: 'the "Brand" row of "About this product" on catalogue pages, "BrandHP" → "HP"',
        },
        {
          css: '.x-about-this-item .ux-labels-values',
          parse: 'ebayBrandRow',
          finds: 'the "Brand" row among the item specifics when it has no brand class, "Brand:Nike"',
        },
        { jsonld: 'brand', finds: 'the Product brand in the JSON-LD, "HP" or {name: "HP"}' },
      ],
      price: [
        {
          css: '.x-price-section .x-price-primary',
          finds: 'the buy-box price, "US $29.99" (the current bid on auctions), not the struck "was" price',
        },
        { css: '.x-price-primary', finds: 'the primary price outside the price section' },
        { css: '#prcIsum, #mm-saleDscPrc', finds: 'the price on the pre-2022 item page, "US $12.00"' },
        { jsonld: 'offers.price', finds: 'the Offer price in the JSON-LD, "29.99"' },
      ],
      currency: [{ jsonld: 'offers.priceCurrency', finds: 'the Offer currency in the JSON-LD, "USD"' }],
      seller: [
        {
          css: '.x-sellercard-atf__info__about-seller a .ux-textspans--BOLD',
          finds: 'the seller name in the seller card, "discofriend"',
        },
        {
          css: '.x-sellercard-atf__info__about-seller',
          attr: 'title',
          finds: 'the seller name the seller card carries as its title',
        },
        {
          css: '.x-sellercard-atf__data-item',
          parse: 'ebaySellerName',
          finds: 'the "DISCOFRIEND (1106)" line of the featured offer\'s seller card on catalogue pages',
        },
        { css: '.mbg-nw', finds: 'the seller name on the pre-2022 item page' },
      ],
      sellerId: [
        {
          css: '.x-sellercard-atf a[href*="/usr/"], .x-sellercard-atf a[href*="_ssn="]',
          attr: 'href',
          parse: 'ebayUserFromHref',
          finds: 'the seller\'s user id from its profile or "other items" link, "…/usr/discofriend"',
        },
      ],
      rating: [
        {
          css: '.x-sellercard-atf__data-item, .x-sellercard-atf__info',
          parse: 'ebayPercent',
          finds: 'the positive feedback share, "100% positive feedback" → 100',
        },
      ],
      ratingCount: [
        {
          css: '.x-sellercard-atf__info',
          parse: 'ebayFeedbackCount',
          finds: 'the feedback score in parentheses beside the seller name, "(1106)"',
        },
      ],
      image: [
        {
          css: '.ux-image-carousel-item.active img',
          attr: 'data-zoom-src',
          finds: 'the large version of the first gallery picture, "…/s-l1600.webp"',
        },
        { css: '.ux-image-carousel-item.active img', attr: 'src', finds: 'the first gallery picture' },
        { jsonld: 'image', finds: 'the first Product image in the JSON-LD' },
        { meta: 'og:image', finds: 'the share image' },
      ],
      condition: [
        {
          css: '.x-item-condition-text .ux-textspans',
          parse: 'condition',
          finds: 'the condition by the price, "Used", "Pre-owned", "Neu: Sonstige (siehe Artikelbeschreibung)"',
        },
        {
          css: '.ux-labels-values--condition .ux-labels-values__values',
          parse: 'condition',
          finds: 'the "Condition" item specific, "Used: An item that has been used previously…"',
        },
        {
          css: '.elevated-info__item',
          parse: 'conditionRow',
          finds: 'the "Condition" row of the key facts (other rows are skipped), "Condition Pre-owned"',
        },
        { css: '#vi-itm-cond', parse: 'condition', finds: 'the condition on the pre-2022 item page, "New"' },
        ...SCHEMA_CONDITION,
      ],
      priceKind: [
        {
          css: '.x-price-section .x-bid-price .x-label',
          parse: 'bids',
          finds: 'the label of an auction\'s price, "Current bid:", "Starting bid:", "Aktuelles Gebot:"',
        },
        {
          css: '.x-bid-count, #qty-test',
          parse: 'bids',
          finds: 'the bid count by an auction\'s price, "0 bids" (the opening bid) or "12 bids"',
        },
        {
          css: '.x-price-section .x-bin-price',
          value: 'fixed',
          finds: 'the Buy It Now price box ("Price:") of a fixed-price offer',
        },
      ],
      reviews: SCHEMA_REVIEWS,
    },
    ended: [
      {
        css: '.d-statusmessage, [data-testid="d-statusmessage"]',
        parse: 'ended',
        finds: 'the status message over the item: "This listing was ended by the seller…"',
      },
      { css: '#msgPanel', parse: 'ended', finds: 'the pre-2022 message panel: "Bidding has ended on this item."' },
    ],
    badge: [
      { css: 'h1.x-item-title__mainTitle', finds: 'the item heading' },
      { css: '.x-item-title', finds: 'the title block' },
      { css: 'h1#itemTitle', finds: 'the heading of the pre-2022 item page' },
    ],
  },
  cards: {
    item: {
      css: [
        'ul.srp-results > li.s-item',
        'ul.srp-results > li.s-card',
        'ul.b-list__items_nofooter > li.s-item',
        'li.brwrvr__item-card',
        'article.str-item-card',
      ].join(', '),
      finds: 'each result of the main list (search, browse and store pages), not the carousels in between',
    },
    placeholder: ':is(li.s-item, li.s-card):has(a[href*="/itm/123456?"], a[href$="/itm/123456"])',
    fields: {
      id: [
        {
          css: ':scope[data-listingid]',
          attr: 'data-listingid',
          finds: 'the item id the card carries, "306123456789"',
        },
        {
          css: 'a.s-item__link, a.s-card__link, a.bsig__title__wrapper, a.str-item-card__link',
          attr: 'href',
          finds: 'the title link to the item page, "https://www.ebay.com/itm/306123456789?…"',
        },
        { css: 'a[href*="/itm/"]', attr: 'href', finds: 'any link to the item page' },
      ],
      title: [
        {
          css: '.s-item__title [role="heading"], .s-item__title',
          parse: 'ebayTitle',
          finds: 'the result title, without the "New Listing" tag before it',
        },
        {
          css: '.s-card__title .su-styled-text.primary',
          parse: 'ebayTitle',
          finds: 'the result title on the 2025 card, without the hidden "Opens in a new window or tab"',
        },
        { css: '.s-card__title', parse: 'ebayTitle', finds: 'the 2025 title block' },
        { css: '.bsig__title__text', finds: 'the result title on browse pages' },
        { css: '.str-item-card__property-title', finds: 'the result title on store pages' },
      ],
      price: [
        {
          css: '.s-item__price',
          finds: 'the price, "$24.99" or a range "$1.23 to $4.56", not the struck "was" price',
        },
        {
          css: '.s-card__price:not(.strikethrough)',
          finds: 'the price on the 2025 card, "EUR 1.234,56", not the struck "was" price',
        },
        { css: '.bsig__price--displayprice', finds: 'the price on browse pages' },
        { css: '.str-item-card__property-displayPrice', finds: 'the price on store pages' },
      ],
      seller: [
        {
          css: '.s-item__seller-info-text, .su-card-container__attributes__secondary .s-card__attribute-row',
          parse: 'ebaySellerName',
          finds: 'the seller line, "gadget.haus (2,315) 99.4%" → "gadget.haus"',
        },
      ],
      rating: [
        {
          css: '.s-item__seller-info-text, .su-card-container__attributes__secondary .s-card__attribute-row',
          parse: 'ebayPercent',
          finds: 'the positive feedback share on the seller line, "99.4%"',
        },
      ],
      ratingCount: [
        {
          css: '.s-item__seller-info-text, .su-card-container__attributes__secondary .s-card__attribute-row',
          parse: 'ebayFeedbackCount',
          finds: 'the feedback score on the seller line, "(2,315)" or "(1.2K)"',
        },
      ],
      image: [
        { css: '.s-item__image img, img.s-card__image', attr: 'src', finds: 'the result thumbnail' },
        { css: 'img', attr: 'src', finds: 'the first picture of the card' },
      ],
      sponsored: [
        {
          css: '.s-item__sponsored, .s-card__sponsored, .su-sponsored-label',
          finds: 'the "Sponsored" label sponsored results carry',
        },
      ],
      condition: [
        {
          css: '.s-item__subtitle .SECONDARY_INFO, .s-item__subtitle',
          parse: 'conditionLine',
          finds: 'the condition under the title, "Brand New", "Pre-Owned", "Parts Only"',
        },
        {
          css: '.s-card__subtitle',
          parse: 'conditionLine',
          finds: 'the condition line of the 2025 card, "Pre-Owned · Apple iPad", "Neu"',
        },
      ],
      priceKind: [
        {
          css: '.s-item__bids, .s-item__bidCount',
          parse: 'bids',
          finds: 'the bid count of an auction, "0 bids" (opening bid) or "5 bids"',
        },
        {
          css: '.s-card__attribute-row',
          parse: 'bids',
          finds: 'the bid line of the 2025 card, "3 Gebote · Noch 2T 4Std"',
        },
        {
          css: '.s-item__purchase-options, .s-item__purchaseOptions, .s-item__purchase-options-with-icon, .s-item__buyItNowOption, .s-item__formatBuyItNow, .s-item__formatBestOfferEnabled, .s-card__attribute-row',
          parse: 'priceKind',
          finds: 'the "Buy It Now", "Sofort-Kaufen" or "or Best Offer" line of a fixed-price result',
        },
      ],
    },
    badge: [
      { css: '.s-item__title', finds: 'the result title' },
      { css: '.s-card__title', finds: 'the 2025 title block' },
      { css: '.bsig__title__text, .str-item-card__property-title', finds: 'the title on browse and store pages' },
    ],
  },
};
