import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { Listing, Marketplace } from '../listing/listing';
import type { BrandMatch, TypoMemo } from '../matching/brand-names';
import type { MatchIndex } from '../matching/match-index';
import { foldPhrase, tokenise } from '../matching/normalise';
import type { TermHit } from '../matching/terms';
import type { Brand, Term, TermKind } from '../registry/schema';
import type { Assessment, Level, Reason } from './assessment';
import { type Invocation, invokedBrands } from './invoked';
import { DEFAULT_SETTINGS, type RiskSettings, THRESHOLDS } from './settings';

/** What the engine reads of a listing; everything but the title may be missing. */
export type AssessInput = Pick<Listing, 'title'> &
  Partial<Pick<Listing, 'key' | 'url' | 'brand' | 'price' | 'seller' | 'condition'>> & {
    marketplace?: Marketplace;
  };

/** Titles beyond this are cut: no real title is longer, and a hostile one must not cost more. */
const MAX_TITLE = 1000;

/** What each signal adds to the score (or takes from it). */
const WEIGHT = {
  counterfeit_terms: { strong: 70, medium: 45, weak: 25 },
  grade_tag: 45,
  lookalike_terms: { strong: 40, medium: 40, weak: 25 },
  /** By how far the price falls under the floor: under a quarter, a half, 70 %. */
  price_below_floor: [
    [0.25, 70],
    [0.5, 45],
    [0.7, 15],
  ],
  /** A second-hand item may sell far under the new price: only much lower prices count. */
  used_price_below_floor: [
    [0.15, 70],
    [0.3, 45],
  ],
  brand_disguised: { masked: 45, homoglyph: 45, misspelling: 35, typo: 25 },
  /**
   * Where marketplaces sell factory-direct, a brand's absence says much; where resellers of
   * genuine goods abound (grey-market perfume on Amazon), it says less on its own.
   */
  brand_absent_from_marketplace: { direct: 45, resale: 25 },
  fake_official_store: 50,
  seller_not_authorised: 20,
  bulk_luxury: 30,
  community_flagged: 80,
  honest_used: -10,
  honest_proof: -20,
} as const;

/** How much lower a price in a fast-falling currency must be before it counts. */
const VOLATILE_SCALE = 0.25;

/** Marketplaces where second-hand goods are common: a missing condition does not mean new. */
const RESALE: ReadonlySet<Marketplace> = new Set(['ebay', 'etsy', 'mercadolibre', 'shop']);
/** Marketplaces of factory-direct sellers, where genuine goods of absent brands are not resold. */
const FACTORY_DIRECT: ReadonlySet<Marketplace> = new Set(['aliexpress', 'alibaba', 'dhgate', 'temu']);

/**
 * Assesses one listing: which brand it invokes and whether it looks counterfeit, with every
 * reason as a code and its parameters. `unknown` when no brand of the registry is invoked.
 */
export function assess(
  listing: AssessInput,
  index: MatchIndex,
  settings: RiskSettings = DEFAULT_SETTINGS,
  memo: TypoMemo = new Map(),
): Assessment {
  const key = listing.key ?? '';
  const title = typeof listing.title === 'string' ? listing.title.slice(0, MAX_TITLE) : '';
  const tokens = tokenise(title);
  const matches = index.names.find(tokens, memo, index.plainWords);
  const fieldBrand = listing.brand ? index.names.brandNamed(listing.brand.slice(0, 200)) : undefined;
  if (matches.length === 0 && fieldBrand === undefined) return unknown(key);

  const terms = index.vocabulary.find(tokens);
  const categories = index.categories.find(tokens);
  const invocations = invokedBrands(index, tokens, matches, terms, categories, fieldBrand);
  if (invocations.length === 0) return unknown(key);

  const context: Context = { listing, index, tokens, matches, terms, categories };
  let best: Assessment | undefined;
  for (const invocation of invocations.slice(0, 3)) {
    const result = assessBrand(invocation, context, settings, key);
    if (!best || result.score > best.score) best = result;
  }
  return best!;
}

interface Context {
  listing: AssessInput;
  index: MatchIndex;
  tokens: ReturnType<typeof tokenise>;
  matches: readonly BrandMatch[];
  terms: readonly TermHit[];
  categories: ReadonlySet<string>;
}

function assessBrand(invocation: Invocation, context: Context, settings: RiskSettings, key: string): Assessment {
  const { listing, index, tokens, terms } = context;
  const brand = index.brands[invocation.brand]!;
  const mention = invocation.mentions[0];
  const reasons: Reason[] = [
    {
      code: 'brand_recognised',
      weight: 0,
      params: { brand: brand.name, form: mention?.form ?? 'exact', text: mention?.text ?? listing.brand ?? brand.name },
    },
  ];
  // A word inside a brand's name, or this brand's line, is not vocabulary (Margiela's line "Replica").
  const inName = (hit: TermHit) =>
    !tokens[hit.start]!.cjk &&
    context.matches.some(
      (match) =>
        (match.line === undefined || match.brand === invocation.brand) &&
        match.start < hit.end &&
        hit.start < match.end,
    );
  const found = (kind: TermKind) =>
    terms
      .filter((hit) => {
        const term = index.vocabulary.terms[hit.term]!;
        return term.kind === kind && (!term.groups || term.groups.includes(brand.group)) && !inName(hit);
      })
      .map((hit) => {
        const term = index.vocabulary.terms[hit.term]!;
        return { term, text: tokens[hit.start]!.cjk ? (term.term ?? '') : wordsOf(tokens, hit) };
      });

  const authorised = authorisation(brand, listing);
  if (authorised) {
    reasons.push(authorised);
    return finish(key, brand, reasons, settings);
  }

  const replica = strongest(found('replica'));
  if (replica) {
    reasons.push({
      code: 'counterfeit_terms',
      weight: WEIGHT.counterfeit_terms[replica.term.strength ?? 'medium'],
      params: { brand: brand.name, term: replica.text },
    });
  }
  const grade = found('grade')[0];
  if (grade) reasons.push({ code: 'grade_tag', weight: WEIGHT.grade_tag, params: { term: grade.text } });
  const lookalike = strongest(found('lookalike'));
  if (lookalike) {
    reasons.push({
      code: 'lookalike_terms',
      weight: WEIGHT.lookalike_terms[lookalike.term.strength ?? 'medium'],
      params: { brand: brand.name, term: lookalike.text },
    });
  }

  const used = listing.condition === 'used' || listing.condition === 'refurbished' || found('used').length > 0;
  // A part (an empty box, a dust bag) or an admitted look-alike is not priced like the product.
  if (!lookalike && found('part').length === 0) {
    const price = priceReason(brand, invocation, context, used);
    if (price) reasons.push(price);
  }

  const disguise = invocation.mentions.find((match) => ['masked', 'homoglyph', 'misspelling'].includes(match.form));
  if (disguise) {
    const form = disguise.distance !== undefined ? 'typo' : (disguise.form as 'masked' | 'homoglyph' | 'misspelling');
    reasons.push({
      code: 'brand_disguised',
      weight: WEIGHT.brand_disguised[form],
      params: { brand: brand.name, form: disguise.form, text: disguise.text },
    });
  }

  const marketplace = listing.marketplace;
  const presence = marketplace ? brand.presence?.[marketplace] : undefined;
  const isNew = listing.condition === 'new' || (!used && marketplace !== undefined && !RESALE.has(marketplace));
  // A listing that says it only resembles the brand claims nothing the brand's absence disproves.
  if (presence && !presence.sells && isNew && !lookalike) {
    reasons.push({
      code: 'brand_absent_from_marketplace',
      weight: WEIGHT.brand_absent_from_marketplace[FACTORY_DIRECT.has(marketplace!) ? 'direct' : 'resale'],
      params: { brand: brand.name, marketplace: marketplace! },
    });
  }
  const seller = listing.seller?.name;
  if (seller && presence && (presence.sellers?.length || !presence.sells) && claimsOfficial(seller, brand, index)) {
    reasons.push({
      code: 'fake_official_store',
      weight: WEIGHT.fake_official_store,
      params: { brand: brand.name, seller },
    });
  } else if (seller && presence?.exclusive) {
    reasons.push({
      code: 'seller_not_authorised',
      weight: WEIGHT.seller_not_authorised,
      params: { brand: brand.name, seller },
    });
  }

  const bulk = found('bulk')[0];
  if (bulk)
    reasons.push({ code: 'bulk_luxury', weight: WEIGHT.bulk_luxury, params: { brand: brand.name, term: bulk.text } });
  if (key && index.flagged.size > 0 && index.flagged.has(bytesToHex(sha256(utf8ToBytes(key))))) {
    reasons.push({ code: 'community_flagged', weight: WEIGHT.community_flagged, params: {} });
  }

  if (used) {
    const term = found('used')[0];
    reasons.push({
      code: 'honest_used',
      weight: WEIGHT.honest_used,
      params: { term: term?.text ?? listing.condition ?? '' },
    });
  }
  const proof = found('proof')[0];
  if (proof) reasons.push({ code: 'honest_proof', weight: WEIGHT.honest_proof, params: { term: proof.text } });
  return finish(key, brand, reasons, settings);
}

/** A seller the brand names for this marketplace, or the brand's own site, ends the assessment. */
function authorisation(brand: Brand, listing: AssessInput): Reason | undefined {
  const seller = listing.seller?.name;
  const sellers = (listing.marketplace && brand.presence?.[listing.marketplace]?.sellers) || [];
  if (seller && sellers.some((name) => foldPhrase(name) === foldPhrase(seller))) {
    return { code: 'seller_authorised', weight: 0, params: { seller } };
  }
  const host = hostOf(listing.url);
  const domain = host && brand.domains.find((d) => host === d || host.endsWith(`.${d}`));
  if (domain) return { code: 'official_site', weight: 0, params: { brand: brand.name, domain } };
  return undefined;
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

/** A seller calling itself the brand's official store ("Rolex Official Store", "耐克旗舰店"). */
function claimsOfficial(seller: string, brand: Brand, index: MatchIndex): boolean {
  const tokens = tokenise(seller);
  const official = index.vocabulary.find(tokens).some((hit) => index.vocabulary.terms[hit.term]!.kind === 'official');
  if (!official) return false;
  return index.names.find(tokens).some((match) => index.brands[match.brand] === brand && match.line === undefined);
}

function priceReason(brand: Brand, invocation: Invocation, context: Context, used: boolean): Reason | undefined {
  const price = context.listing.price;
  if (!price || !Number.isFinite(price.amount) || price.amount <= 0) return undefined;
  const rate = context.index.usdRates[price.currency];
  if (rate === undefined) return undefined;
  const floor = floorFor(brand, invocation, context.categories, context.index.categories.parts);
  if (!floor) return undefined;
  const ratio = price.amount / rate / floor.usd;
  const steps = used ? WEIGHT.used_price_below_floor : WEIGHT.price_below_floor;
  // A rate that may be months stale could make a fair price look a quarter of what it was.
  const scale = context.index.volatile.has(price.currency) ? VOLATILE_SCALE : 1;
  const weight = steps.find(([under]) => ratio < under * scale)?.[1];
  if (weight === undefined) return undefined;
  return {
    code: 'price_below_floor',
    weight,
    params: {
      brand: brand.name,
      price: price.amount,
      currency: price.currency,
      floor: Math.round(floor.usd * rate),
      percent: Math.round((1 - ratio) * 100),
      category: floor.category,
    },
  };
}

/**
 * The floor the price is held to: a named line's own floor, else the brand's floor for the
 * categories the title names; a title naming only categories the brand does not sell in is
 * about something else (no floor). Without a category word: the named lines' categories, else
 * the brand's lowest floor.
 */
function floorFor(brand: Brand, invocation: Invocation, named: ReadonlySet<string>, parts: ReadonlySet<string>) {
  // "iPhone 15 case": the title is about the case, whatever else it names.
  const categories = [...named].some((id) => parts.has(id)) ? new Set([...named].filter((id) => parts.has(id))) : named;
  const lines = invocation.mentions.flatMap((match) => (match.line !== undefined ? [brand.lines![match.line]!] : []));
  const line = lines.find((l) => l.floorUsd !== undefined && (categories.size === 0 || categories.has(l.category)));
  if (line) return { usd: line.floorUsd!, category: line.category };
  const floors = Object.entries(brand.floors);
  const held = categories.size > 0 ? categories : new Set(lines.map((l) => l.category));
  const candidates = held.size > 0 ? floors.filter(([category]) => held.has(category)) : floors;
  if (candidates.length === 0) return undefined;
  const [category, usd] = candidates.reduce((low, entry) => (entry[1] < low[1] ? entry : low));
  return { usd, category };
}

const STRENGTH = { strong: 3, medium: 2, weak: 1 } as const;
function strongest(found: { term: Term; text: string }[]) {
  return found.reduce<{ term: Term; text: string } | undefined>(
    (best, next) =>
      !best || STRENGTH[next.term.strength ?? 'medium'] > STRENGTH[best.term.strength ?? 'medium'] ? next : best,
    undefined,
  );
}

function wordsOf(tokens: ReturnType<typeof tokenise>, hit: TermHit): string {
  return tokens
    .slice(hit.start, hit.end)
    .map((token) => token.raw)
    .join(' ');
}

function finish(key: string, brand: Brand, reasons: Reason[], settings: RiskSettings): Assessment {
  return scored({ key, level: 'none', score: 0, brand: brand.name, reasons }, settings);
}

/** Sums the reasons' weights into the score and level (the reasons given, or added later). */
export function scored(assessment: Assessment, settings: RiskSettings): Assessment {
  const total = assessment.reasons.reduce((sum, reason) => sum + reason.weight, 0);
  const score = Math.max(0, Math.min(100, total));
  return { ...assessment, score, level: levelFor(score, settings) };
}

function levelFor(score: number, settings: RiskSettings): Level {
  const thresholds = THRESHOLDS[settings.sensitivity];
  if (score >= thresholds.high) return 'high';
  if (score >= thresholds.caution) return 'caution';
  return 'none';
}

const unknown = (key: string): Assessment => ({ key, level: 'unknown', score: 0, reasons: [] });
