import type { Money } from './listing';

/** Symbols that name one currency wherever they appear. `$` and `¥` are ambiguous: see below. */
const SYMBOLS: Record<string, string> = {
  '€': 'EUR',
  '£': 'GBP',
  '₹': 'INR',
  '₺': 'TRY',
  R$: 'BRL',
  zł: 'PLN',
  kr: 'SEK',
  S$: 'SGD',
  A$: 'AUD',
  C$: 'CAD',
  CDN$: 'CAD',
  'C $': 'CAD',
  AU$: 'AUD',
  'AU $': 'AUD',
  MX$: 'MXN',
  US$: 'USD',
  'US $': 'USD',
  '￥': 'JPY',
  'CN¥': 'CNY',
  'CN￥': 'CNY',
  RMB: 'CNY',
};

const ISO_CODE = /\b([A-Z]{3})\b/;

/** Currencies printed with a bare `$`. */
const DOLLARS = new Set(['USD', 'CAD', 'AUD', 'NZD', 'SGD', 'HKD', 'MXN', 'ARS', 'CLP', 'COP', 'UYU', 'TWD']);

// After the low end: its own symbol or code perhaps, a dash or word, then the high end.
const RANGE = /^\s*[^\d\s\-–—~]{0,4}\s*(?:-|–|—|~|(?<!\p{L})(?:to|bis|à|a)(?!\p{L}))\s*\D{0,6}?(\d[\d.,\s']*)/iu;

/**
 * Reads a price as a person reads it: `$12.48`, `1.234,56 €`, `R$ 99,90`, `₹1,23,456`, `¥3,980`.
 * A range (`US $1.23 - 4.56`) gives its low end as the amount and its high end as `max`.
 * `fallbackCurrency` answers only for bare `$`/`¥` or a bare number, whose meaning depends on
 * the site (the page's own ISO code or symbol always wins over it). Undefined without an amount.
 */
export function parsePrice(text: string, fallbackCurrency?: string): Money | undefined {
  const clean = text.replace(/\s+/g, ' ').trim();
  const numberMatch = clean.match(/\d[\d.,\s']*/);
  if (!numberMatch || numberMatch.index === undefined) return undefined;
  const amount = parseAmount(numberMatch[0].trim());
  if (amount === undefined) return undefined;
  const currency = currencyOf(clean, fallbackCurrency);
  if (!currency) return undefined;
  const rest = clean.slice(numberMatch.index + numberMatch[0].length);
  const upper = rest.match(RANGE)?.[1];
  const max = upper === undefined ? undefined : parseAmount(upper.trim());
  return max !== undefined && max > amount ? { amount, currency, max } : { amount, currency };
}

function currencyOf(text: string, fallback?: string): string | undefined {
  // Longest symbols first, so `R$` wins over `$`.
  for (const symbol of Object.keys(SYMBOLS).sort((a, b) => b.length - a.length)) {
    if (text.includes(symbol)) return SYMBOLS[symbol];
  }
  const iso = text.match(ISO_CODE);
  if (iso) return iso[1];
  // A bare `$` or `¥` takes the site's currency only where that currency is written so.
  if (text.includes('$')) return fallback && DOLLARS.has(fallback) ? fallback : 'USD';
  if (text.includes('¥')) return fallback === 'CNY' ? 'CNY' : 'JPY';
  return fallback;
}

/**
 * Decides which of `.` and `,` is the decimal mark. A separator followed by exactly three
 * digits and nothing else is read as grouping (`1,234` and `1.234` are both one thousand
 * two hundred and thirty-four), as every marketplace prints cents with two digits.
 */
function parseAmount(raw: string): number | undefined {
  const digits = raw.replace(/[\s']/g, '').replace(/[.,]+$/, '');
  const lastDot = digits.lastIndexOf('.');
  const lastComma = digits.lastIndexOf(',');
  const lastSep = Math.max(lastDot, lastComma);
  let normalised: string;
  if (lastSep === -1) {
    normalised = digits;
  } else {
    const fraction = digits.slice(lastSep + 1);
    const whole = digits.slice(0, lastSep).replace(/[.,]/g, '');
    normalised = fraction.length === 3 ? whole + fraction : `${whole}.${fraction}`;
  }
  const amount = Number(normalised);
  return Number.isFinite(amount) ? amount : undefined;
}
