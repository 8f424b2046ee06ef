import type { ReviewStatus } from '../../../src/reports/report';
import type { ReasonCode } from '../../../src/risk/assessment';
import type { ListingsQuery, ReportedListing } from '../queue';
import { NOT_WITHDRAWN, type ReportRow, toStoredReport } from './rows';

/**
 * Reports grouped by the listing they are about: what a volunteer reviews, one row per listing.
 * The grouping, filters, order and paging are one SQL statement written once for both dialects;
 * the page's reports are then read and summed up here.
 */

/** How one dialect writes its n-th parameter, "column is one of the list in parameter n", and such a list. */
export interface Dialect {
  p: (n: number) => string;
  inList: (column: string, n: number) => string;
  list: (items: string[]) => unknown;
}

/** The page of listing keys, the total, and the values for the statement. */
export function listingsSql(dialect: Dialect, query: ListingsQuery): { text: string; values: unknown[] } {
  const values: unknown[] = [dialect.list(query.brands)];
  const param = (value: unknown) => {
    values.push(value);
    return dialect.p(values.length);
  };
  const where = [dialect.inList('brand', 1), NOT_WITHDRAWN];
  if (query.keys !== undefined) {
    values.push(dialect.list(query.keys));
    where.push(dialect.inList('listing_key', values.length));
  }
  if (query.marketplace !== undefined) where.push(`marketplace = ${param(query.marketplace)}`);
  if (query.since !== undefined) where.push(`received_ms >= ${param(query.since)}`);
  if (query.until !== undefined) where.push(`received_ms < ${param(query.until)}`);
  const open = "SUM(CASE WHEN status = 'open' THEN 1 ELSE 0 END)";
  const confirmed = "SUM(CASE WHEN status = 'confirmed' THEN 1 ELSE 0 END)";
  const having: string[] = [];
  if (query.status === 'open') having.push(`${open} > 0`);
  if (query.status === 'confirmed') having.push(`${open} = 0 AND ${confirmed} > 0`);
  if (query.status === 'rejected') having.push(`${open} = 0 AND ${confirmed} = 0`);
  // The body is the report's JSON as the service wrote it: a reason's code appears there exactly so,
  // and a shopper's note or title cannot forge it (its quotes would be escaped).
  if (query.reason !== undefined)
    having.push(
      `SUM(CASE WHEN body LIKE ${param(`%"code":"${query.reason.replaceAll('_', '\\_')}"%`)} ESCAPE '\\' THEN 1 ELSE 0 END) > 0`,
    );
  const order = {
    recent: 'last_ms DESC',
    oldest: 'first_ms ASC',
    reporters: 'reporters DESC, last_ms DESC',
    reports: 'reports DESC, last_ms DESC',
  }[query.sort];
  const text = `SELECT listing_key, COUNT(*) OVER () AS total, MAX(received_ms) AS last_ms, MIN(received_ms) AS first_ms,
      COUNT(DISTINCT reporter_id) AS reporters, COUNT(*) AS reports
    FROM reports WHERE ${where.join(' AND ')}
    GROUP BY listing_key ${having.length ? `HAVING ${having.join(' AND ')}` : ''}
    ORDER BY ${order}, listing_key
    LIMIT ${param(query.limit)} OFFSET ${param(query.offset)}`;
  return { text, values };
}

export interface ListingPageRow {
  listing_key: string;
  total: number | string;
}

/** The reports about some listings within some brands, oldest first: parameters 1 (keys) and 2 (brands). */
export const listingReportsSql = (dialect: Dialect) =>
  `SELECT listing_key, body, status, received_at, review_note, reviewed_by, reviewed_at, withdrawn_at, reporter_id
   FROM reports WHERE ${dialect.inList('listing_key', 1)} AND ${dialect.inList('brand', 2)} AND ${NOT_WITHDRAWN}
   ORDER BY received_ms, id`;

/**
 * Decides every report about some listings within some brands: parameters 1–4 the status, note,
 * by and at; 5 the keys, 6 the brands. Withdrawn reports stay out of it.
 */
export const reviewListingsSql = (dialect: Dialect) =>
  `UPDATE reports SET status = ${dialect.p(1)}, review_note = ${dialect.p(2)}, reviewed_by = ${dialect.p(3)}, reviewed_at = ${dialect.p(4)}
   WHERE ${dialect.inList('listing_key', 5)} AND ${dialect.inList('brand', 6)} AND ${NOT_WITHDRAWN}
   RETURNING listing_key`;

export type ListingReportRow = ReportRow & { listing_key: string; reporter_id: string };

/** The listings in the page's order, each summed up from its reports. */
export function toReportedListings(keys: string[], rows: ListingReportRow[]): ReportedListing[] {
  const byKey = new Map<string, ListingReportRow[]>();
  for (const row of rows) byKey.set(row.listing_key, [...(byKey.get(row.listing_key) ?? []), row]);
  return keys.flatMap((key) => {
    const reports = byKey.get(key);
    return reports ? [summarise(key, reports)] : [];
  });
}

function summarise(key: string, rows: ListingReportRow[]): ReportedListing {
  const stored = rows.map(toStoredReport);
  const latest = stored.at(-1)!;
  const byStatus: Record<ReviewStatus, number> = { open: 0, confirmed: 0, rejected: 0 };
  const levels: ReportedListing['levels'] = {};
  const reasons = new Map<ReasonCode, ReportedListing['reasons'][number]>();
  for (const { status, report } of stored) {
    byStatus[status] += 1;
    levels[report.level] = (levels[report.level] ?? 0) + 1;
    for (const reason of report.reasons) {
      const seen = reasons.get(reason.code);
      reasons.set(reason.code, { code: reason.code, params: reason.params, count: (seen?.count ?? 0) + 1 });
    }
  }
  const reviewed = stored.filter((one) => one.review).sort((a, b) => a.review!.at.localeCompare(b.review!.at));
  const review = reviewed.at(-1)?.review;
  const screenshot = stored.findLast((one) => one.report.screenshot)?.report.screenshot?.sha256;
  const { listing } = latest.report;
  return {
    key,
    marketplace: listing.marketplace,
    brand: latest.report.brand ?? '',
    status: byStatus.open > 0 ? 'open' : byStatus.confirmed > 0 ? 'confirmed' : 'rejected',
    reports: stored.length,
    reporters: new Set(rows.map((row) => row.reporter_id)).size,
    firstAt: stored[0]!.receivedAt,
    lastAt: latest.receivedAt,
    byStatus,
    levels,
    reasons: [...reasons.values()].sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)),
    title: listing.title,
    url: listing.url,
    ...(listing.seller ? { seller: listing.seller } : {}),
    ...(listing.price ? { price: listing.price } : {}),
    ...(screenshot ? { screenshot } : {}),
    ...(review ? { review } : {}),
  };
}

/** How many rows an UPDATE … RETURNING listing_key touched, per key. */
export function countByKey(rows: { listing_key: string }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const row of rows) counts[row.listing_key] = (counts[row.listing_key] ?? 0) + 1;
  return counts;
}
