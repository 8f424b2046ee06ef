import type { SharedCounts } from '../../../src/reports/audit-counts';
import type { AppealRow, AuditRow, FiledRow, ReportRow, ResultRows } from '../results';
import type { Dialect } from './listings';
import { NOT_WITHDRAWN, receivedMs } from './rows';

/** One statement and its values. */
interface Query {
  text: string;
  values: unknown[];
}

/**
 * The rows the weekly results are summed from, in both dialects, since an instant; only some
 * brands' when `brands` is given. Reviews are kept as ISO text: a review in the window is found
 * by its text, which sorts as its time does.
 */
export function resultQueries(d: Dialect, sinceMs: number, brands?: string[]): Record<keyof Rows, Query> {
  const query = (text: (param: (value: unknown) => string, inBrands: (column: string) => string) => string): Query => {
    const values: unknown[] = [];
    const param = (value: unknown) => {
      values.push(value);
      return d.p(values.length);
    };
    const inBrands = (column: string) => {
      if (!brands) return '';
      values.push(d.list(brands));
      return ` AND ${d.inList(column, values.length)}`;
    };
    return { text: text(param, inBrands), values };
  };
  return {
    reports: query(
      (param, inBrands) => `SELECT brand, marketplace, received_ms, status, reviewed_at FROM reports
        WHERE ${NOT_WITHDRAWN} AND brand IS NOT NULL
          AND (received_ms >= ${param(sinceMs)} OR reviewed_at >= ${param(new Date(sinceMs).toISOString())})${inBrands('brand')}`,
    ),
    filed: query(
      (param, inBrands) => `SELECT f.brand, f.marketplace, f.filed_ms, l.outcome, l.outcome_ms
        FROM filed_listings l JOIN filings f ON f.id = l.filing_id
        WHERE f.filed_ms >= ${param(sinceMs)}${inBrands('f.brand')}`,
    ),
    audits: query(
      (param, inBrands) => `SELECT brand, marketplace, at_ms, seen, suspect FROM audit_summaries
        WHERE at_ms >= ${param(sinceMs)}${inBrands('brand')}`,
    ),
    // An appeal is of the brand and marketplace its listing was reported for.
    appeals: query(
      (param, inBrands) => `SELECT r.brand, r.marketplace, a.received_ms, a.status, a.decided_ms
        FROM appeals a JOIN (
          SELECT listing_key, MIN(brand) AS brand, MIN(marketplace) AS marketplace FROM reports
          WHERE brand IS NOT NULL GROUP BY listing_key
        ) r ON r.listing_key = a.listing_key
        WHERE (a.received_ms >= ${param(sinceMs)} OR a.decided_ms >= ${param(sinceMs)})${inBrands('r.brand')}`,
    ),
  };
}

interface Rows {
  reports: {
    brand: string;
    marketplace: string;
    received_ms: number | string;
    status: string;
    reviewed_at: string | null;
  }[];
  filed: {
    brand: string;
    marketplace: string;
    filed_ms: number | string;
    outcome: string | null;
    outcome_ms: number | string | null;
  }[];
  audits: { brand: string; marketplace: string; at_ms: number | string; seen: number; suspect: number }[];
  appeals: {
    brand: string;
    marketplace: string;
    received_ms: number | string;
    status: string;
    decided_ms: number | string | null;
  }[];
}

export function toResultRows(rows: Rows): ResultRows {
  return {
    reports: rows.reports.map(
      (row): ReportRow => ({
        brand: row.brand,
        marketplace: row.marketplace,
        receivedMs: Number(row.received_ms),
        status: row.status as ReportRow['status'],
        ...(row.reviewed_at ? { reviewedMs: Date.parse(row.reviewed_at) } : {}),
      }),
    ),
    filed: rows.filed.map(
      (row): FiledRow => ({
        brand: row.brand,
        marketplace: row.marketplace,
        filedMs: Number(row.filed_ms),
        ...(row.outcome ? { outcome: row.outcome as FiledRow['outcome'] & string } : {}),
        ...(row.outcome_ms !== null ? { outcomeMs: Number(row.outcome_ms) } : {}),
      }),
    ),
    audits: rows.audits.map(
      (row): AuditRow => ({
        brand: row.brand,
        marketplace: row.marketplace,
        atMs: Number(row.at_ms),
        seen: Number(row.seen),
        suspect: Number(row.suspect),
      }),
    ),
    appeals: rows.appeals.map(
      (row): AppealRow => ({
        brand: row.brand,
        marketplace: row.marketplace,
        receivedMs: Number(row.received_ms),
        status: row.status as AppealRow['status'],
        ...(row.decided_ms !== null ? { decidedMs: Number(row.decided_ms) } : {}),
      }),
    ),
  };
}

/** An audit session's counts as kept: as the extension sent them, with the volunteer who did. */
export type AuditSummary = SharedCounts & { volunteer: string };

export const INSERT_AUDIT_SQL = (d: Dialect) =>
  `INSERT INTO audit_summaries (id, brand, marketplace, seen, suspect, at, at_ms, volunteer)
   VALUES (${[1, 2, 3, 4, 5, 6, 7, 8].map(d.p).join(', ')}) ON CONFLICT (id) DO NOTHING`;

export const auditValues = (summary: AuditSummary) => [
  summary.id,
  summary.brand,
  summary.marketplace,
  summary.seen,
  summary.suspect,
  summary.at,
  receivedMs(summary.at, 'at'),
  summary.volunteer,
];
