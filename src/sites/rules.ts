import type { Marketplace } from '../listing/listing';
import type { ParserName } from './parsers';

/**
 * One way to find a field: a CSS selector, the attribute to read (text when absent), an
 * optional named parser, and what a person would see there, so a broken rule can be told
 * from a changed page.
 */
export interface Pick {
  css: string;
  attr?: string;
  parse?: ParserName;
  finds: string;
}

/** A field is an ordered list of fallbacks; the first that yields a value wins. */
export type FieldRule = readonly Pick[];

export interface DetailRules {
  /** Path pattern (a regular expression source) whose first group is the listing id. */
  path: string;
  title: FieldRule;
  brand: FieldRule;
  price: FieldRule;
  seller: FieldRule;
  sellerId: FieldRule;
  /** Where the badge goes: it is appended inside the first element found. */
  badgeAnchor: FieldRule;
}

/** A marketplace's knowledge, as plain data: no functions, so it can travel in the registry. */
export interface SiteRules {
  marketplace: Marketplace;
  /** Registrable host → the currency its bare `$`/`¥` prices mean. */
  hosts: Readonly<Record<string, string>>;
  detail: DetailRules;
}
