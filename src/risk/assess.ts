import type { Listing } from '../listing/listing';
import { type BrandIndex, brandOf } from '../matching/brand-index';
import { normalise } from '../matching/normalise';
import type { Registry } from '../registry/schema';
import type { Assessment, Level, Reason } from './assessment';

/** Score thresholds. A single weak signal stays below caution: precision comes first. */
const HIGH = 70;
const CAUTION = 40;

const WEIGHTS = {
  seller_not_authorised: 15,
  brand_absent_from_marketplace: 40,
  price_below_floor: 45,
} as const;

export function assess(listing: Listing, registry: Registry, index: BrandIndex): Assessment {
  const brand = brandOf(index, listing.brand);
  if (!brand) return { key: listing.key, level: 'unknown', score: 0, reasons: [] };

  const reasons: Reason[] = [{ code: 'brand_recognised', weight: 0, params: { brand: brand.name } }];
  const presence = brand.presence[listing.marketplace];
  const seller = listing.seller?.name;
  const authorised =
    seller !== undefined && (presence?.sellers ?? []).some((name) => normalise(name) === normalise(seller));

  if (authorised) {
    reasons.push({ code: 'seller_authorised', weight: 0, params: { seller } });
  } else {
    if (presence && !presence.sells) {
      reasons.push({
        code: 'brand_absent_from_marketplace',
        weight: WEIGHTS.brand_absent_from_marketplace,
        params: { brand: brand.name, marketplace: listing.marketplace },
      });
    } else if (seller !== undefined && presence) {
      reasons.push({
        code: 'seller_not_authorised',
        weight: WEIGHTS.seller_not_authorised,
        params: { brand: brand.name, seller },
      });
    }
    const floor = localFloor(brand.priceFloorUsd, listing.price?.currency, registry);
    if (listing.price && floor !== undefined && listing.price.amount < floor) {
      reasons.push({
        code: 'price_below_floor',
        weight: WEIGHTS.price_below_floor,
        params: { price: listing.price.amount, floor, currency: listing.price.currency, brand: brand.name },
      });
    }
  }

  const score = Math.min(
    100,
    reasons.reduce((sum, reason) => sum + reason.weight, 0),
  );
  return { key: listing.key, level: levelFor(score), score, brand: brand.name, reasons };
}

function levelFor(score: number): Level {
  if (score >= HIGH) return 'high';
  if (score >= CAUTION) return 'caution';
  return 'none';
}

/** The USD floor in the listing's currency, rounded to whole units; undefined without a rate. */
function localFloor(floorUsd: number | undefined, currency: string | undefined, registry: Registry) {
  if (floorUsd === undefined || currency === undefined) return undefined;
  const rate = registry.usdRates[currency];
  return rate === undefined ? undefined : Math.round(floorUsd * rate);
}
