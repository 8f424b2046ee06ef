import { createHash } from 'node:crypto';
import { type Feedback, type Report, type ReviewStatus, recordOf } from '../../../src/reports/report';
import type {
  FlaggedListing,
  RegistryArtifact,
  RegistryPatch,
  ReporterAccuracy,
  Stats,
  StoredReport,
  VolunteerToken,
} from './types';

/** The columns a report is stored in, in the order of `reportValues`. */
export const REPORT_INSERT_COLUMNS =
  'id, brand, marketplace, listing_key, reporter_id, received_at, received_ms, body, origin, screenshot_sha256, withdraw_hash';

/**
 * A report's values for `REPORT_INSERT_COLUMNS`: its record as the body (no screenshot bytes, no
 * withdrawal key), the key's hash and the network it came from kept apart.
 */
export function reportValues(report: Report, receivedAt: string, origin: string | undefined) {
  return [
    report.id,
    report.brand ?? null,
    report.listing.marketplace,
    report.listing.key,
    report.reporterId,
    receivedAt,
    receivedMs(receivedAt),
    JSON.stringify(recordOf(report)),
    origin ?? null,
    report.screenshot?.sha256 ?? null,
    keyHash(report.withdrawKey),
  ] as const;
}

/** The report columns both databases read back, in this order. */
export const REPORT_COLUMNS = 'body, status, received_at, review_note, reviewed_by, reviewed_at, withdrawn_at';

/**
 * The condition, in both dialects, that a report still counts: its reporter has not withdrawn it.
 * Every query that lists, counts, flags or reviews reports has it; only the by-id reads do not.
 */
export const NOT_WITHDRAWN = 'withdrawn_at IS NULL';

/**
 * Listings that shoppers reported and no volunteer has judged: at least `minReporters` distinct
 * reporter ids AND as many distinct origins (networks) among the reports not withdrawn and not
 * older than `sinceMs`, so that ids made up on one machine count once. A listing with any verdict
 * is not among them: a confirmed one is listed apart, a rejected one stays cleared (a reporter
 * cannot undo a rejection by withdrawing). `p(n)` writes the dialect's n-th parameter:
 * 1 is minReporters, 2 is sinceMs. The most reported first.
 */
export function communitySql(p: (n: number) => string): string {
  const live = `${NOT_WITHDRAWN} AND received_ms >= ${p(2)}`;
  return `SELECT listing_key, MIN(brand) AS brand, COUNT(DISTINCT CASE WHEN ${live} THEN reporter_id END) AS reporters
    FROM reports GROUP BY listing_key
    HAVING COUNT(DISTINCT CASE WHEN ${live} THEN reporter_id END) >= ${p(1)}
      AND COUNT(DISTINCT CASE WHEN ${live} THEN origin END) >= ${p(1)}
      AND SUM(CASE WHEN status = 'open' THEN 0 ELSE 1 END) = 0
      AND listing_key NOT IN (${UPHELD_SQL})`;
}

/** Listings a volunteer upheld a seller's appeal about: flagged no more, by reports or confirmation. */
export const UPHELD_SQL = "SELECT listing_key FROM appeals WHERE status = 'upheld'";

/** Listings a volunteer confirmed (their verdict stands, whoever withdraws), with the brand confirmed. */
export const CONFIRMED_SQL = `SELECT listing_key, MIN(brand) AS brand FROM reports WHERE status = 'confirmed'
    AND listing_key NOT IN (${UPHELD_SQL})
  GROUP BY listing_key`;

export interface FlaggedRow {
  listing_key: string;
  brand: string | null;
  reporters?: number | string;
}

export function toFlagged(row: FlaggedRow): FlaggedListing {
  return {
    key: row.listing_key,
    ...(row.brand ? { brand: row.brand } : {}),
    ...(row.reporters !== undefined ? { reporters: Number(row.reporters) } : {}),
  };
}

/**
 * reporterAccuracy's query, the same for both dialects but for how each names the reporter
 * parameter and tests a report's brand against a list: one reporter's reports about those
 * brands, withdrawn ones left out, counted by status. A report without a brand never counts.
 */
export const accuracySql = (reporterParameter: string, brandInList: string) =>
  `SELECT status, COUNT(*) AS n FROM reports
   WHERE reporter_id = ${reporterParameter} AND ${brandInList} AND ${NOT_WITHDRAWN}
   GROUP BY status`;

/** Row shapes and conversions the SQLite and PostgreSQL sides share, so both read back the same. */

export interface ReportRow {
  body: string;
  status: string;
  received_at: string;
  review_note: string | null;
  reviewed_by: string | null;
  reviewed_at: string | null;
  withdrawn_at: string | null;
}

/** The token columns both databases write and read, in this order. */
export const TOKEN_COLUMNS = 'hash, name, brands, created_at, expires_at, admin';

export interface TokenRow {
  hash: string;
  name: string;
  brands: string;
  created_at: string;
  expires_at: string | null;
  /** 0 or 1 in SQLite, a boolean in PostgreSQL. */
  admin: number | boolean;
}

export interface ArtifactRow {
  version: number | string;
  body: string;
  etag: string;
  published_at: string;
}

export interface PatchRow {
  from_version: number | string;
  to_version: number | string;
  body: string;
}

export interface CountRow {
  marketplace: string;
  status: string;
  n: number | string;
}

export interface StatusCountRow {
  status: string;
  n: number | string;
}

/** A reporter's counts by status (rows of status and count, any missing status none). */
export function buildAccuracy(reporterId: string, counts: StatusCountRow[]): ReporterAccuracy {
  const by: Record<ReviewStatus, number> = { open: 0, confirmed: 0, rejected: 0 };
  for (const row of counts) by[row.status as ReviewStatus] += Number(row.n);
  return {
    reporterId,
    confirmed: by.confirmed,
    rejected: by.rejected,
    open: by.open,
    reviewed: by.confirmed + by.rejected,
  };
}

export function toStoredReport(row: ReportRow): StoredReport {
  const stored: StoredReport = {
    // Reports kept before screenshots were apart still hold the image in their body.
    report: recordOf(JSON.parse(row.body) as Report),
    status: row.status as ReviewStatus,
    receivedAt: row.received_at,
  };
  if (row.reviewed_at !== null) {
    stored.review = { note: row.review_note ?? '', by: row.reviewed_by ?? '', at: row.reviewed_at };
  }
  if (row.withdrawn_at !== null) stored.withdrawnAt = row.withdrawn_at;
  return stored;
}

export const toFeedback = (row: { body: string }) => JSON.parse(row.body) as Feedback;

export function toToken(row: TokenRow): VolunteerToken {
  const token: VolunteerToken = {
    hash: row.hash,
    name: row.name,
    brands: JSON.parse(row.brands) as string[],
    createdAt: row.created_at,
  };
  if (row.expires_at !== null) token.expiresAt = row.expires_at;
  if (row.admin === 1 || row.admin === true) token.admin = true;
  return token;
}

export const toArtifact = (row: ArtifactRow): RegistryArtifact => ({
  version: Number(row.version),
  body: row.body,
  etag: row.etag,
  publishedAt: row.published_at,
});

export const toPatch = (row: PatchRow): RegistryPatch => ({
  from: Number(row.from_version),
  to: Number(row.to_version),
  body: row.body,
});

/** The instant a `receivedAt` (or another `what`) names, in milliseconds; refuses text that is not a time. */
export function receivedMs(receivedAt: string, what = 'receivedAt'): number {
  const ms = Date.parse(receivedAt);
  if (!Number.isFinite(ms)) throw new RangeError(`${what} is not an ISO 8601 time: ${JSON.stringify(receivedAt)}`);
  return ms;
}

/** Both sides check paging the same way, before any SQL sees it. */
export function checkPage(query: { limit: number; offset: number }): void {
  if (!Number.isSafeInteger(query.limit) || query.limit < 0) throw new RangeError(`bad limit: ${query.limit}`);
  if (!Number.isSafeInteger(query.offset) || query.offset < 0) throw new RangeError(`bad offset: ${query.offset}`);
}

/** What a second save of an already published registry version or patch must match. */
export function checkSame(kind: string, existing: string, wanted: string): void {
  if (existing !== wanted) throw new Error(`${kind} is already stored with a different body`);
}

export function buildStats(input: {
  counts: CountRow[];
  feedback: number | string;
  flaggedListings: number | string;
  weeks: { week: string; listings: number | string }[];
}): Stats {
  const reportsByMarketplace: Stats['reportsByMarketplace'] = {};
  let reports = 0;
  let confirmed = 0;
  let rejected = 0;
  for (const row of input.counts) {
    const n = Number(row.n);
    reportsByMarketplace[row.marketplace] ??= { open: 0, confirmed: 0, rejected: 0 };
    const byStatus = reportsByMarketplace[row.marketplace]!;
    byStatus[row.status as ReviewStatus] = n;
    reports += n;
    if (row.status === 'confirmed') confirmed += n;
    if (row.status === 'rejected') rejected += n;
  }
  return {
    reportsByMarketplace,
    reports,
    confirmed,
    rejected,
    feedback: Number(input.feedback),
    flaggedListings: Number(input.flaggedListings),
    suspectListingsByWeek: input.weeks.map((w) => ({ week: w.week, listings: Number(w.listings) })),
  };
}

/**
 * The screenshots no report needs: named only by withdrawn reports, or only by reports a
 * volunteer reviewed before the given time (the dialect's parameter `p`). Shared by both sides.
 */
export function unneededScreenshotsSql(p: string): string {
  return `SELECT sha256 FROM screenshots WHERE NOT EXISTS (
    SELECT 1 FROM reports WHERE reports.screenshot_sha256 = screenshots.sha256 AND ${NOT_WITHDRAWN}
      AND (status = 'open' OR reviewed_at IS NULL OR reviewed_at >= ${p}))`;
}

/** The report's withdrawal key, where it was sent with one, matches (a report kept before keys needs none). */
export const KEY_MATCHES = (hash: string) => `(withdraw_hash IS NULL OR withdraw_hash = ${hash})`;

/** The SHA-256 the service keeps of a withdrawal key; the key itself is never stored. */
export const keyHash = (key: string | undefined) =>
  key === undefined ? null : createHash('sha256').update(key).digest('hex');

/** Deletes one screenshot once no report that its reporter has not withdrawn names it. */
export function dropWithdrawnScreenshotSql(hash: string): string {
  return `DELETE FROM screenshots WHERE sha256 = ${hash} AND NOT EXISTS (
    SELECT 1 FROM reports WHERE reports.screenshot_sha256 = ${hash} AND ${NOT_WITHDRAWN})`;
}

/** A screenshot's bytes, where a live report about one of the brands names it. */
export function screenshotSql(hash: string, brands: string): string {
  return `SELECT bytes FROM screenshots WHERE sha256 = ${hash} AND EXISTS (
    SELECT 1 FROM reports WHERE reports.screenshot_sha256 = screenshots.sha256 AND ${NOT_WITHDRAWN}
      AND brand IN (${brands}))`;
}
