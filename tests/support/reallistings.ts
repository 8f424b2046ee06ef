import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { marketplaceNamed } from '../../src/listing/marketplace-name';
import type { AssessInput } from '../../src/risk/assess';

/** Listing texts from public sources, labelled by a reader; read in place, never copied here. */
export const REALLISTINGS = join(process.cwd(), '..', 'shared', 'reallistings', 'listings.tsv');
export const haveRealListings = existsSync(REALLISTINGS);

export const LABELS = ['counterfeit_suspect', 'genuine_likely', 'unbranded', 'unclear'] as const;
export type Label = (typeof LABELS)[number];

export interface LabelledListing {
  id: string;
  label: Label;
  listing: AssessInput;
}

/** `\\`, `\t`, `\r` and `\n` stand for backslash, tab, carriage return and line feed. */
const unescapeField = (field: string) =>
  field.replace(/\\([\\trn])/g, (_all, char: string) => ({ '\\': '\\', t: '\t', r: '\r', n: '\n' })[char]!);

/** The rows as the `check` command would read them: title, price, currency, seller, marketplace, url. */
export function readRealListings(file = REALLISTINGS): LabelledListing[] {
  const [header, ...rows] = readFileSync(file, 'utf8')
    .split('\n')
    .filter((row) => row.trim() !== '');
  const columns = (header ?? '').split('\t');
  return rows.map((row) => {
    const field = Object.fromEntries(row.split('\t').map((value, i) => [columns[i], unescapeField(value)]));
    const listing: AssessInput = { title: field.title ?? '' };
    const amount = Number(field.price);
    if (field.price && Number.isFinite(amount) && field.currency) listing.price = { amount, currency: field.currency };
    if (field.seller) listing.seller = { name: field.seller };
    const marketplace = marketplaceNamed(field.marketplace);
    if (marketplace) listing.marketplace = marketplace;
    if (field.url) listing.url = field.url;
    return { id: field.id ?? '', label: field.label as Label, listing };
  });
}
