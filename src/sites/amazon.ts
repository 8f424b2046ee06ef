import type { SiteRules } from './rules';

export const amazon = {
  marketplace: 'amazon',
  hosts: {
    'amazon.com': 'USD',
    'amazon.ca': 'CAD',
    'amazon.com.mx': 'MXN',
    'amazon.com.br': 'BRL',
    'amazon.co.uk': 'GBP',
    'amazon.de': 'EUR',
    'amazon.fr': 'EUR',
    'amazon.it': 'EUR',
    'amazon.es': 'EUR',
    'amazon.nl': 'EUR',
    'amazon.com.be': 'EUR',
    'amazon.ie': 'EUR',
    'amazon.se': 'SEK',
    'amazon.pl': 'PLN',
    'amazon.com.tr': 'TRY',
    'amazon.ae': 'AED',
    'amazon.sa': 'SAR',
    'amazon.eg': 'EGP',
    'amazon.in': 'INR',
    'amazon.co.jp': 'JPY',
    'amazon.sg': 'SGD',
    'amazon.com.au': 'AUD',
  },
  detail: {
    // /dp/ASIN, /Some-Slug/dp/ASIN, /gp/product/ASIN, /gp/aw/d/ASIN (mobile).
    path: '/(?:dp|gp/product|gp/aw/d)/([A-Z0-9]{10})(?:[/?#]|$)',
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
    badgeAnchor: [
      { css: '#title', finds: 'the h1 around the product heading' },
      { css: '#productTitle', finds: 'the product heading itself' },
    ],
  },
} as const satisfies SiteRules;
