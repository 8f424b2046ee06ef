import { MARK_SOURCE } from '../../listing/currency-marks';
import type { Money } from '../../listing/listing';
import { parsePrice } from '../../listing/price';
import { LIST_BEFORE } from '../../listing/price-words';
import { absolute } from '../address';
import { shortText } from '../text';
import { type Candidate, candidate, clean } from './candidate';

/**
 * Layer (d): listings found by the shape of the markup, not its class names. Every short text
 * that is surely a price (a currency mark and an amount; not struck through, not per unit)
 * is tied to the nearest link around or above it; each price-and-link grows into the largest
 * element that holds no other product's link — its card — and cards that are siblings of one
 * parent form a list. A result page's main list is the biggest of them.
 */

/** Where no listing's price is: code, and form controls (a price filter's "$25 - $49.99"). */
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'SELECT', 'OPTION', 'TEXTAREA', 'LABEL']);
const MAX_PRICE_TEXT = 48;
const MAX_PRICES = 5000;
const MAX_CLIMB = 25;
/** A card shows a price, a former one, a price per unit: more prices than this make a section, not a card. */
const MAX_CARD_PRICES = 6;
/** Cards found by their links before their alike siblings join them. */
const MIN_ALIKE = 3;

export interface PriceMark {
  element: Element;
  price: Money;
}

/**
 * How a layer spends its time: it stops at `deadline`, and where `slice` is finite it yields
 * after each slice of that many milliseconds, so that a live page's own work runs in between.
 */
interface Pace {
  deadline: number;
  now: () => number;
  slice?: number;
}

/** Runs a paced layer to its end at once (saved pages, tests). */
export function drain<T>(steps: Generator<void, T>): T {
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

/** A check every few iterations: false once the deadline has passed; yields when the slice is spent. */
function* onPace(pace: Pace, state: { sliceEnd: number }): Generator<void, boolean> {
  const time = pace.now();
  if (time > pace.deadline) return false;
  if (time > state.sliceEnd) {
    yield;
    state.sliceEnd = pace.now() + (pace.slice ?? Number.POSITIVE_INFINITY);
  }
  return true;
}

/**
 * The page's price elements, in document order: for each short text with a digit, the lowest
 * element at most three levels up whose whole text reads as a price with a currency mark (an
 * amount split over several elements reads from their common parent).
 */
export function* markSteps(root: Element, local: string | undefined, pace: Pace): Generator<void, PriceMark[]> {
  const document = root.ownerDocument;
  const marks: PriceMark[] = [];
  const taken = new Set<Element>();
  const walker = document.createTreeWalker(root, 4);
  const state = { sliceEnd: pace.now() + (pace.slice ?? Number.POSITIVE_INFINITY) };
  let visited = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if ((++visited & 0x3f) === 0 && !(yield* onPace(pace, state))) break;
    const value = node.nodeValue ?? '';
    if (value.length > MAX_PRICE_TEXT * 8 || value.trim().length > MAX_PRICE_TEXT * 2 || !/\d/.test(value)) continue;
    let element = node.parentElement;
    for (let level = 0; element && level < 4; level++, element = element.parentElement) {
      if (SKIP.has(element.tagName.toUpperCase()) || taken.has(element)) break;
      const text = shortText(element, MAX_PRICE_TEXT);
      if (text === undefined) break;
      const after = followingText(element);
      if (
        PER_UNIT.test(text) ||
        UNIT_AFTER.test(after) ||
        OFF_AFTER.test(after) ||
        NOT_A_PRICE.test(text.replace(FREE_SHIPPING, ''))
      )
        break;
      // The amount must be this text's own and carry its currency mark: a label before a price
      // ("Model 5 $5.99") climbs to no price.
      if (!ownsFirstNumber(text, value.replace(/\s+/g, ' '))) break;
      const price = markedAmount(text) ? parsePrice(text, local, { bare: 'none' }) : undefined;
      if (price && price.amount > 0) {
        if (!struck(element) && !LIST_BEFORE.test(precedingText(element))) marks.push({ element, price });
        taken.add(element);
        break;
      }
    }
    if (marks.length >= MAX_PRICES) break;
  }
  return marks;
}

/**
 * Amounts beside a price that are not one: a saving, a discount, an instalment, shipping, a
 * coupon, a count of payments — in the languages of the marketplaces served.
 */
const NOT_A_PRICE =
  /\b(?:save|saving|off|you save|spare|sparen|sie sparen|économisez|economisez|ahorra|ahorras|economize|economia|risparmi|sconto|rabatt|discount|coupon|payments?|instal?lments?|per month|\/mo|monthly|monatlich|par mois|al mes|por mes|cuotas|parcelas|meses|shipping|delivery|versand|lieferung|livraison|envío|envio|frete|spedizione|cashback|reward|points)\b|\d+\s*x\s|\bx\s*\d|%/iu;

/** A badge beside a price saying postage is free: the amount is still the price. */
const FREE_SHIPPING =
  /\b(?:free (?:shipping|delivery)|(?:envío|envio|entrega) gr[aá]tis|frete gr[aá]tis|(?:kostenlose[rn]?|gratis) (?:versand|lieferung)|versandkostenfrei|livraison gratuite|spedizione gratuita)\b/giu;

/** What follows an amount that makes it a saving written apart from it: "Get <b>$50</b> off". */
const OFF_AFTER = /^\s*(?:off|back|discount|de descuento|de desconto|di sconto|rabatt|de réduction|gift card)\b/iu;

/** "($6.24 / Pack)", "€7,98/kg", "$0.21/count", "per 100 g": a price per unit, not the item's. */
const PER_UNIT = /\d\s*[^\d\s]{0,4}\s*(?:\/|per\s)\s*(?:\d+\s*)?\p{L}/iu;
/** What follows a price that makes it one per unit: "/kg", " per 100 g". */
const UNIT_AFTER = /^\s*(?:\/|per\s)\s*(?:\d+\s*)?\p{L}/iu;

/** The first characters after an element, for a unit written apart from its price: "<b>£1.00</b> / 100 g". */
function followingText(element: Element): string {
  const next = element.nextSibling;
  if (!next) return '';
  if (next.nodeType === 3) return next.nodeValue?.slice(0, 20) ?? '';
  return next.nodeType === 1 ? (shortText(next as Element, 20) ?? '') : '';
}

/** The last characters before an element, for a label written apart from its price: "List Price: <b>$45.99</b>". */
function precedingText(element: Element): string {
  const previous = element.previousSibling;
  const text =
    previous?.nodeType === 3 ? previous.nodeValue : previous?.nodeType === 1 ? shortText(previous as Element, 40) : '';
  return (text ?? '').slice(-30);
}

const MARK_BEFORE = new RegExp(`(?:${MARK_SOURCE})\\s?$`, 'u');
const MARK_AFTER = new RegExp(`^\\s?(?:${MARK_SOURCE})(?!\\s?\\d)`, 'u');

/** Whether the first amount in a text has its currency mark right before or after it. */
function markedAmount(text: string): boolean {
  const run = text.match(/\d[\d.,'\s\u00a0\u202f]*/);
  if (!run || run.index === undefined) return false;
  const end = run.index + run[0].trimEnd().length;
  return (
    MARK_BEFORE.test(text.slice(Math.max(0, run.index - 6), run.index)) || MARK_AFTER.test(text.slice(end, end + 8))
  );
}

/** Whether the first number in an element's text lies in the given text node's own text. */
function ownsFirstNumber(text: string, own: string): boolean {
  const first = text.search(/\d/);
  const digits = own.search(/\d/);
  if (first < 0 || digits < 0) return false;
  const start = text.indexOf(own.trim());
  return start >= 0
    ? first >= start && first < start + own.trim().length
    : text.slice(first).startsWith(own.trim().slice(digits));
}

/** Struck through by its element (s, del, strike) or its inline style: a former price. */
function struck(element: Element): boolean {
  for (let at: Element | null = element, level = 0; at && level < 4; at = at.parentElement, level++) {
    const tag = at.tagName.toUpperCase();
    if (tag === 'S' || tag === 'DEL' || tag === 'STRIKE') return true;
    if (/line-through/i.test(at.getAttribute('style') ?? '')) return true;
  }
  return false;
}

/** A link that can lead to a product: not a fragment, not script, not the page itself. */
function productLink(anchor: Element, page: URL): string | undefined {
  const href = anchor.getAttribute('href');
  if (!href || href.startsWith('#') || /^\s*(?:javascript|mailto|tel):/i.test(href)) return undefined;
  const url = absolute(href, page);
  if (!url) return undefined;
  const parsed = new URL(url);
  return parsed.pathname === page.pathname && parsed.search === page.search ? undefined : url;
}

/** The link a price belongs to: the one around it, else the first within its nearest ancestor that has one. */
function linkFor(mark: Element, page: URL): { core: Element; href: string } | undefined {
  const around = mark.closest('a[href]');
  const aroundHref = around ? productLink(around, page) : undefined;
  if (around && aroundHref) return { core: around, href: aroundHref };
  let at: Element | null = mark.parentElement;
  for (let level = 0; at && level < 8; at = at.parentElement, level++) {
    if (at.tagName.toUpperCase() === 'BODY') return undefined;
    for (const anchor of at.querySelectorAll('a[href]')) {
      const href = productLink(anchor, page);
      if (href) return { core: at, href: canonicalHref(href) };
    }
  }
  return undefined;
}

/** Links to one product often differ only by tracking parameters or a fragment. */
function canonicalHref(href: string): string {
  return href.replace(/#.*$/, '');
}

export interface CardList {
  cards: Candidate[];
  /** The parent element(s) the cards are children of. */
  parents: Element[];
}

export function* cardSteps(page: URL, pace: Pace, marks: PriceMark[]): Generator<void, CardList[]> {
  const state = { sliceEnd: pace.now() + (pace.slice ?? Number.POSITIVE_INFINITY) };
  const linked: { mark: PriceMark; core: Element; href: string }[] = [];
  for (const [i, mark] of marks.entries()) {
    if ((i & 0xf) === 0 && !(yield* onPace(pace, state))) break;
    const link = linkFor(mark.element, page);
    if (link) linked.push({ mark, ...link, href: canonicalHref(link.href) });
  }
  // Which products' links each ancestor holds: a card is the highest ancestor holding only its own.
  const hrefsUnder = new Map<Element, Set<string>>();
  for (const { core, href } of linked) {
    let at: Element | null = core;
    for (let level = 0; at && level < MAX_CLIMB; at = at.parentElement, level++) {
      const set = hrefsUnder.get(at) ?? new Set<string>();
      hrefsUnder.set(at, set);
      set.add(href);
    }
  }
  const cardOf = new Map<Element, { href: string; marks: PriceMark[] }>();
  for (const { mark, core, href } of linked) {
    let card = core;
    for (let at = core.parentElement; at && at.tagName.toUpperCase() !== 'BODY'; at = at.parentElement) {
      if ((hrefsUnder.get(at)?.size ?? 2) > 1) break;
      card = at;
    }
    const entry = cardOf.get(card);
    if (entry) entry.marks.push(mark);
    else cardOf.set(card, { href, marks: [mark] });
  }
  // Cards that are children of one parent form a list; lists whose parents are alike siblings of
  // one grandparent (a grid cut into rows: the same tag) are one list.
  const byParent = new Map<Element, Element[]>();
  for (const card of cardOf.keys()) {
    const parent = card.parentElement;
    if (!parent) continue;
    const list = byParent.get(parent);
    if (list) list.push(card);
    else byParent.set(parent, [card]);
  }
  const rows = new Map<string, Element[]>();
  const grands = new Map<Element, number>();
  for (const parent of byParent.keys()) {
    // A row may sit in wrappers of its own: the row is the highest of them with no sibling.
    let top = parent;
    while (top.parentElement && top.parentElement.children.length === 1 && top.parentElement.tagName !== 'BODY')
      top = top.parentElement;
    const grand = top.parentElement;
    if (!grand) continue;
    if (!grands.has(grand)) grands.set(grand, grands.size);
    const key = `${grands.get(grand)} ${top.tagName}`;
    const alike = rows.get(key);
    if (alike) alike.push(parent);
    else rows.set(key, [parent]);
  }
  const lists = [...rows.values()].filter(
    (parents) => parents.length > 1 || (byParent.get(parents[0]!)?.length ?? 0) > 1,
  );
  // A list's cards are its parents' children that hold a price: a product whose prices lead to two
  // links (its page and its offers) is one card, not two halves, and a card drawn with no link at
  // all is still one. Children unlike the cards (a banner with a price, a section of the page) are
  // not: alike siblings share their tag and most classes, hold a few prices, and are at most three
  // times the size of the biggest card.
  const holding = new Map<Element, { href?: string; marks: PriceMark[] }>();
  for (const [i, mark] of marks.entries()) {
    if ((i & 0xf) === 0 && !(yield* onPace(pace, state))) break;
    let at: Element | null = mark.element;
    for (let level = 0; at && level < MAX_CLIMB; at = at.parentElement, level++) {
      const held = holding.get(at);
      if (held) held.marks.push(mark);
      else holding.set(at, { marks: [mark] });
    }
  }
  for (const [card, { href }] of cardOf) {
    let at: Element | null = card;
    for (let level = 0; at && level < MAX_CLIMB; at = at.parentElement, level++) {
      const held = holding.get(at);
      if (held && !held.href) held.href = href;
    }
  }
  const read = lists.map((parents) => {
    const found = parents.flatMap((parent) => byParent.get(parent) ?? []);
    const shapes = found.map(shapeOf);
    const longest = Math.max(...found.map((card) => card.textContent?.length ?? 0));
    const alike = (child: Element) =>
      cardOf.has(child) ||
      ((holding.get(child)?.marks.length ?? 0) <= MAX_CARD_PRICES &&
        (child.textContent?.length ?? 0) <= longest * 3 &&
        shapes.some((shape) => sameShape(shape, shapeOf(child))));
    // Two cards could be chance; the page's own sections (children of its body) are not cards.
    const cards =
      found.length < MIN_ALIKE || parents.some((parent) => parent.tagName === 'BODY')
        ? found
        : parents.flatMap((parent) => [...parent.children].filter((child) => holding.has(child) && alike(child)));
    return {
      parents,
      cards: cards
        .map((card) => {
          // A card whose prices the walk above had no time for is read by the prices it was found by.
          const { href, marks: held } = holding.get(card) ?? cardOf.get(card)!;
          return readCard(card, { href: href ?? '', marks: held }, page);
        })
        .filter((found) => found.title),
    };
  });
  const ranked = read.filter((list) => list.cards.length > 1).sort((a, b) => score(b.cards) - score(a.cards));
  // The halves of cards in a likelier list are not a list of their own.
  const taken = new Set<Element>();
  return ranked.filter((list) => {
    if (list.parents.every((parent) => inside(parent, taken))) return false;
    for (const card of list.cards) taken.add(card.element!);
    return true;
  });
}

function inside(element: Element, elements: ReadonlySet<Element>): boolean {
  for (let at: Element | null = element, level = 0; at && level < MAX_CLIMB; at = at.parentElement, level++)
    if (elements.has(at)) return true;
  return false;
}

/** What makes siblings alike: their tag and classes. */
function shapeOf(element: Element): { tag: string; classes: Set<string> } {
  return { tag: element.tagName, classes: new Set((element.getAttribute('class') ?? '').split(/\s+/).filter(Boolean)) };
}

/** One tag, and most classes in common: a sponsored card carries one class more than the others. */
function sameShape(a: ReturnType<typeof shapeOf>, b: ReturnType<typeof shapeOf>): boolean {
  if (a.tag !== b.tag) return false;
  const all = new Set([...a.classes, ...b.classes]);
  if (all.size === 0) return true;
  const shared = [...a.classes].filter((name) => b.classes.has(name)).length;
  return shared / all.size >= 0.5;
}

/** More cards, and cards that each show a title and an image, make a likelier result list. */
function score(cards: Candidate[]): number {
  const whole = cards.filter((found) => found.image).length / Math.max(1, cards.length);
  return cards.length * (0.5 + whole);
}

function readCard(card: Element, entry: { href: string; marks: PriceMark[] }, page: URL): Candidate {
  const image = card.querySelector('img');
  const imageSrc = image
    ? absolute(image.getAttribute('src') ?? image.getAttribute('data-src') ?? undefined, page)
    : undefined;
  return candidate('cards', {
    title: titleOf(card, entry.href, page, entry.marks[0]?.element ?? null, image),
    price: entry.marks[0]?.price,
    url: entry.href || undefined,
    image: imageSrc && !imageSrc.startsWith('data:') ? imageSrc : undefined,
    element: card,
  });
}

/**
 * A card's title: its heading, else the text of its product link that is not the price, else
 * the link's title or the image's alternative text, else its longest line of text.
 */
function titleOf(
  card: Element,
  href: string,
  page: URL,
  price: Element | null,
  image: Element | null,
): string | undefined {
  const priceText = clean(price?.textContent) ?? '\u0000';
  const usable = (text: string | undefined) =>
    text && text.length >= 4 && /\p{L}.*\p{L}/u.test(text) && !text.includes(priceText) ? text : undefined;
  for (const heading of card.querySelectorAll('h1, h2, h3, h4, h5, h6, [role="heading"]')) {
    const text = usable(clean(heading.textContent, 400));
    if (text) return text;
  }
  const anchors = [...(card.matches('a[href]') ? [card] : []), ...card.querySelectorAll('a[href]')];
  let best: string | undefined;
  for (const anchor of anchors) {
    if (
      productLink(anchor, page) === undefined ||
      canonicalHref(absolute(anchor.getAttribute('href') ?? '', page) ?? '') !== href
    )
      continue;
    const text = usable(clean(anchor.textContent, 400)) ?? usable(clean(anchor.getAttribute('title'), 400));
    if (text && text.length > (best?.length ?? 0)) best = text;
  }
  if (best) return best;
  const alt = usable(clean(image?.getAttribute('alt'), 400));
  if (alt) return alt;
  return longestLine(card, priceText);
}

function longestLine(card: Element, priceText: string): string | undefined {
  const walker = card.ownerDocument.createTreeWalker(card, 4);
  let best: string | undefined;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement && SKIP.has(node.parentElement.tagName.toUpperCase())) continue;
    const text = clean(node.nodeValue, 400);
    if (text && text.length > (best?.length ?? 9) && /\p{L}{3}/u.test(text) && !text.includes(priceText)) best = text;
  }
  return best;
}
