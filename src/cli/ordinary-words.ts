import { createRequire } from 'node:module';
import { join } from 'node:path';
import { buildIndex } from '../matching/match-index';
import { tokenise } from '../matching/normalise';
import type { Registry } from '../registry/schema';

// Where modules are not files (a browser-like test), packages are found from the working directory.
const require = createRequire(
  import.meta.url.startsWith('file:') ? import.meta.url : join(process.cwd(), 'package.json'),
);
/** Dictionaries of the languages most titles are written in (development dependencies). */
const DICTIONARIES = ['an-array-of-english-words', 'an-array-of-french-words', 'an-array-of-spanish-words'];

/**
 * The dictionary words the matcher would take for a misspelt brand name, found through the
 * matcher itself (so the list follows its typo rules), and the brands whose own name is a
 * dictionary word while not marked ambiguous (for a reader to check).
 */
export function ordinaryWords(registry: Registry): { words: string[]; exact: string[] } {
  const index = buildIndex(registry);
  const words = new Set<string>();
  const exact = new Set<string>();
  const memo = new Map();
  for (const dictionary of DICTIONARIES) {
    for (const word of require(`${dictionary}/index.json`) as string[]) {
      if (word.length < 3 || !/^\p{Ll}+$/u.test(word)) continue;
      const tokens = tokenise(word);
      if (tokens.length !== 1) continue;
      for (const match of index.names.find(tokens, memo, index.plainWords)) {
        if (match.distance !== undefined) words.add(tokens[0]!.text);
        else if (match.line === undefined && match.form !== 'misspelling') {
          const brand = index.brands[match.brand]!;
          if (!brand.ambiguous) exact.add(`${brand.name} (${brand.group}): "${word}"`);
        }
      }
    }
  }
  return { words: [...words].filter((word) => /^[a-z]+$/.test(word)).sort(), exact: [...exact].sort() };
}
