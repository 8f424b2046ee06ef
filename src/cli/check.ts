import { parse as parseCsv } from 'csv-parse/sync';
import * as v from 'valibot';
import { CONDITIONS, PRICE_KINDS } from '../listing/listing';
import { marketplaceNamed } from '../listing/marketplace-name';
import type { MatchIndex } from '../matching/match-index';
import type { AssessInput } from '../risk/assess';
import type { Assessment } from '../risk/assessment';
import { assessAll } from '../risk/batch';
import type { RiskSettings } from '../risk/settings';
import { ENGLISH } from '../words/english';
import { describeReason } from '../words/reasons';

/** One input line: the object it held (passed through as it was) and its listing, or why not. */
interface CheckLine {
  line: number;
  input: Record<string, unknown>;
  listing?: AssessInput;
  error?: string;
}

const InputSchema = v.looseObject({
  title: v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty')),
  price: v.optional(v.pipe(v.number(), v.finite(), v.minValue(0))),
  currency: v.optional(v.pipe(v.string(), v.trim(), v.regex(/^[A-Za-z]{3}$/, 'expected a three-letter ISO 4217 code'))),
  seller: v.optional(v.string()),
  marketplace: v.optional(v.string()),
  url: v.optional(v.string()),
  brand: v.optional(v.string()),
  condition: v.optional(v.picklist(CONDITIONS)),
  price_kind: v.optional(v.picklist(PRICE_KINDS)),
  reviews: v.optional(v.array(v.string())),
});

/**
 * Reads JSON Lines, or CSV with a header row when the file does not start with `{`. The index
 * tells the sales channels a `marketplace` field may name.
 */
export function readListings(text: string, index: MatchIndex): CheckLine[] {
  return text.trimStart().startsWith('{') ? readJsonLines(text, index) : readCsv(text, index);
}

function readJsonLines(text: string, index: MatchIndex): CheckLine[] {
  const lines: CheckLine[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === '') return;
    let input: unknown;
    try {
      input = JSON.parse(raw);
    } catch (error) {
      lines.push({ line: i + 1, input: {}, error: `not valid JSON: ${(error as Error).message}` });
      return;
    }
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      lines.push({ line: i + 1, input: {}, error: 'expected a JSON object' });
      return;
    }
    lines.push(toListing(i + 1, input as Record<string, unknown>, index));
  });
  return lines;
}

function readCsv(text: string, index: MatchIndex): CheckLine[] {
  const rows: { record: Record<string, string>; info: { lines: number } }[] = parseCsv(text, {
    columns: true,
    bom: true,
    info: true,
    skip_empty_lines: true,
    relax_column_count: true,
    trim: true,
  });
  return rows.map(({ record, info }) => {
    const input: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(record)) {
      if (value === '') continue;
      input[field] = field === 'price' && /^-?\d+(?:\.\d+)?$/.test(value) ? Number(value) : value;
    }
    return toListing(info.lines, input, index);
  });
}

function toListing(line: number, input: Record<string, unknown>, index: MatchIndex): CheckLine {
  // Tools that export listings write null for a field they lack: null is absent.
  const present = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== null));
  const result = v.safeParse(InputSchema, present);
  if (!result.success) {
    const issue = result.issues[0];
    return { line, input, error: `${v.getDotPath(issue) ?? 'line'}: ${issue.message}` };
  }
  const { title, price, currency, seller, marketplace, url, brand, condition, price_kind, reviews } = result.output;
  const listing: AssessInput = { title };
  if (typeof input.id === 'string' || typeof input.id === 'number') listing.key = String(input.id);
  if (price !== undefined && currency) {
    listing.price = { amount: price, currency: currency.toUpperCase(), ...(price_kind ? { kind: price_kind } : {}) };
  }
  if (seller) listing.seller = { name: seller };
  Object.assign(listing, placeNamed(index, marketplace));
  if (reviews?.length) listing.reviews = reviews.slice(0, 40).map((review) => review.slice(0, 600));
  if (url) listing.url = url;
  if (brand) listing.brand = brand;
  if (condition) listing.condition = condition;
  return { line, input, listing };
}

/** Where a source says a listing was sold: a marketplace the rules read, else a sales channel of the registry. */
export function placeNamed(
  index: MatchIndex,
  ...names: (string | undefined)[]
): Pick<AssessInput, 'marketplace' | 'channel'> {
  for (const name of names) {
    const marketplace = marketplaceNamed(name);
    if (marketplace) return { marketplace };
  }
  for (const name of names) {
    const channel = index.channels.named(name);
    if (channel) return { channel: channel.id };
  }
  return {};
}

/** A brand's name, by its registry id: assessments name brands by id, people by name. */
const brandName = (id: string | undefined, index: MatchIndex) =>
  id === undefined ? undefined : (index.brands.find((brand) => brand.id === id)?.name ?? id);

/** An assessment as the command prints it: the brand by its name, reasons with their words. */
export function printable(assessment: Assessment, index: MatchIndex) {
  return {
    level: assessment.level,
    score: assessment.score,
    brand: brandName(assessment.brand, index) ?? null,
    reasons: assessment.reasons.map((reason) => ({ code: reason.code, message: describeReason(reason, ENGLISH) })),
  };
}

/** Assesses the good lines together, so a seller's pattern across the file counts. */
export function checkLines(lines: readonly CheckLine[], index: MatchIndex, settings: RiskSettings) {
  const good = lines.filter((line) => line.listing);
  const assessments = assessAll(
    good.map((line) => line.listing!),
    index,
    settings,
  );
  const byLine = new Map(good.map((line, i) => [line, assessments[i]]));
  return lines.map((line) => ({ ...line, assessment: byLine.get(line) }));
}

const cut = (text: string, width: number) =>
  text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);

export function formatCheckTable(results: ReturnType<typeof checkLines>, index: MatchIndex): string {
  const rows = results.map(({ line, input, assessment, error }) => {
    const title = typeof input.title === 'string' ? input.title : '';
    if (!assessment) return `${String(line).padStart(5)}  ${cut('error', 8)} ${cut(error ?? '', 60)}`;
    const reasons = assessment.reasons
      .filter((reason) => reason.weight !== 0)
      .map((reason) => describeReason(reason, ENGLISH))
      .join('; ');
    return `${String(line).padStart(5)}  ${cut(assessment.level, 8)} ${String(assessment.score).padStart(3)}  ${cut(brandName(assessment.brand, index) ?? '—', 18)} ${cut(title, 50)} ${reasons}`;
  });
  return [
    `${'line'.padStart(5)}  ${cut('level', 8)} ${'score'}  ${cut('brand', 18)} ${cut('title', 50)} reasons`,
    ...rows,
  ].join('\n');
}
