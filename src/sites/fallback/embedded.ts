import type { Money } from '../../listing/listing';
import { parsePrice } from '../../listing/price';
import { absolute } from '../address';
import type { Json } from '../sources';
import { type Candidate, candidate, clean } from './candidate';
import { moneyOf } from './structured';

/**
 * Layer (c): the JSON a page's scripts carry — `<script type="application/json">`, state
 * assigned to window variables (`__NEXT_DATA__`, `__INITIAL_STATE__`, `runParams`, Apollo
 * caches), `JSON.parse("…")` strings and `data-*` attributes holding JSON — walked for
 * product-shaped objects: a title and a price, plus an id, a link or an image. A page may carry
 * megabytes of it, so the walk has a budget in bytes and milliseconds and stops quietly past it.
 */

interface Budget {
  /** Characters of script and attribute text read at most. */
  bytes: number;
  /** Milliseconds spent at most. */
  ms: number;
}
/** What a layer may spend on a live page, where each runs in a task of its own: under a 50 ms task. */
export const EMBEDDED_BUDGET: Budget = { bytes: 3_000_000, ms: 35 };

type JsonObject = { [key: string]: Json };
const isObject = (value: Json | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const MAX_DEPTH = 48;
const MAX_NODES = 200_000;
const MAX_PRODUCTS = 2000;

/**
 * Keys are recognised by their words, not a list of one site's names: a title is a `title` or
 * `name` (`productName`, `raw_title`, `goods_name`) that is not a shop's, seller's or category's;
 * a price is a `price` key that is not a former, list or unit price.
 */
const TITLE_KEY = /(?:^|_|[a-z])(?:title|name)$|^(?:title|name|subject)$/i;
const NOT_TITLE_KEY = /shop|store|seller|brand|categor|user|nick|author|class|type|file|key|sku|page|site|alt/i;
const PRICE_KEY = /price|^amount$/i;
const NOT_PRICE_KEY =
  /original|list|old|was|before|strike|market|max|high|unit|per|reference|regular|retail|mrp|shipping|delivery|range(?=.*max)|type|id$|label$|currency/i;
/** Keys tried first, in this order: what a shopper pays. */
const PREFERRED_PRICE = /sale|current|final|offer|promo|view|display|min|low/i;

/** Inside a price object, besides the keys below: an amount named for what a shopper pays ("discounted"). */
const PAID_KEY = /sale|current|final|offer|promo|discount|selling|special|deal/i;

/** Inside a price object: where the amount or its printed form sits. */
const AMOUNT_KEYS = [
  'formattedPrice',
  'formatted',
  'formattedValue',
  'displayPrice',
  'priceString',
  'text',
  'display',
  'priceText',
  'value',
  'amount',
  'price',
  'current',
  'currentPrice',
  'salePrice',
  'minPrice',
  'min',
  'minAmount',
  'priceAmount',
];
const CURRENCY_KEYS = ['currency', 'currencyCode', 'currency_code', 'priceCurrency', 'currencyId', 'currencyIsoCode'];
const ID_KEYS = [
  'id',
  'itemId',
  'item_id',
  'productId',
  'product_id',
  'sku',
  'asin',
  'goodsId',
  'goods_id',
  'listingId',
  'listing_id',
  'usItemId',
  'offerId',
  'productID',
];
const URL_KEYS = [
  'url',
  'href',
  'link',
  'productUrl',
  'product_url',
  'itemUrl',
  'item_url',
  'detailUrl',
  'detail_url',
  'productDetailUrl',
  'canonicalUrl',
  'canonical_url',
  'seoUrl',
  'linkUrl',
];
const IMAGE_KEYS = [
  'image',
  'imageUrl',
  'image_url',
  'img',
  'imgUrl',
  'thumbnail',
  'thumbnailUrl',
  'thumb',
  'mainImage',
  'images',
  'picture',
  'imagePath',
  'imageInfo',
];

interface Embedded {
  /** Groups of products that sit side by side in one list or map of the JSON, largest first. */
  lists: Candidate[][];
}

/** A clock and a budget: `spent()` says when to stop. */
interface Meter {
  bytes: number;
  deadline: number;
  now: () => number;
}
const spent = (meter: Meter) => meter.bytes <= 0 || meter.now() > meter.deadline;

/**
 * The currencies a price in the JSON may take when it names none: `local`, what a bare `$` or
 * `¥` means on the host; `shown`, the one currency the page's printed prices all use (an amount
 * stated with no currency on a page priced in rupees is in rupees).
 */
interface PageCurrencies {
  local?: string | undefined;
  shown?: string | undefined;
}

export function readEmbedded(
  document: Document,
  base: URL,
  currencies: PageCurrencies,
  budget: Budget = EMBEDDED_BUDGET,
  now: () => number = () => performance.now(),
): Embedded {
  const meter: Meter = { bytes: budget.bytes, deadline: now() + budget.ms, now };
  const groups = new Map<object, Candidate[]>();
  const seen = new Set<string>();
  let products = 0;
  const take = (root: Json) => {
    products += walk(root, {
      base,
      localCurrency: currencies.local,
      shownCurrency: currencies.shown,
      groups,
      seen,
      meter,
      budget: MAX_PRODUCTS - products,
    });
  };
  for (const script of document.querySelectorAll('script:not([src])')) {
    if (spent(meter) || products >= MAX_PRODUCTS) break;
    const type = (script.getAttribute('type') ?? '').toLowerCase();
    if (type.includes('ld+json') || /^text\/(?:css|template|html)/.test(type)) continue;
    const text = script.textContent ?? '';
    if (text.length < 20 || text.length > meter.bytes) continue;
    meter.bytes -= text.length;
    if (type.includes('json')) {
      const value = parse(text);
      if (value !== undefined) take(value);
      continue;
    }
    for (const value of valuesInScript(text, meter)) take(value);
  }
  if (!spent(meter) && products < MAX_PRODUCTS) {
    for (const value of attributeJson(document, meter)) take(value);
  }
  const lists = [...groups.values()].sort((a, b) => b.length - a.length);
  return { lists };
}

function parse(text: string): Json | undefined {
  try {
    return JSON.parse(text) as Json;
  } catch {
    return undefined;
  }
}

/**
 * The JSON values a script holds: each `{"…` object after `=`, `:` or `(`, cut out by matching
 * brackets outside strings, and each `JSON.parse("…")` string. A value found is skipped over
 * whole, so its inner objects are not parsed twice.
 */
function* valuesInScript(text: string, meter: Meter): Generator<Json> {
  const starts = /(?:[=:(,]\s*(?=[{[]\s*")|JSON\.parse\(\s*(?=["']))/g;
  let match = starts.exec(text);
  while (match) {
    if (spent(meter)) return;
    const at = match.index + match[0].length;
    const open = text[at];
    let end = at + 1;
    if (open === '"' || open === "'") {
      const literal = stringLiteral(text, at);
      if (literal) {
        end = literal.end;
        const value = parse(literal.value);
        if (value !== undefined) yield value;
      }
    } else {
      const close = matchingBracket(text, at, meter);
      if (close > at) {
        const value = parse(text.slice(at, close + 1));
        if (value !== undefined) {
          end = close + 1;
          yield value;
        }
      }
    }
    starts.lastIndex = Math.max(end, match.index + 1);
    match = starts.exec(text);
  }
}

/** The index of the bracket that closes the one at `from`, outside strings; -1 when none does in budget. */
function matchingBracket(text: string, from: number, meter: Meter): number {
  let depth = 0;
  let inString = false;
  for (let i = from; i < text.length; i++) {
    if ((i & 0xffff) === 0 && spent(meter)) return -1;
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 92) i++;
      else if (char === 34) inString = false;
      continue;
    }
    if (char === 34) inString = true;
    else if (char === 123 || char === 91) depth++;
    else if (char === 125 || char === 93) {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** A JavaScript string literal at `from`, as the text it stands for (JSON escapes; single quotes allowed). */
function stringLiteral(text: string, from: number): { value: string; end: number } | undefined {
  const quote = text[from];
  for (let i = from + 1; i < text.length; i++) {
    const char = text[i];
    if (char === '\\') {
      i++;
      continue;
    }
    if (char === quote) {
      const body = text.slice(from + 1, i);
      const json = quote === '"' ? body : body.replace(/\\'/g, "'").replace(/"/g, '\\"');
      const value = parse(`"${json}"`);
      return typeof value === 'string' ? { value, end: i + 1 } : undefined;
    }
  }
  return undefined;
}

/** JSON held in `data-*` attributes (`data-state='{"items":[…]}'`), within the budget. */
function* attributeJson(document: Document, meter: Meter): Generator<Json> {
  const root = document.body ?? document.documentElement;
  if (!root) return;
  const walker = document.createTreeWalker(root, 1);
  let visited = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if ((++visited & 0xff) === 0 && spent(meter)) return;
    for (const attribute of (node as Element).attributes) {
      if (!attribute.name.startsWith('data-')) continue;
      const value = attribute.value;
      if (value.length < 20 || (value[0] !== '{' && value[0] !== '[') || value.length > meter.bytes) continue;
      meter.bytes -= value.length;
      const parsed = parse(value);
      if (parsed !== undefined) yield parsed;
    }
  }
}

interface Walk {
  base: URL;
  localCurrency: string | undefined;
  shownCurrency: string | undefined;
  groups: Map<object, Candidate[]>;
  seen: Set<string>;
  meter: Meter;
  budget: number;
}

/** Walks a JSON value for products, grouping each under the list or map that holds it; returns how many. */
function walk(root: Json, context: Walk): number {
  let found = 0;
  let visited = 0;
  const stack: { node: Json; parent: object | null; currency: string | undefined; depth: number }[] = [
    { node: root, parent: null, currency: context.shownCurrency, depth: 0 },
  ];
  while (stack.length > 0) {
    const { node, parent, currency, depth } = stack.pop()!;
    if (++visited > MAX_NODES || found >= context.budget || ((visited & 0x3ff) === 0 && spent(context.meter))) break;
    if (depth > MAX_DEPTH || node === null || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--)
        stack.push({ node: node[i]!, parent: node, currency, depth: depth + 1 });
      continue;
    }
    const own = currencyIn(node) ?? currency;
    const product = productOf(node, own, context);
    if (product) {
      const key = `${product.url ?? ''}|${product.title}|${product.price?.amount ?? ''}`;
      if (!context.seen.has(key)) {
        context.seen.add(key);
        const group = parent ?? node;
        const list = context.groups.get(group);
        if (list) list.push(product);
        else context.groups.set(group, [product]);
        found++;
      }
      // A product's own parts (its variants, its seller) are not more products of the list.
      continue;
    }
    const values = Object.values(node);
    for (let i = values.length - 1; i >= 0; i--)
      stack.push({ node: values[i]!, parent: node, currency: own, depth: depth + 1 });
  }
  return found;
}

function currencyIn(node: JsonObject): string | undefined {
  for (const key of CURRENCY_KEYS) {
    const value = node[key];
    if (typeof value === 'string' && /^[A-Z]{3}$/.test(value.trim())) return value.trim();
  }
  return undefined;
}

function productOf(node: JsonObject, currency: string | undefined, context: Walk): Candidate | undefined {
  const title = titleOf(node);
  if (!title) return undefined;
  const price = priceIn(node, currency, context.localCurrency, 0);
  // An amount whose currency nobody states still makes the object a product, with no price.
  if (!price && !hasAmount(node)) return undefined;
  const id = firstText(node, ID_KEYS, 100);
  const url = absolute(firstText(node, URL_KEYS, 2048), context.base);
  const image = imageOf(node, context.base);
  if (!id && !url && !image) return undefined;
  return candidate('embedded', { title, price, url, id: id && /^[\w.~-]{1,100}$/.test(id) ? id : undefined, image });
}

function titleOf(node: JsonObject): string | undefined {
  for (const [key, value] of Object.entries(node)) {
    if (typeof value !== 'string' || !TITLE_KEY.test(key) || NOT_TITLE_KEY.test(key)) continue;
    const text = clean(value.replace(/<[^>]{0,200}>/g, ''));
    // A title reads as words: not a link, not a code, not a sentence-long description.
    if (text && text.length >= 4 && text.length <= 400 && /\p{L}.*\p{L}/u.test(text) && !/^(?:https?:)?\/\//.test(text))
      return text;
  }
  return undefined;
}

/**
 * A price in a product object: a printed price with its currency mark first (it says what a
 * shopper sees), else an amount with an ISO code stated beside it. An amount with no currency
 * stated is no price: guessing the host's would be confident and possibly wrong.
 */
function priceIn(
  node: JsonObject,
  currency: string | undefined,
  local: string | undefined,
  depth: number,
): Money | undefined {
  const own = currencyIn(node) ?? currency;
  const keys = depth === 0 ? priceKeys(node) : amountKeys(node);
  let numeric: Money | undefined;
  for (const key of keys) {
    const value = node[key];
    if (typeof value === 'string') {
      const printed = printedPrice(value, local);
      if (printed) return printed;
      if (!numeric && own) numeric = moneyOf(value, own);
    } else if (typeof value === 'number' && !numeric && own && value > 0) {
      const cents = /cent|minor/i.test(key) ? 100 : 1;
      numeric = { amount: value / cents, currency: own };
    } else if (isObject(value) && depth < 2) {
      const inner = priceIn(value, own, local, depth + 1);
      if (inner) return inner;
    } else if (Array.isArray(value) && depth < 2 && isObject(value[0])) {
      const inner = priceIn(value[0], own, local, depth + 1);
      if (inner) return inner;
    }
  }
  return numeric;
}

function hasAmount(node: JsonObject, depth = 0): boolean {
  return (depth === 0 ? priceKeys(node) : amountKeys(node)).some((key) => {
    const value = node[key];
    if (isObject(value)) return depth === 0 && hasAmount(value, 1);
    return (typeof value === 'number' && value > 0) || (typeof value === 'string' && /^\s*\d[\d.,]*\s*$/.test(value));
  });
}

/** The keys of a price object that may hold its amount: the usual names, then what a shopper pays. */
function amountKeys(node: JsonObject): string[] {
  const paid = Object.keys(node).filter((key) => PAID_KEY.test(key) && !NOT_PRICE_KEY.test(key));
  return [...AMOUNT_KEYS, ...paid.filter((key) => !AMOUNT_KEYS.includes(key))];
}

/** The keys of an object that may hold its price, what a shopper pays first. */
function priceKeys(node: JsonObject): string[] {
  const keys = Object.keys(node).filter((key) => PRICE_KEY.test(key) && !NOT_PRICE_KEY.test(key));
  return keys.sort((a, b) => Number(PREFERRED_PRICE.test(b)) - Number(PREFERRED_PRICE.test(a)));
}

/** A price as printed for a shopper ("$12.99", "12,99 €"); a bare number is not one. */
function printedPrice(text: string, local: string | undefined): Money | undefined {
  if (text.length > 60 || !/\d/.test(text) || /^[\d.,\s]+$/.test(text)) return undefined;
  const price = parsePrice(text, local, { bare: 'none' });
  return price && price.amount > 0 ? price : undefined;
}

function firstText(node: JsonObject, keys: readonly string[], max: number): string | undefined {
  for (const key of keys) {
    const value = node[key];
    if ((typeof value === 'string' && value.trim()) || (typeof value === 'number' && Number.isFinite(value)))
      return String(value).trim().slice(0, max);
  }
  return undefined;
}

function imageOf(node: JsonObject, base: URL): string | undefined {
  for (const key of IMAGE_KEYS) {
    let value = node[key];
    if (Array.isArray(value)) value = value[0];
    if (isObject(value)) value = value.url ?? value.src ?? value.imageUrl ?? value.large ?? value.thumbnail;
    if (typeof value === 'string' && /\.(?:jpe?g|png|webp|avif|gif)|\/images?\//i.test(value))
      return absolute(value, base);
  }
  return undefined;
}
