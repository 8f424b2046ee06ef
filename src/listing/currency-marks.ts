/**
 * Active ISO 4217 codes, read as a currency only when written in capitals beside an amount.
 * Codes that are also everyday capitalised words or brands in listings (ALL, TOP, CUP, AMD, MOP,
 * SOS, BOB, BAM) are left out: "ALL 3 FOR" or "AMD 7950" must not become Albanian lek or drams.
 */
const ISO_CODES = new Set(
  (
    'AED AFN ANG AOA ARS AUD AWG AZN BBD BDT BGN BHD BIF BMD BND BRL BSD BTN BWP BYN BZD CAD CDF CHF CLP ' +
    'CNY COP CRC CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL ' +
    'HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD ' +
    'MAD MDL MGA MKD MMK MNT MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR ' +
    'PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SRD SSP STN SVC SYP SZL THB TJS TMT TND ' +
    'TRY TTD TWD TZS UAH UGX USD UYU UZS VES VND VUV WST XAF XCD XOF XPF YER ZAR ZMW ZWL'
  ).split(' '),
);

/** Marks that name one currency wherever they appear. */
const MARKS: Record<string, string> = {
  '€': 'EUR',
  '£': 'GBP',
  '₹': 'INR',
  Rs: 'INR',
  'Rs.': 'INR',
  '₺': 'TRY',
  TL: 'TRY',
  R$: 'BRL',
  zł: 'PLN',
  Kč: 'CZK',
  Ft: 'HUF',
  lei: 'RON',
  '₽': 'RUB',
  руб: 'RUB',
  'руб.': 'RUB',
  '₴': 'UAH',
  грн: 'UAH',
  '₦': 'NGN',
  '₱': 'PHP',
  '₩': 'KRW',
  원: 'KRW',
  '₫': 'VND',
  '฿': 'THB',
  '₵': 'GHS',
  'GH₵': 'GHS',
  'GH¢': 'GHS',
  '₪': 'ILS',
  S$: 'SGD',
  A$: 'AUD',
  AU$: 'AUD',
  'AU $': 'AUD',
  C$: 'CAD',
  'C $': 'CAD',
  CA$: 'CAD',
  CDN$: 'CAD',
  MX$: 'MXN',
  'MX $': 'MXN',
  US$: 'USD',
  'US $': 'USD',
  NZ$: 'NZD',
  HK$: 'HKD',
  NT$: 'TWD',
  NTD: 'TWD',
  COL$: 'COP',
  CLP$: 'CLP',
  AR$: 'ARS',
  'S/': 'PEN',
  'S/.': 'PEN',
  Rp: 'IDR',
  RM: 'MYR',
  RMB: 'CNY',
  'CN¥': 'CNY',
  'CN￥': 'CNY',
  'JP¥': 'JPY',
  円: 'JPY',
  元: 'CNY',
  美元: 'USD',
  港元: 'HKD',
  'E£': 'EGP',
  'ج.م': 'EGP',
  'د.إ': 'AED',
  'ر.س': 'SAR',
};

/** Currencies printed with a bare `$`. */
const DOLLARS = new Set(['USD', 'CAD', 'AUD', 'NZD', 'SGD', 'HKD', 'MXN', 'ARS', 'CLP', 'COP', 'UYU', 'TWD']);

/** Currencies printed `kr`: the Swedish, Danish, Norwegian and Icelandic crowns. */
const CROWNS = new Set(['SEK', 'DKK', 'NOK', 'ISK']);

/** `$`, `¢`, `¥`, `￥` and `kr` name a currency only with the site's help; they are marks all the same. */
const AMBIGUOUS = ['$', '¢', '¥', '￥', 'kr'];

/** Cents: the amount beside this mark is a hundredth of the currency's unit. */
export const CENT = '¢';

const LATIN_OR_CYRILLIC = String.raw`\p{Script=Latin}\p{Script=Cyrillic}`;
const STARTS_WITH_LETTER = new RegExp(`^[${LATIN_OR_CYRILLIC}]`, 'u');
const ENDS_WITH_LETTER = new RegExp(`[${LATIN_OR_CYRILLIC}]$`, 'u');

function alternatives(marks: string[]): string {
  return marks
    .sort((a, b) => b.length - a.length)
    .map((mark) => {
      const escaped = mark.replace(/[$()*+.?[\\\]^{|}/]/g, '\\$&');
      return ENDS_WITH_LETTER.test(mark) ? `${escaped}(?![${LATIN_OR_CYRILLIC}])` : escaped;
    })
    .join('|');
}

const EVERY_MARK = [...Object.keys(MARKS), ...AMBIGUOUS];
const LETTERED = EVERY_MARK.filter((mark) => STARTS_WITH_LETTER.test(mark));
const SYMBOLS = EVERY_MARK.filter((mark) => !STARTS_WITH_LETTER.test(mark));
const FIRST_CHARACTERS = [...new Set(EVERY_MARK.map((mark) => String.fromCodePoint(mark.codePointAt(0)!)))].join('');

/**
 * Every mark, longest first so that `R$` wins over `$` and `CN¥` over `¥`, and any three capitals,
 * which `isMark` then holds to the ISO list. A lettered mark must stand alone: `kr` is not the
 * middle of "Ukraine", nor `Ft` the start of "Fte". The look at the first character lets the
 * scan pass over most of a text without trying each mark in turn.
 */
export const MARK_SOURCE =
  `(?=[A-Z${FIRST_CHARACTERS.replace(/[\\\]^-]/g, '\\$&')}])` +
  `(?:(?<![${LATIN_OR_CYRILLIC}])(?:${alternatives(LETTERED)}|[A-Z]{3}(?![${LATIN_OR_CYRILLIC}]))|${alternatives(SYMBOLS)})`;

export function isMark(text: string): boolean {
  return text in MARKS || AMBIGUOUS.includes(text) || ISO_CODES.has(text);
}

/**
 * The currency a mark names. `$`/`¢` take the site's currency only where that currency is written
 * so (else USD), `¥`/`￥` are yuan only on a site that prices in yuan (else yen), and `kr` is the
 * site's crown (else the Swedish one, the most used).
 */
export function currencyOfMark(mark: string, fallback: string | undefined): string {
  const named = MARKS[mark] ?? (ISO_CODES.has(mark) ? mark : undefined);
  if (named) return named;
  if (mark === '¥' || mark === '￥') return fallback === 'CNY' ? 'CNY' : 'JPY';
  if (mark === 'kr') return fallback && CROWNS.has(fallback) ? fallback : 'SEK';
  return fallback && DOLLARS.has(fallback) ? fallback : 'USD';
}
