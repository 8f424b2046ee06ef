import type messages from '../../public/_locales/en/messages.json';

export type MessageKey = keyof typeof messages;

/**
 * A language's words: the browser's i18n on extension pages, the English catalogue in the
 * command line, the service and the evidence files. Whatever words something needs come in as
 * one of these, so that nothing here reaches for a browser.
 */
export interface Words {
  /** A BCP 47 tag for numbers, money and dates ("en", "de-DE"). */
  readonly language: string;
  /** The words for a message; the key itself where the language lacks it, so gaps show. */
  t(key: MessageKey, substitutions?: ReadonlyArray<string | number>): string;
}

/**
 * Text from a page set apart from the sentence around it: a title holding a right-to-left
 * override (U+202E) cannot turn the rest of a message around (first-strong isolate … pop).
 */
export const isolate = (text: string) => `\u2068${text}\u2069`;

/** A marketplace's name in these words ("eBay", "Mercado Libre"). */
export const marketplaceName = (marketplace: string, words: Words) =>
  words.t(`marketplace_${marketplace}` as MessageKey);
