import type { Category, Term } from '../registry/schema';
import type { Token } from './normalise';
import { PhraseTable } from './phrases';

export interface TermHit {
  /** Index of the term in the registry's vocabulary. */
  term: number;
  start: number;
  end: number;
}

/** The registry's vocabulary, found in a title in one pass, honest uses already cancelled. */
export class Vocabulary {
  readonly phrases = new PhraseTable<number>();
  private readonly patterns: { re: RegExp; term: number }[] = [];
  /** Words whose presence cancels a term ("AAA" next to "batteries"). */
  private readonly cancels = new PhraseTable<number>();

  constructor(readonly terms: readonly Term[]) {
    terms.forEach((term, i) => {
      if (term.term !== undefined) this.phrases.add(term.term, i);
      else if (term.pattern !== undefined) this.patterns.push({ re: new RegExp(term.pattern, 'u'), term: i });
      for (const word of term.unlessWith ?? []) this.cancels.add(word, i);
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
    return hits.filter((hit) => !cancelled.has(hit.term));
  }
}

/** Which product categories a title names. */
export class Categories {
  readonly phrases = new PhraseTable<string>();
  /** Categories of accessories and parts for other products. */
  readonly parts: ReadonlySet<string>;

  constructor(categories: readonly Category[]) {
    for (const category of categories) for (const word of category.words) this.phrases.add(word, category.id);
    this.parts = new Set(categories.filter((category) => category.part).map((category) => category.id));
  }

  find(tokens: readonly Token[]): Set<string> {
    return new Set(this.phrases.find(tokens).map((hit) => hit.value));
  }
}
