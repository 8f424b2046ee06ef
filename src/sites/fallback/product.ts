import { labelledAsReference } from '../label';
import { bare, siteNames } from '../text';
import { type Candidate, candidate, clean } from './candidate';
import type { PriceMark } from './cards';

/**
 * A product page read by its regions rather than its selectors: the heading is the title, and
 * the price is the first one after it that is not struck, not per unit, not labelled as a
 * reference price and not in a list of other products' cards (a carousel of similar items) — the
 * buy box's own.
 */
export function buyBox(
  heading: Heading | undefined,
  marks: PriceMark[],
  inCards: ReadonlySet<Element>,
): Candidate | undefined {
  if (!heading) return undefined;
  // The buy box sits near the heading: within a few levels of the element that holds it.
  const region = ancestor(heading.element, REGION_LEVELS);
  const inList = (element: Element) => {
    for (let at: Element | null = element; at && at !== region; at = at.parentElement) if (inCards.has(at)) return true;
    return false;
  };
  // Checked lazily, cheapest first: a result page's region may hold hundreds of prices.
  const own = ({ element }: PriceMark) => region.contains(element) && !inList(element) && !labelledAsReference(element);
  // The DOM reports positions as a bit mask: 4 is "follows", 2 "precedes". Most layouts put the
  // price after the heading; some (mobile ones, a price banner above the name) put it just before.
  const after = marks.find((mark) => heading.element.compareDocumentPosition(mark.element) & 4 && own(mark));
  const near = ancestor(heading.element, NEAR_LEVELS);
  const before = after
    ? undefined
    : marks.findLast(
        (mark) => heading.element.compareDocumentPosition(mark.element) & 2 && near.contains(mark.element) && own(mark),
      );
  return candidate('cards', { title: heading.text, price: (after ?? before)?.price, element: null });
}

interface Heading {
  element: Element;
  text: string;
  /** Whether the page's `<title>` or og:title names the product the heading names. */
  titled: boolean;
}

/** Whether two names name one product: one holds the other, letters and digits alike. */
export function sameName(a: string | null | undefined, b: string | null | undefined): boolean {
  const [x, y] = [bare(a), bare(b)];
  return x.length > 0 && y.length > 0 && (x.includes(y) || y.includes(x));
}

/**
 * The page's heading: the longest `<h1>` the page's title names, else its first `<h1>`; with no
 * `<h1>`, the longest text the title names (older layouts put the product name in an h3 or a span).
 */
export function headingOf(
  document: Document,
  titles: readonly (string | null | undefined)[],
  hostname: string,
): Heading | undefined {
  const named = titles.map(bare).filter((title) => title.length >= 4);
  const titleWords = titles.map(wordsOf);
  // A page with no title of its own (a saved fragment) has nothing to gainsay its heading.
  const titled = (text: string) =>
    bare(text).length >= 4 &&
    (named.length === 0 ||
      named.some((title) => namedBy(title, bare(text))) ||
      titleWords.some((words) => mostWordsIn(wordsOf(text), words)));
  // Of several headings (a logo is often one, and the title names the shop too), the longest one
  // the page's title names is the product's.
  // A heading that is the shop's own name is its logo, not a product's.
  const shop = new Set(siteNames(hostname));
  const h1s = [...document.querySelectorAll('h1')].flatMap((element) => {
    const text = shownText(element);
    return text !== undefined && !shop.has(bare(text)) ? [{ element, text }] : [];
  });
  const longest = h1s.filter(({ text }) => titled(text)).sort((a, b) => b.text.length - a.text.length)[0];
  if (longest) return { ...longest, titled: true };
  if (h1s[0]) return { ...h1s[0], titled: false };
  // No heading at all: the longest text the title names is the product's name as shown (older
  // and script-drawn layouts put it in an h3 or a span).
  const found = named.length > 0 && document.body ? namedText(document.body, named) : undefined;
  return found && { ...found, titled: true };
}

/**
 * Classes that hide an element from sight, kept for screen readers ("Details about" before a
 * product's name, for them only): the whole class, maybe after a prefix ("u-hidden", "a-offscreen").
 * (`aria-hidden` is the other way round: seen, not read aloud. It stays.)
 */
const HIDING_CLASS =
  /^(?:[a-z0-9]+[-_])?(?:hidden|hdn|offscreen|sr-only|visually-?hidden|screen-?reader-(?:only|text))$/i;

function hidden(element: Element): boolean {
  if (element.hasAttribute('hidden')) return true;
  if (/(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(element.getAttribute('style') ?? '')) return true;
  for (const name of element.classList) if (HIDING_CLASS.test(name)) return true;
  return false;
}

/** An element's text as a sighted reader sees it: without what its hidden descendants hold. */
function shownText(element: Element): string | undefined {
  if (!element.querySelector('*')) return clean(element.textContent);
  let text = '';
  const walker = element.ownerDocument.createTreeWalker(element, 5, {
    acceptNode: (node) => (node.nodeType === 1 && hidden(node as Element) ? 2 : 1),
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) if (node.nodeType === 3) text += node.nodeValue;
  return clean(text);
}

/** Texts longer than this are paragraphs, not a product's name. */
const MAX_NAME = 300;

/** The longest text outside links and scripts that one of the titles (bare) names, 12 letters or more. */
function namedText(body: Element, named: readonly string[]): { element: Element; text: string } | undefined {
  let best: { element: Element; text: string; length: number } | undefined;
  const walker = body.ownerDocument.createTreeWalker(body, 4);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue ?? '';
    if (text.length < 12 || text.length > MAX_NAME) continue;
    const plain = bare(text);
    if (plain.length < 12 || (best && plain.length <= best.length)) continue;
    // A title names a text only if it holds the text's first twelve letters: most texts end here.
    const start = plain.slice(0, 12);
    if (!named.some((title) => title.includes(start))) continue;
    const element = node.parentElement;
    if (!element || element.closest('title, script, style, noscript, a, option, button')) continue;
    if (named.some((title) => namedBy(title, plain))) best = { element, text: clean(text)!, length: plain.length };
  }
  return best;
}

/**
 * Whether a title (bare) names a heading (bare): it holds the heading, or most of it from its
 * start ("Running Shoes For Men" of "Running Shoes For Men (Black, 8)": a variant the title leaves
 * out), or a long start of it (a long name the title cuts short).
 */
function namedBy(title: string, heading: string): boolean {
  if (title.includes(heading)) return true;
  // The longest start of the heading the title holds: a longer start is held only if a shorter one is.
  let [low, high] = [0, heading.length];
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (title.includes(heading.slice(0, mid))) low = mid;
    else high = mid - 1;
  }
  return low >= 30 || (low >= 12 && low >= heading.length * 0.6);
}

/** A text's words, in lower case: letters and digits. */
function wordsOf(text: string | null | undefined): string[] {
  return (text ?? '').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * Whether a title names a heading of several words that it words its own way: its first word
 * and three in four of its words are the title's ("Phone X 5G (Black, 256 GB) (12 GB RAM)" in
 * "Phone X 5G ( 256 GB Storage, 12 GB RAM ) Online"), as a product's variant is often reworded.
 */
function mostWordsIn(heading: readonly string[], title: readonly string[]): boolean {
  if (heading.length < 4 || title.length === 0) return false;
  const words = new Set(title);
  if (!words.has(heading[0]!)) return false;
  return heading.filter((word) => words.has(word)).length >= heading.length * 0.75;
}

/** How far above the heading the buy box may begin. */
const REGION_LEVELS = 8;
/** How far above the heading a price before it may sit: a banner over the name, not the page's header. */
const NEAR_LEVELS = 3;

/** The element `levels` above this one, short of the body. */
function ancestor(element: Element, levels: number): Element {
  let at = element;
  for (let level = 0; level < levels && at.parentElement && at.parentElement.tagName !== 'BODY'; level++)
    at = at.parentElement;
  return at;
}

/**
 * The part of a title that the page's other names for the product agree on: a heading with a
 * format label or a shop's tag glued on ("… Paperback – 1 Jan. 2020", "… | Free Shipping") is cut
 * to the name `<title>`, og:title or JSON-LD give, when that name starts or ends it, is not
 * itself cut short, and what it leaves out is a short label: set off by a separator, or after
 * the name and left out by two of the other names alike (a brand before the name is no label).
 * Otherwise the title stands.
 */
export function agreedTitle(title: string, others: readonly (string | undefined)[]): string {
  const lower = title.toLowerCase();
  const votes = new Map<string, number>();
  for (const other of others) {
    const name = clean(other)?.toLowerCase();
    if (!name || name.length < 10 || /(?:\.\.\.|…)$/.test(name) || name.length >= title.length) continue;
    if (!lower.startsWith(name) && !lower.endsWith(name)) continue;
    votes.set(name, (votes.get(name) ?? 0) + 1);
  }
  let best: string | undefined;
  for (const [name, count] of votes) {
    const start = lower.startsWith(name);
    const rest = (start ? title.slice(name.length) : title.slice(0, title.length - name.length)).trim();
    // Full-width forms too: Chinese and Japanese shops write "｜", "：" and "（".
    const separated = start ? /^[-–—|:(,[/·•｜：（［／、]/.test(rest) : /[-–—|:),\]/·•｜：）］／、]$/.test(rest);
    // What follows a name may be a label the other names leave out alike ("Paperback"); what
    // precedes it unseparated is the brand the heading shows ("Binatone Dry Iron"): it stays.
    if (rest.length > 40 || !(separated || (start && count > 1))) continue;
    if (!best || name.length > best.length) best = name;
  }
  if (!best) return title;
  const at = lower.startsWith(best) ? 0 : title.length - best.length;
  return title.slice(at, at + best.length);
}
