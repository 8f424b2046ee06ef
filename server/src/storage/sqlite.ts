import { chmodSync, closeSync, existsSync, openSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { Feedback, Report, ReviewStatus } from '../../../src/reports/report';
import type { AppealStatus, AppealText, Filing, ListingsQuery } from '../queue';
import {
  APPEALS_SQL,
  type AppealRow,
  appealValues,
  DECIDE_APPEAL_SQL,
  decisionValues,
  GET_APPEAL_SQL,
  INSERT_APPEAL_SQL,
  REPORTED_SQL,
  toAppeal,
} from './appeals';
import {
  AWAITING_SQL,
  FILINGS_SQL,
  type FilingRow,
  filingValues,
  INSERT_FILED_SQL,
  INSERT_FILING_SQL,
  OUTCOME_SQL,
  type OutcomeUpdate,
  outcomeValues,
  SIGHTING_SQL,
  sightingValues,
  toFilings,
} from './filings';
import {
  countByKey,
  type Dialect,
  type ListingPageRow,
  type ListingReportRow,
  listingReportsSql,
  listingsSql,
  reviewListingsSql,
  toReportedListings,
} from './listings';
import { migrateSqlite } from './migrations';
import { type AuditSummary, auditValues, INSERT_AUDIT_SQL, resultQueries, toResultRows } from './results';
import {
  type ArtifactRow,
  accuracySql,
  buildAccuracy,
  buildStats,
  CONFIRMED_SQL,
  type CountRow,
  checkPage,
  checkSame,
  communitySql,
  dropWithdrawnScreenshotSql,
  type FlaggedRow,
  KEY_MATCHES,
  keyHash,
  NOT_WITHDRAWN,
  type PatchRow,
  REPORT_COLUMNS,
  REPORT_INSERT_COLUMNS,
  type ReportRow,
  receivedMs,
  reportValues,
  type StatusCountRow,
  screenshotSql,
  TOKEN_COLUMNS,
  type TokenRow,
  toArtifact,
  toFeedback,
  toFlagged,
  toPatch,
  toStoredReport,
  toToken,
  unneededScreenshotsSql,
} from './rows';
import type { Storage } from './types';

const SQLITE: Dialect = {
  p: () => '?',
  inList: (column) => `${column} IN (SELECT value FROM json_each(?))`,
  list: (items) => JSON.stringify(items),
};

const COMMUNITY = communitySql((n) => (n === 1 ? '@minReporters' : '@sinceMs'));
type FlagQuery = { minReporters: number; sinceMs: number };

/**
 * Work that runs one at a time, by name, in this process: an SQLite file is served by one
 * process, which may still open it more than once (a publish job beside the server's own).
 */
const running = new Map<string, Promise<unknown>>();
const FLAGGED_COUNT = `SELECT (SELECT COUNT(*) FROM (${COMMUNITY})) + (SELECT COUNT(*) FROM (${CONFIRMED_SQL})) AS n`;

function prepare(db: Database.Database) {
  return {
    insertReport: db.prepare(
      `INSERT INTO reports (${REPORT_INSERT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
    ),
    insertScreenshot: db.prepare(
      'INSERT INTO screenshots (sha256, bytes, received_at) VALUES (?, ?, ?) ON CONFLICT (sha256) DO NOTHING',
    ),
    getScreenshot: db.prepare<{ hash: string; brands: string }, { bytes: Buffer }>(
      screenshotSql('@hash', 'SELECT value FROM json_each(@brands)'),
    ),
    dropWithdrawnScreenshot: db.prepare<[{ hash: string }]>(dropWithdrawnScreenshotSql('@hash')),
    pruneScreenshots: db.prepare<[{ before: string }]>(
      `DELETE FROM screenshots WHERE sha256 IN (${unneededScreenshotsSql('@before')})`,
    ),
    getReport: db.prepare<[string], ReportRow>(`SELECT ${REPORT_COLUMNS} FROM reports WHERE id = ?`),
    getOwnReport: db.prepare<[string, string, string | null], ReportRow>(
      `SELECT ${REPORT_COLUMNS} FROM reports WHERE id = ? AND reporter_id = ? AND ${KEY_MATCHES('?')}`,
    ),
    withdrawReport: db.prepare<[string, string, string, string | null], ReportRow>(
      `UPDATE reports SET withdrawn_at = ? WHERE id = ? AND reporter_id = ? AND ${KEY_MATCHES('?')}
         AND ${NOT_WITHDRAWN}
       RETURNING ${REPORT_COLUMNS}`,
    ),
    listReports: db.prepare<[string, number, number], ReportRow>(
      `SELECT ${REPORT_COLUMNS} FROM reports WHERE brand IN (SELECT value FROM json_each(?)) AND ${NOT_WITHDRAWN}
       ORDER BY received_ms DESC, id DESC LIMIT ? OFFSET ?`,
    ),
    listReportsByStatus: db.prepare<[string, string, number, number], ReportRow>(
      `SELECT ${REPORT_COLUMNS} FROM reports
       WHERE brand IN (SELECT value FROM json_each(?)) AND status = ? AND ${NOT_WITHDRAWN}
       ORDER BY received_ms DESC, id DESC LIMIT ? OFFSET ?`,
    ),
    reviewReport: db.prepare<[string, string, string, string, string], ReportRow>(
      `UPDATE reports SET status = ?, review_note = ?, reviewed_by = ?, reviewed_at = ?
       WHERE id = ? AND ${NOT_WITHDRAWN} RETURNING ${REPORT_COLUMNS}`,
    ),
    accuracy: db.prepare<[string, string], StatusCountRow>(
      accuracySql('?', 'brand IN (SELECT value FROM json_each(?))'),
    ),
    insertFeedback: db.prepare(
      `INSERT INTO feedback (id, brand, marketplace, listing_key, reporter_id, received_at, received_ms, body)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
    ),
    getFeedback: db.prepare<[string], { body: string }>('SELECT body FROM feedback WHERE id = ?'),
    counts: db.prepare<[], CountRow>(
      `SELECT marketplace, status, COUNT(*) AS n FROM reports WHERE ${NOT_WITHDRAWN}
       GROUP BY marketplace, status ORDER BY marketplace, status`,
    ),
    feedbackCount: db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM feedback'),
    community: db.prepare<[FlagQuery], FlaggedRow>(`${COMMUNITY} ORDER BY reporters DESC, listing_key`),
    confirmed: db.prepare<[], FlaggedRow>(`${CONFIRMED_SQL} ORDER BY listing_key`),
    flaggedCount: db.prepare<[FlagQuery], { n: number }>(FLAGGED_COUNT),
    // ISO week-numbering year and week (%G, %V: SQLite 3.46+), in UTC, like PostgreSQL's IYYY and IW.
    weeks: db.prepare<[], { week: string; listings: number }>(
      `SELECT strftime('%G-W%V', received_ms / 1000, 'unixepoch') AS week, COUNT(DISTINCT listing_key) AS listings
       FROM reports WHERE ${NOT_WITHDRAWN} GROUP BY week ORDER BY week`,
    ),
    upsertToken: db.prepare(
      `INSERT INTO tokens (${TOKEN_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (hash) DO UPDATE SET name = excluded.name, brands = excluded.brands,
         created_at = excluded.created_at, expires_at = excluded.expires_at, admin = excluded.admin`,
    ),
    findToken: db.prepare<[string], TokenRow>(`SELECT ${TOKEN_COLUMNS} FROM tokens WHERE hash = ?`),
    listTokens: db.prepare<[], TokenRow>(`SELECT ${TOKEN_COLUMNS} FROM tokens ORDER BY created_at, hash`),
    revokeToken: db.prepare('DELETE FROM tokens WHERE hash = ?'),
    insertArtifact: db.prepare(
      `INSERT INTO registry_artifacts (version, body, etag, published_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (version) DO NOTHING`,
    ),
    getArtifact: db.prepare<[number], ArtifactRow>(
      'SELECT version, body, etag, published_at FROM registry_artifacts WHERE version = ?',
    ),
    latestArtifact: db.prepare<[], ArtifactRow>(
      'SELECT version, body, etag, published_at FROM registry_artifacts ORDER BY version DESC LIMIT 1',
    ),
    insertPatch: db.prepare(
      `INSERT INTO registry_patches (from_version, to_version, body) VALUES (?, ?, ?)
       ON CONFLICT (from_version, to_version) DO NOTHING`,
    ),
    getPatch: db.prepare<[number, number], PatchRow>(
      'SELECT from_version, to_version, body FROM registry_patches WHERE from_version = ? AND to_version = ?',
    ),
  };
}

/**
 * The SQLite side: one connection in WAL mode. better-sqlite3 is synchronous, so each call runs to
 * the end before the next starts; the methods are async only to match the PostgreSQL side. The
 * statements are prepared once, on first use after the schema exists (migrate runs first).
 */
export function openSqlite(file: string): Storage {
  // Reports hold what shoppers wrote and volunteers judged: readable by the service's owner only.
  // (The WAL and shared-memory files SQLite makes beside it take the database file's mode.)
  if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
  chmodSync(file, 0o600);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // FULL: the WAL is synced at each commit, so a report answered 201 survives a power cut, not
  // only a crash of the process (NORMAL would lose the last commits to a power cut).
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');

  // The listing queries' text depends on their filters: each text is prepared once, when first met.
  const prepared = new Map<string, Database.Statement>();
  const statement = <Row>(text: string) => {
    if (!prepared.has(text)) prepared.set(text, db.prepare(text));
    return prepared.get(text) as Database.Statement<unknown[], Row>;
  };

  let statements: ReturnType<typeof prepare> | undefined;
  const st = () => {
    statements ??= prepare(db);
    return statements;
  };

  const saveRegistry = db.transaction(
    (artifact: Parameters<Storage['saveRegistry']>[0], patch: Parameters<Storage['saveRegistry']>[1] | undefined) => {
      const s = st();
      if (s.insertArtifact.run(artifact.version, artifact.body, artifact.etag, artifact.publishedAt).changes === 0) {
        checkSame(`registry version ${artifact.version}`, s.getArtifact.get(artifact.version)!.body, artifact.body);
      }
      if (patch && s.insertPatch.run(patch.from, patch.to, patch.body).changes === 0) {
        checkSame(`registry patch ${patch.from} → ${patch.to}`, s.getPatch.get(patch.from, patch.to)!.body, patch.body);
      }
    },
  );

  // The report and its screenshot together: the image once per hash, kept apart from the row.
  const insertReport = db.transaction((report: Report, receivedAt: string, origin: string | undefined) => {
    const s = st();
    const { changes } = s.insertReport.run(...reportValues(report, receivedAt, origin));
    if (changes === 1 && report.screenshot)
      s.insertScreenshot.run(report.screenshot.sha256, Buffer.from(report.screenshot.base64, 'base64'), receivedAt);
    return { inserted: changes === 1, stored: toStoredReport(s.getReport.get(report.id)!) };
  });

  // One snapshot, so that a listing confirmed between the two reads is not in both or neither.
  const flagged = db.transaction((query: FlagQuery) => ({
    community: st().community.all(query).map(toFlagged),
    confirmed: st().confirmed.all().map(toFlagged),
  }));

  const stats = db.transaction(() => {
    const s = st();
    return buildStats({
      counts: s.counts.all(),
      feedback: s.feedbackCount.get()!.n,
      flaggedListings: s.flaggedCount.get({ minReporters: 3, sinceMs: 0 })!.n,
      weeks: s.weeks.all(),
    });
  });

  return {
    async migrate() {
      migrateSqlite(db);
    },

    async insertReport(report: Report, receivedAt: string, origin?: string) {
      return insertReport(report, receivedAt, origin);
    },

    async getScreenshot(sha256: string, brands: string[]) {
      const row = st().getScreenshot.get({ hash: sha256, brands: JSON.stringify(brands) });
      return row ? new Uint8Array(row.bytes) : undefined;
    },

    async pruneScreenshots(reviewedBefore: string) {
      return st().pruneScreenshots.run({ before: reviewedBefore }).changes;
    },

    async insertFeedback(feedback: Feedback, receivedAt: string) {
      const s = st();
      const { changes } = s.insertFeedback.run(
        feedback.id,
        feedback.brand ?? null,
        feedback.listing.marketplace,
        feedback.listing.key,
        feedback.reporterId,
        receivedAt,
        receivedMs(receivedAt),
        JSON.stringify(feedback),
      );
      return { inserted: changes === 1, stored: toFeedback(s.getFeedback.get(feedback.id)!) };
    },

    async listReports(query: { brands: string[]; status?: ReviewStatus; limit: number; offset: number }) {
      checkPage(query);
      if (query.brands.length === 0 || query.limit === 0) return [];
      const brands = JSON.stringify(query.brands);
      const rows = query.status
        ? st().listReportsByStatus.all(brands, query.status, query.limit, query.offset)
        : st().listReports.all(brands, query.limit, query.offset);
      return rows.map(toStoredReport);
    },

    async listListings(query: ListingsQuery) {
      checkPage(query);
      if (query.brands.length === 0 || query.limit === 0) return { total: 0, listings: [] };
      const page = db.transaction(() => {
        const { text, values } = listingsSql(SQLITE, query);
        const keys = statement<ListingPageRow>(text).all(...values);
        const rows = statement<ListingReportRow>(listingReportsSql(SQLITE)).all(
          JSON.stringify(keys.map((row) => row.listing_key)),
          JSON.stringify(query.brands),
        );
        return { keys, rows };
      })();
      return {
        total: Number(page.keys[0]?.total ?? 0),
        listings: toReportedListings(
          page.keys.map((row) => row.listing_key),
          page.rows,
        ),
      };
    },

    async reviewListings(keys: string[], brands: string[], status: 'confirmed' | 'rejected', review) {
      const rows = statement<{ listing_key: string }>(reviewListingsSql(SQLITE)).all(
        status,
        review.note,
        review.by,
        review.at,
        JSON.stringify(keys),
        JSON.stringify(brands),
      );
      return countByKey(rows);
    },

    async reportsAbout(keys: string[], brands: string[]) {
      return statement<ListingReportRow>(listingReportsSql(SQLITE))
        .all(JSON.stringify(keys), JSON.stringify(brands))
        .map(toStoredReport);
    },

    async createFiling(filing: Filing) {
      db.transaction(() => {
        statement(INSERT_FILING_SQL(SQLITE)).run(...filingValues(filing));
        for (const listed of filing.listed) statement(INSERT_FILED_SQL(SQLITE)).run(filing.id, listed.key);
      })();
    },

    async listFilings(brands: string[]) {
      return toFilings(statement<FilingRow>(FILINGS_SQL(SQLITE, false)).all(JSON.stringify(brands)));
    },

    async getFiling(id: string, brands: string[]) {
      return toFilings(statement<FilingRow>(FILINGS_SQL(SQLITE, true)).all(JSON.stringify(brands), id))[0];
    },

    async recordOutcomes(filingId: string, brands: string[], outcomes: OutcomeUpdate[]) {
      return db.transaction(() =>
        outcomes.reduce(
          (matched, update) =>
            matched +
            statement(OUTCOME_SQL(SQLITE)).run(...outcomeValues(filingId, JSON.stringify(brands), update)).changes,
          0,
        ),
      )();
    },

    async recordSightings(brands: string[], sightings: OutcomeUpdate[]) {
      return db.transaction(() =>
        sightings.reduce(
          (changed, update) =>
            changed + statement(SIGHTING_SQL(SQLITE)).run(...sightingValues(JSON.stringify(brands), update)).changes,
          0,
        ),
      )();
    },

    async awaitingRemoval(brands: string[], limit: number) {
      return statement<{ listing_key: string }>(AWAITING_SQL(SQLITE))
        .all(JSON.stringify(brands), limit)
        .map((row) => row.listing_key);
    },

    async resultRows(sinceMs: number, brands?: string[]) {
      const queries = resultQueries(SQLITE, sinceMs, brands);
      return db.transaction(() =>
        toResultRows({
          reports: statement<never>(queries.reports.text).all(...queries.reports.values),
          filed: statement<never>(queries.filed.text).all(...queries.filed.values),
          audits: statement<never>(queries.audits.text).all(...queries.audits.values),
          appeals: statement<never>(queries.appeals.text).all(...queries.appeals.values),
        }),
      )();
    },

    async insertAuditSummary(summary: AuditSummary) {
      return statement(INSERT_AUDIT_SQL(SQLITE)).run(...auditValues(summary)).changes === 1;
    },

    async isReported(key: string) {
      return statement<{ found: number }>(REPORTED_SQL(SQLITE)).get(key) !== undefined;
    },

    async insertAppeal(id: string, key: string, text: AppealText, receivedAt: string, origin?: string) {
      return db.transaction(() => {
        const { changes } = statement(INSERT_APPEAL_SQL(SQLITE)).run(
          ...appealValues(id, key, text, receivedAt, origin),
        );
        return { inserted: changes === 1, stored: toAppeal(statement<AppealRow>(GET_APPEAL_SQL(SQLITE)).get(id)!) };
      })();
    },

    async listAppeals(brands: string[], status?: AppealStatus) {
      const values = status ? [JSON.stringify(brands), status] : [JSON.stringify(brands)];
      return statement<AppealRow>(APPEALS_SQL(SQLITE, Boolean(status)))
        .all(...values)
        .map(toAppeal);
    },

    async decideAppeal(id: string, brands: string[], status: 'upheld' | 'dismissed', decision) {
      const row = statement<AppealRow>(DECIDE_APPEAL_SQL(SQLITE)).get(
        ...decisionValues(id, JSON.stringify(brands), status, decision),
      );
      return row && toAppeal(row);
    },

    async getReport(id: string) {
      const row = st().getReport.get(id);
      return row && toStoredReport(row);
    },

    async withdrawReport(id: string, reporterId: string, at: string, withdrawKey?: string) {
      receivedMs(at, 'withdrawnAt');
      const s = st();
      const row = s.withdrawReport.get(at, id, reporterId, keyHash(withdrawKey));
      if (row) {
        const stored = toStoredReport(row);
        // A withdrawn report's screenshot goes with it, unless a live report names the same image.
        if (stored.report.screenshot) s.dropWithdrawnScreenshot.run({ hash: stored.report.screenshot.sha256 });
        return { withdrawn: true, stored };
      }
      const existing = s.getOwnReport.get(id, reporterId, keyHash(withdrawKey));
      return existing && { withdrawn: false, stored: toStoredReport(existing) };
    },

    async reviewReport(id: string, status: 'confirmed' | 'rejected', review: { note: string; by: string; at: string }) {
      const row = st().reviewReport.get(status, review.note, review.by, review.at, id);
      return row && toStoredReport(row);
    },

    async reporterAccuracy(query: { reporterId: string; brands: string[] }) {
      if (query.brands.length === 0) return buildAccuracy(query.reporterId, []);
      return buildAccuracy(query.reporterId, st().accuracy.all(query.reporterId, JSON.stringify(query.brands)));
    },

    async stats() {
      return stats();
    },

    async exclusively<T>(name: string, work: () => Promise<T>) {
      const before = running.get(name) ?? Promise.resolve();
      const turn = before.then(work, work);
      running.set(
        name,
        turn.catch(() => undefined),
      );
      return turn;
    },

    async flaggedListings(query: FlagQuery) {
      return flagged({ minReporters: query.minReporters, sinceMs: query.sinceMs });
    },

    async createToken(token) {
      st().upsertToken.run(
        token.hash,
        token.name,
        JSON.stringify(token.brands),
        token.createdAt,
        token.expiresAt ?? null,
        token.admin ? 1 : 0,
      );
    },

    async findToken(hash: string) {
      const row = st().findToken.get(hash);
      return row && toToken(row);
    },

    async listTokens() {
      return st().listTokens.all().map(toToken);
    },

    async revokeToken(hash: string) {
      return st().revokeToken.run(hash).changes === 1;
    },

    async saveRegistry(artifact, patch) {
      saveRegistry(artifact, patch);
    },

    async latestRegistry() {
      const row = st().latestArtifact.get();
      return row && toArtifact(row);
    },

    async registryPatch(from: number, to: number) {
      const row = st().getPatch.get(from, to);
      return row && toPatch(row);
    },

    async close() {
      if (db.open) db.close();
    },
  };
}
