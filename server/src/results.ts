import { medianOf, type Outcome } from './queue';

/**
 * The figures an IP-protection programme is judged by, week by week: reports received and
 * reviewed, how many reviews confirmed (the reporters' accuracy) and how long they took,
 * takedown requests filed and how many ended in a removal and how fast, and the suspect
 * listings among those volunteers' audit sessions saw. Made here from plain rows, so the
 * service's public figures and a brand's own are the same sums.
 */

export interface ReportRow {
  brand: string;
  marketplace: string;
  receivedMs: number;
  status: 'open' | 'confirmed' | 'rejected';
  reviewedMs?: number;
}

export interface FiledRow {
  brand: string;
  marketplace: string;
  filedMs: number;
  outcome?: Outcome;
  outcomeMs?: number;
}

export interface AuditRow {
  brand: string;
  marketplace: string;
  atMs: number;
  seen: number;
  suspect: number;
}

export interface AppealRow {
  brand: string;
  marketplace: string;
  receivedMs: number;
  status: 'open' | 'upheld' | 'dismissed';
  decidedMs?: number;
}

export interface ResultRows {
  reports: ReportRow[];
  filed: FiledRow[];
  audits: AuditRow[];
  appeals: AppealRow[];
}

export interface WeekResults {
  /** ISO week, "2026-W49". */
  week: string;
  received: number;
  reviewed: number;
  confirmed: number;
  /** Confirmed of reviewed, 0–1; absent for a week with no review. */
  confirmedRate?: number;
  /** Median hours from a report's arrival to its review, for the reviews of the week. */
  hoursToReview?: number;
  /** Listings filed in takedown requests that week. */
  filed: number;
  /** Of those, how many were seen removed (whenever), refused, or still up. */
  removed: number;
  refused: number;
  stillUp: number;
  /** Removed of those with an outcome, 0–1. */
  removalRate?: number;
  /** Median days from filing to removal, for that week's filings. */
  daysToRemoval?: number;
  /** Listings volunteers' audit sessions saw that week, and the suspect ones among them. */
  auditSeen: number;
  auditSuspect: number;
  /** Suspect listings per 100 seen. */
  suspectPer100?: number;
  /** Sellers' appeals received that week, and those upheld that week. */
  appealsReceived: number;
  appealsUpheld: number;
}

export const RESULT_WEEKS = 12;
const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

/** The ISO 8601 week of an instant (UTC): weeks start on Monday, week 1 holds the year's first Thursday. */
export function isoWeek(ms: number): string {
  const date = new Date(ms);
  const day = (date.getUTCDay() + 6) % 7;
  const thursday = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() - day + 3);
  const year = new Date(thursday).getUTCFullYear();
  // The week's Thursday is in its ISO year; its day of that year counts the weeks.
  const week = 1 + Math.floor((thursday - Date.UTC(year, 0, 1)) / WEEK_MS);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The last `weeks` ISO weeks up to `now`'s, oldest first. */
export function lastWeeks(now: number, weeks = RESULT_WEEKS): string[] {
  return Array.from({ length: weeks }, (_, index) => isoWeek(now - (weeks - 1 - index) * WEEK_MS));
}

export function weeklyResults(rows: ResultRows, now: number, weeks = RESULT_WEEKS): WeekResults[] {
  const order = lastWeeks(now, weeks);
  const by = new Map(order.map((week) => [week, empty(week)]));
  const reviewHours = new Map<string, number[]>();
  const removalDays = new Map<string, number[]>();
  const at = (ms: number) => by.get(isoWeek(ms));

  for (const report of rows.reports) {
    const received = at(report.receivedMs);
    if (received) received.received++;
    if (report.status === 'open' || report.reviewedMs === undefined) continue;
    const reviewed = at(report.reviewedMs);
    if (!reviewed) continue;
    reviewed.reviewed++;
    if (report.status === 'confirmed') reviewed.confirmed++;
    push(reviewHours, reviewed.week, (report.reviewedMs - report.receivedMs) / 3_600_000);
  }
  for (const filed of rows.filed) {
    const week = at(filed.filedMs);
    if (!week) continue;
    week.filed++;
    if (filed.outcome === 'removed') {
      week.removed++;
      if (filed.outcomeMs !== undefined) push(removalDays, week.week, (filed.outcomeMs - filed.filedMs) / DAY_MS);
    }
    if (filed.outcome === 'refused') week.refused++;
    if (filed.outcome === 'still_up') week.stillUp++;
  }
  for (const appeal of rows.appeals) {
    const received = at(appeal.receivedMs);
    if (received) received.appealsReceived++;
    const upheld = appeal.status === 'upheld' && appeal.decidedMs !== undefined ? at(appeal.decidedMs) : undefined;
    if (upheld) upheld.appealsUpheld++;
  }
  for (const audit of rows.audits) {
    const week = at(audit.atMs);
    if (!week) continue;
    week.auditSeen += audit.seen;
    week.auditSuspect += audit.suspect;
  }

  return order.map((week) => {
    const results = by.get(week)!;
    const decided = results.removed + results.refused + results.stillUp;
    const hours = medianOf(reviewHours.get(week) ?? []);
    const days = medianOf(removalDays.get(week) ?? []);
    return {
      ...results,
      ...(results.reviewed ? { confirmedRate: results.confirmed / results.reviewed } : {}),
      ...(hours !== undefined ? { hoursToReview: hours } : {}),
      ...(decided ? { removalRate: results.removed / decided } : {}),
      ...(days !== undefined ? { daysToRemoval: days } : {}),
      ...(results.auditSeen ? { suspectPer100: (100 * results.auditSuspect) / results.auditSeen } : {}),
    };
  });
}

function empty(week: string): WeekResults {
  return {
    week,
    received: 0,
    reviewed: 0,
    confirmed: 0,
    filed: 0,
    removed: 0,
    refused: 0,
    stillUp: 0,
    auditSeen: 0,
    auditSuspect: 0,
    appealsReceived: 0,
    appealsUpheld: 0,
  };
}

function push(map: Map<string, number[]>, key: string, value: number) {
  map.set(key, [...(map.get(key) ?? []), value]);
}

/** Only the rows of one brand and/or marketplace, when asked. */
export function narrowed(rows: ResultRows, brand?: string, marketplace?: string): ResultRows {
  const keep = (row: { brand: string; marketplace: string }) =>
    (brand === undefined || row.brand === brand) && (marketplace === undefined || row.marketplace === marketplace);
  return {
    reports: rows.reports.filter(keep),
    filed: rows.filed.filter(keep),
    audits: rows.audits.filter(keep),
    appeals: rows.appeals.filter(keep),
  };
}
