import * as v from 'valibot';
import { MarketplaceSchema } from '../listing/listing';

/**
 * An audit session's counts as they go to the service, with the volunteer's consent: per brand
 * and marketplace, once each by its id (`<session id>-<n>`), dated the session's end. The
 * extension sends this shape and the service checks it.
 */
export const SharedCountsSchema = v.pipe(
  v.strictObject({
    id: v.pipe(v.string(), v.regex(/^[A-Za-z0-9-]{16,100}$/)),
    brand: v.pipe(v.string(), v.maxLength(80)),
    marketplace: MarketplaceSchema,
    seen: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1_000_000)),
    suspect: v.pipe(v.number(), v.integer(), v.minValue(0)),
    at: v.pipe(v.string(), v.isoTimestamp()),
  }),
  v.check((summary) => summary.suspect <= summary.seen, 'suspect listings cannot outnumber those seen'),
);
export type SharedCounts = v.InferOutput<typeof SharedCountsSchema>;
