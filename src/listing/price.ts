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
  MX$: 'MXN',
  US$: 'USD',
  'US $': 'USD',
  '￥': 'JPY',
};

const ISO_CODE = /\b([A-Z]{3})\b/;

/**
 * Reads a price as a person reads it: `$12.48`, `1.234,56 €`, `R$ 99,90`, `₹1,23,456`, `¥3,980`.
 * `fallbackCurrency` answers only for bare `$`/`¥`, whose meaning depends on the site (the
 * page's own ISO code or symbol always wins over it). Returns undefined when no amount is there.
 */
export function parsePrice(text: string, fallbackCurrency?: string): Money | undefined {
  const clean = text.replace(/\s+/g, ' ').trim();
  const numberMatch = clean.match(/\d[\d.,\s']*/);
  if (!numberMatch) return undefined;
  const amount = parseAmount(numberMatch[0].trim());
  if (amount === undefined) return undefined;
  const currency = currencyOf(clean, fallbackCurrency);
  if (!currency) return undefined;
  return { amount, currency };
}

function currencyOf(text: string, fallback?: string): string | undefined {
  // Longest symbols first, so `R$` wins over `$`.
  for (const symbol of Object.keys(SYMBOLS).sort((a, b) => b.length - a.length)) {
    if (text.includes(symbol)) return SYMBOLS[symbol];
  }
  const iso = text.match(ISO_CODE);
  if (iso) return iso[1];
  if (text.includes('$')) return fallback ?? 'USD';
  if (text.includes('¥')) return fallback ?? 'JPY';
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
