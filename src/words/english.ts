import messages from '../../public/_locales/en/messages.json';
import type { Words } from './words';

interface Message {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

/** A catalogue in the extension's `messages.json` form. */
export type Catalogue = Record<string, Message>;

/**
 * The browser's getMessage over the English catalogue ($NAME$ → its placeholder → $n), for
 * places without the browser's i18n; empty for a key it lacks, as the browser's is.
 */
export function catalogueMessage(key: string, substitutions: readonly string[] = []): string {
  return messageIn(messages, key, substitutions);
}

/** getMessage over any catalogue of that form. */
export function messageIn(catalogue: Catalogue, key: string, substitutions: readonly string[] = []): string {
  const entry = catalogue[key];
  if (!entry) return '';
  return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (_all, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
    return content.replace(/\$(\d)/g, (_m, n: string) => substitutions[Number(n) - 1] ?? '');
  });
}

/** English, from the catalogue: the evidence files are for the marketplaces' English forms. */
export function englishWords(language = 'en'): Words {
  return { language, t: (key, substitutions = []) => catalogueMessage(key, substitutions.map(String)) || key };
}

export const ENGLISH = englishWords();
