import type { Listing, Marketplace } from '../listing/listing';
import { type Assessment, warns } from '../risk/assessment';

/**
 * A volunteer's audit session: the listings of the audited brands found on the pages the
 * volunteer visited while it was open. The extension never navigates; it only records what
 * the pages the volunteer opened showed.
 */
export interface AuditSession {
  id: string;
  startedAt: number;
  endedAt?: number;
  /** Registry ids of the brands audited. */
  brands: string[];
  /** Pages visited, in order: the address and how many listings of the brands it showed. */
  pages: AuditPage[];
}

interface AuditPage {
  url: string;
  marketplace: Marketplace;
  at: number;
  /** Listings of the audited brands first seen on this page. */
  listings: number;
}

/** One listing of an audited brand, as first found in a session (kept current if seen again). */
export interface AuditRow {
  sessionId: string;
  key: string;
  /** Order of first sight within the session: the page's own order, page after page. */
  order: number;
  listing: Listing;
  assessment: Assessment;
  /** The registry id of the brand invoked. */
  brand: string;
  /** The page it was found on. */
  pageUrl: string;
  firstSeenAt: number;
  selected: boolean;
  /** The outbox entry of its report, once reported. */
  reportId?: string;
  reportedAt?: number;
}

/** The progress line: pages, listings seen, suspect, selected, reported. */
export interface AuditCounts {
  pages: number;
  seen: number;
  suspect: number;
  selected: number;
  reported: number;
}

/** A session as lists and history show it. */
export interface AuditSummary {
  session: AuditSession;
  counts: AuditCounts;
  /** Per marketplace: suspect listings found and reported, for the history chart. */
  byMarketplace: Partial<Record<Marketplace, { suspect: number; reported: number }>>;
}

/** A listing the audit counts as suspect: one whose badge warns. */
export const isSuspect = warns;

export function countsOf(session: AuditSession, rows: readonly AuditRow[]): AuditCounts {
  let suspect = 0;
  let selected = 0;
  let reported = 0;
  for (const row of rows) {
    if (isSuspect(row.assessment)) suspect++;
    if (row.selected) selected++;
    if (row.reportId) reported++;
  }
  return { pages: session.pages.length, seen: rows.length, suspect, selected, reported };
}

export function summaryOf(session: AuditSession, rows: readonly AuditRow[]): AuditSummary {
  const byMarketplace: AuditSummary['byMarketplace'] = {};
  for (const row of rows) {
    const counts = byMarketplace[row.listing.marketplace] ?? { suspect: 0, reported: 0 };
    byMarketplace[row.listing.marketplace] = counts;
    if (isSuspect(row.assessment)) counts.suspect++;
    if (row.reportId) counts.reported++;
  }
  return { session, counts: countsOf(session, rows), byMarketplace };
}

/** What a session's counts say to the service, per brand and marketplace: numbers only, never a listing. */
export interface SessionCounts {
  brand: string;
  marketplace: Marketplace;
  seen: number;
  suspect: number;
}

export function countsByBrand(rows: readonly AuditRow[]): SessionCounts[] {
  const counts = new Map<string, SessionCounts>();
  for (const row of rows) {
    const id = `${row.brand} ${row.listing.marketplace}`;
    const entry = counts.get(id) ?? { brand: row.brand, marketplace: row.listing.marketplace, seen: 0, suspect: 0 };
    counts.set(id, entry);
    entry.seen++;
    if (isSuspect(row.assessment)) entry.suspect++;
  }
  return [...counts.values()];
}
