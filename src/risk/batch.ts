import type { MatchIndex } from '../matching/match-index';
import { foldPhrase } from '../matching/normalise';
import { type AssessInput, assess, scored } from './assess';
import type { Assessment } from './assessment';
import { DEFAULT_SETTINGS, type RiskSettings } from './settings';

/** A seller showing at least this many brands, this many of its listings far under their floors … */
const PATTERN_BRANDS = 3;
const PATTERN_BELOW = 3;
/** … or, whatever its brands, this many listings far under their floors … */
const PATTERN_BELOW_ANY = 5;
/** … and at least this share of its branded listings so: */
const PATTERN_SHARE = 0.5;
/** A price under half the floor: the weight the engine gives it. */
const FAR_BELOW = 45;
const SELLER_PATTERN_WEIGHT = 40;

/**
 * Assesses listings seen together (a page, a file), then looks at each seller across them: a
 * seller offering many brands, or many listings, most of them far under what the genuine item
 * costs, is a replica shop, and its other branded listings share the doubt even where their own
 * price says little ("Premium Collection", no category to price against).
 */
export function assessAll(
  listings: readonly AssessInput[],
  index: MatchIndex,
  settings: RiskSettings = DEFAULT_SETTINGS,
): Assessment[] {
  const memo = new Map();
  const assessments = listings.map((listing) => assess(listing, index, settings, memo));
  const sellers = new Map<string, { brands: Set<string>; branded: number; below: number }>();
  const sellerOf = listings.map((listing) => (listing.seller?.name ? foldPhrase(listing.seller.name) : ''));
  assessments.forEach((assessment, i) => {
    const seller = sellerOf[i]!;
    if (!seller || !assessment.brand) return;
    const profile = sellers.get(seller) ?? { brands: new Set(), branded: 0, below: 0 };
    profile.brands.add(assessment.brand);
    profile.branded++;
    if (assessment.reasons.some((reason) => reason.code === 'price_below_floor' && reason.weight >= FAR_BELOW)) {
      profile.below++;
    }
    sellers.set(seller, profile);
  });
  return assessments.map((assessment, i) => {
    const profile = sellers.get(sellerOf[i]!);
    if (!profile || !assessment.brand) return assessment;
    const { brands, branded, below } = profile;
    const many = (brands.size >= PATTERN_BRANDS && below >= PATTERN_BELOW) || below >= PATTERN_BELOW_ANY;
    if (!many || below / branded < PATTERN_SHARE) return assessment;
    if (assessment.reasons.some((reason) => reason.code === 'seller_authorised' || reason.code === 'official_site')) {
      return assessment;
    }
    return scored(
      {
        ...assessment,
        reasons: [
          ...assessment.reasons,
          {
            code: 'seller_pattern',
            weight: SELLER_PATTERN_WEIGHT,
            params: { seller: listings[i]!.seller!.name, brands: brands.size, below },
          },
        ],
      },
      settings,
    );
  });
}
