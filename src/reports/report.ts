import * as v from 'valibot';
import { ListingKeySchema } from '../listing/key';
import { MARKETPLACES, MoneySchema } from '../listing/listing';
import { REASON_CODES } from '../risk/assessment';

/** What a report says about the listing, as the reporter's page showed it. */
const ReportedListingSchema = v.strictObject({
  key: ListingKeySchema,
  url: v.pipe(v.string(), v.url(), v.regex(/^https?:\/\//i, 'expected an http(s) address'), v.maxLength(2048)),
  title: v.pipe(v.string(), v.maxLength(1000)),
  price: v.optional(MoneySchema),
  seller: v.optional(v.pipe(v.string(), v.maxLength(300))),
  marketplace: v.picklist(MARKETPLACES),
});

export const REPORT_CATEGORIES = ['counterfeit', 'misleading', 'other'] as const;

const Id = v.pipe(
  v.string(),
  v.regex(/^[A-Za-z0-9-]{16,64}$/, 'expected a random id of 16 to 64 letters, digits or hyphens'),
);
const Params = v.record(
  v.pipe(v.string(), v.maxLength(40)),
  v.union([v.pipe(v.string(), v.maxLength(300)), v.pipe(v.number(), v.finite())]),
);

/**
 * One report, as the extension sends it and the companion service stores it. The `id` is the
 * client's idempotency key: the same id sent again is the same report.
 */
export const ReportSchema = v.strictObject({
  id: Id,
  reporterId: Id,
  /**
   * A secret only the reporter's extension holds, made for this report: taking the report back
   * needs it, so that whoever learns the reporter id cannot. The service keeps only its hash.
   */
  withdrawKey: v.optional(Id),
  listing: ReportedListingSchema,
  /** The registry brand id the assessment named, when it named one. */
  brand: v.optional(v.pipe(v.string(), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/), v.maxLength(80))),
  level: v.picklist(['high', 'caution', 'none', 'unknown']),
  reasons: v.pipe(v.array(v.strictObject({ code: v.picklist(REASON_CODES), params: Params })), v.maxLength(20)),
  registryVersion: v.pipe(v.number(), v.integer(), v.minValue(0)),
  category: v.picklist(REPORT_CATEGORIES),
  note: v.optional(v.pipe(v.string(), v.maxLength(2000))),
  createdAt: v.pipe(v.string(), v.isoTimestamp()),
  extensionVersion: v.pipe(v.string(), v.maxLength(40)),
  /** A PNG of the visible tab, only when the reporter turned screenshots on. */
  screenshot: v.optional(
    v.strictObject({
      base64: v.pipe(v.string(), v.maxLength(2_800_000), v.regex(/^[A-Za-z0-9+/]+={0,2}$/)),
      sha256: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/)),
    }),
  ),
});
export type Report = v.InferOutput<typeof ReportSchema>;

/**
 * A report as it is kept and listed: its screenshot, when it had one, named by its SHA-256 only,
 * and its withdrawal key left out (the service keeps its hash apart).
 */
export type ReportRecord = Omit<Report, 'screenshot' | 'withdrawKey'> & { screenshot?: { sha256: string } };

/** The record of a report: the screenshot's bytes and the withdrawal key left out, the image's hash kept. */
export function recordOf(report: Report | ReportRecord): ReportRecord {
  const { screenshot, withdrawKey: _, ...rest } = report as Report;
  return screenshot ? { ...rest, screenshot: { sha256: screenshot.sha256 } } : rest;
}

/** "This listing is genuine", from a shopper, sent the same way. */
export const FeedbackSchema = v.strictObject({
  id: Id,
  reporterId: Id,
  listing: ReportedListingSchema,
  brand: v.optional(v.pipe(v.string(), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/), v.maxLength(80))),
  registryVersion: v.pipe(v.number(), v.integer(), v.minValue(0)),
  note: v.optional(v.pipe(v.string(), v.maxLength(2000))),
  createdAt: v.pipe(v.string(), v.isoTimestamp()),
  extensionVersion: v.pipe(v.string(), v.maxLength(40)),
});
export type Feedback = v.InferOutput<typeof FeedbackSchema>;

export const REVIEW_STATUSES = ['open', 'confirmed', 'rejected'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/**
 * "I take this report back", from the reporter who sent it: the report's id is in the address,
 * and only the reporter id it was sent with can withdraw it.
 */
export const WithdrawalSchema = v.strictObject({
  reporterId: Id,
  /** The report's own withdrawal key, for reports sent with one (all from this version on). */
  withdrawKey: v.optional(Id),
});
