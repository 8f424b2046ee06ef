import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { hostUnder } from '../listing/hosts';
import type { Listing, Marketplace } from '../listing/listing';
import type { BrandMatch, TypoMemo } from '../matching/brand-names';
import type { MatchIndex } from '../matching/match-index';
import { foldPhrase, type Token, tokenise } from '../matching/normalise';
import type { TermHit } from '../matching/terms';
import type { Brand, Channel, Line, Term, TermKind } from '../registry/schema';
import type { Assessment, Level, Reason } from './assessment';
import { type Invocation, invokedBrands } from './invoked';
import { DEFAULT_SETTINGS, type RiskSettings, THRESHOLDS } from './settings';

/** What the engine reads of a listing; everything but the title may be missing. */
export type AssessInput = Pick<Listing, 'title'> &
  Partial<Pick<Listing, 'key' | 'url' | 'brand' | 'price' | 'seller' | 'condition' | 'reviews'>> & {
    marketplace?: Marketplace;
    /** A sales channel of the registry (by id), where the listing's source names one its address does not show. */
    channel?: string;
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
  /** By how far the price falls under the named model's retail price: a tenth, a quarter. */
  price_below_retail: [
    [0.1, 70],
    [0.25, 45],
  ],
  /** A second-hand, off-price or old item never reaches High on its price alone. */
  second_hand_price_cap: 45,
  /** Copy wording with no brand of the registry named: a finding, below every sensitivity's High. */
  replica_wording: 45,
  /** The share of the visible reviews that say fake: a tenth, a quarter. */
  reviews_say_fake: [
    [0.25, 45],
    [0.1, 25],
  ],
  sold_on_replica_channel: 45,
  brand_disguised: { masked: 45, homoglyph: 45, misspelling: 35, typo: 25 },
  /**
   * Where marketplaces sell factory-direct, a brand's absence says much; where resellers of
   * genuine goods abound (grey-market perfume on Amazon), it says less on its own.
   */
  brand_absent_from_marketplace: { direct: 45, resale: 25 },
  fake_official_store: 50,
  seller_not_authorised: 20,
  bulk_luxury: 30,
  /** Reports from shoppers alone: a Caution at every sensitivity, never High on its own. */
  community_flagged: 55,
  community_confirmed: 80,
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
  const terms = index.vocabulary.find(tokens);
  if (matches.length === 0 && fieldBrand === undefined) return copyWording(key, tokens, terms, index, settings);

  const { named: categories, head } = index.categories.find(tokens);
  const channel =
    (listing.channel ? index.channels.named(listing.channel) : undefined) ?? index.channels.ofUrl(listing.url);
  const replicaChannel = channel?.kind === 'replica';
  const invocations = invokedBrands(index, tokens, matches, terms, categories, fieldBrand, replicaChannel);
  if (invocations.length === 0) return copyWording(key, tokens, terms, index, settings);
  // Reviews speak of the listing, whichever brand it invokes: read once.
  const reviews = reviewsReason(listing, index);
  const context: Context = { listing, index, tokens, matches, terms, categories, head, channel, reviews };
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
  /** The categories of what the listing is, not of what it holds or fits. */
  head: ReadonlySet<string>;
  channel: Channel | undefined;
  reviews: Reason | undefined;
}

/**
 * Where no registry brand is named, unmistakable copy wording (replica, 1:1, 高仿; the
 * vocabulary marks such terms `alone`) is still a finding: Caution with its words, never High.
 */
function copyWording(
  key: string,
  tokens: readonly Token[],
  terms: readonly TermHit[],
  index: MatchIndex,
  settings: RiskSettings,
): Assessment {
  const hit = terms.find((found) => {
    const term = index.vocabulary.terms[found.term]!;
    return term.alone === true && (term.kind === 'replica' || term.kind === 'grade');
  });
  if (!hit) return unknown(key);
  const term = index.vocabulary.terms[hit.term]!;
  const text = tokens[hit.start]!.cjk ? (term.term ?? '') : wordsOf(tokens, hit);
  const reason: Reason = { code: 'replica_wording', weight: WEIGHT.replica_wording, params: { term: text } };
  return scored({ key, level: 'none', score: 0, reasons: [reason] }, settings);
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

  const used = (listing.condition !== undefined && listing.condition !== 'new') || found('used').length > 0;
  // A part (an empty box, a dust bag) or an admitted look-alike is not priced like the product.
  if (!lookalike && found('part').length === 0) {
    const price = priceReason(brand, invocation, context, used, found('smaller').length > 0);
    if (price) reasons.push(price);
  }
  if (context.reviews) reasons.push(context.reviews);
  if (context.channel?.kind === 'replica') {
    reasons.push({
      code: 'sold_on_replica_channel',
      weight: WEIGHT.sold_on_replica_channel,
      params: { brand: brand.name, channel: context.channel.name },
    });
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
    // Goods that age (phones, laptops) are resold refurbished even on factory-direct marketplaces:
    // unless the page says new, the brand's absence says less.
    const refurbishable = listing.condition !== 'new' && ages(context, brand);
    reasons.push({
      code: 'brand_absent_from_marketplace',
      weight:
        WEIGHT.brand_absent_from_marketplace[FACTORY_DIRECT.has(marketplace!) && !refurbishable ? 'direct' : 'resale'],
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
  const hashed =
    key && (index.flagged.size > 0 || index.confirmed.size > 0) ? bytesToHex(sha256(utf8ToBytes(key))) : '';
  const confirmedFor = hashed ? index.confirmed.get(hashed) : undefined;
  if (confirmedFor !== undefined) {
    const by = index.brands.find((known) => known.id === confirmedFor)?.name ?? confirmedFor;
    reasons.push({ code: 'community_confirmed', weight: WEIGHT.community_confirmed, params: { brand: by } });
  } else if (hashed && index.flagged.has(hashed)) {
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
  if (!invocation.guessed) return finish(key, brand, reasons, settings);
  // A brand only guessed from a common word beside its kind of goods ("Buckingham Palace souvenir
  // t-shirt"): its price or absence says nothing until something else says copy, and even then
  // it is never worth more than Caution.
  const other = reasons.some((reason) => reason.weight > 0 && !GUESS_BLIND.has(reason.code));
  const assessed = finish(key, brand, other ? reasons : reasons.filter((r) => !GUESS_BLIND.has(r.code)), settings);
  return assessed.level === 'high' ? belowHigh(assessed, settings) : assessed;
}

/** Reasons that hold only if the listing really is the brand's: no use for a brand only guessed. */
const GUESS_BLIND: ReadonlySet<Reason['code']> = new Set([
  'price_below_floor',
  'price_below_retail',
  'brand_absent_from_marketplace',
  'seller_not_authorised',
]);

function belowHigh(assessment: Assessment, settings: RiskSettings): Assessment {
  return { ...assessment, level: 'caution', score: THRESHOLDS[settings.sensitivity].high - 1 };
}

/** A seller the brand names for this marketplace, or the brand's own site, ends the assessment. */
function authorisation(brand: Brand, listing: AssessInput): Reason | undefined {
  const seller = listing.seller?.name;
  const sellers = (listing.marketplace && brand.presence?.[listing.marketplace]?.sellers) || [];
  if (seller && sellers.some((name) => foldPhrase(name) === foldPhrase(seller))) {
    return { code: 'seller_authorised', weight: 0, params: { seller } };
  }
  const host = hostOf(listing.url);
  const domain = host && hostUnder(host, brand.domains);
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

/** Whether the listing is about goods that lose value as newer models come out. */
function ages(context: Context, brand: Brand): boolean {
  const { ages } = context.index.categories;
  if (ages.size === 0) return false;
  if ([...context.head].some((id) => ages.has(id))) return true;
  return context.head.size === 0 && Object.keys(brand.floors).every((id) => ages.has(id));
}

const YEAR = /^(?:19|20)\d\d$/;
/** A model designation: a short word with digits ("8", "s8", "a52", "x200"), not a size or a count. */
const MODEL = /^(?=[a-z]{0,3}\d)[a-z0-9]{1,6}$/;
const MEASURE = /^\d+(?:gb|tb|mb|mah|mm|cm|m|w|v|hz|g|kg|ml|l|pcs|pc|pack|x)$/;
/** How many words after a brand's or line's name its model designation may stand ("Galaxy Tab S8"). */
const MODEL_REACH = 2;
/** A model this many years old or more is not priced as a new one. */
const OLD_MODEL_YEARS = 3;

/**
 * Whether the item is an older model than the registry's current ones: a line released years
 * ago, a model year years back, or a model designation after a line or brand name that the
 * registry does not know as a line of its own ("Galaxy S8" where only recent ones are listed).
 */
function olderModel(context: Context, invocation: Invocation, line: Line | undefined): boolean {
  const { tokens, index } = context;
  if (line?.released !== undefined && index.asOfYear - line.released >= OLD_MODEL_YEARS) return true;
  if (tokens.some((token) => YEAR.test(token.text) && index.asOfYear - Number(token.text) >= OLD_MODEL_YEARS)) {
    return true;
  }
  const known = context.matches.filter((match) => match.brand === invocation.brand && match.line !== undefined);
  return invocation.mentions.some((mention) =>
    tokens.slice(mention.end, mention.end + MODEL_REACH).some((next, i) => {
      if (next.cjk || !MODEL.test(next.text) || YEAR.test(next.text) || MEASURE.test(next.text)) return false;
      const at = mention.end + i;
      // The designation is part of a line the listing also names ("iPhone 15"): a known model.
      return !known.some((other) => other.start <= at && at < other.end);
    }),
  );
}

/**
 * The most specific line the listing names: the one written with the most words or letters
 * ("Air Jordan 4" over "Air Jordan"), among those of the categories the listing is about.
 */
function namedLine(brand: Brand, invocation: Invocation, categories: ReadonlySet<string>): Line | undefined {
  const lines = invocation.mentions
    .filter((match) => match.line !== undefined)
    .map((match) => ({ line: brand.lines![match.line!]!, span: match.end - match.start, size: match.text.length }))
    .filter(({ line }) => categories.size === 0 || categories.has(line.category))
    .sort((a, b) => b.span - a.span || b.size - a.size);
  return lines[0]?.line;
}

function priceReason(
  brand: Brand,
  invocation: Invocation,
  context: Context,
  used: boolean,
  smaller: boolean,
): Reason | undefined {
  const { listing, index } = context;
  const price = listing.price;
  if (!price || !Number.isFinite(price.amount) || price.amount <= 0) return undefined;
  // A bid is what the auction stands at, not what the item sells for; parts are not the product.
  if (price.kind === 'bid' || price.kind === 'start' || listing.condition === 'parts') return undefined;
  const rate = index.usdRates[price.currency];
  if (rate === undefined) return undefined;
  // A range's low end may be another variant (a strap, a sample): the high end is the product.
  const amount = price.kind === 'range' ? (price.max ?? price.amount) : price.amount;
  const categories = pricedCategories(context.categories, context.head, index.categories.parts);
  const line = namedLine(brand, invocation, categories);
  const floor = floorFor(brand, invocation, line, categories);
  if (!floor) return undefined;
  // An older model than the registry's current ones has no floor of today to be held to.
  if (ages(context, brand) && olderModel(context, invocation, line)) return undefined;
  const offPrice = context.channel?.kind === 'authorised';
  const secondHand = used || offPrice;
  // Where people resell their own goods, a listing that states no condition may well be
  // second-hand: its price alone never makes it High.
  const unstated =
    listing.condition === undefined && listing.marketplace !== undefined && RESALE.has(listing.marketplace);
  // A rate that may be months stale could make a fair price look a quarter of what it was.
  const scale = index.volatile.has(price.currency) ? VOLATILE_SCALE : 1;
  const step = (steps: readonly (readonly [number, number])[], ratio: number) =>
    steps.find(([under]) => ratio < under * scale)?.[1];

  const usd = amount / rate;
  const floorRatio = usd / floor.usd;
  const byFloor = step(secondHand ? WEIGHT.used_price_below_floor : WEIGHT.price_below_floor, floorRatio);
  // Retail is what a new item of that very model costs: only a new, fixed-price, full-size item is held to it.
  const retail = !secondHand && !smaller && price.kind !== 'tier' && line?.retail ? line.retail : undefined;
  const retailRatio = retail ? usd / retail.usd : Number.POSITIVE_INFINITY;
  const byRetail = retail ? step(WEIGHT.price_below_retail, retailRatio) : undefined;
  if (byFloor === undefined && byRetail === undefined) return undefined;
  const cap = secondHand || unstated ? WEIGHT.second_hand_price_cap : Number.POSITIVE_INFINITY;
  if (byRetail !== undefined && byRetail > (byFloor ?? 0)) {
    return {
      code: 'price_below_retail',
      weight: Math.min(cap, byRetail),
      params: {
        brand: brand.name,
        price: amount,
        currency: price.currency,
        retail: Math.round(retail!.usd * rate),
        percent: Math.round((1 - retailRatio) * 100),
        line: line!.name,
        source: `${retail!.source} (${retail!.asOf})`,
      },
    };
  }
  return {
    code: 'price_below_floor',
    weight: Math.min(cap, byFloor!),
    params: {
      brand: brand.name,
      price: amount,
      currency: price.currency,
      floor: Math.round(floor.usd * rate),
      percent: Math.round((1 - floorRatio) * 100),
      category: floor.category,
      ...(floor.line ? { line: floor.line } : {}),
    },
  };
}

/**
 * What the price is held to: a part the title names anywhere ("clear case for iPhone 15": the
 * case, whatever else it names), else the categories of what the listing is.
 */
function pricedCategories(
  named: ReadonlySet<string>,
  head: ReadonlySet<string>,
  parts: ReadonlySet<string>,
): ReadonlySet<string> {
  const held = [...named].filter((id) => parts.has(id));
  return held.length > 0 ? new Set(held) : head;
}

/**
 * The floor the price is held to: the named line's own floor, else the brand's floor for the
 * categories the listing is about; a listing about categories the brand does not sell in is
 * about something else (no floor). Without a category word: the named line's category, else
 * the brand's lowest floor.
 */
function floorFor(brand: Brand, invocation: Invocation, line: Line | undefined, categories: ReadonlySet<string>) {
  if (line?.floorUsd !== undefined) return { usd: line.floorUsd, category: line.category, line: line.name };
  const floors = Object.entries(brand.floors);
  const lines = invocation.mentions.flatMap((match) => (match.line !== undefined ? [brand.lines![match.line]!] : []));
  const held = categories.size > 0 ? categories : new Set(lines.map((l) => l.category));
  const candidates = held.size > 0 ? floors.filter(([category]) => held.has(category)) : floors;
  if (candidates.length === 0) return undefined;
  const [category, usd] = candidates.reduce((low, entry) => (entry[1] < low[1] ? entry : low));
  return { usd, category, line: undefined };
}

/** Reviews this few say too little to count. */
const MIN_REVIEWS = 3;
const MIN_FAKE_REVIEWS = 2;
/** How many words before a phrase a "not" may stand and still deny it ("not a fake"). */
const NEGATION_REACH = 3;

/**
 * The share of the page's visible reviews that say the item is not genuine, in the
 * vocabulary's languages; a review that denies it ("not fake at all") does not count.
 */
function reviewsReason(listing: AssessInput, index: MatchIndex): Reason | undefined {
  const reviews = listing.reviews?.slice(0, 40) ?? [];
  if (reviews.length < MIN_REVIEWS) return undefined;
  const { vocabulary } = index;
  let fake = 0;
  let said = '';
  for (const review of reviews) {
    const tokens = tokenise(review.slice(0, 600));
    const hits = vocabulary.find(tokens);
    const negations = hits.filter((hit) => vocabulary.terms[hit.term]!.kind === 'negation');
    const claim = hits.find(
      (hit) =>
        vocabulary.terms[hit.term]!.kind === 'review_fake' &&
        !negations.some((not) =>
          tokens[hit.start]!.cjk
            ? not.start === hit.start
            : not.end <= hit.start && hit.start - not.end < NEGATION_REACH,
        ),
    );
    if (!claim) continue;
    fake++;
    said ||= tokens[claim.start]!.cjk ? (vocabulary.terms[claim.term]!.term ?? '') : wordsOf(tokens, claim);
  }
  if (fake < MIN_FAKE_REVIEWS) return undefined;
  const weight = WEIGHT.reviews_say_fake.find(([share]) => fake / reviews.length >= share)?.[1];
  if (weight === undefined) return undefined;
  return { code: 'reviews_say_fake', weight, params: { fake, read: reviews.length, term: said } };
}

const STRENGTH = { strong: 3, medium: 2, weak: 1 } as const;
function strongest(found: { term: Term; text: string }[]) {
  return found.reduce<{ term: Term; text: string } | undefined>(
    (best, next) =>
      !best || STRENGTH[next.term.strength ?? 'medium'] > STRENGTH[best.term.strength ?? 'medium'] ? next : best,
    undefined,
  );
}

function wordsOf(tokens: readonly Token[], hit: TermHit): string {
  return tokens
    .slice(hit.start, hit.end)
    .map((token) => token.raw)
    .join(' ');
}

function finish(key: string, brand: Brand, reasons: Reason[], settings: RiskSettings): Assessment {
  return scored({ key, level: 'none', score: 0, brand: brand.id, reasons }, settings);
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
