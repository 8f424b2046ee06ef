import pg from 'pg';
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
import { migratePostgres } from './migrations';
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

const COMMUNITY = communitySql((n) => `$${n}`);

const POSTGRES: Dialect = {
  p: (n) => `$${n}`,
  inList: (column, n) => `${column} = ANY($${n}::text[])`,
  list: (items) => items,
};

/**
 * Named statements: pg prepares each once per connection, on first use, and reuses it after.
 * COUNT(*) is bigint, which pg hands back as text: the shared row helpers turn it into a number.
 */
const SQL = {
  insertReport: {
    name: 'cg_insert_report',
    text: `INSERT INTO reports (${REPORT_INSERT_COLUMNS})
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (id) DO NOTHING RETURNING ${REPORT_COLUMNS}`,
  },
  insertScreenshot: {
    name: 'cg_insert_screenshot',
    text: 'INSERT INTO screenshots (sha256, bytes, received_at) VALUES ($1, $2, $3) ON CONFLICT (sha256) DO NOTHING',
  },
  getScreenshot: { name: 'cg_get_screenshot', text: screenshotSql('$1', 'SELECT unnest($2::text[])') },
  dropWithdrawnScreenshot: { name: 'cg_drop_withdrawn_screenshot', text: dropWithdrawnScreenshotSql('$1') },
  pruneScreenshots: {
    name: 'cg_prune_screenshots',
    text: `DELETE FROM screenshots WHERE sha256 IN (${unneededScreenshotsSql('$1')})`,
  },
  getReport: { name: 'cg_get_report', text: `SELECT ${REPORT_COLUMNS} FROM reports WHERE id = $1` },
  getOwnReport: {
    name: 'cg_get_own_report',
    text: `SELECT ${REPORT_COLUMNS} FROM reports WHERE id = $1 AND reporter_id = $2 AND ${KEY_MATCHES('$3::text')}`,
  },
  withdrawReport: {
    name: 'cg_withdraw_report',
    text: `UPDATE reports SET withdrawn_at = $1 WHERE id = $2 AND reporter_id = $3 AND ${KEY_MATCHES('$4::text')}
        AND ${NOT_WITHDRAWN}
      RETURNING ${REPORT_COLUMNS}`,
  },
  listReports: {
    name: 'cg_list_reports',
    text: `SELECT ${REPORT_COLUMNS} FROM reports WHERE brand = ANY($1::text[]) AND ${NOT_WITHDRAWN}
      ORDER BY received_ms DESC, id DESC LIMIT $2 OFFSET $3`,
  },
  listReportsByStatus: {
    name: 'cg_list_reports_by_status',
    text: `SELECT ${REPORT_COLUMNS} FROM reports WHERE brand = ANY($1::text[]) AND status = $2 AND ${NOT_WITHDRAWN}
      ORDER BY received_ms DESC, id DESC LIMIT $3 OFFSET $4`,
  },
  reviewReport: {
    name: 'cg_review_report',
    text: `UPDATE reports SET status = $1, review_note = $2, reviewed_by = $3, reviewed_at = $4
      WHERE id = $5 AND ${NOT_WITHDRAWN} RETURNING ${REPORT_COLUMNS}`,
  },
  listingReports: { name: 'cg_listing_reports', text: listingReportsSql(POSTGRES) },
  reviewListings: { name: 'cg_review_listings', text: reviewListingsSql(POSTGRES) },
  accuracy: { name: 'cg_reporter_accuracy', text: accuracySql('$1', 'brand = ANY($2::text[])') },
  insertFeedback: {
    name: 'cg_insert_feedback',
    text: `INSERT INTO feedback (id, brand, marketplace, listing_key, reporter_id, received_at, received_ms, body)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO NOTHING RETURNING body`,
  },
  getFeedback: { name: 'cg_get_feedback', text: 'SELECT body FROM feedback WHERE id = $1' },
  counts: {
    name: 'cg_counts',
    text: `SELECT marketplace, status, COUNT(*) AS n FROM reports WHERE ${NOT_WITHDRAWN}
      GROUP BY marketplace, status ORDER BY marketplace, status`,
  },
  feedbackCount: { name: 'cg_feedback_count', text: 'SELECT COUNT(*) AS n FROM feedback' },
  community: { name: 'cg_community', text: `${COMMUNITY} ORDER BY reporters DESC, listing_key` },
  confirmed: { name: 'cg_confirmed', text: `${CONFIRMED_SQL} ORDER BY listing_key` },
  flaggedCount: {
    name: 'cg_flagged_count',
    text: `SELECT (SELECT COUNT(*) FROM (${COMMUNITY}) AS community) + (SELECT COUNT(*) FROM (${CONFIRMED_SQL}) AS confirmed) AS n`,
  },
  // ISO week-numbering year and week in UTC, like SQLite's %G-W%V; whole seconds, as on that side.
  weeks: {
    name: 'cg_weeks',
    text: `SELECT to_char(to_timestamp(received_ms / 1000) AT TIME ZONE 'UTC', 'IYYY-"W"IW') COLLATE "C" AS week,
        COUNT(DISTINCT listing_key) AS listings
      FROM reports WHERE ${NOT_WITHDRAWN} GROUP BY week ORDER BY week`,
  },
  upsertToken: {
    name: 'cg_upsert_token',
    text: `INSERT INTO tokens (${TOKEN_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6)
      ON CONFLICT (hash) DO UPDATE SET name = excluded.name, brands = excluded.brands,
        created_at = excluded.created_at, expires_at = excluded.expires_at, admin = excluded.admin`,
  },
  findToken: {
    name: 'cg_find_token',
    text: `SELECT ${TOKEN_COLUMNS} FROM tokens WHERE hash = $1`,
  },
  listTokens: {
    name: 'cg_list_tokens',
    text: `SELECT ${TOKEN_COLUMNS} FROM tokens ORDER BY created_at, hash`,
  },
  revokeToken: { name: 'cg_revoke_token', text: 'DELETE FROM tokens WHERE hash = $1' },
  insertArtifact: {
    name: 'cg_insert_artifact',
    text: `INSERT INTO registry_artifacts (version, body, etag, published_at) VALUES ($1, $2, $3, $4)
      ON CONFLICT (version) DO NOTHING`,
  },
  getArtifact: {
    name: 'cg_get_artifact',
    text: 'SELECT version, body, etag, published_at FROM registry_artifacts WHERE version = $1',
  },
  latestArtifact: {
    name: 'cg_latest_artifact',
    text: 'SELECT version, body, etag, published_at FROM registry_artifacts ORDER BY version DESC LIMIT 1',
  },
  insertPatch: {
    name: 'cg_insert_patch',
    text: `INSERT INTO registry_patches (from_version, to_version, body) VALUES ($1, $2, $3)
      ON CONFLICT (from_version, to_version) DO NOTHING`,
  },
  getPatch: {
    name: 'cg_get_patch',
    text: 'SELECT from_version, to_version, body FROM registry_patches WHERE from_version = $1 AND to_version = $2',
  },
} as const;

type Queryable = Pick<pg.Pool, 'query'> | Pick<pg.PoolClient, 'query'>;

/** Runs `work` on one connection inside BEGIN … COMMIT, rolled back when it throws. */
async function inTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
  begin = 'BEGIN',
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query(begin);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

async function rows<Row extends pg.QueryResultRow>(
  db: Queryable,
  statement: { name: string; text: string },
  values: unknown[] = [],
): Promise<Row[]> {
  const result = await db.query<Row>({ name: statement.name, text: statement.text, values });
  return result.rows;
}

/**
 * The PostgreSQL side: a pool of connections. Inserts rely on ON CONFLICT DO NOTHING RETURNING:
 * of concurrent inserts of one id exactly one gets the row back, the others read the stored one.
 */
export async function openPostgres(url: string): Promise<Storage> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection that the server drops must not take the process down; the next query reconnects.
  pool.on('error', (error) => console.error('PostgreSQL connection lost:', error.message));
  // Fail here, with the address's error, rather than at the first request.
  (await pool.connect()).release();

  let closed = false;

  return {
    async migrate() {
      await migratePostgres(pool);
    },

    async insertReport(report: Report, receivedAt: string, origin?: string) {
      // The screenshot first (once per hash), so that no report ever names an image not there.
      if (report.screenshot)
        await pool.query({
          name: SQL.insertScreenshot.name,
          text: SQL.insertScreenshot.text,
          values: [report.screenshot.sha256, Buffer.from(report.screenshot.base64, 'base64'), receivedAt],
        });
      const [row] = await rows<ReportRow>(pool, SQL.insertReport, [...reportValues(report, receivedAt, origin)]);
      if (row) return { inserted: true, stored: toStoredReport(row) };
      const [existing] = await rows<ReportRow>(pool, SQL.getReport, [report.id]);
      return { inserted: false, stored: toStoredReport(existing!) };
    },

    async insertFeedback(feedback: Feedback, receivedAt: string) {
      const [row] = await rows<{ body: string }>(pool, SQL.insertFeedback, [
        feedback.id,
        feedback.brand ?? null,
        feedback.listing.marketplace,
        feedback.listing.key,
        feedback.reporterId,
        receivedAt,
        receivedMs(receivedAt),
        JSON.stringify(feedback),
      ]);
      if (row) return { inserted: true, stored: toFeedback(row) };
      const [existing] = await rows<{ body: string }>(pool, SQL.getFeedback, [feedback.id]);
      return { inserted: false, stored: toFeedback(existing!) };
    },

    async listReports(query: { brands: string[]; status?: ReviewStatus; limit: number; offset: number }) {
      checkPage(query);
      if (query.brands.length === 0 || query.limit === 0) return [];
      const found = query.status
        ? await rows<ReportRow>(pool, SQL.listReportsByStatus, [query.brands, query.status, query.limit, query.offset])
        : await rows<ReportRow>(pool, SQL.listReports, [query.brands, query.limit, query.offset]);
      return found.map(toStoredReport);
    },

    async listListings(query: ListingsQuery) {
      checkPage(query);
      if (query.brands.length === 0 || query.limit === 0) return { total: 0, listings: [] };
      // One snapshot, so that the page's keys and their reports agree.
      return inTransaction(
        pool,
        async (client) => {
          const { text, values } = listingsSql(POSTGRES, query);
          const keys = (await client.query<ListingPageRow>(text, values)).rows;
          const found = await rows<ListingReportRow>(client, SQL.listingReports, [
            keys.map((row) => row.listing_key),
            query.brands,
          ]);
          return {
            total: Number(keys[0]?.total ?? 0),
            listings: toReportedListings(
              keys.map((row) => row.listing_key),
              found,
            ),
          };
        },
        'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY',
      );
    },

    async reviewListings(keys: string[], brands: string[], status: 'confirmed' | 'rejected', review) {
      const found = await rows<{ listing_key: string }>(pool, SQL.reviewListings, [
        status,
        review.note,
        review.by,
        review.at,
        keys,
        brands,
      ]);
      return countByKey(found);
    },

    async reportsAbout(keys: string[], brands: string[]) {
      return (await rows<ListingReportRow>(pool, SQL.listingReports, [keys, brands])).map(toStoredReport);
    },

    async createFiling(filing: Filing) {
      await inTransaction(pool, async (client) => {
        await client.query(INSERT_FILING_SQL(POSTGRES), filingValues(filing));
        for (const listed of filing.listed) await client.query(INSERT_FILED_SQL(POSTGRES), [filing.id, listed.key]);
      });
    },

    async listFilings(brands: string[]) {
      return toFilings((await pool.query<FilingRow>(FILINGS_SQL(POSTGRES, false), [brands])).rows);
    },

    async getFiling(id: string, brands: string[]) {
      return toFilings((await pool.query<FilingRow>(FILINGS_SQL(POSTGRES, true), [brands, id])).rows)[0];
    },

    async recordOutcomes(filingId: string, brands: string[], outcomes: OutcomeUpdate[]) {
      return inTransaction(pool, async (client) => {
        let matched = 0;
        for (const update of outcomes)
          matched += (await client.query(OUTCOME_SQL(POSTGRES), outcomeValues(filingId, brands, update))).rowCount ?? 0;
        return matched;
      });
    },

    async recordSightings(brands: string[], sightings: OutcomeUpdate[]) {
      return inTransaction(pool, async (client) => {
        let changed = 0;
        for (const update of sightings)
          changed += (await client.query(SIGHTING_SQL(POSTGRES), sightingValues(brands, update))).rowCount ?? 0;
        return changed;
      });
    },

    async awaitingRemoval(brands: string[], limit: number) {
      const { rows } = await pool.query<{ listing_key: string }>(AWAITING_SQL(POSTGRES), [brands, limit]);
      return rows.map((row) => row.listing_key);
    },

    async resultRows(sinceMs: number, brands?: string[]) {
      const queries = resultQueries(POSTGRES, sinceMs, brands);
      return inTransaction(
        pool,
        async (client) =>
          toResultRows({
            reports: (await client.query(queries.reports.text, queries.reports.values)).rows,
            filed: (await client.query(queries.filed.text, queries.filed.values)).rows,
            audits: (await client.query(queries.audits.text, queries.audits.values)).rows,
            appeals: (await client.query(queries.appeals.text, queries.appeals.values)).rows,
          }),
        'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY',
      );
    },

    async insertAuditSummary(summary: AuditSummary) {
      return ((await pool.query(INSERT_AUDIT_SQL(POSTGRES), auditValues(summary))).rowCount ?? 0) === 1;
    },

    async isReported(key: string) {
      return (await pool.query(REPORTED_SQL(POSTGRES), [key])).rows.length > 0;
    },

    async insertAppeal(id: string, key: string, text: AppealText, receivedAt: string, origin?: string) {
      const inserted =
        ((await pool.query(INSERT_APPEAL_SQL(POSTGRES), appealValues(id, key, text, receivedAt, origin))).rowCount ??
          0) === 1;
      const [row] = (await pool.query<AppealRow>(GET_APPEAL_SQL(POSTGRES), [id])).rows;
      return { inserted, stored: toAppeal(row!) };
    },

    async listAppeals(brands: string[], status?: AppealStatus) {
      const values = status ? [brands, status] : [brands];
      return (await pool.query<AppealRow>(APPEALS_SQL(POSTGRES, Boolean(status)), values)).rows.map(toAppeal);
    },

    async decideAppeal(id: string, brands: string[], status: 'upheld' | 'dismissed', decision) {
      const [row] = (
        await pool.query<AppealRow>(DECIDE_APPEAL_SQL(POSTGRES), decisionValues(id, brands, status, decision))
      ).rows;
      return row && toAppeal(row);
    },

    async getReport(id: string) {
      const [row] = await rows<ReportRow>(pool, SQL.getReport, [id]);
      return row && toStoredReport(row);
    },

    async withdrawReport(id: string, reporterId: string, at: string, withdrawKey?: string) {
      receivedMs(at, 'withdrawnAt');
      // Of concurrent withdrawals exactly one updates the row; the others wait for its lock, find it
      // withdrawn, and read it back with the first withdrawnAt.
      const [row] = await rows<ReportRow>(pool, SQL.withdrawReport, [at, id, reporterId, keyHash(withdrawKey)]);
      if (row) {
        const stored = toStoredReport(row);
        // A withdrawn report's screenshot goes with it, unless a live report names the same image.
        if (stored.report.screenshot) await rows(pool, SQL.dropWithdrawnScreenshot, [stored.report.screenshot.sha256]);
        return { withdrawn: true, stored };
      }
      const [existing] = await rows<ReportRow>(pool, SQL.getOwnReport, [id, reporterId, keyHash(withdrawKey)]);
      return existing && { withdrawn: false, stored: toStoredReport(existing) };
    },

    async reviewReport(id: string, status: 'confirmed' | 'rejected', review: { note: string; by: string; at: string }) {
      const [row] = await rows<ReportRow>(pool, SQL.reviewReport, [status, review.note, review.by, review.at, id]);
      return row && toStoredReport(row);
    },

    async reporterAccuracy(query: { reporterId: string; brands: string[] }) {
      if (query.brands.length === 0) return buildAccuracy(query.reporterId, []);
      const counts = await rows<StatusCountRow>(pool, SQL.accuracy, [query.reporterId, query.brands]);
      return buildAccuracy(query.reporterId, counts);
    },

    async stats() {
      // One snapshot, so that the totals agree with each other.
      const client = await pool.connect();
      try {
        await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
        const counts = await rows<CountRow>(client, SQL.counts);
        const [feedback] = await rows<{ n: string }>(client, SQL.feedbackCount);
        const [flagged] = await rows<{ n: string }>(client, SQL.flaggedCount, [3, 0]);
        const weeks = await rows<{ week: string; listings: string }>(client, SQL.weeks);
        await client.query('COMMIT');
        return buildStats({ counts, feedback: feedback!.n, flaggedListings: flagged!.n, weeks });
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },

    async getScreenshot(sha256: string, brands: string[]) {
      const [row] = await rows<{ bytes: Buffer }>(pool, SQL.getScreenshot, [sha256, brands]);
      return row ? new Uint8Array(row.bytes) : undefined;
    },

    async pruneScreenshots(reviewedBefore: string) {
      const result = await pool.query({
        name: SQL.pruneScreenshots.name,
        text: SQL.pruneScreenshots.text,
        values: [reviewedBefore],
      });
      return result.rowCount ?? 0;
    },

    async exclusively<T>(name: string, work: () => Promise<T>) {
      // A session lock on a connection of its own, held while `work` uses the pool's others.
      const client = await pool.connect();
      try {
        await client.query('SELECT pg_advisory_lock(hashtext($1))', [`counterfeit-guard:${name}`]);
        try {
          return await work();
        } finally {
          await client.query('SELECT pg_advisory_unlock(hashtext($1))', [`counterfeit-guard:${name}`]);
        }
      } finally {
        client.release();
      }
    },

    async flaggedListings(query: { minReporters: number; sinceMs: number }) {
      // One snapshot, so that a listing confirmed between the two reads is not in both or neither.
      const client = await pool.connect();
      try {
        await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
        const community = await rows<FlaggedRow>(client, SQL.community, [query.minReporters, query.sinceMs]);
        const confirmed = await rows<FlaggedRow>(client, SQL.confirmed);
        await client.query('COMMIT');
        return { community: community.map(toFlagged), confirmed: confirmed.map(toFlagged) };
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },

    async createToken(token) {
      await pool.query({
        name: SQL.upsertToken.name,
        text: SQL.upsertToken.text,
        values: [
          token.hash,
          token.name,
          JSON.stringify(token.brands),
          token.createdAt,
          token.expiresAt ?? null,
          Boolean(token.admin),
        ],
      });
    },

    async findToken(hash: string) {
      const [row] = await rows<TokenRow>(pool, SQL.findToken, [hash]);
      return row && toToken(row);
    },

    async listTokens() {
      return (await rows<TokenRow>(pool, SQL.listTokens)).map(toToken);
    },

    async revokeToken(hash: string) {
      const result = await pool.query({ name: SQL.revokeToken.name, text: SQL.revokeToken.text, values: [hash] });
      return result.rowCount === 1;
    },

    async saveRegistry(artifact, patch) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const added = await client.query({
          ...SQL.insertArtifact,
          values: [artifact.version, artifact.body, artifact.etag, artifact.publishedAt],
        });
        if (added.rowCount === 0) {
          const [existing] = await rows<ArtifactRow>(client, SQL.getArtifact, [artifact.version]);
          checkSame(`registry version ${artifact.version}`, existing!.body, artifact.body);
        }
        if (patch) {
          const addedPatch = await client.query({ ...SQL.insertPatch, values: [patch.from, patch.to, patch.body] });
          if (addedPatch.rowCount === 0) {
            const [existing] = await rows<PatchRow>(client, SQL.getPatch, [patch.from, patch.to]);
            checkSame(`registry patch ${patch.from} → ${patch.to}`, existing!.body, patch.body);
          }
        }
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },

    async latestRegistry() {
      const [row] = await rows<ArtifactRow>(pool, SQL.latestArtifact);
      return row && toArtifact(row);
    },

    async registryPatch(from: number, to: number) {
      const [row] = await rows<PatchRow>(pool, SQL.getPatch, [from, to]);
      return row && toPatch(row);
    },

    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
