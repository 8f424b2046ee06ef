import type { Money } from '../../listing/listing';
import { parsePrice } from '../../listing/price';
import { absolute } from '../address';
import { decodeEntities } from '../entities';
import { parsers } from '../parsers';
import { itemData, type Json, metaContent } from '../sources';
import { type Candidate, candidate, clean, fillCandidate } from './candidate';

/**
 * Layer (b): what a page publishes for search engines. JSON-LD Product, ProductGroup and ItemList
 * (also inside @graph, mainEntity and offers), microdata and RDFa items (old Walmart-style
 * markup included), Open Graph product tags. Pure: a Document in, candidates out.
 */

type JsonObject = { [key: string]: Json };
const isObject = (value: Json | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const MAX_SCRIPT = 2_000_000;
const MAX_DEPTH = 12;
const MAX_NODES = 5000;
const PRODUCT_TYPES = new Set(['Product', 'ProductGroup', 'IndividualProduct', 'ProductModel', 'Book', 'Vehicle']);

interface Structured {
  /** The one product the page is about, where it states one. */
  product: Candidate | undefined;
  /** The products of a list the page states (ItemList, or several Product items). */
  items: Candidate[];
}

export function readStructured(document: Document, base: URL): Structured {
  const products: Candidate[] = [];
  const listed: Candidate[] = [];
  for (const node of jsonLdNodes(document)) {
    if (isList(node)) listed.push(...listItems(node, base));
    else products.push(fromNode(node, base, null));
  }
  const micro = microdataItems(document, base);
  const graph = { product: undefined as Candidate | undefined, items: [...listed] };
  const all = [...products, ...micro].filter((found) => found.title);
  if (listed.length === 0 && all.length > 1) graph.items = all;
  else graph.product = all[0];
  const og = openGraph(document, base);
  if (graph.product && og) {
    // The page's own tags fill what its schema.org data left out (a price in the meta tags).
    fillCandidate(graph.product, og);
  } else if (!graph.product && og?.title && (og.price || isProductType(document))) {
    graph.product = og;
  }
  return graph;
}

function isProductType(document: Document): boolean {
  return /^(?:product|og:product|product\.item)$/i.test(metaContent(document, 'og:type') ?? '');
}

function typesOf(node: JsonObject): string[] {
  const type = node['@type'];
  const list = Array.isArray(type) ? type : [type];
  return list.filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^.*[/#]/, ''));
}

const isList = (node: JsonObject) => typesOf(node).includes('ItemList') || typesOf(node).includes('OfferCatalog');

/** Every Product or ItemList node of the page's JSON-LD, however deeply a graph holds it. */
function jsonLdNodes(document: Document): JsonObject[] {
  const found: JsonObject[] = [];
  let visited = 0;
  const walk = (node: Json | undefined, depth: number) => {
    if (depth > MAX_DEPTH || visited++ > MAX_NODES || node === undefined || node === null) return;
    if (Array.isArray(node)) {
      for (const item of node) walk(item, depth + 1);
      return;
    }
    if (!isObject(node)) return;
    const types = typesOf(node);
    if (types.some((type) => PRODUCT_TYPES.has(type)) || isList(node)) {
      found.push(node);
      return;
    }
    for (const key of ['@graph', 'mainEntity', 'mainEntityOfPage', 'itemOffered', 'offers', 'about'])
      walk(node[key], depth + 1);
  };
  for (const script of document.querySelectorAll('script[type="application/ld+json" i]')) {
    const text = script.textContent ?? '';
    if (text.length > MAX_SCRIPT) continue;
    try {
      walk(JSON.parse(text) as Json, 0);
    } catch {
      // Broken JSON-LD is common; the other layers still read the page.
    }
  }
  return found;
}

function listItems(list: JsonObject, base: URL): Candidate[] {
  const elements = list.itemListElement;
  const entries = Array.isArray(elements) ? elements : elements === undefined ? [] : [elements];
  return entries.slice(0, 1000).flatMap((entry) => {
    if (!isObject(entry)) return [];
    const item = isObject(entry.item) ? entry.item : entry;
    const found = fromNode(item, base, null);
    if (!found.url) {
      const url = absolute(text(entry.url), base);
      if (url) {
        found.url = url;
        found.from.url = 'structured';
      }
    }
    return found.title || found.url ? [found] : [];
  });
}

/** A schema.org Product (as JSON-LD, or a microdata item read into the same shape) as a candidate. */
function fromNode(node: JsonObject, base: URL, element: Element | null): Candidate {
  const offers = offerOf(node.offers);
  return candidate('structured', {
    title: clean(decoded(text(node.name))),
    price: priceOf(offers ?? node),
    url: absolute(text(node.url) ?? text(offers?.url) ?? httpId(node['@id']), base),
    id: clean(text(node.sku) ?? text(node.productID) ?? text(node.gtin13) ?? text(node.gtin) ?? text(node.mpn), 100),
    image: absolute(text(node.image), base),
    brand: clean(text(node.brand), 200),
    seller: clean(text(offers?.seller), 300),
    condition: conditionOf(text(offers?.itemCondition) ?? text(node.itemCondition)),
    element,
  });
}

/** The first offer, stepping into an AggregateOffer's own offers only where it states no price. */
function offerOf(raw: Json | undefined, depth = 0): JsonObject | undefined {
  const first = Array.isArray(raw) ? raw.find(isObject) : raw;
  if (!isObject(first) || depth > 3) return undefined;
  if (first.price === undefined && first.lowPrice === undefined && first.offers !== undefined)
    return offerOf(first.offers, depth + 1) ?? first;
  return first;
}

function priceOf(offer: JsonObject): Money | undefined {
  const spec = isObject(offer.priceSpecification)
    ? offer.priceSpecification
    : Array.isArray(offer.priceSpecification)
      ? offer.priceSpecification.find(isObject)
      : undefined;
  const amount = text(offer.price) ?? text(offer.lowPrice) ?? text(spec?.price);
  const currency = text(offer.priceCurrency) ?? text(spec?.priceCurrency);
  if (amount === undefined) return undefined;
  const price = moneyOf(amount, currency);
  const high = text(offer.highPrice);
  const max = high === undefined ? undefined : moneyOf(high, currency);
  if (price && max && max.amount > price.amount) return { ...price, max: max.amount, kind: 'range' };
  return price;
}

/** A stated amount and ISO code; a number stated with a decimal point is read as written, never regrouped. */
export function moneyOf(amount: string, currency: string | undefined): Money | undefined {
  const code = currency?.trim().toUpperCase();
  const iso = code && /^[A-Z]{3}$/.test(code) ? code : undefined;
  if (/^\d{1,12}(?:\.\d{1,4})?$/.test(amount.trim())) {
    const value = Number(amount);
    return iso && value > 0 ? { amount: value, currency: iso } : undefined;
  }
  const parsed = parsePrice(amount, iso);
  return parsed && parsed.amount > 0 ? parsed : undefined;
}

function conditionOf(raw: string | undefined) {
  const value = raw ? parsers.condition(raw) : '';
  return value ? (value as Candidate['condition']) : undefined;
}

/** A scalar as text; a list by its first element; an object by its name, url or @id. */
function text(raw: Json | undefined, depth = 0): string | undefined {
  if (typeof raw === 'string') return raw.trim() || undefined;
  if (typeof raw === 'number' && Number.isFinite(raw)) return String(raw);
  if (depth > 3 || raw === null || raw === undefined || typeof raw === 'boolean') return undefined;
  if (Array.isArray(raw)) return text(raw[0], depth + 1);
  if (!isObject(raw)) return undefined;
  return text(raw.name ?? raw.url ?? raw.contentUrl ?? raw['@id'], depth + 1);
}

const httpId = (raw: Json | undefined) => (typeof raw === 'string' && /^https?:\/\//.test(raw) ? raw : undefined);

const decoded = (raw: string | undefined) => (raw === undefined ? undefined : decodeEntities(raw));

/**
 * Microdata (`itemscope itemtype=…/Product`) and RDFa (`typeof="Product"`) items that are not
 * inside another product, each read into the JSON-LD shape: a page of cards marked up this
 * way gives one item per card.
 */
function microdataItems(document: Document, base: URL): Candidate[] {
  const scopes = [
    ...document.querySelectorAll(
      '[itemscope][itemtype*="schema.org/Product" i], [typeof~="Product"], [typeof~="schema:Product"]',
    ),
  ];
  const outer = scopes.filter((scope) => !scopes.some((other) => other !== scope && other.contains(scope)));
  return outer.slice(0, 1000).map((scope) => fromNode(itemData(scope), base, scope));
}

/** Open Graph and product meta tags, as a product where they name one. */
function openGraph(document: Document, base: URL): Candidate | undefined {
  const meta = (name: string) => metaContent(document, name)?.trim() || undefined;
  const title = clean(decoded(meta('og:title')));
  if (!title) return undefined;
  const amount = meta('product:price:amount') ?? meta('og:price:amount');
  const currency = meta('product:price:currency') ?? meta('og:price:currency');
  return candidate('structured', {
    title,
    price: amount ? moneyOf(amount, currency) : undefined,
    url: absolute(meta('og:url'), base),
    id: clean(meta('product:retailer_item_id'), 100),
    image: absolute(meta('og:image'), base),
    brand: clean(meta('product:brand'), 200),
    condition: conditionOf(meta('product:condition') ?? meta('og:condition')),
  });
}
