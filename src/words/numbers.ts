/** Number and date formats are costly to make (the first loads locale data): one per kind, kept. */
const made = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | null>();

function kept<T extends Intl.NumberFormat | Intl.DateTimeFormat>(id: string, make: () => T): T | null {
  let format = made.get(id) as T | null | undefined;
  if (format === undefined) {
    try {
      format = make();
    } catch {
      format = null;
    }
    made.set(id, format);
  }
  return format;
}

export function formatMoney(amount: number, currency: string, language: string): string {
  const format = kept(
    `money ${language} ${currency}`,
    () => new Intl.NumberFormat(language, { style: 'currency', currency }),
  );
  return format ? format.format(amount) : `${amount} ${currency}`;
}

/** A count in the reader's digits and grouping (2,000; 2.000; 2 000). */
export function formatCount(value: number, language: string): string {
  return kept(`count ${language}`, () => new Intl.NumberFormat(language))?.format(value) ?? String(value);
}

/** A number with at most `digits` decimals in the reader's digits ("2.5", "2,5"). */
export function formatDecimal(value: number, language: string, digits = 1): string {
  return (
    kept(
      `decimal ${language} ${digits}`,
      () => new Intl.NumberFormat(language, { maximumFractionDigits: digits }),
    )?.format(value) ?? String(value)
  );
}

/** A share as the reader writes a percentage ("44.3%", "44,3 %"), to a tenth at most. */
export function formatShare(share: number, language: string): string {
  return (
    kept(
      `share ${language}`,
      () => new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }),
    )?.format(share) ?? `${Math.round(share * 1000) / 10} %`
  );
}

const DATE_STYLES = {
  /** "7 Dec 2026, 13:40" */
  moment: { dateStyle: 'medium', timeStyle: 'short' },
  /** "13:40" */
  clock: { timeStyle: 'short' },
  /** "7 Dec" */
  day: { month: 'short', day: 'numeric' },
  /** "7 December 2026", of a calendar day written YYYY-MM-DD (read as UTC, so no time zone moves it). */
  date: { dateStyle: 'long', timeZone: 'UTC' },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

export type DateStyle = keyof typeof DATE_STYLES;

/** A moment in the reader's language, in one of the styles the pages use. */
export function formatDate(moment: string | number, language: string, style: DateStyle = 'moment'): string {
  const format = kept(`date ${language} ${style}`, () => new Intl.DateTimeFormat(language, DATE_STYLES[style]));
  return format ? format.format(new Date(moment)) : new Date(moment).toISOString();
}

/** A moment by the clock alone when it falls on `now`'s day, with its date otherwise. */
export function formatNear(ms: number, language: string, now = Date.now()): string {
  const sameDay = new Date(ms).toDateString() === new Date(now).toDateString();
  return formatDate(ms, language, sameDay ? 'clock' : 'moment');
}
