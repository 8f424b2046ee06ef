import type { Category, Term } from '../registry/schema';
import type { Token } from './normalise';
import { type FoldMemo, PhraseTable, type StoredPhrases } from './phrases';

export interface TermHit {
  /** Index of the term in the registry's vocabulary. */
  term: number;
  start: number;
  end: number;
}

/** The vocabulary's phrase tables, folded, as an index keeps them. */
export interface StoredVocabulary {
  phrases: StoredPhrases;
  cancels: StoredPhrases;
}

const itself = (index: number) => index;

/** Folds the vocabulary's terms and the words that cancel them, once, for an index to keep. */
export function foldVocabulary(terms: readonly Term[]): StoredVocabulary {
  const phrases = new PhraseTable<number>();
  const cancels = new PhraseTable<number>();
  // One list of honest uses stands beside many terms: each word is folded once.
  const memo: FoldMemo = new Map();
  terms.forEach((term, i) => {
    if (term.term !== undefined) phrases.add(term.term, i, memo);
    for (const word of term.unlessWith ?? []) cancels.add(word, i, memo);
  });
  return { phrases: phrases.store(itself), cancels: cancels.store(itself) };
}

/** The registry's vocabulary, found in a title in one pass, honest uses already cancelled. */
export class Vocabulary {
  readonly phrases: PhraseTable<number>;
  private readonly patterns: { re: RegExp; term: number }[] = [];
  /** Words whose presence cancels a term ("AAA" next to "batteries"). */
  private readonly cancels: PhraseTable<number>;

  constructor(
    readonly terms: readonly Term[],
    folded: StoredVocabulary = foldVocabulary(terms),
  ) {
    this.phrases = PhraseTable.load(folded.phrases, itself);
    this.cancels = PhraseTable.load(folded.cancels, itself);
    terms.forEach((term, i) => {
      if (term.term === undefined && term.pattern !== undefined)
        this.patterns.push({ re: new RegExp(term.pattern, 'u'), term: i });
    });
  }

  find(tokens: readonly Token[]): TermHit[] {
    const hits: TermHit[] = this.phrases.find(tokens).map(({ value, start, end }) => ({ term: value, start, end }));
    if (this.patterns.length > 0) {
      tokens.forEach((token, i) => {
        if (token.cjk) return;
        for (const { re, term } of this.patterns) {
          if ([token.text, ...(token.alts ?? [])].some((text) => re.test(text)))
            hits.push({ term, start: i, end: i + 1 });
        }
      });
    }
    if (hits.length === 0) return hits;
    const cancelled = new Set(this.cancels.find(tokens).map((hit) => hit.value));
    return hits.filter(
      (hit) =>
        !cancelled.has(hit.term) &&
        (!this.terms[hit.term]!.bracketed || tokens.slice(hit.start, hit.end).every((token) => token.bracketed)),
    );
  }
}

/**
 * Words that end the noun phrase naming the product: what follows them is what it holds, fits
 * or goes with ("bag with shoe compartment", "bolsa para zapatos", "étui pour montre").
 */
const CONNECTORS = new Set(
  'with w for and plus mit fur und con para per y e avec pour et com de do da del della du des с для и із з ze dla z 带 配 附 用'.split(
    ' ',
  ),
);
const LATIN_WORD = /^\p{Script=Latin}{3,}$/u;

/**
 * Folds the categories' words once, for an index to keep, each value the category's place in
 * the list: with the other grammatical number of each one-word Latin name ("sandal", "sandals";
 * "bolso", "bolsos"), where no other word is so written.
 */
export function foldCategories(categories: readonly Category[]): StoredPhrases {
  const phrases = new PhraseTable<number>();
  const memo: FoldMemo = new Map();
  const folded = categories.map((category, i) => category.words.map((word) => phrases.add(word, i, memo)));
  const written = new Set(folded.flat());
  categories.forEach((_category, i) => {
    for (const key of folded[i]!) {
      for (const form of numberForms(key)) if (!written.has(form)) phrases.addFolded(form, 1, i);
    }
  });
  return phrases.store(itself);
}

/** Which product categories a title names. */
export class Categories {
  readonly phrases: PhraseTable<string>;
  /** Categories of accessories and parts for other products. */
  readonly parts: ReadonlySet<string>;

  /** Categories whose goods lose value as newer models come out. */
  readonly ages: ReadonlySet<string>;

  constructor(categories: readonly Category[], folded: StoredPhrases = foldCategories(categories)) {
    this.phrases = PhraseTable.load(folded, (i) => categories[i]!.id);
    this.parts = new Set(categories.filter((category) => category.part).map((category) => category.id));
    this.ages = new Set(categories.filter((category) => category.ages).map((category) => category.id));
  }

  /**
   * The categories a title names, and among them those of what the listing is (`head`): the ones
   * named before the first connector ("bag with shoe compartment" is a bag), the last of them
   * where several stand together ("shoe bag"); all of them where none stands before a connector.
   */
  find(tokens: readonly Token[]): { named: Set<string>; head: Set<string> } {
    const hits = this.phrases.find(tokens);
    const named = new Set(hits.map((hit) => hit.value));
    if (hits.length <= 1) return { named, head: named };
    const stop = tokens.findIndex((token, i) => i > 0 && !token.cjk && CONNECTORS.has(token.text));
    const before = stop < 0 ? hits : hits.filter((hit) => hit.end <= stop);
    if (before.length === 0) return { named, head: named };
    const last = Math.max(...before.map((hit) => hit.start));
    return { named, head: new Set(before.filter((hit) => hit.start === last).map((hit) => hit.value)) };
  }
}

/**
 * The other grammatical number of a one-word Latin name: plural with -s or -es, singular
 * without the -s. Never "-es" taken off: "glasses" is not "glass".
 */
function numberForms(word: string): string[] {
  if (!LATIN_WORD.test(word)) return [];
  if (/(?:ss|x|z|ch|sh)$/.test(word)) return [`${word}es`];
  if (word.endsWith('s')) return [word.slice(0, -1)];
  return [`${word}s`];
}
