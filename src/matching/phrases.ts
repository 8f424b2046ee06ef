import { type Token, tokenise } from './normalise';

/** Phrases already folded, while a table is built. */
export type FoldMemo = Map<string, Token[]>;

/** Where a phrase was found: tokens `start` (inclusive) to `end` (exclusive). */
interface PhraseHit<T> {
  value: T;
  start: number;
  end: number;
  /** Found through a look-alike reading of a token (Cyrillic letters, leetspeak). */
  lookAlike?: boolean;
}

/**
 * A table's phrases already folded, as an index keeps them: folding (tokenising) every phrase
 * is most of what building a table costs, and a waking worker should not pay it again.
 */
export interface StoredPhrases {
  /** Folded phrases, one a line: one string clones far faster than many. */
  keys: string;
  /** Each phrase's number of words; 0 for a run of Chinese or Japanese, found as a substring. */
  words: Uint16Array;
  /** Each phrase's value, as a number the table's owner maps back. */
  values: Int32Array;
}

/**
 * Phrases looked up by their folded words, so a title is scanned once whatever the number
 * of phrases. A phrase in Chinese or Japanese (one run of those characters) is found as a
 * substring, since such titles put no spaces between words.
 */
export class PhraseTable<T> {
  private readonly words = new Map<string, T[]>();
  /** Longest phrase, in words, that starts with each word: other words start no phrase. */
  private readonly starts = new Map<string, number>();
  private readonly cjkByHead = new Map<string, { text: string; value: T }[]>();

  /**
   * Adds a phrase; returns its folded words joined by spaces ('' when it folds to nothing).
   * A `memo` the caller keeps while it builds folds a phrase that recurs only once.
   */
  add(phrase: string, value: T, memo?: FoldMemo): string {
    let tokens = memo?.get(phrase);
    if (!tokens) {
      tokens = tokenise(phrase);
      memo?.set(phrase, tokens);
    }
    if (tokens.length === 0) return '';
    if (tokens.length === 1 && tokens[0]!.cjk) {
      const text = tokens[0]!.text;
      push(this.cjkByHead, text[0]!, { text, value });
      return text;
    }
    const key = tokens.map((token) => token.text).join(' ');
    this.addFolded(key, tokens.length, value);
    return key;
  }

  /** Adds a phrase already folded: its words (not Chinese or Japanese) joined by single spaces. */
  addFolded(key: string, words: number, value: T): void {
    const first = key.split(' ', 1)[0]!;
    this.starts.set(first, Math.max(this.starts.get(first) ?? 0, words));
    push(this.words, key, value);
  }

  /** The table's phrases, folded, in the order they were added; `indexOf` numbers each value. */
  store(indexOf: (value: T) => number): StoredPhrases {
    const keys: string[] = [];
    const words: number[] = [];
    const values: number[] = [];
    for (const [key, list] of this.words) {
      for (const value of list) {
        keys.push(key);
        words.push(key.split(' ').length);
        values.push(indexOf(value));
      }
    }
    for (const list of this.cjkByHead.values()) {
      for (const { text, value } of list) {
        keys.push(text);
        words.push(0);
        values.push(indexOf(value));
      }
    }
    return { keys: keys.join('\n'), words: Uint16Array.from(words), values: Int32Array.from(values) };
  }

  /** A table again from its stored form, without folding anything; `valueAt` maps each number back. */
  static load<T>(stored: StoredPhrases, valueAt: (index: number) => T): PhraseTable<T> {
    const table = new PhraseTable<T>();
    const keys = stored.keys === '' ? [] : stored.keys.split('\n');
    keys.forEach((key, i) => {
      const value = valueAt(stored.values[i]!);
      const words = stored.words[i]!;
      if (words === 0) push(table.cjkByHead, key[0]!, { text: key, value });
      else table.addFolded(key, words, value);
    });
    return table;
  }

  /** The phrases of one word (not Chinese or Japanese), folded. */
  *singleWords(): Iterable<string> {
    for (const key of this.words.keys()) if (!key.includes(' ')) yield key;
  }

  find(tokens: readonly Token[]): PhraseHit<T>[] {
    const hits: PhraseHit<T>[] = [];
    for (let start = 0; start < tokens.length; start++) {
      const token = tokens[start]!;
      if (token.cjk) this.findInRun(token.text, start, hits);
      let key = '';
      const longest = this.starts.get(token.text) ?? 0;
      for (let end = start + 1; end <= Math.min(tokens.length, start + longest); end++) {
        key = end === start + 1 ? token.text : `${key} ${tokens[end - 1]!.text}`;
        for (const value of this.words.get(key) ?? []) hits.push({ value, start, end });
      }
      for (const alt of token.alts ?? []) {
        for (const value of this.words.get(alt) ?? []) hits.push({ value, start, end: start + 1, lookAlike: true });
      }
    }
    return hits;
  }

  private findInRun(text: string, index: number, hits: PhraseHit<T>[]): void {
    for (let at = 0; at < text.length; at++) {
      for (const entry of this.cjkByHead.get(text[at]!) ?? []) {
        if (text.startsWith(entry.text, at)) hits.push({ value: entry.value, start: index, end: index + 1 });
      }
    }
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
