import { metaContent } from '../sources';
import { bare, withoutSiteName } from '../text';
import { type Candidate, clean, fillCandidate, sameProduct } from './candidate';
import { type CardList, cardSteps, markSteps, type PriceMark } from './cards';
import { EMBEDDED_BUDGET, readEmbedded } from './embedded';
import { agreedTitle, buyBox, headingOf, sameName } from './product';
import { readStructured } from './structured';

/**
 * The reader under the site rules: structured data, embedded JSON and the markup's shape,
 * each filling what the one above left empty, field by field. It also says what kind of page
 * this is when the address does not: a product page, a result list, or neither.
 */

export interface FallbackPage {
  url: URL;
  /** The currency a bare `$` or `¥` means on this host, where the site's rules say. */
  local: string | undefined;
  /** What the address says the page is; `unknown` lets the page say. */
  kind: 'detail' | 'search' | 'unknown';
  /**
   * A marketplace's page, not any shop's: there an address shaped like a product's is trusted
   * (elsewhere "/p/about" is a blog's page).
   */
  served?: boolean;
}

export interface FallbackReading {
  /** What the address says the page is, else what the page says. */
  kind: 'detail' | 'search' | 'unknown';
  /** The product a product page is about, as the layers read it (whatever the kind). */
  product?: Candidate | undefined;
  /** The result list's cards, as the layers read them (whatever the kind). */
  cards: Candidate[];
  /** A product title cut to the part the page's other names for it agree on. */
  agree: (title: string) => string;
}

interface FallbackOptions {
  /** Milliseconds the markup layers may spend each, in all (the JSON walk: one slice at most). */
  ms?: number;
  /** On a live page: the milliseconds a layer runs before it lets the page have the thread. */
  slice?: number;
  now?: () => number;
}

/** On a live page: a layer's time in all, and its time per task. */
const LIVE = { ms: 600, slice: 20 };

/** Cards fewer than this are a carousel or a few ads, not a result list. */
const MIN_LIST = 3;
/** A list this long fills the page: a product page's carousels are shorter. */
const MANY = 8;

export type FallbackReader = typeof readFallback;
export type FallbackReaderInSteps = typeof readFallbackInSteps;

/** Reads the page by the lower layers at once: for saved pages and tests. */
export function readFallback(document: Document, page: FallbackPage, options: FallbackOptions = {}): FallbackReading {
  const steps = layerSteps(document, page, options);
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

/**
 * Reads a live page by the lower layers, one layer per task: the page's own work runs between
 * them, so no layer's time adds to another's in one long task.
 */
export async function readFallbackInSteps(
  document: Document,
  page: FallbackPage,
  options: FallbackOptions = {},
): Promise<FallbackReading> {
  const steps = layerSteps(document, page, { ...LIVE, ...options });
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

/** The layers in turn; it yields between them, where a caller on a live page lets the page run. */
function* layerSteps(
  document: Document,
  page: FallbackPage,
  options: FallbackOptions,
): Generator<void, FallbackReading> {
  const now = options.now ?? (() => performance.now());
  page = { ...page, local: page.local ?? pageCurrency(document, page.url) };
  const ms = options.ms ?? EMBEDDED_BUDGET.ms;
  // Each layer has its own time: one slow layer does not starve the next.
  const pace = () => ({ deadline: now() + ms, now, slice: options.slice });
  const structured = readStructured(document, page.url);
  yield;
  const marks = document.body ? yield* markSteps(document.body, page.local, pace()) : [];
  yield;
  const lists = yield* cardSteps(page.url, pace(), marks);
  yield;
  // The JSON walk cannot stop half-way through a parse: it has one slice of time at most.
  const embedded = readEmbedded(
    document,
    page.url,
    { local: page.local, shown: shownCurrency(marks) },
    { bytes: EMBEDDED_BUDGET.bytes, ms: Math.min(ms, options.slice ?? ms) },
    now,
  );
  yield;
  const heading = headingOf(document, [document.title, metaContent(document, 'og:title')], page.url.hostname);
  const named = (title: string | undefined) => sameName(title, heading?.text);
  // Other products' cards (a list of a few, each with its picture, or a list of many, pictures
  // drawn later or not) hold no buy box; a "card" named as the heading is the page's own product,
  // and two "cards" or a few with no picture may be sections of the page's own (its new and used offers).
  const inCards = new Set(
    lists
      .filter((list) => list.cards.length >= MIN_LIST)
      .flatMap((list) =>
        list.cards
          .filter((found) => (found.image || list.cards.length >= MANY) && !named(found.title))
          .map((found) => found.element!),
      ),
  );
  const box = buyBox(heading, marks, inCards);
  // With no structured product and no buy box (a page drawn by script), the page's state JSON may
  // still hold the product its title names.
  const titledJson =
    structured.product || box?.price
      ? undefined
      : titledProduct(embedded.lists, [document.title, metaContent(document, 'og:title')]);
  const product = productOf(
    document,
    page.url.hostname,
    structured.product ?? titledJson,
    box,
    embedded.lists,
    heading?.titled ?? false,
  );
  const cards = resultList(lists, structured.items, embedded.lists);
  const kind =
    page.kind !== 'unknown'
      ? page.kind
      : kindOf(document, {
          product,
          stated: structured.product ?? titledJson,
          box,
          cards,
          lists,
          named,
          titled: heading?.titled ?? false,
          productAddress: page.served === true && PRODUCT_ADDRESS.test(page.url.pathname),
        });
  const others = [document.title, metaContent(document, 'og:title'), structured.product?.title];
  return {
    kind,
    product,
    cards,
    agree: (read) => {
      const title = withoutSiteName(read, page.url.hostname);
      const cut = agreedTitle(title, heading?.titled ? [...others, heading.text] : others);
      if (cut !== read) return cut;
      if (!heading?.titled) return title;
      // The heading's own element, read with what it hides from sight ("Details about"): as shown.
      if (clean(heading.element.textContent) === clean(read)) return heading.text;
      // A title that no other name on the page supports was read from the wrong element (a
      // carousel's, an old layout's): the heading is the product's.
      const supported = [...others, heading.text].some((other) => sameName(title, other));
      return supported ? title : heading.text;
    },
  };
}

/**
 * What the page says it is. A schema.org product or an Open Graph product type is a product
 * page, unless its name is not the heading and a list of many cards fills the page; a list of
 * cards is a result page; a heading with a price after it, outside any list, is a product page, and
 * so is a heading the title names at a product's address.
 */
function kindOf(
  document: Document,
  found: {
    product: Candidate | undefined;
    stated: Candidate | undefined;
    box: Candidate | undefined;
    cards: Candidate[];
    lists: CardList[];
    named: (title: string | undefined) => boolean;
    titled: boolean;
    productAddress: boolean;
  },
): FallbackReading['kind'] {
  const { product, stated, box, cards, lists, named, titled, productAddress } = found;
  const productType = /^(?:product|og:product|product\.item)$/i.test(metaContent(document, 'og:type') ?? '');
  const manyCards = (lists[0]?.cards.length ?? 0) >= MANY;
  if (stated?.title && (named(stated.title) || !manyCards)) return 'detail';
  // A heading with a price beside it is a product's only where the page's own title names it too:
  // a result page's heading ("portable charger search results") is not its title's subject.
  // Such a buy box outweighs the carousels of other products beside it when its heading reads as
  // a product's name (several words, or many Chinese characters), not as a search or a category ("mechanical keyboard").
  const boxed = box?.price !== undefined && product?.title !== undefined && titled;
  const productName = (box?.title?.split(/\s+/).length ?? 0) >= 4 || /\p{Script=Han}{10}/u.test(box?.title ?? '');
  if ((boxed && (productName || !manyCards)) || (productType && !manyCards && product?.title)) return 'detail';
  // The page says it is a product's, and its heading the title names reads as a product's name:
  // the cards beside it, however many, are other products' (drawn before its price, maybe).
  if (productType && titled && productName && product?.title) return 'detail';
  if (cards.length >= MIN_LIST) return 'search';
  if (boxed) return 'detail';
  // A heading the title names, at a marketplace's address shaped like a product's, with no price
  // shown (drawn later by script, or shown only once a size is chosen): still the product's page.
  if (titled && product?.title && (lists[0]?.cards.length ?? 0) < MIN_LIST && productAddress) return 'detail';
  return 'unknown';
}

/**
 * Addresses marketplaces give product pages: a segment naming a product or an item before its
 * name or id ("/p/…", "/dp/…", "/products/…", "/itm/…"), or a long number for an id.
 */
const PRODUCT_ADDRESS =
  /\/(?:p|dp|pd|ip|itm|item|items|product|products|goods|detail|details|listing|offer)\/[^/]|\/\d{6,}(?:[/.]|$)|[-_]\d{6,}(?:\.html?)?$/i;

/** The product: its structured data, then the embedded JSON object of the same name, then the buy box. */
function productOf(
  document: Document,
  hostname: string,
  stated: Candidate | undefined,
  box: Candidate | undefined,
  lists: Candidate[][],
  titled: boolean,
): Candidate | undefined {
  const found: Candidate = stated ? { ...stated, from: { ...stated.from } } : { from: {} };
  // What the buy box shows is what a shopper pays: it wins over a price stated for search engines
  // (often in another currency, or the list price), where the heading is the page's own.
  if (box?.price && titled) {
    found.price = box.price;
    found.from.price = box.from.price;
  }
  const name = (found.title ?? box?.title)?.toLowerCase();
  const twin = name ? lists.flat().find((item) => item.title?.toLowerCase() === name) : undefined;
  if (twin) fillCandidate(found, twin);
  if (box) fillCandidate(found, box);
  if (!found.title) return undefined;
  // The heading is the product's name as shown, where the page's title names it too; a stated
  // name that holds it adds a shop's suffix.
  if (box?.title && found.title !== box.title && (titled || bare(found.title).includes(bare(box.title)))) {
    found.title = box.title;
    found.from.title = box.from.title;
  }
  found.title = agreedTitle(withoutSiteName(found.title, hostname), [
    document.title,
    metaContent(document, 'og:title'),
    stated?.title,
  ]);
  found.element = null;
  return found;
}

/**
 * The main result list: the biggest list the markup shows, unless the structured data or JSON
 * states a list at least twice as long (cards drawn by script, not yet in the markup). The
 * others fill the fields its cards lack.
 */
function resultList(lists: CardList[], stated: Candidate[], embedded: Candidate[][]): Candidate[] {
  const shown = lists[0]?.cards ?? [];
  const written = [stated, embedded[0] ?? []].sort((a, b) => b.length - a.length)[0]!;
  const base = written.length >= Math.max(MIN_LIST, shown.length * 2) ? written : shown;
  const others = [shown, stated, ...embedded.slice(0, 3)].filter((list) => list !== base);
  const byKey = new Map<string, Candidate>();
  for (const list of others)
    for (const item of list) {
      const key = sameProduct(item);
      if (key && !byKey.has(key)) byKey.set(key, item);
    }
  return base.map((item) => {
    const key = sameProduct(item);
    const twin = key ? byKey.get(key) : undefined;
    if (!twin) return item;
    const filled: Candidate = { ...item, from: { ...item.from } };
    fillCandidate(filled, twin);
    return filled;
  });
}

/** The currency at least nine in ten of the page's printed prices (three or more) are in. */
function shownCurrency(marks: readonly PriceMark[]): string | undefined {
  if (marks.length < MIN_LIST) return undefined;
  const counts = new Map<string, number>();
  for (const { price } of marks) counts.set(price.currency, (counts.get(price.currency) ?? 0) + 1);
  const [currency, count] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
  return count >= marks.length * 0.9 ? currency : undefined;
}

/** The one product in the page's JSON that the page's title names in full, with a price. */
function titledProduct(
  lists: readonly Candidate[][],
  titles: readonly (string | null | undefined)[],
): Candidate | undefined {
  const named = titles.map(bare).filter((title) => title.length >= 4);
  const found = lists
    .flat()
    .filter(
      ({ title, price }) => price && bare(title).length >= 12 && named.some((name) => name.includes(bare(title))),
    );
  // Several names in the title (a bundle, a title that lists a few) name no one product.
  return new Set(found.map(({ title }) => bare(title))).size === 1 ? found[0] : undefined;
}

/** Country domains where a bare `$` or `kr` means the local currency. */
const LOCAL_TLDS: Record<string, string> = {
  ca: 'CAD',
  au: 'AUD',
  nz: 'NZD',
  mx: 'MXN',
  ar: 'ARS',
  cl: 'CLP',
  co: 'COP',
  uy: 'UYU',
  sg: 'SGD',
  hk: 'HKD',
  tw: 'TWD',
  se: 'SEK',
  dk: 'DKK',
  no: 'NOK',
  is: 'ISK',
};

/**
 * What a bare `$`, `kr` or `¥` means on a shop the rules do not know: its country domain's dollar
 * or crown, or the yuan on a page written in Chinese (the yen otherwise).
 */
function pageCurrency(document: Document, url: URL): string | undefined {
  const tld = url.hostname.split('.').pop() ?? '';
  if (LOCAL_TLDS[tld]) return LOCAL_TLDS[tld];
  const lang = (document.documentElement.getAttribute('lang') ?? '').toLowerCase();
  if (tld === 'cn' || lang.startsWith('zh') || /[淘宝网天猫京东]/.test(document.title)) return 'CNY';
  return undefined;
}
