import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every locale the extension ships speaks every message: the same keys as English, each with
 * the same placeholders, used in its words (order may differ), and none left empty. A gap would
 * show the key itself to a shopper.
 */
const LOCALES = join(process.cwd(), 'public', '_locales');
type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const read = (locale: string): Messages => JSON.parse(readFileSync(join(LOCALES, locale, 'messages.json'), 'utf8'));
const english = read('en');
const used = (message: string) =>
  [...new Set([...message.matchAll(/\$([A-Za-z_]+)\$/g)].map((m) => m[1]!.toUpperCase()))].sort();
const others = readdirSync(LOCALES).filter((locale) => locale !== 'en');

describe('the extension’s languages', () => {
  it('ships the nine languages of the marketplaces it serves besides English', () => {
    expect(others.sort()).toEqual(['de', 'es', 'fr', 'hi', 'it', 'ja', 'pt_BR', 'ru', 'zh_CN']);
  });

  it.each(others)('%s has every message, with the same placeholders, none empty', (locale) => {
    const translated = read(locale);
    expect(Object.keys(translated).sort()).toEqual(Object.keys(english).sort());
    const wrong = Object.entries(english).flatMap(([key, source]) => {
      const target = translated[key]!;
      if (!target.message?.trim()) return [`${key}: empty`];
      if (JSON.stringify(target.placeholders) !== JSON.stringify(source.placeholders)) return [`${key}: placeholders`];
      return used(target.message).join() === used(source.message).join()
        ? []
        : [`${key}: uses ${used(target.message)}`];
    });
    expect(wrong).toEqual([]);
  });
});
