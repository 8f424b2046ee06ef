import { existsSync, readFileSync } from 'node:fs';
import { CONDITIONS, type Condition } from '../listing/listing';
import type { MatchIndex } from '../matching/match-index';
import type { AssessInput } from '../risk/assess';
import { parsers } from '../sites/parsers';
import { placeNamed } from './check';

export const LABELS = ['counterfeit_suspect', 'genuine_likely', 'unbranded', 'unclear'] as const;
export type Label = (typeof LABELS)[number];

/** A listing a reader labelled, with where it was sold and which part of the evaluation it is in. */
export interface LabelledListing {
  id: string;
  label: Label;
  reason: string;
  /** The kind of place it was sold (a channel of the gathered set, else the source's marketplace field). */
  channel: string;
  /** `tune` or `test` in the gathered set; absent in a set that is not split. */
  split?: string;
  listing: AssessInput;
}

/** `\\`, `\t`, `\r` and `\n` stand for backslash, tab, carriage return and line feed. */
const unescapeField = (field: string) =>
  field.replace(/\\([\\trn])/g, (_all, char: string) => ({ '\\': '\\', t: '\t', r: '\r', n: '\n' })[char]!);

/**
 * Reads a labelled listings file (tab-separated, a header row): title, price, currency, seller,
 * marketplace, url and condition become the listing, as the `check` command would read them; a
 * `brand` column is the listing's own brand field (a reader's `brand_mentioned` note is not).
 */
export function readLabelled(file: string, index: MatchIndex): LabelledListing[] {
  if (!existsSync(file)) return [];
  const [header, ...rows] = readFileSync(file, 'utf8')
    .split('\n')
    .filter((row) => row.trim() !== '');
  const columns = (header ?? '').split('\t');
  return rows.map((row) => {
    const field: Record<string, string> = Object.fromEntries(
      row.split('\t').map((value, i) => [columns[i], unescapeField(value)]),
    );
    const listing: AssessInput = { title: field.title ?? '' };
    const amount = Number(field.price);
    if (field.price && Number.isFinite(amount) && field.currency) listing.price = { amount, currency: field.currency };
    if (field.seller) listing.seller = { name: field.seller };
    if (field.url) listing.url = field.url;
    if (field.brand) listing.brand = field.brand;
    // A source's own words for the condition ("Pre-Owned", "Usado"), read as the site rules read a page.
    const condition = field.condition ? parsers.condition(field.condition) : '';
    if (CONDITIONS.includes(condition as Condition)) listing.condition = condition as Condition;
    Object.assign(listing, placeNamed(index, field.marketplace, field.channel));
    return {
      id: field.id ?? '',
      label: field.label as Label,
      reason: field.label_reason ?? '',
      channel: field.channel || field.marketplace || '',
      ...(field.split ? { split: field.split } : {}),
      listing,
    };
  });
}
