import type BetterSqlite3 from 'better-sqlite3';
import type { Pool } from 'pg';

/**
 * The schema, as numbered migrations. Each one holds the SQL of both dialects side by side so
 * that they stay in step; each is applied once, in a transaction, and recorded in
 * `schema_migrations`. Never edit a migration that has shipped: add the next number.
 *
 * Conventions that both sides keep:
 * - Timestamps are kept as the ISO 8601 text the service was given (`*_at`), and reports and
 *   feedback also keep the instant in milliseconds (`received_ms`) for ordering and weeks.
 * - Report and feedback bodies are kept as their exact JSON text, so that numbers and key order
 *   come back as they went in.
 * - Text that is sorted on is compared byte by byte (SQLite's BINARY, PostgreSQL's "C").
 */
export interface Migration {
  version: number;
  name: string;
  sqlite: string;
  postgres: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'reports, feedback, volunteer tokens, registry versions and patches',
    sqlite: `
      CREATE TABLE reports (
        id TEXT PRIMARY KEY,
        brand TEXT,
        marketplace TEXT NOT NULL,
        listing_key TEXT NOT NULL,
        reporter_id TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'confirmed', 'rejected')),
        received_at TEXT NOT NULL,
        received_ms INTEGER NOT NULL,
        body TEXT NOT NULL,
        review_note TEXT,
        reviewed_by TEXT,
        reviewed_at TEXT
      ) STRICT;
      CREATE INDEX reports_brand_received ON reports (brand, received_ms DESC, id DESC);
      CREATE INDEX reports_status_received ON reports (status, received_ms DESC, id DESC);
      CREATE INDEX reports_listing ON reports (listing_key, reporter_id);
      CREATE INDEX reports_marketplace_status ON reports (marketplace, status);
      CREATE INDEX reports_received ON reports (received_ms);

      CREATE TABLE feedback (
        id TEXT PRIMARY KEY,
        brand TEXT,
        marketplace TEXT NOT NULL,
        listing_key TEXT NOT NULL,
        reporter_id TEXT NOT NULL,
        received_at TEXT NOT NULL,
        received_ms INTEGER NOT NULL,
        body TEXT NOT NULL
      ) STRICT;
      CREATE INDEX feedback_listing ON feedback (listing_key);

      CREATE TABLE tokens (
        hash TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        brands TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT
      ) STRICT;

      CREATE TABLE registry_artifacts (
        version INTEGER PRIMARY KEY,
        body TEXT NOT NULL,
        etag TEXT NOT NULL,
        published_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE registry_patches (
        from_version INTEGER NOT NULL,
        to_version INTEGER NOT NULL,
        body TEXT NOT NULL,
        PRIMARY KEY (from_version, to_version)
      ) STRICT;
    `,
    postgres: `
      CREATE TABLE reports (
        id TEXT COLLATE "C" PRIMARY KEY,
        brand TEXT COLLATE "C",
        marketplace TEXT COLLATE "C" NOT NULL,
        listing_key TEXT COLLATE "C" NOT NULL,
        reporter_id TEXT COLLATE "C" NOT NULL,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'confirmed', 'rejected')),
        received_at TEXT NOT NULL,
        received_ms BIGINT NOT NULL,
        body TEXT NOT NULL,
        review_note TEXT,
        reviewed_by TEXT,
        reviewed_at TEXT
      );
      CREATE INDEX reports_brand_received ON reports (brand, received_ms DESC, id DESC);
      CREATE INDEX reports_status_received ON reports (status, received_ms DESC, id DESC);
      CREATE INDEX reports_listing ON reports (listing_key, reporter_id);
      CREATE INDEX reports_marketplace_status ON reports (marketplace, status);
      CREATE INDEX reports_received ON reports (received_ms);

      CREATE TABLE feedback (
        id TEXT COLLATE "C" PRIMARY KEY,
        brand TEXT COLLATE "C",
        marketplace TEXT COLLATE "C" NOT NULL,
        listing_key TEXT COLLATE "C" NOT NULL,
        reporter_id TEXT COLLATE "C" NOT NULL,
        received_at TEXT NOT NULL,
        received_ms BIGINT NOT NULL,
        body TEXT NOT NULL
      );
      CREATE INDEX feedback_listing ON feedback (listing_key);

      CREATE TABLE tokens (
        hash TEXT COLLATE "C" PRIMARY KEY,
        name TEXT NOT NULL,
        brands TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT
      );

      CREATE TABLE registry_artifacts (
        version BIGINT PRIMARY KEY,
        body TEXT NOT NULL,
        etag TEXT NOT NULL,
        published_at TEXT NOT NULL
      );

      CREATE TABLE registry_patches (
        from_version BIGINT NOT NULL,
        to_version BIGINT NOT NULL,
        body TEXT NOT NULL,
        PRIMARY KEY (from_version, to_version)
      );
    `,
  },
  {
    version: 2,
    name: 'reports: withdrawn_at, when the reporter withdrew it',
    sqlite: 'ALTER TABLE reports ADD COLUMN withdrawn_at TEXT',
    postgres: 'ALTER TABLE reports ADD COLUMN withdrawn_at TEXT',
  },
  {
    version: 3,
    name: 'reports: origin, a keyed hash of the network the report came from (reporters are counted by it too)',
    sqlite: 'ALTER TABLE reports ADD COLUMN origin TEXT',
    postgres: 'ALTER TABLE reports ADD COLUMN origin TEXT COLLATE "C"',
  },
  {
    version: 4,
    name: 'screenshots apart from reports, one row per SHA-256; reports name theirs by hash',
    sqlite: `
      CREATE TABLE screenshots (sha256 TEXT PRIMARY KEY, bytes BLOB NOT NULL, received_at TEXT NOT NULL);
      ALTER TABLE reports ADD COLUMN screenshot_sha256 TEXT;
      CREATE INDEX reports_screenshot ON reports (screenshot_sha256);
    `,
    postgres: `
      CREATE TABLE screenshots (sha256 TEXT COLLATE "C" PRIMARY KEY, bytes BYTEA NOT NULL, received_at TEXT NOT NULL);
      ALTER TABLE reports ADD COLUMN screenshot_sha256 TEXT COLLATE "C";
      CREATE INDEX reports_screenshot ON reports (screenshot_sha256);
    `,
  },
  {
    version: 5,
    name: "reports: withdraw_hash, the SHA-256 of the reporter's withdrawal key",
    sqlite: 'ALTER TABLE reports ADD COLUMN withdraw_hash TEXT',
    postgres: 'ALTER TABLE reports ADD COLUMN withdraw_hash TEXT COLLATE "C"',
  },
  {
    version: 6,
    name: 'filings: takedown requests made from confirmed listings, and each listing’s outcome',
    sqlite: `
      CREATE TABLE filings (
        id TEXT PRIMARY KEY,
        brand TEXT NOT NULL,
        marketplace TEXT NOT NULL,
        format TEXT NOT NULL,
        filed_at TEXT NOT NULL,
        filed_ms INTEGER NOT NULL,
        filed_by TEXT NOT NULL
      ) STRICT;
      CREATE INDEX filings_brand ON filings (brand, filed_ms DESC);
      CREATE TABLE filed_listings (
        filing_id TEXT NOT NULL REFERENCES filings (id),
        listing_key TEXT NOT NULL,
        outcome TEXT CHECK (outcome IN ('removed', 'still_up', 'refused')),
        outcome_at TEXT,
        outcome_ms INTEGER,
        outcome_by TEXT,
        PRIMARY KEY (filing_id, listing_key)
      ) STRICT;
      CREATE INDEX filed_listings_key ON filed_listings (listing_key);
    `,
    postgres: `
      CREATE TABLE filings (
        id TEXT COLLATE "C" PRIMARY KEY,
        brand TEXT COLLATE "C" NOT NULL,
        marketplace TEXT COLLATE "C" NOT NULL,
        format TEXT NOT NULL,
        filed_at TEXT NOT NULL,
        filed_ms BIGINT NOT NULL,
        filed_by TEXT NOT NULL
      );
      CREATE INDEX filings_brand ON filings (brand, filed_ms DESC);
      CREATE TABLE filed_listings (
        filing_id TEXT COLLATE "C" NOT NULL REFERENCES filings (id),
        listing_key TEXT COLLATE "C" NOT NULL,
        outcome TEXT CHECK (outcome IN ('removed', 'still_up', 'refused')),
        outcome_at TEXT,
        outcome_ms BIGINT,
        outcome_by TEXT,
        PRIMARY KEY (filing_id, listing_key)
      );
      CREATE INDEX filed_listings_key ON filed_listings (listing_key);
    `,
  },
  {
    version: 7,
    name: 'tokens: admin, for the people who hand tokens out',
    sqlite: 'ALTER TABLE tokens ADD COLUMN admin INTEGER NOT NULL DEFAULT 0',
    postgres: 'ALTER TABLE tokens ADD COLUMN admin BOOLEAN NOT NULL DEFAULT false',
  },
  {
    version: 8,
    name: "audit_summaries: counts a volunteer's audit session sent, with their consent",
    sqlite: `
      CREATE TABLE audit_summaries (
        id TEXT PRIMARY KEY,
        brand TEXT NOT NULL,
        marketplace TEXT NOT NULL,
        seen INTEGER NOT NULL CHECK (seen >= 0),
        suspect INTEGER NOT NULL CHECK (suspect >= 0 AND suspect <= seen),
        at TEXT NOT NULL,
        at_ms INTEGER NOT NULL,
        volunteer TEXT NOT NULL
      ) STRICT;
      CREATE INDEX audit_summaries_at ON audit_summaries (at_ms);
    `,
    postgres: `
      CREATE TABLE audit_summaries (
        id TEXT COLLATE "C" PRIMARY KEY,
        brand TEXT COLLATE "C" NOT NULL,
        marketplace TEXT COLLATE "C" NOT NULL,
        seen INTEGER NOT NULL CHECK (seen >= 0),
        suspect INTEGER NOT NULL CHECK (suspect >= 0 AND suspect <= seen),
        at TEXT NOT NULL,
        at_ms BIGINT NOT NULL,
        volunteer TEXT NOT NULL
      );
      CREATE INDEX audit_summaries_at ON audit_summaries (at_ms);
    `,
  },
  {
    version: 9,
    name: "appeals: a seller's case against a listing's flag, and a volunteer's decision on it",
    sqlite: `
      CREATE TABLE appeals (
        id TEXT PRIMARY KEY,
        listing_key TEXT NOT NULL,
        body TEXT NOT NULL,
        origin TEXT,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'upheld', 'dismissed')),
        received_at TEXT NOT NULL,
        received_ms INTEGER NOT NULL,
        decided_at TEXT,
        decided_ms INTEGER,
        decided_by TEXT,
        decision_note TEXT
      ) STRICT;
      CREATE INDEX appeals_listing ON appeals (listing_key, status);
    `,
    postgres: `
      CREATE TABLE appeals (
        id TEXT COLLATE "C" PRIMARY KEY,
        listing_key TEXT COLLATE "C" NOT NULL,
        body TEXT NOT NULL,
        origin TEXT,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'upheld', 'dismissed')),
        received_at TEXT NOT NULL,
        received_ms BIGINT NOT NULL,
        decided_at TEXT,
        decided_ms BIGINT,
        decided_by TEXT,
        decision_note TEXT
      );
      CREATE INDEX appeals_listing ON appeals (listing_key, status);
    `,
  },
];

const SQLITE_LEDGER = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at TEXT NOT NULL
) STRICT`;

const POSTGRES_LEDGER = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at TEXT NOT NULL
)`;

/** Any fixed number: every migrating process takes this advisory lock, so two never interleave. */
const POSTGRES_LOCK = 7_246_311_904;

/** Applies the migrations an SQLite database lacks; each in its own write transaction. */
export function migrateSqlite(db: BetterSqlite3.Database, migrations: readonly Migration[] = MIGRATIONS): number[] {
  const applied: number[] = [];
  for (const migration of migrations) {
    // IMMEDIATE takes the write lock before reading the ledger: another process migrating the same
    // file waits (busy_timeout) instead of both applying the same step.
    const step = db.transaction(() => {
      db.exec(SQLITE_LEDGER);
      const done = db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?').get(migration.version);
      if (done) return false;
      db.exec(migration.sqlite);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        migration.version,
        migration.name,
        new Date().toISOString(),
      );
      return true;
    });
    if (step.immediate()) applied.push(migration.version);
  }
  return applied;
}

/** Applies the migrations a PostgreSQL database lacks; each in its own transaction. */
export async function migratePostgres(pool: Pool, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  const applied: number[] = [];
  const client = await pool.connect();
  try {
    for (const migration of migrations) {
      await client.query('BEGIN');
      try {
        // Held until COMMIT or ROLLBACK; also covers the ledger's CREATE TABLE IF NOT EXISTS,
        // which is not safe to run from two sessions at once.
        await client.query('SELECT pg_advisory_xact_lock($1)', [POSTGRES_LOCK]);
        await client.query(POSTGRES_LEDGER);
        const done = await client.query('SELECT 1 FROM schema_migrations WHERE version = $1', [migration.version]);
        if (done.rowCount === 0) {
          await client.query(migration.postgres);
          await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
            migration.version,
            migration.name,
            new Date().toISOString(),
          ]);
          applied.push(migration.version);
        }
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      }
    }
  } finally {
    client.release();
  }
  return applied;
}
