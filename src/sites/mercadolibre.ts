import { HOSTS } from '../listing/hosts';
import { SCHEMA_CONDITION, SCHEMA_REVIEWS } from './generic';
import type { SiteRules } from './rules';

/**
 * Mercado Libre / Mercado Livre, every country site. No saved page was available: these rules
 * follow the markup the sites are known to use (`ui-pdp-*` item pages, `poly-card` search cards,
 * `andes-money-amount` prices whose cents sit in their own element, so the shown text "$1.23456"
 * is never read whole). Item ids keep the hyphen the URLs carry (MLA-1234567890); catalogue
 * pages (/p/MLA12345) and user products (/up/MLAU123) are keyed by their own ids.
 */
export const mercadolibre: SiteRules = {
  marketplace: 'mercadolibre',
  hosts: HOSTS.mercadolibre,
  pages: [
    // articulo.mercadolibre.com.ar/MLA-1234567890-slug-_JM, produto.mercadolivre.com.br/MLB-…
    { kind: 'detail', path: '^/(M[A-Z]{2}-\\d{5,14})(?:[-/?#_]|$)' },
    // www.mercadolibre.com.ar/slug/p/MLA12345678 (catalogue) and /slug/up/MLAU123456 (user product).
    { kind: 'detail', path: '/(?:p|up)/(M[A-Z]{2}U?\\d{5,14})(?:[/?#]|$)' },
    { kind: 'store', path: '^/(?:tienda|pagina|perfil)/' },
    // listado.mercadolibre.com.ar/celular-samsung, lista.mercadolivre.com.br/…, /jm/search?as_word=…
    { kind: 'search', path: '^/(?:jm/search|[a-z0-9][^/?#]*)(?:[/?#_]|$)' },
  ],
  listingUrl: 'https://articulo.{host}/{id}',
  idPattern: 'M[A-Z]{2}U?-?\\d{5,14}',
  detail: {
    fields: {
      id: [
        { css: 'link[rel="canonical"]', attr: 'href', finds: 'the canonical item address, /MLA-1234567890-…' },
        { meta: 'og:url', finds: 'the sharing address of the item' },
      ],
      title: [
        { css: 'h1.ui-pdp-title', finds: 'the item heading, "Zapatillas Urbanas Runner Negro"' },
        { jsonld: 'name', finds: 'the JSON-LD product name' },
      ],
      brand: [{ jsonld: 'brand', finds: 'the JSON-LD brand, "Kavu"' }],
      price: [
        {
          css: '.ui-pdp-price__second-line meta[itemprop="price"]',
          attr: 'content',
          finds: 'the current price as a number, "45999.9", not the struck previous price',
        },
        { jsonld: 'offers.price', finds: 'the JSON-LD offer price' },
        {
          css: '.ui-pdp-price__second-line .andes-money-amount__fraction',
          finds: 'the whole units of the current price, "45.999"',
        },
      ],
      currency: [
        { jsonld: 'offers.priceCurrency', finds: 'the JSON-LD offer currency, "ARS"' },
        { css: '.ui-pdp-price__second-line meta[itemprop="priceCurrency"]', attr: 'content', finds: '"ARS"' },
      ],
      seller: [
        {
          css: '.ui-pdp-seller__link-trigger-button > span:last-child',
          finds: 'the seller after "Vendido por", "ZAPAS DEL SUR"',
        },
        { css: '.ui-seller-data-header__title', finds: 'the seller heading of the seller box, "Kavu Oficial"' },
      ],
      official: [
        { css: '.ui-pdp-seller__official-store-label', finds: 'the "Tienda oficial" mark of the seller box' },
        { css: '.ui-pdp-official-store-label', finds: 'the official-store line under the title' },
      ],
      image: [
        { jsonld: 'image', finds: 'the JSON-LD product image' },
        { meta: 'og:image', finds: 'the sharing image' },
      ],
      condition: [
        {
          css: '.ui-pdp-header__subtitle, .ui-pdp-subtitle',
          parse: 'conditionLine',
          finds: 'the line above the title, "Nuevo | +1000 vendidos", "Usado", "Reacondicionado", "Novo"',
        },
        ...SCHEMA_CONDITION,
      ],
      priceKind: [{ value: 'fixed', finds: 'Mercado Libre sells at fixed prices: no auctions, no quantity tiers' }],
      reviews: [
        {
          css: '.ui-review-capability-comments__comment__content',
          finds: 'the text of each opinion shown under "Opiniones del producto"',
        },
        ...SCHEMA_REVIEWS,
      ],
    },
    badge: [{ css: 'h1.ui-pdp-title', finds: 'the item heading' }],
  },
  cards: {
    item: {
      css: 'ol.ui-search-layout > li.ui-search-layout__item',
      finds: 'each result of the main list or grid, organic and promoted; carousels live outside it',
    },
    placeholder: '[class*="skeleton"]',
    fields: {
      id: [
        {
          css: 'a.poly-component__title:not([href*="/mclics/"])',
          attr: 'href',
          finds: 'the title link, "…/MLA-1234567890-…-_JM", unless it is an ad click counter',
        },
        { css: 'a.ui-search-link', attr: 'href', finds: 'the result link of the older card' },
        {
          css: 'a[href^="https://articulo."], a[href^="https://produto."], a[href*="/p/M"]',
          attr: 'href',
          finds: 'the picture link of promoted cards, whose title link is a click counter',
        },
      ],
      title: [
        { css: '.poly-component__title', finds: 'the card title, "Zapatillas Urbanas Runner Negro"' },
        { css: '.ui-search-item__title', finds: 'the title of the older card' },
      ],
      brand: [{ css: '.poly-component__brand', finds: 'the brand line of the card, "KAVU"' }],
      price: [
        {
          css: '.poly-price__current .andes-money-amount:not(.andes-money-amount--previous)',
          attr: 'aria-label',
          parse: 'centavos',
          finds: 'the spoken current price, "45999 pesos con 90 centavos", not the struck previous price',
        },
        {
          css: '.ui-search-price__second-line .andes-money-amount__fraction',
          finds: 'the whole units of the current price of the older card, "45.999"',
        },
      ],
      seller: [
        { css: '.poly-component__seller', parse: 'porSeller', finds: 'the seller line, "Por Kavu" → "Kavu"' },
        { css: '.ui-search-official-store-label', parse: 'porSeller', finds: 'the official store line of older cards' },
      ],
      official: [
        { css: '.poly-component__seller svg', attr: 'class', finds: 'the check mark of an official store' },
        { css: '.ui-search-official-store-label', finds: 'the official store line of older cards' },
      ],
      image: [{ css: 'img.poly-component__picture', attr: 'src', finds: 'the card image' }],
      sponsored: [
        { css: '.poly-component__ads-promotions', finds: 'the "Promocionado" label of promoted results' },
        { css: '.ui-search-item__ad-label', finds: 'the ad label of older cards' },
      ],
      condition: [
        {
          css: '.poly-component__item-condition',
          parse: 'conditionLine',
          finds: 'the condition line some cards show, "Usado", "Reacondicionado"',
        },
      ],
      priceKind: [{ value: 'fixed', finds: 'Mercado Libre sells at fixed prices: no auctions, no quantity tiers' }],
    },
    badge: [
      { css: '.poly-component__title-wrapper', finds: 'the card title heading' },
      { css: '.ui-search-item__title', finds: 'the title of the older card' },
    ],
  },
};
