import { type Catalogue, englishWords, messageIn } from '../../src/words/english';
import { formatCount, formatDate, formatDecimal } from '../../src/words/numbers';
import type { Words } from '../../src/words/words';
import messages from './messages.json';

export type ConsoleKey = keyof typeof messages;

/** The console's words (English first, as the extension's): its own catalogue, then the extension's for levels and reasons. */
export const LANGUAGE = navigator.language || 'en';
export const WORDS: Words = englishWords(LANGUAGE);

/** A console message; the key itself where it is missing, so that gaps show. */
export const say = (key: ConsoleKey, substitutions: ReadonlyArray<string | number> = []) =>
  messageIn(messages as Catalogue, key, substitutions.map(String)) || key;

export const count = (value: number) => formatCount(value, LANGUAGE);
export const day = (moment: string) => formatDate(moment, LANGUAGE, 'day');
export const decimal = (value: number, digits = 1) => formatDecimal(value, LANGUAGE, digits);
