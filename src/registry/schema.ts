import * as v from 'valibot';
import { CurrencySchema, MarketplaceSchema } from '../listing/listing';

const PresenceSchema = v.object({
  /** Whether the brand sells new goods on that marketplace at all. */
  sells: v.boolean(),
  /** Seller names the brand authorises there, as the marketplace prints them. */
  sellers: v.array(v.string()),
});

export const BrandSchema = v.object({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9-]+$/)),
  name: v.string(),
  aliases: v.array(v.string()),
  /** What a new genuine item costs at the least, in USD; an estimate, marked as such in the sources. */
  priceFloorUsd: v.optional(v.pipe(v.number(), v.minValue(0))),
  presence: v.record(MarketplaceSchema, PresenceSchema),
});
export type Brand = v.InferOutput<typeof BrandSchema>;

export const RegistrySchema = v.object({
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  /** Units of each currency per US dollar, to compare local prices with USD floors. */
  usdRates: v.record(CurrencySchema, v.pipe(v.number(), v.gtValue(0))),
  brands: v.array(BrandSchema),
});
export type Registry = v.InferOutput<typeof RegistrySchema>;
