import { hostUnder } from '../listing/hosts';
import { listingKey } from '../listing/key';
import {
  CONDITIONS,
  type Condition,
  type Listing,
  type Marketplace,
  type Money,
  PRICE_KINDS,
  type PriceKind,
} from '../listing/listing';
import { parsePrice } from '../listing/price';
import { fnv } from '../matching/buckets';
import { absolute } from './address';
import { decodeEntities } from './entities';
import type { Candidate, Layer } from './fallback/candidate';
import type { FallbackPage, FallbackReader, FallbackReading } from './fallback/index';
import { labelledAsReference } from './label';
import { parsers } from './parsers';
import type { FieldRule, Fields, PageKind, Pick, SiteRules } from './rules';
import { allAt, atPath, embeddedItems, embeddedObject, type Json, metaContent, productData } from './sources';
import { bare } from './text';

/** A listing and the element its badge belongs in (null for listings read from JSON). */
export interface ReadListing {
  listing: Listing;
  anchor: Element | null;
  /** The card element, for cards read from the DOM: each card is handled once. */
  card: Element | null;
  /** Which layer of the reader gave each field; fields not named came from the site's rules. */
  from?: Partial<Record<keyof Listing, Layer>>;
}

interface PageReading {
  marketplace: Marketplace | undefined;
  kind: PageKind;
  listings: ReadListing[];
  /** True when the site's rules read nothing here and the lower layers did: the rules may be out of date. */
  fellBack?: boolean;
}

const MAX_TEXT = 1000;
const MAX_REVIEWS = 40;
const MAX_REVIEW = 600;
const NOTHING: PageReading = { marketplace: undefined, kind: 'unknown', listings: [] };

export interface Site {
  rules: SiteRules;
  host: string;
  url: URL;
}

/** The site whose rules serve this URL, with the registrable host that matched. */
function siteFor(url: URL, sites: readonly SiteRules[]): { rules: SiteRules; host: string } | undefined {
  if (url.protocol !== 'https:') return undefined;
  for (const rules of sites) {
    // Country subdomains of a listed host count too: es.aliexpress.com, m.ebay.de.
    const host = hostUnder(url.hostname, Object.keys(rules.hosts));
    if (host) return { rules, host };
  }
  return undefined;
}

/** The key of the listing a product page's address names, on a marketplace the rules serve; else undefined. */
export function keyAtAddress(
  address: string,
  sites: readonly SiteRules[],
): { key: string; marketplace: string } | undefined {
  const site = siteAt(address, { sites });
  return site && keyOfAddress(site);
}

function keyOfAddress(site: Site): { key: string; marketplace: string } | undefined {
  const { kind, id } = pageKind(site.rules, site.url);
  if (kind !== 'detail' || !id) return undefined;
  return {
    key: listingKey(site.rules.marketplace, id, site.rules.listingKey, site.host),
    marketplace: site.rules.marketplace,
  };
}

/**
 * Where any page says what is at its address: its title, heading, alert or "not found" box, read
 * with a parser (`notFound`: nothing is here; `ended`: that, or the listing ended or was removed).
 */
const saidOfAddress = (parse: 'ended' | 'notFound'): FieldRule => [
  { css: 'title', parse, finds: 'a page title such as "Page not found" or "Seite nicht gefunden"' },
  {
    css: 'h1, [role="alert"], [class*="not-found"], [class*="notfound"], [class*="not_found"]',
    parse,
    finds: 'a heading, alert or "not found" box: "Sorry, the page you requested can not be found"',
  },
];
const NOTHING_HERE = saidOfAddress('notFound');
const GONE_HERE = saidOfAddress('ended');

/**
 * Whether a page says nothing is at its address: whatever it shows (recommendations) is then not
 * its product nor its results. Looked at once per document and address, as a live page is read
 * again and again (the "not found" box's selector looks at every element).
 */
const saidNothing = new WeakMap<Document, { href: string; nothing: boolean }>();
function saysNothingHere(document: Document, site: Site): boolean {
  const known = saidNothing.get(document);
  if (known?.href === site.url.href) return known.nothing;
  const nothing = pick({ root: document, document, site }, NOTHING_HERE) !== undefined;
  saidNothing.set(document, { href: site.url.href, nothing });
  return nothing;
}

/**
 * The listing a product page's address names, when the page says it has ended or was taken
 * down: the marketplace's own mark of that (its rules' `ended`), or, where no listing could be
 * read here, a page answered "not found" (HTTP 404 or 410) or worded so. Undefined otherwise.
 */
export function endedListing(
  document: Document,
  href: string,
  sites: readonly SiteRules[],
  page: { status: number | undefined; read: boolean },
): { key: string; marketplace: string } | undefined {
  const site = siteAt(href, { sites });
  const named = site && keyOfAddress(site);
  if (!site || !named) return undefined;
  const scope: Scope = { root: document, document, site };
  const marked = site.rules.detail?.ended;
  if (marked && pick(scope, marked)) return named;
  if (page.read) return undefined;
  return page.status === 404 || page.status === 410 || pick(scope, GONE_HERE) ? named : undefined;
}

/** Rules hold patterns as text; each is compiled once, not once per card. */
const compiled = new Map<string, RegExp>();
function pattern(source: string): RegExp {
  let regex = compiled.get(source);
  if (!regex) {
    regex = new RegExp(source);
    compiled.set(source, regex);
  }
  return regex;
}

export function pageKind(rules: SiteRules, url: URL): { kind: PageKind; id?: string } {
  const target = url.pathname + url.search;
  for (const page of rules.pages) {
    const match = target.match(pattern(page.path));
    if (match) return { kind: page.kind, ...(page.kind === 'detail' && match[1] ? { id: match[1] } : {}) };
  }
  return { kind: 'unknown' };
}

/**
 * Reads every listing a page shows: on a product page its own listing, on search and store
 * pages every card of the main result list (and those that live only in the page's JSON).
 * Pure: the document, its URL and the rules are all it looks at; it never throws on odd markup.
 */
export function readPage(
  document: Document,
  href: string,
  options: {
    /** The marketplaces to try, by host. */
    sites: readonly SiteRules[];
    /** The reader for any other shop (by its schema.org data), where the caller wants it. */
    generic?: SiteRules | undefined;
    seen?: WeakSet<Element>;
    /** With `seen`: read at most this many new cards, so a caller can spread a long list over several tasks. */
    limit?: number;
    /** For saved pages whose address is only partly known: read as a product page, else as a result list. */
    guessKind?: boolean;
    /**
     * The layers under the rules (structured data, embedded JSON, the markup's shape): they fill
     * what the rules leave empty, and read the page when the rules read nothing or its address
     * says nothing of what it is. Passed in, so a caller that does not want them carries none.
     */
    fallback?: FallbackReader;
  },
): PageReading {
  const site = siteAt(href, options);
  if (!site) return NOTHING;
  const { url } = site;
  const { kind, id } = pageKind(site.rules, url);
  const marketplace = site.rules.marketplace as Marketplace;
  const lower = options.fallback
    ? (want: FallbackReadingKind) => options.fallback!(document, lowerPage(site, want, options.generic))
    : undefined;
  if (kind === 'detail') {
    if (saysNothingHere(document, site)) return { marketplace, kind: 'unknown', listings: [] };
    const detail = readDetail(document, site, id);
    if (!lower) return { marketplace, kind, listings: detail ? [detail] : [] };
    const below = lower('detail');
    if (detail) {
      fillFound(detail, below);
      return { marketplace, kind, listings: [detail] };
    }
    const read = below.product
      ? foundOf(below.product, site, 'detail', pageAddress({ root: document, document, site }))
      : undefined;
    return { marketplace, kind, listings: read ? [read] : [], fellBack: read !== undefined };
  }
  if (kind === 'search' || kind === 'store') {
    const cards = readCards(document, site, options.seen, options.limit);
    if (cards.length > 0 && lower && !options.seen) cards.push(...toppedUp(cards, lower('search'), site));
    if (cards.length > 0 || !lower) return { marketplace, kind, listings: cards };
    const below = foundCards(lower('search'), site, options.seen, options.limit);
    return { marketplace, kind, listings: below, fellBack: below.length > 0 };
  }
  // Any shop's addresses never say what a page is; a marketplace's unknown ones are read only where asked.
  const generic = site.rules === options.generic;
  if (!lower && !options.guessKind && !generic) return { marketplace, kind, listings: [] };
  if (saysNothingHere(document, site)) return { marketplace, kind, listings: [] };
  // The address does not say what the page is. A marketplace's rules that find a product id on
  // it are surest; else the page says, and the rules read it as that.
  const guessed = generic ? undefined : readDetail(document, site, undefined);
  if (guessed) {
    if (lower) fillFound(guessed, lower('detail'));
    return { marketplace, kind: 'detail', listings: [guessed] };
  }
  const below = lower?.('unknown');
  if (below?.kind === 'detail' || (!below && generic)) {
    const detail = generic ? readDetail(document, site, undefined) : undefined;
    if (detail) {
      if (below) fillFound(detail, below);
      return { marketplace, kind: 'detail', listings: [detail] };
    }
    const made = below?.product
      ? foundOf(below.product, site, 'detail', pageAddress({ root: document, document, site }))
      : undefined;
    if (made) return { marketplace, kind: 'detail', listings: [made], fellBack: true };
  }
  if (below?.kind !== 'detail') {
    const cards = readCards(document, site, options.seen, options.limit);
    if (cards.length > 0 && below && !options.seen) cards.push(...toppedUp(cards, below, site));
    if (cards.length > 0) return { marketplace, kind: 'search', listings: cards };
    if (below?.kind === 'search') {
      const read = foundCards(below, site, options.seen, options.limit);
      return { marketplace, kind: 'search', listings: read, fellBack: read.length > 0 };
    }
  }
  return { marketplace, kind, listings: [] };
}

type FallbackReadingKind = FallbackReading['kind'];

/**
 * What the lower layers need to know of a page at this address: its URL, the currency a bare
 * `$` means on its host, and what its address says it is. Undefined where no rule serves it.
 */
export function fallbackPage(
  href: string,
  options: { sites: readonly SiteRules[]; generic?: SiteRules | undefined },
): FallbackPage | undefined {
  const site = siteAt(href, options);
  if (!site) return undefined;
  const { kind } = pageKind(site.rules, site.url);
  return lowerPage(site, kind === 'store' ? 'search' : kind, options.generic);
}

function lowerPage(site: Site, kind: FallbackReadingKind, generic: SiteRules | undefined): FallbackPage {
  return { url: site.url, local: localCurrency(site), kind, served: site.rules !== generic };
}

/** The rules a page at this address is read with: its marketplace's, else any shop's where given. */
/** The rules a page at this address is read with and the host they matched: a marketplace's, else any shop's where given. */
export function siteAt(
  href: string,
  options: { sites: readonly SiteRules[]; generic?: SiteRules | undefined },
): Site | undefined {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return undefined;
  }
  const found =
    siteFor(url, options.sites) ??
    (options.generic && url.protocol === 'https:'
      ? { rules: options.generic, host: url.hostname.replace(/^www\./, '') }
      : undefined);
  return found ? { ...found, url } : undefined;
}

/** The cards the lower layers read, each once on a live page (`seen`), at most `limit` new ones. */
function foundCards(
  reading: FallbackReading,
  site: Site,
  seen?: WeakSet<Element>,
  limit = Number.POSITIVE_INFINITY,
): ReadListing[] {
  const listings: ReadListing[] = [];
  const keys = new Set<string>();
  for (const item of reading.cards) {
    if (listings.length >= limit) break;
    const element = item.element ?? null;
    // Cards known only from the page's JSON are read once, on a page read whole.
    if (element ? seen?.has(element) : seen) continue;
    const found = foundOf(item, site, 'card', undefined);
    if (!found || keys.has(found.listing.key)) continue;
    if (element) seen?.add(element);
    keys.add(found.listing.key);
    listings.push(found);
  }
  return listings;
}

/**
 * The cards of the layers' result list that the rules missed, where the layers read more cards
 * than the rules did (rules that know an older card's markup read part of a list). A card is the
 * rules' already when its element holds or lies in one of theirs, or it links where one of theirs does.
 * Only on a page read whole: a live page is read a slice at a time, by the rules or by the layers.
 */
function toppedUp(cards: readonly ReadListing[], below: FallbackReading, site: Site): ReadListing[] {
  const more = foundCards(below, site);
  if (more.length <= cards.length) return [];
  const places = cards.flatMap((found) => (found.card ? [found.card] : []));
  const addresses = new Set(cards.map((found) => addressOf(found.listing.url)));
  const keys = new Set(cards.map((found) => found.listing.key));
  return more.filter(
    ({ card, listing }) =>
      !keys.has(listing.key) &&
      !addresses.has(addressOf(listing.url)) &&
      !(card && places.some((place) => place.contains(card) || card.contains(place))),
  );
}

/** A link without its query and fragment: one product's links differ in their tracking. */
const addressOf = (url: string) => url.replace(/[?#].*$/, '');

/** A listing made of what the lower layers found; undefined without a title. */
function foundOf(
  item: Candidate,
  site: Site,
  kind: Listing['kind'],
  address: string | undefined,
): ReadListing | undefined {
  if (!item.title) return undefined;
  const { rules, host } = site;
  const url = item.url ?? address;
  const id = idOfAddress(url, site) ?? validId(item.id, site) ?? `h${fnv(url ?? item.title).toString(36)}`;
  const listing: Listing = {
    marketplace: rules.marketplace as Marketplace,
    key: listingKey(rules.marketplace, id, rules.listingKey, host).slice(0, 170),
    url: url ?? `${site.url.origin}${site.url.pathname}`,
    kind,
    title: item.title.slice(0, MAX_TEXT),
  };
  const from: ReadListing['from'] = { title: item.from.title ?? 'rules', url: item.from.url ?? 'rules' };
  if (item.brand) listing.brand = item.brand.slice(0, 200);
  if (item.price) listing.price = item.price;
  if (item.seller) listing.seller = { name: item.seller.slice(0, 300) };
  if (item.image) listing.images = [item.image];
  if (item.condition) listing.condition = item.condition;
  for (const field of ['brand', 'price', 'seller', 'condition'] as const)
    if (item.from[field]) from[field] = item.from[field];
  if (item.from.image) from.images = item.from.image;
  if (kind === 'card') listing.sponsored = false;
  return { listing, anchor: kind === 'card' ? (item.element ?? null) : null, card: item.element ?? null, from };
}

/**
 * Checks the rules' title against the page's other names for the product, and fills what the
 * rules left empty from what the lower layers found, saying so.
 */
function fillFound(found: ReadListing, below: FallbackReading): void {
  const { listing } = found;
  const from: NonNullable<ReadListing['from']> = { ...found.from };
  const agreed = below.agree(listing.title);
  if (agreed !== listing.title) {
    listing.title = agreed;
    from.title = 'structured';
  }
  found.from = from;
  const item = below.product;
  if (!item) return;
  if (!listing.price && item.price) {
    listing.price = item.price;
    from.price = item.from.price;
  }
  if (!listing.brand && item.brand) {
    listing.brand = item.brand.slice(0, 200);
    from.brand = item.from.brand;
  }
  if (!listing.seller && item.seller) {
    listing.seller = { name: item.seller.slice(0, 300) };
    from.seller = item.from.seller;
  }
  if (!listing.images && item.image) {
    listing.images = [item.image];
    from.images = item.from.image;
  }
  if (!listing.condition && item.condition) {
    listing.condition = item.condition;
    from.condition = item.from.condition;
  }
  found.from = from;
}

/** The id a product address holds by the site's own pattern, on the site's host. */
function idOfAddress(address: string | undefined, site: Site): string | undefined {
  if (!address) return undefined;
  try {
    const url = new URL(address);
    if (!url.hostname.endsWith(site.host)) return undefined;
    return validId(pageKind(site.rules, url).id, site);
  } catch {
    return undefined;
  }
}

function readDetail(document: Document, site: Site, urlId: string | undefined): ReadListing | undefined {
  const rules = site.rules.detail;
  if (!rules) return undefined;
  const scope: Scope = {
    root: document,
    document,
    site,
    product: productData(document),
    item: rules.source ? embeddedObject(document, rules.source) : undefined,
  };
  const id = validId(urlId, site) ?? idFrom(scope, rules.fields.id);
  if (!id) return undefined;
  const listing = listingFrom(scope, rules.fields, id, 'detail');
  if (!listing) return undefined;
  return { listing, anchor: placeFor(scope, rules.badge), card: null };
}

/**
 * Cards not yet handled. A caller that reads a live page again and again passes `seen`, so
 * each card's listing is read once; it reads the rendered cards only, not the page's JSON
 * copy of them.
 */
function readCards(
  document: Document,
  site: Site,
  seen?: WeakSet<Element>,
  limit = Number.POSITIVE_INFINITY,
): ReadListing[] {
  const listings: ReadListing[] = [];
  const byKey = new Map<string, Listing>();
  const cards = site.rules.cards;
  if (cards) {
    for (const card of safeQueryAll(document, cards.item.css)) {
      if (listings.length >= limit) break;
      if (seen?.has(card)) continue;
      if (cards.placeholder && card.matches(cards.placeholder)) continue;
      const scope: Scope = { root: card, document, site };
      const id = idFrom(scope, cards.fields.id);
      const listing = id ? listingFrom(scope, cards.fields, id, 'card') : undefined;
      // A card the page has not filled in yet is tried again on the next read; one that
      // yielded its listing is done.
      if (!listing) continue;
      seen?.add(card);
      if (byKey.has(listing.key)) continue;
      byKey.set(listing.key, listing);
      listings.push({ listing, anchor: placeFor(scope, cards.badge), card });
    }
  }
  const embedded = site.rules.embeddedCards;
  if (embedded && !seen) {
    // A shop may number a product one way in its markup and another in its JSON (walmart.ca): a
    // JSON item named as a rendered card is that card.
    const byName = new Map(listings.map(({ listing }) => [bare(listing.title), listing]));
    for (const item of embeddedItems(document, embedded.source)) {
      const scope: Scope = { root: document, document, site, item };
      const id = idFrom(scope, embedded.fields.id);
      if (!id) continue;
      const listing = listingFrom(scope, embedded.fields, id, 'card');
      if (!listing) continue;
      const rendered = byKey.get(listing.key) ?? byName.get(bare(listing.title));
      // A card rendered in the page and its JSON twin are one listing; the JSON fills what the card lacks.
      if (rendered) fillMissing(rendered, listing);
      else {
        byKey.set(listing.key, listing);
        listings.push({ listing, anchor: null, card: null });
      }
    }
  }
  return listings;
}

function fillMissing(listing: Listing, from: Listing): void {
  listing.brand ??= from.brand;
  listing.price ??= from.price;
  listing.seller ??= from.seller;
  listing.images ??= from.images;
  listing.condition ??= from.condition;
  if (from.sponsored) listing.sponsored = true;
  for (const key of ['brand', 'price', 'seller', 'images', 'condition'] as const)
    if (listing[key] === undefined) delete listing[key];
}

interface Scope {
  root: ParentNode;
  document: Document;
  site: Site;
  product?: Json | undefined;
  item?: Json | undefined;
}

function listingFrom(scope: Scope, fields: Fields, id: string, kind: Listing['kind']): Listing | undefined {
  const title = text(scope, fields.title);
  if (!title) return undefined;
  const { rules, host } = scope.site;
  const listing: Listing = {
    marketplace: rules.marketplace as Marketplace,
    key: listingKey(rules.marketplace, id, rules.listingKey, host),
    url: rules.listingUrl.includes('{page}')
      ? pageAddress(scope)
      : rules.listingUrl.replace('{host}', host).replace('{id}', encodeURIComponent(id)),
    kind,
    title,
  };
  const brand = text(scope, fields.brand);
  if (brand) listing.brand = brand.slice(0, 200);
  // A product page's price the page labels as a reference ("List Price:", "lowest price of the
  // last 30 days") is not the price, whichever selector found it: the next candidate is taken.
  // (A card's selectors already pass over its struck price; the check would cost every card.)
  const unlabelled: Accept | undefined = kind === 'detail' ? (_, element) => !labelledAsReference(element) : undefined;
  const priceText = fields.price ? pick(scope, fields.price, unlabelled)?.value : undefined;
  if (priceText) {
    const stated = text(scope, fields.currency)?.toUpperCase();
    const fallback = stated && /^[A-Z]{3}$/.test(stated) ? stated : localCurrency(scope.site);
    const price = parsePrice(priceText, fallback);
    const maxText = text(scope, fields.priceMax);
    const max = maxText ? parsePrice(maxText, price?.currency) : undefined;
    if (price && max && max.currency === price.currency && max.amount > price.amount) price.max = max.amount;
    if (price) {
      const kind = priceKind(pick(scope, fields.priceKind ?? [], isPriceKind)?.value as PriceKind | undefined, price);
      if (kind) price.kind = kind;
      listing.price = price;
    }
  }
  const condition = pick(scope, fields.condition ?? [], isCondition)?.value;
  if (condition) listing.condition = condition as Condition;
  const sellerName = text(scope, fields.seller);
  if (sellerName) {
    const sellerId = text(scope, fields.sellerId);
    const rating = number(text(scope, fields.rating));
    const ratingCount = number(text(scope, fields.ratingCount));
    listing.seller = {
      name: sellerName.slice(0, 300),
      ...(sellerId ? { id: sellerId.slice(0, 100) } : {}),
      ...(fields.official && pick(scope, fields.official) ? { official: true } : {}),
      ...(rating !== undefined ? { rating } : {}),
      ...(ratingCount !== undefined ? { ratingCount: Math.round(ratingCount) } : {}),
    };
  }
  const image = absolute(text(scope, fields.image), scope.site.url);
  if (image) listing.images = [image];
  if (kind === 'detail') {
    const reviews = texts(scope, fields.reviews, MAX_REVIEWS, MAX_REVIEW);
    if (reviews.length > 0) listing.reviews = reviews;
  }
  if (kind === 'card') listing.sponsored = fields.sponsored ? pick(scope, fields.sponsored) !== undefined : false;
  return listing;
}

/** Text in a page's JSON that still carries HTML entities, as a person reads it. */
function unescapeHtml(raw: Json | undefined): Json | undefined {
  return typeof raw === 'string' ? decodeEntities(raw) : raw;
}

const isCondition = (value: string) => (CONDITIONS as readonly string[]).includes(value);
const isPriceKind = (value: string) => (PRICE_KINDS as readonly string[]).includes(value);

/**
 * What a price is. An auction's bid or a wholesale tier, where the page says so, is what the
 * number is; otherwise a price read as a range is a range, whatever else the page says (a
 * "Buy It Now" listing with variants); otherwise what the page or the rules state, or nothing.
 */
function priceKind(stated: PriceKind | undefined, price: Money): PriceKind | undefined {
  if (stated === 'bid' || stated === 'start' || stated === 'tier') return stated;
  if (price.max !== undefined) return 'range';
  return stated;
}

/**
 * Every value of the first fallback that yields any: each element's text (or attribute) for a
 * CSS pick, each value a path with `*` reaches for JSON (HTML entities read as characters).
 * Whitespace is collapsed, repeats are dropped, each text is cut to `length`, at most `limit` kept.
 */
function texts(scope: Scope, rule: FieldRule | undefined, limit: number, length: number): string[] {
  for (const candidate of rule ?? []) {
    const found = new Set<string>();
    for (const { raw } of reach(scope, candidate, true)) {
      if (found.size >= limit) break;
      const value = readValue(candidate, unescapeHtml(raw))?.slice(0, length).trim();
      if (value) found.add(value);
    }
    if (found.size > 0) return [...found];
  }
  return [];
}

/** The currency a bare price means on this page: its country path's, else its host's. */
function localCurrency(site: Site): string | undefined {
  const byPath = site.rules.pathCurrencies?.find((entry) => pattern(entry.path).test(site.url.pathname));
  return byPath?.currency ?? site.rules.hosts[site.host];
}

/** The page's canonical address on its own host, else its address without query or fragment. */
function pageAddress(scope: Scope): string {
  const { url } = scope.site;
  const stated =
    scope.document.querySelector('link[rel="canonical"]')?.getAttribute('href') ??
    metaContent(scope.document, 'og:url');
  try {
    const canonical = stated ? new URL(stated, url) : undefined;
    if (canonical && canonical.hostname === url.hostname && canonical.protocol === 'https:') {
      canonical.hash = '';
      return canonical.href.slice(0, 2048);
    }
  } catch {
    // An unreadable canonical link counts as none.
  }
  return `${url.origin}${url.pathname}`.slice(0, 2048);
}

/**
 * A listing id: the first fallback whose value is one, or holds one as a listing URL. Each
 * fallback is tried in turn, so a link that is not the listing's (an ad counter) does not
 * hide the next.
 */
function idFrom(scope: Scope, rule: FieldRule | undefined): string | undefined {
  for (const candidate of rule ?? []) {
    const raw = pick(scope, [candidate])?.value;
    if (!raw) continue;
    const direct = validId(raw, scope.site);
    if (direct) return direct;
    try {
      const fromUrl = validId(pageKind(scope.site.rules, new URL(raw, scope.site.url)).id, scope.site);
      if (fromUrl) return fromUrl;
    } catch {
      // Not a URL either: try the next fallback.
    }
  }
  return undefined;
}

function validId(raw: string | undefined, site: Site): string | undefined {
  return raw !== undefined && pattern(`^(?:${site.rules.idPattern})$`).test(raw) ? raw : undefined;
}

function text(scope: Scope, rule: FieldRule | undefined): string | undefined {
  return rule ? pick(scope, rule)?.value : undefined;
}

function number(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value.replace(/[^\d.]/g, ''));
  return value.match(/\d/) && Number.isFinite(parsed) ? parsed : undefined;
}

/** Where a badge goes: the first element a CSS fallback finds, text or none (an image box has none). */
function placeFor(scope: Scope, rule: FieldRule): Element | null {
  for (const candidate of rule) {
    if (!('css' in candidate)) continue;
    const [element] = selectIn(candidate.onPage ? scope.document : scope.root, candidate.css);
    if (element) return element;
  }
  return null;
}

/** Whether a value a pick found counts, seen with the element it came from (none for JSON). */
type Accept = (value: string, element: Element | null) => boolean;

interface Picked {
  value: string;
  element: Element | null;
}

/**
 * The first fallback that yields a non-empty value, in rule order, then document order. With
 * `accept`, a value it refuses counts as none (a condition that is not one of the five).
 */
function pick(scope: Scope, rule: FieldRule, accept?: Accept): Picked | undefined {
  for (const candidate of rule) {
    const found = pickOne(scope, candidate, accept);
    if (found) return found;
  }
  return undefined;
}

function pickOne(scope: Scope, candidate: Pick, accept?: Accept): Picked | undefined {
  for (const { raw, element } of reach(scope, candidate, false)) {
    const value = readValue(candidate, raw);
    if (value && (!accept || accept(value, element))) return { value: value.slice(0, MAX_TEXT), element };
  }
  return undefined;
}

/**
 * What a pick reaches, in document order, with the element it came from: every element a CSS
 * pick selects; for JSON, the value at the path, or with `every` all the values a `*` reaches.
 */
function* reach(
  scope: Scope,
  candidate: Pick,
  every: boolean,
): Generator<{ raw: Json | undefined; element: Element | null }> {
  if ('css' in candidate) {
    for (const element of selectIn(candidate.onPage ? scope.document : scope.root, candidate.css)) {
      yield {
        raw: (candidate.attr ? element.getAttribute(candidate.attr) : element.textContent) ?? undefined,
        element,
      };
    }
    return;
  }
  const json = (node: Json | undefined, path: string) => (every ? allAt(node, path) : [atPath(node, path)]);
  const raws =
    'jsonld' in candidate
      ? json(scope.product, candidate.jsonld)
      : 'json' in candidate
        ? json(scope.item, candidate.json)
        : 'meta' in candidate
          ? [metaContent(scope.document, candidate.meta)]
          : [candidate.value];
  for (const raw of raws) yield { raw, element: null };
}

/** A raw value as the rules read it: whitespace collapsed, then the value the pick states or its parser's reading. */
function readValue(candidate: Pick, raw: Json | undefined): string | undefined {
  const clean = scalar(raw)?.replace(/\s+/g, ' ').trim();
  if (!clean) return undefined;
  // A pick that states its value takes it wherever its element is found.
  if ('value' in candidate && candidate.value !== undefined) return candidate.value;
  return ('parse' in candidate && candidate.parse ? parsers[candidate.parse](clean) : clean) || undefined;
}

/**
 * Strings and numbers as text; a list by its first element; a schema.org object by its name
 * (brand: {name: "Nike"}) or else its url (image: {"@type": "ImageObject", url: "…"}).
 */
function scalar(raw: Json | undefined, depth = 0): string | undefined {
  if (typeof raw === 'string') return raw;
  if (typeof raw === 'number' && Number.isFinite(raw)) return String(raw);
  if (typeof raw === 'boolean') return raw ? 'true' : undefined;
  if (depth > 3 || raw === null || raw === undefined) return undefined;
  if (Array.isArray(raw)) return scalar(raw[0], depth + 1);
  if (typeof raw !== 'object') return undefined;
  return scalar(raw.name ?? raw.url, depth + 1);
}

/**
 * Elements a pick reads: `:scope` alone (or `:scope.class`, `:scope[attr]`) is the card
 * itself, anything else its descendants.
 */
function selectIn(root: ParentNode, css: string): Element[] {
  const self = css.match(/^:scope([.[#:][^\s>+~,]*)?$/);
  if (!self) return safeQueryAll(root, css);
  if (!('matches' in root)) return [];
  try {
    return !self[1] || (root as Element).matches(self[1]) ? [root as Element] : [];
  } catch {
    return [];
  }
}

/** A selector that a browser rejects reads as matching nothing, not as a crash. */
function safeQueryAll(root: ParentNode, css: string): Element[] {
  try {
    return [...root.querySelectorAll(css)];
  } catch {
    return [];
  }
}
