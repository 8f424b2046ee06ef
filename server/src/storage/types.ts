import type { Feedback, Report, ReportRecord, ReviewStatus } from '../../../src/reports/report';
import type { Appeal, AppealStatus, AppealText, Filing, ListingsQuery, ReportedListing } from '../queue';
import type { ResultRows } from '../results';
import type { OutcomeUpdate } from './filings';
import type { AuditSummary } from './results';

/** A report as stored: the report itself and what the service knows of it. */
export interface StoredReport {
  /** The report, its screenshot named by its hash: the bytes are kept apart (getScreenshot). */
  report: ReportRecord;
  status: ReviewStatus;
  /** When the service first received it (ISO 8601). */
  receivedAt: string;
  review?: { note: string; by: string; at: string };
  /**
   * When its reporter withdrew it (ISO 8601). A withdrawn report is kept, but counts nowhere: not
   * in lists, exports, reviews, flags or stats. Only getReport and withdrawReport return it.
   */
  withdrawnAt?: string;
}

/** A listing the registry names as reported: its key, the brand reported, how many reported it. */
export interface FlaggedListing {
  key: string;
  brand?: string;
  reporters?: number;
}

export interface VolunteerToken {
  /** SHA-256 (hex) of the bearer token; the token itself is never stored. */
  hash: string;
  name: string;
  brands: string[];
  createdAt: string;
  /** ISO 8601, or undefined for no expiry. */
  expiresAt?: string;
  /** May list, make and revoke tokens (the console's Tokens page); brands may then be none. */
  admin?: boolean;
}

/** A signed registry version as served: the exact bytes, their ETag, and the patch from the version before. */
export interface RegistryArtifact {
  version: number;
  /** The signed artifact, exactly as served (JSON text). */
  body: string;
  etag: string;
  publishedAt: string;
}

export interface RegistryPatch {
  from: number;
  to: number;
  /** The patch, exactly as served (JSON text). */
  body: string;
}

export interface Stats {
  reportsByMarketplace: Record<string, Record<ReviewStatus, number>>;
  reports: number;
  confirmed: number;
  rejected: number;
  feedback: number;
  /** Listings confirmed by a volunteer, or reported by 3 reporters from 3 origins at any time. */
  flaggedListings: number;
  /** Distinct listings reported, per ISO week (YYYY-Www), oldest first: suspect listings over time. */
  suspectListingsByWeek: { week: string; listings: number }[];
}

/**
 * How one reporter's reports about some brands were judged; withdrawn reports not counted.
 * `reviewed` is `confirmed + rejected`: the reports a volunteer has decided.
 */
export interface ReporterAccuracy {
  reporterId: string;
  confirmed: number;
  rejected: number;
  open: number;
  reviewed: number;
}

/**
 * Everything the service keeps, behind one interface with an SQLite and a PostgreSQL side.
 * Every method is safe to call concurrently; inserts are idempotent by id.
 */
export interface Storage {
  /** Creates or upgrades the schema (numbered migrations, each applied once). */
  migrate(): Promise<void>;
  /**
   * Stores the report unless one with its id exists; returns the stored one either way. `origin`
   * is a keyed hash of the network it came from: reporters are counted by it as well as by id.
   */
  insertReport(
    report: Report,
    receivedAt: string,
    origin?: string,
  ): Promise<{ inserted: boolean; stored: StoredReport }>;
  insertFeedback(feedback: Feedback, receivedAt: string): Promise<{ inserted: boolean; stored: Feedback }>;
  /** Reports about the given brands, newest first, optionally of one status; never a withdrawn one. */
  listReports(query: {
    brands: string[];
    status?: ReviewStatus;
    limit: number;
    offset: number;
  }): Promise<StoredReport[]>;
  /**
   * The reported listings about the given brands, one per listing (withdrawn reports left out),
   * filtered, ordered and paged; `total` counts every listing the filters keep.
   */
  listListings(query: ListingsQuery): Promise<{ total: number; listings: ReportedListing[] }>;
  /**
   * Decides every report about these listings within the brands; returns, per listing key, how
   * many reports it decided (a key with none is not among them).
   */
  reviewListings(
    keys: string[],
    brands: string[],
    status: 'confirmed' | 'rejected',
    review: { note: string; by: string; at: string },
  ): Promise<Record<string, number>>;
  /** Every report about these listings within the brands, oldest first, withdrawn ones left out. */
  reportsAbout(keys: string[], brands: string[]): Promise<StoredReport[]>;
  /** Keeps a filing and its listings (each with no outcome yet). */
  createFiling(filing: Filing): Promise<void>;
  /** The filings of these brands, newest first; or the one with this id, if it is theirs. */
  listFilings(brands: string[]): Promise<Filing[]>;
  getFiling(id: string, brands: string[]): Promise<Filing | undefined>;
  /** Records outcomes of a filing's listings (a later record replaces an earlier); returns how many it matched. */
  recordOutcomes(filingId: string, brands: string[], outcomes: OutcomeUpdate[]): Promise<number>;
  /**
   * Records what volunteers' extensions saw of filed listings (still up, or removed) in these
   * brands' filings where the outcome is not settled; returns how many filed listings it changed.
   */
  recordSightings(brands: string[], sightings: OutcomeUpdate[]): Promise<number>;
  /** The keys of these brands' filed listings whose removal is not yet known, at most `limit`. */
  awaitingRemoval(brands: string[], limit: number): Promise<string[]>;
  /** The rows the weekly results are summed from, since an instant: some brands', or every brand's. */
  resultRows(sinceMs: number, brands?: string[]): Promise<ResultRows>;
  /** Keeps an audit session's counts once per id; false when that id was kept before. */
  insertAuditSummary(summary: AuditSummary): Promise<boolean>;
  /** Whether a report not withdrawn names this listing. */
  isReported(key: string): Promise<boolean>;
  /** Keeps an appeal once per id; returns the one kept either way. */
  insertAppeal(
    id: string,
    key: string,
    text: AppealText,
    receivedAt: string,
    origin?: string,
  ): Promise<{ inserted: boolean; stored: Appeal }>;
  /** The appeals about listings reported for the brands, newest first. */
  listAppeals(brands: string[], status?: AppealStatus): Promise<Appeal[]>;
  /** Upholds or dismisses an appeal about one of the brands' listings; undefined when there is none. */
  decideAppeal(
    id: string,
    brands: string[],
    status: Exclude<AppealStatus, 'open'>,
    decision: { note: string; by: string; at: string },
  ): Promise<Appeal | undefined>;
  /** The report with this id, withdrawn or not. */
  getReport(id: string): Promise<StoredReport | undefined>;
  /**
   * Withdraws the report with this id if `reporterId` sent it with this withdrawal key (a report
   * kept before keys existed needs none): `withdrawn` is true when this call did it, false when it
   * was withdrawn before (the first `withdrawnAt` kept). Undefined when no report has this id,
   * reporter id and key, so that another reporter's report looks like none.
   */
  withdrawReport(
    id: string,
    reporterId: string,
    at: string,
    withdrawKey?: string,
  ): Promise<{ withdrawn: boolean; stored: StoredReport } | undefined>;
  /** Sets a report's status with a note; undefined when no such report, or it is withdrawn. */
  reviewReport(
    id: string,
    status: 'confirmed' | 'rejected',
    review: { note: string; by: string; at: string },
  ): Promise<StoredReport | undefined>;
  /**
   * Counts by status of the reports `reporterId` sent about the given brands, withdrawn ones left
   * out; all zeros when there are none (or no brands).
   */
  reporterAccuracy(query: { reporterId: string; brands: string[] }): Promise<ReporterAccuracy>;
  /** Counts of the reports not withdrawn, and of feedback. */
  stats(): Promise<Stats>;
  /**
   * The reported listings the registry names: `community`, reported by at least `minReporters`
   * distinct reporters from as many distinct origins since `sinceMs`, with no verdict yet, the most
   * reported first; `confirmed`, confirmed by a volunteer, with the brand. Withdrawn reports left out.
   */
  flaggedListings(query: { minReporters: number; sinceMs: number }): Promise<{
    community: FlaggedListing[];
    confirmed: FlaggedListing[];
  }>;
  /**
   * A screenshot's bytes, where a report about one of `brands` that its reporter has not
   * withdrawn names it; undefined otherwise (or once deleted).
   */
  getScreenshot(sha256: string, brands: string[]): Promise<Uint8Array | undefined>;
  /**
   * Deletes the screenshots no report needs any more: those only withdrawn reports name, and
   * those whose every report a volunteer reviewed before `reviewedBefore` (ISO 8601). Returns how many.
   */
  pruneScreenshots(reviewedBefore: string): Promise<number>;
  createToken(token: VolunteerToken): Promise<void>;
  findToken(hash: string): Promise<VolunteerToken | undefined>;
  /** Every volunteer token, oldest first (their hashes; the tokens themselves were never kept). */
  listTokens(): Promise<VolunteerToken[]>;
  /** Deletes the token with this hash: it works nowhere from the next request on. */
  revokeToken(hash: string): Promise<boolean>;
  saveRegistry(artifact: RegistryArtifact, patch?: RegistryPatch): Promise<void>;
  /**
   * Runs `work` while no other instance on this database runs work of the same name (PostgreSQL:
   * an advisory lock, waited for; SQLite, which one process serves: a queue in that process).
   */
  exclusively<T>(name: string, work: () => Promise<T>): Promise<T>;
  latestRegistry(): Promise<RegistryArtifact | undefined>;
  registryPatch(from: number, to: number): Promise<RegistryPatch | undefined>;
  close(): Promise<void>;
}
