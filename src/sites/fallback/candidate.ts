import type { Condition, Money } from '../../listing/listing';

/**
 * The reader's layers, in the order they are trusted: the marketplace's own rules, the
 * schema.org data a page publishes, the JSON its scripts carry, and the shape of its markup.
 */
const LAYERS = ['rules', 'structured', 'embedded', 'cards'] as const;
export type Layer = (typeof LAYERS)[number];

/** What a lower layer found about one product: every field optional, each with where it came from. */
export interface Candidate {
  title?: string;
  price?: Money;
  url?: string;
  /** An id the page states for the product (sku, item id), where it states one. */
  id?: string;
  image?: string;
  brand?: string;
  seller?: string;
  condition?: Condition;
  from: Partial<Record<CandidateField, Layer>>;
  /** The card element a product was read from, where it has one. */
  element?: Element | null;
}
type CandidateField = Exclude<keyof Candidate, 'from' | 'element'>;
const CANDIDATE_FIELDS: readonly CandidateField[] = [
  'title',
  'price',
  'url',
  'id',
  'image',
  'brand',
  'seller',
  'condition',
];

/** Fills what `into` lacks from `from`, field by field, keeping where each field came from. */
export function fillCandidate(into: Candidate, from: Candidate): void {
  for (const field of CANDIDATE_FIELDS) {
    if (into[field] !== undefined || from[field] === undefined) continue;
    (into as Record<CandidateField, unknown>)[field] = from[field];
    const layer = from.from[field];
    if (layer) into.from[field] = layer;
  }
  into.element ??= from.element ?? null;
}

/** A candidate whose every field came from one layer. */
export function candidate(layer: Layer, fields: Omit<Candidate, 'from'>): Candidate {
  const found: Candidate = { from: {} };
  for (const field of CANDIDATE_FIELDS) {
    const value = fields[field];
    if (value === undefined || value === '') continue;
    (found as Record<CandidateField, unknown>)[field] = value;
    found.from[field] = layer;
  }
  if (fields.element) found.element = fields.element;
  return found;
}

/** Text as a person reads it: whitespace collapsed, trimmed, bounded. */
export function clean(text: string | null | undefined, max = 1000): string | undefined {
  const value = text?.replace(/\s+/g, ' ').trim().slice(0, max);
  return value ? value : undefined;
}

/** The key two candidates of one product share: their address without query or fragment, else their title. */
export function sameProduct(found: Candidate): string | undefined {
  if (found.url) {
    try {
      const url = new URL(found.url);
      return `${url.hostname.replace(/^www\./, '')}${url.pathname.replace(/\/$/, '')}`.toLowerCase();
    } catch {
      // An address that does not parse identifies nothing.
    }
  }
  return found.title?.toLowerCase();
}
