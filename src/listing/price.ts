import { CENT, currencyOfMark, isMark, MARK_SOURCE } from './currency-marks';
import type { Money } from './listing';
import {
  BARE_AFTER,
  BARE_BEFORE,
  FROM_AFTER,
  FROM_BEFORE,
  INSTALMENT_BEFORE,
  LIST_BEFORE,
  MULTI_BUY,
  OPEN_PARENTHESIS,
  PER_ANYTHING,
  RANGE_BETWEEN,
  SAVING_AFTER,
  SAVING_BEFORE,
  SHIPPING_AFTER,
  SHIPPING_BEFORE,
  UNIT_AFTER,
  UNIT_BEFORE,
} from './price-words';

interface PriceOptions {
  /**
   * What a number with no currency mark at all is worth: `fallback` (the default) prices it in
   * the fallback currency, `none` gives no price, for callers whose fallback is only the host's guess.
   */
  bare?: 'fallback' | 'none';
}

/** A price element's text is short: a longer one is a block around prices, too loose to read one from. */
const MAX_PRICE_TEXT = 300;
/** Past this length, several different amounts are no longer one price shown twice but a list of prices. */
const AMBIGUOUS_TEXT = 200;
/** Raw text this many times the limit is refused unread: collapsing a megabyte would itself cost milliseconds. */
const RAW_FACTOR = 16;
/** How far around an amount the words that say what it is are sought. */
const NEAR = 48;
/** Thirteen digits before the decimal mark is no price but an id, a barcode or a phone number. */
const MAX_AMOUNT = 1e12;

const INVISIBLE = /[\u00AD\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
const FOREIGN_DIGIT = /[０-９，．٠-٩۰-۹٫٬]/g;
// "12,-" and "12.–" say "no cents": the dash belongs to the amount.
const TOKEN = new RegExp(String.raw`(\.?\d+(?:[.,'’]\d+)*)(?:[.,][-–](?!\d))?|(${MARK_SOURCE})`, 'gu');

/**
 * A number or a currency mark as found in the text. A number carries its value (undefined when no
 * shop writes a number so) and the mark given to it. Every token has the same fields, which keeps
 * the scan of a page's many short texts fast.
 */
interface Token {
  kind: 'number' | 'mark';
  start: number;
  end: number;
  raw: string;
  value: number | undefined;
  mark: string | undefined;
}

/** A number read as an amount, its span including the mark attached to it. */
interface Amount {
  start: number;
  end: number;
  value: number;
  mark: string | undefined;
}

/** One amount, or the two ends of a range. */
interface Group {
  start: number;
  end: number;
  low: Amount;
  high: Amount | undefined;
  mark: string | undefined;
}

/** `part`: a multi-buy price or an instalment, the price of several items or a share of one. */
type Role = 'price' | 'unit' | 'list' | 'saving' | 'shipping' | 'part';

interface Reading {
  text: string;
  groups: Group[];
}

/**
 * Reads a price as a person reads it: `$12.48`, `1.234,56 €`, `R$ 99,90`, `₹1,23,456`, `12 999 ₽`,
 * `3,980円`, `12€99`. A range (`US $1.23 - 4.56`) gives its low end as the amount and its high end as
 * `max`; "from" (`ab 12,99 €`, `3,980円から`) marks the amount as a low end (`kind: 'range'`). The sale
 * price wins over a struck list price, and a unit price (`$6.24 / Pack`), a saving, postage or a
 * multi-buy offer is never the price. `fallbackCurrency` answers only for bare `$`/`¥` or a number
 * with no mark (see `options.bare`); the page's own mark always wins over it. Undefined for text
 * that is not surely a price.
 */
export function parsePrice(text: string, fallbackCurrency?: string, options: PriceOptions = {}): Money | undefined {
  const fallback = isoCode(fallbackCurrency);
  const reading = read(text, MAX_PRICE_TEXT, fallback);
  if (!reading) return undefined;
  const { groups } = reading;
  if (groups.every((group) => group.mark === undefined)) {
    return options.bare === 'none' || !fallback ? undefined : bareAmount(reading, fallback);
  }
  const priced = (group: Group) => moneyOf(group, currencyOfMark(group.mark!, fallback));
  const [price, ...others] = groups.filter((group, i) => group.mark !== undefined && roleOf(reading, i) === 'price');
  if (!price) return undefined;
  const money = priced(price);
  if (reading.text.length > AMBIGUOUS_TEXT && others.some((other) => !sameMoney(priced(other), money)))
    return undefined;
  if (isFrom(reading, groups.indexOf(price))) money.kind = 'range';
  return money;
}

function isoCode(code: string | undefined): string | undefined {
  return code && /^[A-Z]{3}$/.test(code) ? code : undefined;
}

function read(raw: string, limit: number, fallback: string | undefined): Reading | undefined {
  // Page data reaches callers through casts: a number or null must give no price, not throw.
  if (typeof raw !== 'string' || raw.length > limit * RAW_FACTOR) return undefined;
  const text = raw.replace(INVISIBLE, '').replace(FOREIGN_DIGIT, asciiDigit).replace(/\s+/g, ' ').trim();
  if (text.length > limit) return undefined;
  const tokens = joinSpaced(text, joinFrench(text, lex(text)));
  // A number too long to be a price makes the whole text an id, a code or a phone number.
  if (tokens.some((token) => token.value !== undefined && !(token.value < MAX_AMOUNT))) return undefined;
  return { text, groups: ranges(text, attach(text, tokens), fallback) };
}

/** Fullwidth digits and separators (Japanese shops) and Arabic-Indic ones, as ASCII. */
function asciiDigit(char: string): string {
  if (char === '٫' || char === '．') return '.';
  if (char === '٬' || char === '，') return ',';
  const code = char.charCodeAt(0);
  for (const zero of [0xff10, 0x0660, 0x06f0]) if (code >= zero && code <= zero + 9) return String(code - zero);
  return char;
}

function lex(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(text); match; match = TOKEN.exec(text)) {
    const start = match.index;
    const end = start + match[0].length;
    if (match[1] !== undefined) {
      // A percentage is a discount or a rating, never an amount.
      if (!isPercent(text, end)) tokens.push(numberToken(start, end, match[1], undefined));
    } else if (isMark(match[0])) {
      tokens.push({ kind: 'mark', start, end, raw: match[0], value: undefined, mark: match[0] });
    }
  }
  return tokens;
}

function numberToken(start: number, end: number, raw: string, mark: string | undefined): Token {
  return { kind: 'number', start, end, raw, value: parseAmount(raw), mark };
}

function isPercent(text: string, end: number): boolean {
  const next = text[end] === ' ' ? text[end + 1] : text[end];
  return next === '%' || next === '％';
}

/** 0 for touching, 1 for one space between, else undefined: a mark belongs only to an amount this close. */
function gap(text: string, from: number, to: number): number | undefined {
  if (to === from) return 0;
  return to === from + 1 && text[from] === ' ' ? 1 : undefined;
}

function markedBefore(text: string, tokens: Token[], i: number): boolean {
  const previous = tokens[i - 1];
  const current = tokens[i]!;
  return previous?.kind === 'mark' && gap(text, previous.end, current.start) !== undefined;
}

/** French shops print euros and cents around the sign: "12€99" is 12.99 EUR. */
function joinFrench(text: string, tokens: Token[]): Token[] {
  const joined: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const [whole, sign, cents] = [tokens[i]!, tokens[i + 1], tokens[i + 2]];
    if (
      whole.kind === 'number' &&
      sign?.kind === 'mark' &&
      sign.mark === '€' &&
      cents?.kind === 'number' &&
      whole.end === sign.start &&
      sign.end === cents.start &&
      /^\d{1,6}$/.test(whole.raw) &&
      /^\d{2}$/.test(cents.raw) &&
      !markedBefore(text, tokens, i)
    ) {
      joined.push(numberToken(whole.start, cents.end, `${whole.raw}.${cents.raw}`, '€'));
      i += 2;
    } else {
      joined.push(whole);
    }
  }
  return joined;
}

/**
 * Thousands grouped by spaces, "1 234,56 €" or "12 999 ₽", where the sign follows the amount. After
 * a sign ("$3 100 - 499 pieces") a space ends the amount: what follows is another number.
 */
function joinSpaced(text: string, tokens: Token[]): Token[] {
  const joined: Token[] = [];
  for (const token of tokens) {
    const last = joined.at(-1);
    if (
      token.kind === 'number' &&
      last?.kind === 'number' &&
      last.mark === undefined &&
      gap(text, last.end, token.start) === 1 &&
      /^\d{1,3}(?: \d{3})*$/.test(last.raw) &&
      /^\d{3}(?:[.,]\d{1,2})?$/.test(token.raw) &&
      !markedBefore(text, joined, joined.length - 1)
    ) {
      joined[joined.length - 1] = numberToken(last.start, token.end, `${last.raw} ${token.raw}`, undefined);
    } else {
      joined.push(token);
    }
  }
  return joined;
}

/** How close the number beside mark `i` on side `step` is (see `gap`); undefined without one. */
function besideGap(text: string, tokens: Token[], i: number, step: 1 | -1): number | undefined {
  const [mark, other] = [tokens[i]!, tokens[i + step]];
  if (other?.kind !== 'number') return undefined;
  return step === 1 ? gap(text, mark.end, other.start) : gap(text, other.end, mark.start);
}

const AFTER_FIRST = [1, -1] as const;
const BEFORE_FIRST = [-1, 1] as const;

/**
 * Gives each mark to the amount beside it. A text writes its marks on one side ("$10 $20" or
 * "10 € 20 €"), so the side most marks lean to wins where a mark has an amount on each side.
 */
function attach(text: string, tokens: Token[]): Amount[] {
  let leaning = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.kind !== 'mark') continue;
    const before = besideGap(text, tokens, i, -1);
    const after = besideGap(text, tokens, i, 1);
    if (after !== undefined && (before === undefined || after < before)) leaning++;
    else if (before !== undefined && (after === undefined || before < after)) leaning--;
  }
  const sides = leaning >= 0 ? AFTER_FIRST : BEFORE_FIRST;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.kind !== 'mark') continue;
    for (const step of sides) {
      const amount = tokens[i + step];
      if (amount?.kind === 'number' && amount.mark === undefined && besideGap(text, tokens, i, step) !== undefined) {
        amount.mark = token.mark;
        amount.start = Math.min(amount.start, token.start);
        amount.end = Math.max(amount.end, token.end);
        break;
      }
    }
  }
  const amounts: Amount[] = [];
  for (const { kind, start, end, value, mark } of tokens) {
    // A malformed number takes its neighbouring mark with it: "$1.2.3" is no price, not $1.
    if (kind === 'number' && value !== undefined)
      amounts.push({ start, end, value: mark === CENT ? value / 100 : value, mark });
  }
  return amounts;
}

/** Joins each low end to its high end: "$10 – $20", "10 - 20 €", "US $1.23 - 4.56". */
function ranges(text: string, amounts: Amount[], fallback: string | undefined): Group[] {
  const groups: Group[] = [];
  for (let i = 0; i < amounts.length; i++) {
    const low = amounts[i]!;
    const high = amounts[i + 1];
    if (
      high &&
      high.value > low.value &&
      RANGE_BETWEEN.test(text.slice(low.end, high.start)) &&
      (low.mark === undefined ||
        high.mark === undefined ||
        currencyOfMark(low.mark, fallback) === currencyOfMark(high.mark, fallback))
    ) {
      groups.push({ start: low.start, end: high.end, low, high, mark: low.mark ?? high.mark });
      i++;
    } else {
      groups.push({ start: low.start, end: low.end, low, high: undefined, mark: low.mark });
    }
  }
  return groups;
}

/**
 * The text before an amount, where the words that say what it is end. Only the nearest words
 * count, which also keeps the work per amount bounded however many amounts a text holds.
 */
function preceding({ text, groups }: Reading, i: number): string {
  const { start } = groups[i]!;
  return text.slice(Math.max(0, start - NEAR), start);
}

/** The text after an amount, where the words that say what it is begin; a measure may hold a number ("/100 g"). */
function following({ text, groups }: Reading, i: number): string {
  const { end } = groups[i]!;
  return text.slice(end, end + NEAR);
}

/** What an amount is, by the words around it. */
function roleOf(reading: Reading, i: number): Role {
  const [ahead, behind] = [preceding(reading, i), following(reading, i)];
  if (UNIT_AFTER.test(behind) || UNIT_BEFORE.test(ahead)) return 'unit';
  if (OPEN_PARENTHESIS.test(ahead) && PER_ANYTHING.test(behind)) return 'unit';
  const previous = reading.groups[i - 1];
  if (previous && previous.mark === undefined && !previous.high && Number.isInteger(previous.low.value)) {
    if (MULTI_BUY.test(reading.text.slice(previous.end, reading.groups[i]!.start))) return 'part';
  }
  if (INSTALMENT_BEFORE.test(ahead)) return 'part';
  if (FROM_BEFORE.test(ahead)) return 'price';
  if (LIST_BEFORE.test(ahead)) return 'list';
  if (SAVING_BEFORE.test(ahead) || SAVING_AFTER.test(behind)) return 'saving';
  if (SHIPPING_BEFORE.test(ahead) || SHIPPING_AFTER.test(behind)) return 'shipping';
  return 'price';
}

function isFrom(reading: Reading, i: number): boolean {
  return FROM_BEFORE.test(preceding(reading, i)) || FROM_AFTER.test(following(reading, i));
}

/** A number alone (a page's data, "43.9"), perhaps with "from": any other word makes it no surer a price. */
function bareAmount(reading: Reading, fallback: string): Money | undefined {
  const { text, groups } = reading;
  const [group, other] = groups;
  if (!group || other || !BARE_BEFORE.test(text.slice(0, group.start)) || !BARE_AFTER.test(text.slice(group.end)))
    return undefined;
  const money = moneyOf(group, fallback);
  if (isFrom(reading, 0)) money.kind = 'range';
  return money;
}

function moneyOf(group: Group, currency: string): Money {
  return group.high
    ? { amount: group.low.value, currency, max: group.high.value }
    : { amount: group.low.value, currency };
}

function sameMoney(a: Money, b: Money): boolean {
  return a.amount === b.amount && a.currency === b.currency && a.max === b.max;
}

/**
 * Decides which of `.` and `,` is the decimal mark. A separator followed by exactly three digits
 * is read as grouping (`1,234` and `1.234` are both one thousand two hundred and thirty-four), as
 * marketplaces print cents with two digits; not after a lone 0 (`0.215`) or after four digits or
 * more (`1234.567`), which no grouping writes. Groups must be grouped alike: threes, or India's
 * twos before a final three (`1,23,456`); a number grouped otherwise (`1.2.3`) is none.
 */
function parseAmount(raw: string): number | undefined {
  if (raw.startsWith('.')) return /^\.\d{1,2}$/.test(raw) ? Number(`0${raw}`) : undefined;
  const parts = raw.split(/([.,'’ ])/);
  const digits = parts.filter((_, i) => i % 2 === 0);
  const separators = parts.filter((_, i) => i % 2 === 1);
  const last = separators.at(-1);
  const fraction = digits.at(-1)!;
  const first = digits[0]!;
  const decimal =
    (last === '.' || last === ',') &&
    (fraction.length !== 3 || (digits.length === 2 && (first === '0' || first.length > 3)));
  if (decimal && fraction.length > 4) return undefined;
  const whole = decimal ? digits.slice(0, -1) : digits;
  const grouping = decimal ? separators.slice(0, -1) : separators;
  if (!groupedAlike(whole, grouping, decimal ? last : undefined)) return undefined;
  return Number(whole.join('') + (decimal ? `.${fraction}` : ''));
}

function groupedAlike(groups: string[], separators: string[], decimal: string | undefined): boolean {
  const [separator] = separators;
  if (separator === undefined) return true;
  if (separators.some((other) => other !== separator) || separator === decimal) return false;
  const [first, ...rest] = groups;
  if (first!.length > 3) return false;
  const threes = rest.every((group) => group.length === 3);
  const lakh = separator === ',' && rest.at(-1)!.length === 3 && rest.slice(0, -1).every((group) => group.length === 2);
  return threes || lakh;
}
