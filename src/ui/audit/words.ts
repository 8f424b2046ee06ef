import { uiLanguage } from '../i18n';

/** A count in the user's digits and grouping (2,000; 2.000; 2 000). */
export function count(value: number): string {
  return value.toLocaleString(uiLanguage());
}

/** A moment today as the clock shows it, with the date when it is another day. */
export function when(ms: number, now = Date.now()): string {
  const sameDay = new Date(ms).toDateString() === new Date(now).toDateString();
  return new Intl.DateTimeFormat(
    uiLanguage(),
    sameDay ? { timeStyle: 'short' } : { dateStyle: 'medium', timeStyle: 'short' },
  ).format(new Date(ms));
}
