import { HOSTS } from '../listing/hosts';
import { SCHEMA_CONDITION, SCHEMA_REVIEWS } from './generic';
import type { SiteRules } from './rules';

/**
 * Flipkart (India). The listing id is the `pid` query value (COMGFB2GDBDYXF9D), not the path's
 * `itm…` id: search cards carry the pid as `data-id`, and sizes of one shoe share an `itm` id
 * while each has its own pid, price and seller, so only the pid names what the page prices.
 * Class names on Flipkart are hashed (`Nx9bqj`); the stable `#sellerName` and JSON-LD back them up.
 */
export const flipkart: SiteRules = {
  marketplace: 'flipkart',
  hosts: HOSTS.flipkart,
  pages: [
    // /<slug>/p/itm85d8044d46450?pid=COMGFB2GDBDYXF9D&lid=…
    { kind: 'detail', path: '/p/itm[0-9a-z]*\\?(?:[^#]*&)?pid=([A-Z0-9]{16})(?:[&#]|$)' },
    // Without a pid Flipkart shows the item's default variant: the id comes from the page.
    { kind: 'detail', path: '/p/itm[0-9a-z]+(?:[?#]|$)' },
    { kind: 'search', path: '^/search(?:[?#]|$)' },
    // Category and brand listings: /laptops/pr?sid=6bo,b5g, /laptops/apple~brand/pr?sid=…
    { kind: 'search', path: '/pr\\?(?:[^#]*&)?sid=' },
  ],
  listingUrl: 'https://www.{host}/product/p/itme?pid={id}',
  idPattern: '[A-Z0-9]{16}',
  detail: {
    fields: {
      id: [
        {
          css: 'a[href^="/sellers?pid="]',
          attr: 'href',
          parse: 'pidFromHref',
          finds: 'the "See other sellers" link of the buy box, "/sellers?pid=COMGFB2GDBDYXF9D&…"',
        },
        {
          css: 'a[href*="/product-reviews/"][href*="pid="]',
          attr: 'href',
          parse: 'pidFromHref',
          finds: 'the "All reviews" link, "/…/product-reviews/itm…?pid=SHOGANAAYNRDTZ5V"',
        },
      ],
      title: [
        {
          css: 'h1',
          finds:
            'the product heading with the brand span before it, "CAMPUS CRYSTA PRO Running Shoes For Men (Black , 8)"',
        },
        { jsonld: 'name', finds: 'the JSON-LD product name, "Apple MacBook AIR Apple M2 - (8 GB/512 GB SSD…"' },
      ],
      brand: [
        {
          css: 'h1 > span:first-child:not(:last-child)',
          finds: 'the brand Flipkart shows in its own span before the title, "CAMPUS"',
        },
        { jsonld: 'brand', finds: 'the JSON-LD brand, "Apple"' },
      ],
      price: [
        {
          css: '.Nx9bqj.CxhGGd',
          finds: 'the headline price under the title, "₹1,12,990", not the struck MRP nor the <title> price',
        },
        { jsonld: 'offers.price', finds: 'the JSON-LD offer price, 112990' },
      ],
      currency: [{ jsonld: 'offers.priceCurrency', finds: 'the JSON-LD offer currency, "INR"' }],
      seller: [
        { css: '#sellerName > span > span', finds: 'the seller of the buy box, "TREASURE HAUL ONLINE"' },
        { css: '#sellerName a > span', finds: 'the seller name on layouts that link it' },
      ],
      rating: [{ css: '#sellerName span > div', finds: 'the seller rating beside the name, "4.2"' }],
      image: [{ jsonld: 'image', finds: 'the JSON-LD product image' }],
      condition: SCHEMA_CONDITION,
      priceKind: [{ value: 'fixed', finds: 'Flipkart sells at fixed prices: no auctions, no quantity tiers' }],
      reviews: [
        {
          css: '.ZmyHeo > div > div:not(.XQDdHH)',
          finds: 'the text of each review shown, without its star badge or "READ MORE", "Nice product"',
        },
        ...SCHEMA_REVIEWS,
      ],
    },
    badge: [
      { css: 'h1', finds: 'the product heading' },
      { css: '#sellerName', finds: 'the seller block' },
    ],
  },
  cards: {
    item: {
      css: 'div[data-id]',
      finds: 'each result of the main list (list and grid layouts), whose data-id is the pid; carousels carry none',
    },
    placeholder: '[data-id=""]',
    fields: {
      id: [
        { css: ':scope', attr: 'data-id', finds: "the card's pid, COMGFB2GSG8EQXCQ" },
        { css: 'a[href*="/p/itm"]', attr: 'href', finds: 'the link to the product page, "/…/p/itm…?pid=…"' },
      ],
      title: [
        { css: '.KzDlHZ', finds: 'the result title of the list layout, "Apple MacBook AIR Apple M2 - (8 GB/256 GB…"' },
        { css: 'a.WKTcLC', finds: 'the result title of the grid layout, "Men Regular Fit Printed Casual Shirt"' },
        { css: 'a[title][href*="/p/itm"]', attr: 'title', finds: 'the full title on the product link' },
        { css: 'img[alt]', attr: 'alt', finds: 'the thumbnail alt text, the title again' },
      ],
      brand: [{ css: '.syl9yP', finds: 'the brand line of grid cards, "CAMPUS"' }],
      price: [
        { css: '.Nx9bqj', finds: 'the price paid, "₹73,990", not the struck MRP "₹99,900"' },
        { css: '.hl05eU > div:first-child', finds: 'the first entry of the price row' },
      ],
      image: [{ css: 'img[src*="flixcart.com/image"]', attr: 'src', finds: 'the result thumbnail' }],
      sponsored: [
        { css: '.f8qK5m', attr: 'class', finds: 'the "Sponsored" label Flipkart draws as a 62×18 SVG above the title' },
        { css: '.xgS27m', finds: 'the "Ad" tag of grid cards' },
      ],
      priceKind: [{ value: 'fixed', finds: 'Flipkart sells at fixed prices: no auctions, no quantity tiers' }],
    },
    badge: [
      { css: '.KzDlHZ', finds: 'the result title of the list layout' },
      { css: 'a.WKTcLC', finds: 'the result title of the grid layout' },
      { css: 'a[href*="/p/itm"]', finds: 'the product link' },
    ],
  },
};
