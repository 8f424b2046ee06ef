import { browser } from 'wxt/browser';
import type messages from '../../public/_locales/en/messages.json';

export type MessageKey = keyof typeof messages;

type Lookup = (key: string, substitutions: string[]) => string;
let lookup: Lookup = (key, substitutions) => browser.i18n.getMessage(key as MessageKey, substitutions);
let language = () => browser.i18n.getUILanguage();

/** Where there is no browser (the command line), words come from a catalogue instead. */
export function useCatalogue(catalogue: Lookup, uiLanguage = 'en'): void {
  lookup = catalogue;
  language = () => uiLanguage;
}

/**
 * Runs `words` with the catalogue's words and language, then puts back what was in use: an
 * extension page can draft English evidence without its own words changing.
 */
export function inCatalogue<T>(catalogue: Lookup, words: () => T, uiLanguage = 'en'): T {
  const [kept, keptLanguage] = [lookup, language];
  useCatalogue(catalogue, uiLanguage);
  try {
    return words();
  } finally {
    lookup = kept;
    language = keptLanguage;
  }
}

/** The user's words for a message; the key itself if a locale lacks it, so gaps show. */
export function t(key: MessageKey, substitutions: ReadonlyArray<string | number> = []): string {
  return lookup(key, substitutions.map(String)) || key;
}

export function uiLanguage(): string {
  return language() || 'en';
}
