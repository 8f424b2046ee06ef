import { browser } from 'wxt/browser';
import { type DateStyle, formatCount, formatDate, formatNear } from '../words/numbers';
import type { MessageKey, Words } from '../words/words';

export type { MessageKey };

/** The user's words for a message, from the browser; the key itself if a locale lacks it, so gaps show. */
export function t(key: MessageKey, substitutions: ReadonlyArray<string | number> = []): string {
  return browser.i18n.getMessage(key, substitutions.map(String)) || key;
}

export function uiLanguage(): string {
  return browser.i18n.getUILanguage() || 'en';
}

/** The user's words, for the neutral code in `src/words/` that takes them as an argument. */
export const uiWords: Words = {
  get language() {
    return uiLanguage();
  },
  t,
};

/** A count in the user's digits and grouping (2,000; 2.000; 2 000). */
export const count = (value: number) => formatCount(value, uiLanguage());

/** A moment in the user's language, in one of the pages' date styles. */
export const date = (moment: string | number, style?: DateStyle) => formatDate(moment, uiLanguage(), style);

/** A moment by the clock alone when it falls today, with its date otherwise. */
export const near = (ms: number, now?: number) => formatNear(ms, uiLanguage(), now);
