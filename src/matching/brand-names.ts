import type { Brand } from '../registry/schema';
import { type Buckets, bucket, buildBuckets, fnv } from './buckets';
import type { MatchForm } from './match-forms';
import { foldPhrase, type Token } from './normalise';
import {
  buildDeleteTable,
  type DeleteTable,
  editDistance,
  type FilteredDeletes,
  lookupDeletes,
  type TypoWord,
  withFilter,
} from './typo';

const KINDS = ['exact', 'alias', 'misspelling', 'line'] as const;
const formOf = (kind: number): MatchForm => KINDS[kind] ?? 'exact';
type Kind = 0 | 1 | 2 | 3;
const [NAME, ALIAS, MISSPELLING, LINE] = [0, 1, 2, 3] as const;

/**
 * The names table in the form it is stored in: an array of names and typed arrays, no maps, so
 * a stored copy is ready to use the moment it is read back.
 */
export interface StoredNames {
  /** Folded names (tokens joined by single spaces), one a line: one string clones far faster than many. */
  names: string;
  brands: Int32Array;
  kinds: Uint8Array;
  /** The line's index within its brand, or -1. */
  lines: Int16Array;
  tokenCounts: Uint8Array;
  maxTokens: number;
  /** Names without spaces (not Chinese, Japanese or Korean ones) by hash. */
  exact: Buckets;
  /** Names by the hash of their length and first letter ("6:c") or last ("6:~l"), for masked forms. */
  edges: Buckets;
  /** Chinese, Japanese and Korean names by the hash of their first character. */
  cjk: Buckets;
  /** Typo deletes of the names long enough for typo matching. */
  typo: DeleteTable;
  /** The words of names of two or more words, by hash: a two-word typo keeps one of them. */
  nameWords: Buckets;
}

export interface BrandMatch {
  brand: number;
  form: MatchForm;
  /** The line the listing named, when it named one. */
  line?: number;
  /** Tokens `start` (inclusive) to `end` (exclusive). */
  start: number;
  end: number;
  /** Edit distance of a typo. */
  distance?: number;
  /** The words as the listing wrote them. */
  text: string;
}

const MIN_TYPO_LENGTH = 6;
const MIN_TYPO2_LENGTH = 10;
/** Typos are looked for in words of letters only, over one or two of them, at most this long. */
const MAX_TYPO_TOKENS = 2;
const MAX_TYPO_LENGTH = 18;
const LETTERS = /^[a-z]+$/;
const MEMO_LIMIT = 5000;
const MIN_PART_LENGTH = 4;
export type TypoMemo = Map<string, { id: number; distance: number }[]>;
const NONE: ReadonlySet<string> = new Set();
/** Letters spaced out ("G U C C I") are joined over at most this many tokens. */
const MAX_SPACED = 12;
const CJK_NAME = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー]+$/u;

/** Collects every name, alias, misspelling and line of the brands, and their lookup tables. */
export function storeNames(brands: readonly Brand[]): StoredNames {
  const names: string[] = [];
  const brandOf: number[] = [];
  const kinds: Kind[] = [];
  const lines: number[] = [];
  const typoWords: TypoWord[] = [];
  const exact: [number[], number[]] = [[], []];
  const edges: [number[], number[]] = [[], []];
  const cjk: [number[], number[]] = [[], []];
  const nameWords: [number[], number[]] = [[], []];
  let maxTokens = 1;
  const add = (text: string, brand: number, kind: Kind, line = -1) => {
    const name = foldPhrase(text);
    if (!name) return;
    const id = names.length;
    names.push(name);
    brandOf.push(brand);
    kinds.push(kind);
    lines.push(line);
    if (CJK_NAME.test(name)) {
      cjk[0].push(fnv(name[0]!));
      cjk[1].push(id);
      return;
    }
    const words = name.split(' ');
    maxTokens = Math.max(maxTokens, words.length);
    if (words.length > 1) {
      for (const word of words) nameWords[0].push(fnv(word));
      nameWords[1].push(...words.map(() => 0));
    }
    const compact = name.replaceAll(' ', '');
    exact[0].push(fnv(compact));
    exact[1].push(id);
    if (compact.length >= 4 && kind !== LINE) {
      edges[0].push(fnv(`${compact.length}:${compact[0]}`), fnv(`${compact.length}:~${compact.at(-1)}`));
      edges[1].push(id, id);
    }
    if ((kind === NAME || kind === ALIAS) && !brands[brand]!.ambiguous && isLatin(compact)) {
      if (compact.length >= MIN_TYPO_LENGTH) {
        // Two edits for a brand's own long name; its aliases take one (they are many, and mostly variants).
        typoWords.push({ text: compact, id, maxDistance: kind === NAME && compact.length >= MIN_TYPO2_LENGTH ? 2 : 1 });
      }
    }
  };
  brands.forEach((brand, b) => {
    add(brand.name, b, NAME);
    for (const alias of brand.aliases) add(alias, b, ALIAS);
    for (const misspelling of brand.misspellings) add(misspelling, b, MISSPELLING);
    (brand.lines ?? []).forEach((line, l) => {
      for (const name of [line.name, ...(line.aliases ?? [])]) add(name, b, LINE, l);
    });
  });
  return {
    names: names.join('\n'),
    brands: Int32Array.from(brandOf),
    kinds: Uint8Array.from(kinds),
    lines: Int16Array.from(lines),
    tokenCounts: Uint8Array.from(names, (name) => Math.min(255, name.split(' ').length)),
    maxTokens,
    exact: buildBuckets(...exact),
    edges: buildBuckets(...edges),
    cjk: buildBuckets(...cjk),
    typo: buildDeleteTable(typoWords),
    nameWords: buildBuckets(...nameWords),
  };
}

const isLatin = (text: string) => /^[a-z0-9]+$/.test(text);

/** Whether a folded name, its spaces left out, is `compact`. */
function sameCompact(name: string, compact: string): boolean {
  let j = 0;
  for (let i = 0; i < name.length; i++) {
    const char = name[i]!;
    if (char === ' ') continue;
    if (char !== compact[j]) return false;
    j++;
  }
  return j === compact.length;
}

/** Finds brand names in a title's tokens, however they are disguised. */
export class BrandNames {
  private readonly maxTokens: number;
  private readonly names: string[];
  private readonly typo: FilteredDeletes;

  constructor(private readonly stored: StoredNames) {
    this.maxTokens = stored.maxTokens;
    this.names = stored.names.split('\n');
    this.typo = withFilter(stored.typo);
  }

  private isNameWord(word: string): boolean {
    return bucket(this.stored.nameWords, fnv(word)).length > 0;
  }

  /** The ids of the names that are `compact` once their spaces are left out. */
  private idsOf(compact: string): number[] {
    const out: number[] = [];
    for (const id of bucket(this.stored.exact, fnv(compact))) {
      if (sameCompact(this.names[id]!, compact)) out.push(id);
    }
    return out;
  }

  get size(): number {
    return this.names.length;
  }

  /** The brand a listing's brand field names exactly (name, alias or misspelling), if any. */
  brandNamed(field: string): number | undefined {
    const compact = foldPhrase(field).replaceAll(' ', '');
    const id = this.idsOf(compact).find((candidate) => this.stored.kinds[candidate] !== LINE);
    return id === undefined ? undefined : this.stored.brands[id];
  }

  /**
   * `memo` keeps typo answers between titles read together (one page, one file); words in
   * `plain` (the registry's category and vocabulary words) are never read as typos.
   */
  find(tokens: readonly Token[], memo: TypoMemo = new Map(), plain: ReadonlySet<string> = NONE): BrandMatch[] {
    const matches: BrandMatch[] = [];
    for (let start = 0; start < tokens.length; start++) {
      const token = tokens[start]!;
      if (token.cjk) {
        this.findInRun(token.text, start, token.raw, matches);
        continue;
      }
      const found = matches.length;
      // Several words join into a name only from a name's first word, or when letters are spaced out.
      const nameStart = this.isNameWord(token.text);
      let compact = '';
      let masked = false;
      let single = false;
      for (let end = start + 1; end <= tokens.length; end++) {
        const next = tokens[end - 1]!;
        if (next.cjk) break;
        const spaced = end - start > this.maxTokens;
        if (spaced && (end - start > MAX_SPACED || !allSingle(tokens, start, end))) break;
        compact += next.text;
        masked ||= next.masked === true;
        single ||= next.text.length === 1;
        if (end - start > 1 && !nameStart && !single && !masked) {
          if (end - start > 2) break;
          continue;
        }
        if (masked) this.findMasked(compact, tokens, start, end, matches);
        else this.findExact(compact, tokens, start, end, matches);
      }
      this.findLookAlikes(tokens, start, matches);
      if (matches.length === found && token.parts) this.findParts(token.parts, tokens, start, matches);
      if (matches.length === found) this.findTypos(tokens, start, matches, memo, plain);
    }
    return longest(matches);
  }

  private findExact(compact: string, tokens: readonly Token[], start: number, end: number, out: BrandMatch[]) {
    const count = end - start;
    // A line written in the plural ("Parkers", "Submariners") is still the line.
    const plural = compact.length >= 5 && compact.endsWith('s') ? this.idsOf(compact.slice(0, -1)) : [];
    for (const id of plural) {
      if (this.stored.kinds[id] === LINE && this.stored.tokenCounts[id] === count)
        out.push(this.match(id, 'line', tokens, start, end));
    }
    for (const id of this.idsOf(compact)) {
      let form = formOf(this.stored.kinds[id]!);
      // Written apart where the name is not ("Nik e", "G U C C I", "L.V"): a masking trick.
      // Every piece short, so a name followed by a stray letter ("Tissot T-Classic") is no disguise.
      if (count > this.stored.tokenCounts[id]!) {
        if (this.stored.kinds[id] === MISSPELLING || !hasSingle(tokens, start, end) || tokens[start]!.glued) continue;
        if (!tokens.slice(start, end).every((token) => token.text.length <= 3 && /^\p{L}+$/u.test(token.text)))
          continue;
        form = 'masked';
      }
      out.push(this.match(id, form, tokens, start, end));
    }
  }

  private findMasked(pattern: string, tokens: readonly Token[], start: number, end: number, out: BrandMatch[]) {
    const shown = pattern.replaceAll('*', '').length;
    if (shown < 3 || shown * 2 < pattern.length) return;
    const key = pattern[0] !== '*' ? `${pattern.length}:${pattern[0]}` : `${pattern.length}:~${pattern.at(-1)}`;
    for (const id of bucket(this.stored.edges, fnv(key))) {
      const name = this.names[id]!.replaceAll(' ', '');
      if ([...pattern].every((char, i) => char === '*' || char === name[i])) {
        out.push(this.match(id, 'masked', tokens, start, end));
      }
    }
  }

  /** Names inside one glued word: a span of its CamelCase parts ("NikeAirMax"), or its doubled half. */
  private findParts(parts: readonly string[], tokens: readonly Token[], start: number, out: BrandMatch[]) {
    for (let from = 0; from < parts.length; from++) {
      let compact = '';
      for (let to = from; to < parts.length; to++) {
        compact += parts[to];
        // Short pieces are too often something else ("Mac" in MacBook).
        if (compact.length < MIN_PART_LENGTH) continue;
        for (const id of this.idsOf(compact)) {
          if (this.stored.kinds[id] !== MISSPELLING)
            out.push(this.match(id, formOf(this.stored.kinds[id]!), tokens, start, start + 1));
        }
      }
    }
  }

  /** Cyrillic or Greek look-alikes and leetspeak, one or two words at a time. */
  private findLookAlikes(tokens: readonly Token[], start: number, out: BrandMatch[]) {
    const first = tokens[start]!;
    const second = tokens[start + 1];
    const firsts = [first.text, ...(first.alts ?? [])];
    const seconds = second && !second.cjk ? [second.text, ...(second.alts ?? [])] : [];
    for (const [i, a] of firsts.entries()) {
      if (i > 0) this.findPlain(a, tokens, start, start + 1, out);
      for (const [j, b] of seconds.entries()) if (i + j > 0) this.findPlain(a + b, tokens, start, start + 2, out);
    }
  }

  private findPlain(compact: string, tokens: readonly Token[], start: number, end: number, out: BrandMatch[]) {
    for (const id of this.idsOf(compact)) {
      if (this.stored.tokenCounts[id]! >= end - start) out.push(this.match(id, 'homoglyph', tokens, start, end));
    }
  }

  private findTypos(
    tokens: readonly Token[],
    start: number,
    out: BrandMatch[],
    memo: TypoMemo,
    plain: ReadonlySet<string>,
  ) {
    let compact = '';
    let ordinary = true;
    for (let end = start + 1; end <= Math.min(tokens.length, start + MAX_TYPO_TOKENS); end++) {
      const token = tokens[end - 1]!;
      if (token.cjk || !LETTERS.test(token.text)) return;
      compact += token.text;
      ordinary &&= plain.has(token.text);
      if (ordinary) continue;
      // Two words are a typo of a two-word name only if one of them is spelt right ("Louis Vuiton").
      if (end - start === 2 && !this.isNameWord(tokens[start]!.text) && !this.isNameWord(token.text)) return;
      if (compact.length < MIN_TYPO_LENGTH - 1) continue;
      if (compact.length > MAX_TYPO_LENGTH) return;
      for (const { id, distance } of this.typosOf(compact, end - start > 1, memo)) {
        if (this.stored.tokenCounts[id] === end - start) {
          out.push({ ...this.match(id, 'misspelling', tokens, start, end), distance });
        }
      }
    }
  }

  /** The names a word is a typo of; titles on one page repeat their words, so the answer is kept. */
  private typosOf(compact: string, spans: boolean, memo: TypoMemo): { id: number; distance: number }[] {
    const key = spans ? ` ${compact}` : compact;
    const known = memo.get(key);
    if (known) return known;
    const found: { id: number; distance: number }[] = [];
    const seen = new Set<number>();
    // Two edits only for one long word: others are found with one (a substitution, an insertion).
    const limit = compact.length >= MIN_TYPO2_LENGTH && LETTERS.test(compact) && !spans ? 2 : 1;
    lookupDeletes(this.typo, compact, limit, (id) => {
      if (seen.has(id)) return;
      seen.add(id);
      const name = this.names[id]!.replaceAll(' ', '');
      const allowed = this.stored.kinds[id] === NAME && name.length >= MIN_TYPO2_LENGTH ? 2 : 1;
      const distance = editDistance(compact, name, allowed);
      if (distance > 0 && distance <= allowed) found.push({ id, distance });
    });
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(key, found);
    return found;
  }

  private findInRun(text: string, index: number, raw: string, out: BrandMatch[]) {
    for (let at = 0; at < text.length; at++) {
      for (const id of bucket(this.stored.cjk, fnv(text[at]!))) {
        const name = this.names[id]!;
        if (!text.startsWith(name, at)) continue;
        const kind = this.stored.kinds[id]!;
        out.push({
          brand: this.stored.brands[id]!,
          form: formOf(kind),
          ...(kind === LINE ? { line: this.stored.lines[id]! } : {}),
          start: index,
          end: index + 1,
          text: raw.slice(at, at + name.length),
        });
      }
    }
  }

  private match(id: number, form: MatchForm, tokens: readonly Token[], start: number, end: number): BrandMatch {
    const line = this.stored.lines[id]!;
    return {
      brand: this.stored.brands[id]!,
      form,
      ...(line >= 0 ? { line } : {}),
      start,
      end,
      text: tokens
        .slice(start, end)
        .map((token) => token.raw)
        .join(' '),
    };
  }
}

/**
 * Drops a match that lies inside a longer match of another brand: "Armani" within "Emporio
 * Armani" names Emporio Armani, not Giorgio Armani.
 */
function longest(matches: BrandMatch[]): BrandMatch[] {
  return matches.filter(
    (match) =>
      !matches.some(
        (other) =>
          other.brand !== match.brand &&
          other.start <= match.start &&
          other.end >= match.end &&
          other.end - other.start > match.end - match.start,
      ),
  );
}

const allSingle = (tokens: readonly Token[], start: number, end: number) =>
  tokens.slice(start, end).every((token) => token.text.length === 1);
const hasSingle = (tokens: readonly Token[], start: number, end: number) =>
  tokens.slice(start, end).some((token) => token.text.length === 1);
