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
}

/** How many words may stand between "for" and the brand it governs ("for iPhone 15, Samsung"). */
const COMPATIBILITY_REACH = 3;
/** Names this short ("LV", "MK") are too easily something else to count on their own. */
const SHORT_NAME = 3;
const SHORT_CJK_NAME = 2;

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
): Invocation[] {
  const compatibility = terms.filter((hit) => index.vocabulary.terms[hit.term]!.kind === 'compatibility');
  const isCompatibility = (match: BrandMatch) =>
    compatibility.some((hit) =>
      tokens[match.start]!.cjk
        ? hit.start === match.start || hit.end === match.start
        : hit.end <= match.start && match.start - hit.end <= COMPATIBILITY_REACH,
    );
  const titleHasLower = tokens.some((token) => !token.cjk && token.raw !== token.raw.toUpperCase());

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
      if (match.line !== undefined) return !brand.lines?.[match.line]?.distinctive;
      // Two characters are often an ordinary word too (苹果 apple, 小米 millet, 联想 associate).
      if (tokens[match.start]!.cjk) return brand.ambiguous === true || [...match.text].length <= SHORT_CJK_NAME;
      if (match.distance !== undefined) return true;
      return brand.ambiguous === true || match.text.replace(/[^\p{L}\p{N}]/gu, '').length <= SHORT_NAME;
    };
    const hasContext =
      byField ||
      mentions.some((match) => match.line !== undefined) ||
      Object.keys(brand.floors).some((category) => categories.has(category)) ||
      (brand.lines ?? []).some((line) => categories.has(line.category));
    const claims = mentions.filter(
      (match) =>
        !needsContext(match) ||
        hasContext ||
        (titleHasLower && tokens.slice(match.start, match.end).every((token) => token.upper)),
    );
    if (claims.length === 0 && !byField) continue;
    // A line only counts beside a claim of the brand itself, unless the line is distinctive.
    const named = claims.some((match) => match.line === undefined || !needsContext(match));
    if (!named && !byField) continue;
    invocations.push({ brand: b, mentions: claims.sort(byEvidence), byField });
  }
  return invocations;
}

const FORM_ORDER = ['masked', 'homoglyph', 'misspelling', 'exact', 'alias', 'line'];
const byEvidence = (a: BrandMatch, b: BrandMatch) => FORM_ORDER.indexOf(a.form) - FORM_ORDER.indexOf(b.form);
