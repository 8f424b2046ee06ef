import * as v from 'valibot';
import { ListingKeySchema } from './key';

/** ISO 4217 code: three capital letters. */
export const CurrencySchema = v.pipe(v.string(), v.regex(/^[A-Z]{3}$/));

/**
 * `fixed`: the price to buy now; `bid`: an auction's current bid; `start`: an auction's opening
 * bid; `range`: the low end of several variants' prices; `tier`: a per-piece price that holds
 * only from a minimum order.
 */
export const PRICE_KINDS = ['fixed', 'bid', 'start', 'range', 'tier'] as const;
export type PriceKind = (typeof PRICE_KINDS)[number];

/** The item's condition as the page states it. */
export const CONDITIONS = ['new', 'open_box', 'refurbished', 'used', 'parts'] as const;
export type Condition = (typeof CONDITIONS)[number];

export const MoneySchema = v.object({
  amount: v.pipe(v.number(), v.finite(), v.minValue(0)),
  currency: CurrencySchema,
  /** The high end when the page shows a range; `amount` is then the low end. */
  max: v.optional(v.pipe(v.number(), v.finite(), v.minValue(0))),
  /** What the amount is, where the page says: not every number beside a listing is what it sells for. */
  kind: v.optional(v.picklist(PRICE_KINDS)),
});
export type Money = v.InferOutput<typeof MoneySchema>;

const SellerSchema = v.object({
  name: v.pipe(v.string(), v.maxLength(300)),
  id: v.optional(v.pipe(v.string(), v.maxLength(100))),
  official: v.optional(v.boolean()),
  rating: v.optional(v.number()),
  ratingCount: v.optional(v.number()),
});
export type Seller = v.InferOutput<typeof SellerSchema>;

export const MARKETPLACES = [
  'amazon',
  'ebay',
  'aliexpress',
  'alibaba',
  'walmart',
  'etsy',
  'flipkart',
  'temu',
  'dhgate',
  'mercadolibre',
  /** Any other shop, read through its schema.org data. */
  'shop',
] as const;
export const MarketplaceSchema = v.picklist(MARKETPLACES);
export type Marketplace = v.InferOutput<typeof MarketplaceSchema>;

/**
 * What one listing on a page says about itself. Page text is untrusted: every string is
 * bounded so that a hostile page cannot make the worker hold megabytes per listing.
 */
export const ListingSchema = v.strictObject({
  marketplace: MarketplaceSchema,
  key: ListingKeySchema,
  url: v.pipe(v.string(), v.url(), v.regex(/^https?:\/\//i, 'expected an http(s) address'), v.maxLength(2048)),
  kind: v.picklist(['detail', 'card']),
  title: v.pipe(v.string(), v.maxLength(1000)),
  brand: v.optional(v.pipe(v.string(), v.maxLength(200))),
  price: v.optional(MoneySchema),
  seller: v.optional(SellerSchema),
  images: v.optional(v.pipe(v.array(v.pipe(v.string(), v.maxLength(2048))), v.maxLength(20))),
  gtin: v.optional(v.pipe(v.string(), v.regex(/^\d{8,14}$/))),
  condition: v.optional(v.picklist(CONDITIONS)),
  /** The texts of the reviews shown on a product page (a few dozen at most), read without extra requests. */
  reviews: v.optional(v.pipe(v.array(v.pipe(v.string(), v.maxLength(600))), v.maxLength(40))),
  /** A card the marketplace marks as sponsored (an advertisement in the results). */
  sponsored: v.optional(v.boolean()),
});
export type Listing = v.InferOutput<typeof ListingSchema>;
