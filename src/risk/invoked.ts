import type { BrandMatch } from '../matching/brand-names';
import type { MatchIndex } from '../matching/match-index';
import type { Token } from '../matching/normalise';
import type { TermHit } from '../matching/terms';

/** A brand the listing claims to be (not merely one it says it fits), and how it wrote it. */
export interface Invocation {
  brand: number;
  /** The mentions that claim the brand, best evidence first. */
  mentions: BrandMatch[];
  /** Named in the listing's brand field. */
  byField: boolean;
  /** Claimed only because a word of the brand's goods stands beside a name that is also a common word. */
  guessed: boolean;
}

/** How many words may stand between "for" and the brand it governs ("for iPhone 15, Samsung"). */
const COMPATIBILITY_REACH = 3;
/** Names this short ("LV", "MK") are too easily something else to count on their own. */
const SHORT_NAME = 3;
const SHORT_CJK_NAME = 2;
/** A model number: digits, perhaps a letter or two after them ("4", "550", "990v5", "126610"). */
const MODEL_NUMBER = /^\d{1,6}[a-z]{0,2}\d?$/;

/**
 * The brands a listing invokes. A brand named only after "compatible with" or "case for" is
 * not invoked; a name that is also a common word, a short abbreviation, a typo or a line that
 * is not distinctive counts only with context: the brand field, a word of the brand's
 * categories, one of its lines, or capitals that set it apart from the rest of the title.
 */
export function invokedBrands(
  index: MatchIndex,
  tokens: readonly Token[],
  matches: readonly BrandMatch[],
  terms: readonly TermHit[],
  categories: ReadonlySet<string>,
  fieldBrand: number | undefined,
  /** Sold on a channel where copies are what is sold: a name there means the brand. */
  replicaChannel = false,
): Invocation[] {
  const compatibility = terms.filter((hit) => index.vocabulary.terms[hit.term]!.kind === 'compatibility');
  const isCompatibility = (match: BrandMatch) =>
    compatibility.some((hit) =>
      tokens[match.start]!.cjk
        ? hit.start === match.start || hit.end === match.start
        : hit.end <= match.start && match.start - hit.end <= COMPATIBILITY_REACH,
    );
  const shortCjk = (match: BrandMatch) => tokens[match.start]!.cjk && [...match.text].length <= SHORT_CJK_NAME;
  const titleHasLower = tokens.some((token) => !token.cjk && token.raw !== token.raw.toUpperCase());
  const titleHasUpper = tokens.some((token) => !token.cjk && token.raw !== token.raw.toLowerCase());
  // Copy wording says a brand is meant: "Jordan 4 replica", "Puma tee 1:1".
  const copyTerms = terms.some((hit) => {
    const kind = index.vocabulary.terms[hit.term]!.kind;
    return kind === 'replica' || kind === 'grade';
  });
  const copyWording = copyTerms || replicaChannel;

  // Once a brand is named to say what an item fits, its lines in the same title do the same
  // ("for iPhone … MagSafe").
  const fitted = new Set(matches.filter(isCompatibility).map((match) => match.brand));
  const byBrand = new Map<number, BrandMatch[]>();
  for (const match of matches) {
    if (isCompatibility(match) || (match.line !== undefined && fitted.has(match.brand))) continue;
    const list = byBrand.get(match.brand);
    if (list) list.push(match);
    else byBrand.set(match.brand, [match]);
  }

  const invocations: Invocation[] = [];
  const order = [...byBrand.keys()];
  if (fieldBrand !== undefined && !byBrand.has(fieldBrand)) order.unshift(fieldBrand);
  for (const b of order) {
    const brand = index.brands[b]!;
    const mentions = byBrand.get(b) ?? [];
    const byField = fieldBrand === b;
    const needsContext = (match: BrandMatch) => {
      if (match.line !== undefined) {
        const line = brand.lines?.[match.line];
        // Two characters of Chinese or Japanese are often an ordinary word (海马 is a seahorse):
        // even a distinctive line written so needs its kind of goods named.
        if (line?.distinctive) return shortCjk(match) && !categories.has(line.category);
        // Two of these point to the brand's model rather than the ordinary word: a model number
        // after the name, copy wording, its kind of goods named ("Dunk 2 sneakers", "Essentials tee
        // [Premium Quality]", "Dunk 2 replica").
        const numbered = MODEL_NUMBER.test(tokens[match.end]?.text ?? '');
        const ofItsKind = line !== undefined && categories.has(line.category);
        return [numbered, copyWording, ofItsKind].filter(Boolean).length < 2;
      }
      // Two characters are often an ordinary word too (苹果 apple, 小米 millet, 联想 associate).
      if (tokens[match.start]!.cjk) return brand.ambiguous === true || shortCjk(match);
      if (match.distance !== undefined) return true;
      return brand.ambiguous === true || match.text.replace(/[^\p{L}\p{N}]/gu, '').length <= SHORT_NAME;
    };
    // Written twice over ("Corteiz Corteiz", "GUCCIGUCCI"): nobody doubles an ordinary word so.
    const doubled = mentions.some(
      (match, i) =>
        mentions.some((other, j) => j !== i && other.start === match.end && other.line === match.line) ||
        tokens[match.start]!.parts?.length === 1,
    );
    // On a replica channel a Latin name means the brand; a short run of Chinese or Japanese there is
    // as often an ordinary word (a wholesale shop's own goods) as anywhere.
    const channelContext = replicaChannel && mentions.some((match) => !tokens[match.start]!.cjk);
    const strongContext =
      byField || copyTerms || channelContext || doubled || mentions.some((match) => match.line !== undefined);
    const categoryContext =
      Object.keys(brand.floors).some((category) => categories.has(category)) ||
      (brand.lines ?? []).some((line) => categories.has(line.category));
    const hasContext = strongContext || categoryContext;
    const setApart = (match: BrandMatch) =>
      titleHasLower && tokens.slice(match.start, match.end).every((token) => token.upper);
    // A short name in lower case where the title uses capitals is the ordinary word ("on", "mk").
    const lowerShort = (match: BrandMatch) =>
      titleHasUpper &&
      !tokens[match.start]!.cjk &&
      match.text.replace(/[^\p{L}\p{N}]/gu, '').length <= SHORT_NAME &&
      match.text === match.text.toLowerCase();
    const claims = mentions.filter(
      (match) => !lowerShort(match) && (!needsContext(match) || hasContext || setApart(match)),
    );
    if (claims.length === 0 && !byField) continue;
    // A line only counts beside a claim of the brand itself, unless the line is distinctive.
    const named = claims.some((match) => match.line === undefined || !needsContext(match));
    if (!named && !byField) continue;
    // Only a word of its kind of goods says that a name which is also a common word means the
    // brand ("Palace t-shirt", "Buckingham Palace souvenir t-shirt"): a guess that never warns High.
    const guessed = !strongContext && claims.every((match) => needsContext(match) && !setApart(match));
    invocations.push({ brand: b, mentions: claims.sort(byEvidence), byField, guessed });
  }
  // A line name that several brands share, claimed by no other mention, names none of them.
  const lineOnly = (invocation: Invocation) =>
    !invocation.byField && invocation.mentions.every((match) => match.line !== undefined);
  return invocations.filter(
    (invocation) =>
      !lineOnly(invocation) ||
      !invocations.some(
        (other) =>
          other !== invocation &&
          lineOnly(other) &&
          other.mentions.some((a) => invocation.mentions.some((b) => a.start === b.start && a.end === b.end)),
      ),
  );
}

const FORM_ORDER = ['masked', 'homoglyph', 'misspelling', 'exact', 'alias', 'line'];
const byEvidence = (a: BrandMatch, b: BrandMatch) => FORM_ORDER.indexOf(a.form) - FORM_ORDER.indexOf(b.form);
