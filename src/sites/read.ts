import type { Listing } from '../listing/listing';
import { parsePrice } from '../listing/price';
import { amazon } from './amazon';
import { parsers } from './parsers';
import type { FieldRule, SiteRules } from './rules';

export const SITES: readonly SiteRules[] = [amazon];

/** A listing and the element its badge belongs in (null when the rules find none). */
export interface Found {
  listing: Listing;
  anchor: Element | null;
}

interface Picked {
  value: string;
  element: Element;
}

const MAX_TEXT = 1000;

/** The site whose rules serve this URL, with the registrable host that matched. */
export function siteFor(url: URL): { rules: SiteRules; host: string } | undefined {
  if (url.protocol !== 'https:') return undefined;
  const hostname = url.hostname.replace(/^www\./, '');
  for (const rules of SITES) {
    if (hostname in rules.hosts) return { rules, host: hostname };
  }
  return undefined;
}

/** Reads every listing a page shows. Pure: the document and its URL are all it looks at. */
export function readPage(document: Document, href: string): Found[] {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return [];
  }
  const site = siteFor(url);
  if (!site) return [];
  const { rules, host } = site;
  const id = url.pathname.match(new RegExp(rules.detail.path))?.[1];
  if (!id) return [];

  const title = pick(document, rules.detail.title)?.value;
  if (!title) return [];
  const listing: Listing = {
    marketplace: rules.marketplace,
    key: `${rules.marketplace}:${id}`,
    url: `https://www.${host}/dp/${id}`,
    kind: 'detail',
    title,
  };
  const brand = pick(document, rules.detail.brand)?.value;
  if (brand) listing.brand = brand.slice(0, 200);
  const priceText = pick(document, rules.detail.price)?.value;
  const price = priceText ? parsePrice(priceText, rules.hosts[host]) : undefined;
  if (price) listing.price = price;
  const sellerName = pick(document, rules.detail.seller)?.value;
  if (sellerName) {
    const sellerId = pick(document, rules.detail.sellerId)?.value;
    listing.seller = { name: sellerName.slice(0, 300), ...(sellerId ? { id: sellerId } : {}) };
  }
  return [{ listing, anchor: pick(document, rules.detail.badgeAnchor)?.element ?? null }];
}

export function readListings(document: Document, href: string): Listing[] {
  return readPage(document, href).map((found) => found.listing);
}

/** The first fallback that yields a non-empty value, in rule order then document order. */
function pick(root: ParentNode, rule: FieldRule): Picked | undefined {
  for (const candidate of rule) {
    for (const element of root.querySelectorAll(candidate.css)) {
      const raw = candidate.attr ? element.getAttribute(candidate.attr) : element.textContent;
      if (!raw) continue;
      const text = raw.replace(/\s+/g, ' ').trim();
      const value = candidate.parse ? parsers[candidate.parse](text) : text;
      if (value) return { value: value.slice(0, MAX_TEXT), element };
    }
  }
  return undefined;
}
