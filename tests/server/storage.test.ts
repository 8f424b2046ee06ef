import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import * as v from 'valibot';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { publish } from '../../server/src/publish';
import { loadOrCreateSigner } from '../../server/src/signing';
import { MIGRATIONS, type Migration, migratePostgres, migrateSqlite } from '../../server/src/storage/migrations';
import { openStorage, SQLITE_FILE } from '../../server/src/storage/open';
import type { AuditSummary } from '../../server/src/storage/results';
import type { RegistryArtifact, Storage, VolunteerToken } from '../../server/src/storage/types';
import { registryFromDisk } from '../../src/disk/registry-files';
import { type Feedback, FeedbackSchema, type Report, ReportSchema } from '../../src/reports/report';
import { postgresBinaries, startPostgres, type ThrowawayPostgres } from '../support/postgres';

// ── Fixtures ────────────────────────────────────────────────────────────────────────────────

let serial = 0;
const idOf = (prefix: string, n: number) => `${prefix}-${String(n).padStart(12, '0')}`;
const reporter = (n: number) => idOf('reporter', n);
/** The network reporter n reports from, hashed as the service keeps it. */
const origin = (n: number) => `origin-${n}`;

/** The listing keys a registry would name as reported (by shoppers, or confirmed), sorted. */
async function flaggedKeys(store: Storage, minReporters: number, sinceMs = 0): Promise<string[]> {
  const { community, confirmed } = await store.flaggedListings({ minReporters, sinceMs });
  return [...community, ...confirmed].map((listing) => listing.key).sort();
}

/** A report that ReportSchema accepts (checked here, so the fixtures stay honest). */
function makeReport(options: {
  id?: string;
  key?: string;
  brand?: string | null;
  reporter?: number;
  note?: string;
  screenshot?: Uint8Array;
  reasons?: Report['reasons'];
}): Report {
  const key = options.key ?? 'amazon:B0TESTITEM1';
  const marketplace = key.split(':')[0];
  const report = {
    id: options.id ?? idOf('report', ++serial),
    reporterId: reporter(options.reporter ?? 1),
    listing: {
      key,
      url: `https://www.example.com/item/${encodeURIComponent(key)}`,
      title: 'Nike Air Max 90 — «replica» 1:1',
      price: { amount: 19.99, currency: 'USD' },
      seller: 'Shoe Outlet 4U',
      marketplace,
    },
    ...(options.brand === null ? {} : { brand: options.brand ?? 'nike' }),
    level: 'high',
    reasons: options.reasons ?? [
      { code: 'counterfeit_terms', params: { term: 'replica', weight: 0.1 + 0.2 } },
      { code: 'brand_recognised', params: { brand: 'Nike', count: 3 } },
    ],
    registryVersion: 42,
    category: 'counterfeit',
    ...(options.note === undefined ? {} : { note: options.note }),
    ...(options.screenshot
      ? {
          screenshot: {
            base64: Buffer.from(options.screenshot).toString('base64'),
            sha256: createHash('sha256').update(options.screenshot).digest('hex'),
          },
        }
      : {}),
    createdAt: '2025-01-02T03:04:05.678Z',
    extensionVersion: '0.1.0',
  };
  return v.parse(ReportSchema, report);
}

function makeFeedback(options: { id?: string; note?: string } = {}): Feedback {
  return v.parse(FeedbackSchema, {
    id: options.id ?? idOf('feedback', ++serial),
    reporterId: reporter(9),
    listing: {
      key: 'ebay:1234567890',
      url: 'https://www.ebay.com/itm/1234567890',
      title: 'Genuine Levi’s 501',
      marketplace: 'ebay',
    },
    brand: 'levis',
    registryVersion: 7,
    ...(options.note === undefined ? {} : { note: options.note }),
    createdAt: '2025-01-02T03:04:05.678Z',
    extensionVersion: '0.1.0',
  });
}

const at = (day: number, seconds = 0) => new Date(Date.UTC(2025, 0, day, 12, 0, seconds)).toISOString();

// ── Backends ────────────────────────────────────────────────────────────────────────────────

/** Direct access to one test database, under the Storage interface. */
interface Raw {
  migrate(migrations: readonly Migration[]): Promise<number[]>;
  ledger(): Promise<number[]>;
  hasTable(name: string): Promise<boolean>;
  /** Runs SQL as it is, for putting a database into a past state. */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

interface Database_ {
  /** Opens it through openStorage (which migrates); as often as asked. */
  open(): Promise<Storage>;
  raw(): Promise<Raw>;
}

interface Backend {
  name: string;
  /** Why this backend cannot run here; the suite says so instead of running. */
  unavailable?: string;
  setup(): Promise<void>;
  teardown(): Promise<void>;
  /** A new, empty database. */
  fresh(): Promise<Omit<Database_, 'open'> & { options: { dataDir: string; databaseUrl?: string } }>;
}

const opened: { close(): Promise<void> }[] = [];
const track = <T extends { close(): Promise<void> }>(thing: T) => {
  opened.push(thing);
  return thing;
};

function sqliteBackend(): Backend {
  let root = '';
  let n = 0;
  return {
    name: 'sqlite',
    async setup() {
      root = mkdtempSync(join(tmpdir(), 'cg-sqlite-'));
    },
    async teardown() {
      rmSync(root, { recursive: true, force: true });
    },
    async fresh() {
      const dataDir = join(root, `db${++n}`, 'data');
      return {
        options: { dataDir },
        async raw() {
          mkdirSync(dataDir, { recursive: true });
          const db = new Database(join(dataDir, SQLITE_FILE));
          return track({
            async migrate(migrations: readonly Migration[]) {
              return migrateSqlite(db, migrations);
            },
            async ledger() {
              return db
                .prepare<[], { version: number }>('SELECT version FROM schema_migrations ORDER BY version')
                .all()
                .map((row) => row.version);
            },
            async hasTable(name: string) {
              return (
                db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined
              );
            },
            async exec(sql: string) {
              db.exec(sql);
            },
            async close() {
              if (db.open) db.close();
            },
          });
        },
      };
    },
  };
}

function postgresBackend(): Backend {
  let cluster: ThrowawayPostgres | undefined;
  let n = 0;
  const binaries = postgresBinaries();
  return {
    name: 'postgres',
    unavailable: binaries
      ? undefined
      : "no PostgreSQL binaries (initdb, pg_ctl) on PATH or in /usr/lib/postgresql/*/bin: install Debian's postgresql package",
    async setup() {
      cluster = await startPostgres();
      if (!cluster) throw new Error('PostgreSQL binaries disappeared');
    },
    async teardown() {
      await cluster?.stop();
    },
    async fresh() {
      const name = `storage_test_${++n}`;
      const admin = new pg.Client({ connectionString: cluster!.url });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE ${name}`);
      } finally {
        await admin.end();
      }
      const url = cluster!.urlFor(name);
      return {
        options: { dataDir: '/nonexistent/not-used-by-postgres', databaseUrl: url },
        async raw() {
          const pool = new pg.Pool({ connectionString: url, max: 4 });
          return track({
            migrate: (migrations: readonly Migration[]) => migratePostgres(pool, migrations),
            async ledger() {
              const result = await pool.query<{ version: number }>(
                'SELECT version FROM schema_migrations ORDER BY version',
              );
              return result.rows.map((row) => row.version);
            },
            async hasTable(table: string) {
              const result = await pool.query('SELECT to_regclass($1) IS NOT NULL AS found', [table]);
              return result.rows[0].found === true;
            },
            async exec(sql: string) {
              await pool.query(sql);
            },
            close: () => pool.end(),
          });
        },
      };
    },
  };
}

const backends = [sqliteBackend(), postgresBackend()];

// ── The suite, once for each backend ────────────────────────────────────────────────────────

describe.each(backends)('storage on $name', (backend) => {
  if (backend.unavailable) {
    if (process.env.CI) {
      it('has PostgreSQL to test against (CI must install it)', () => {
        throw new Error(backend.unavailable);
      });
    } else {
      it.skip(`skipped: ${backend.unavailable}`, () => {});
    }
    return;
  }

  beforeAll(() => backend.setup());
  afterAll(() => backend.teardown());
  afterEach(async () => {
    for (const thing of opened.splice(0).reverse()) await thing.close();
  });

  async function fresh(): Promise<Database_> {
    const db = await backend.fresh();
    return { ...db, open: async () => track(await openStorage(db.options)) };
  }

  async function storage(): Promise<Storage> {
    return (await fresh()).open();
  }

  describe('reports', () => {
    it('stores a report once: the same id again returns inserted false and the first content', async () => {
      const store = await storage();
      const first = makeReport({ note: 'first' });
      const again = { ...first, note: 'second, different body' };

      const a = await store.insertReport(first, at(1));
      const b = await store.insertReport(again, at(2));

      expect(a).toStrictEqual({ inserted: true, stored: { report: first, status: 'open', receivedAt: at(1) } });
      expect(b).toStrictEqual({ inserted: false, stored: { report: first, status: 'open', receivedAt: at(1) } });
      expect(await store.getReport(first.id)).toStrictEqual(a.stored);
      expect(await store.listReports({ brands: ['nike'], limit: 10, offset: 0 })).toHaveLength(1);
    });

    it('gives back exactly what it was given: numbers stay numbers, text stays text', async () => {
      const store = await storage();
      const report = makeReport({ note: 'Ünïcödé ✓ "quotes" \\ and\nnewlines' });
      await store.insertReport(report, '2025-01-02T03:04:05+02:00');
      const stored = await store.getReport(report.id);
      expect(stored).toStrictEqual({ report, status: 'open', receivedAt: '2025-01-02T03:04:05+02:00' });
      expect(stored!.report.reasons[0]!.params.weight).toBe(0.1 + 0.2);
      expect(stored!.report.registryVersion).toBe(42);
      expect(stored!.report.listing.price).toStrictEqual({ amount: 19.99, currency: 'USD' });
    });

    it('refuses a receivedAt that is not a time', async () => {
      const store = await storage();
      await expect(store.insertReport(makeReport({}), 'yesterday')).rejects.toThrow(RangeError);
      expect(await store.getReport(idOf('report', serial))).toBeUndefined();
    });

    it('keeps one row when 20 inserts of the same id race, from one and from two connections', async () => {
      const db = await fresh();
      const [one, two] = [await db.open(), await db.open()];
      const id = idOf('race', 1);
      const attempts = Array.from({ length: 20 }, (_, i) => makeReport({ id, note: `attempt ${i}` }));
      const results = await Promise.all(
        attempts.map((report, i) => (i % 2 ? one : two).insertReport(report, at(1, i))),
      );

      expect(results.filter((r) => r.inserted)).toHaveLength(1);
      const winner = results.find((r) => r.inserted)!.stored;
      for (const result of results) expect(result.stored).toStrictEqual(winner);
      expect(await one.listReports({ brands: ['nike'], limit: 100, offset: 0 })).toStrictEqual([winner]);
      expect((await one.stats()).reports).toBe(1);
    });

    it('returns undefined for a report it does not have', async () => {
      const store = await storage();
      expect(await store.getReport(idOf('missing', 1))).toBeUndefined();
    });
  });

  describe('listReports', () => {
    async function seeded() {
      const store = await storage();
      const reports = [
        { report: makeReport({ brand: 'nike' }), receivedAt: at(1) },
        { report: makeReport({ brand: 'adidas' }), receivedAt: at(2) },
        { report: makeReport({ brand: 'nike' }), receivedAt: at(3) },
        { report: makeReport({ id: idOf('same-time-a', 1), brand: 'nike' }), receivedAt: at(4) },
        { report: makeReport({ id: idOf('same-time-b', 1), brand: 'nike' }), receivedAt: at(4) },
        { report: makeReport({ brand: 'puma' }), receivedAt: at(5) },
        { report: makeReport({ brand: null }), receivedAt: at(6) },
        // 13:00 UTC, later than at(4) though earlier as text: ordering is by instant, not by text.
        { report: makeReport({ brand: 'nike' }), receivedAt: '2025-01-04T11:00:00.000-02:00' },
      ];
      for (const { report, receivedAt } of reports) await store.insertReport(report, receivedAt);
      const ids = reports.map((r) => r.report.id);
      await store.reviewReport(ids[2]!, 'confirmed', { note: 'fake', by: 'vol', at: at(10) });
      await store.reviewReport(ids[1]!, 'rejected', { note: 'real', by: 'vol', at: at(10) });
      return { store, ids };
    }
    const idsOf = (list: { report: { id: string } }[]) => list.map((s) => s.report.id);

    it('lists the given brands only, newest first, ties by id (last first)', async () => {
      const { store, ids } = await seeded();
      const nike = await store.listReports({ brands: ['nike'], limit: 50, offset: 0 });
      expect(idsOf(nike)).toEqual([ids[7], ids[4], ids[3], ids[2], ids[0]]);
      const both = await store.listReports({ brands: ['adidas', 'nike'], limit: 50, offset: 0 });
      expect(idsOf(both)).toEqual([ids[7], ids[4], ids[3], ids[2], ids[1], ids[0]]);
      expect(await store.listReports({ brands: [], limit: 50, offset: 0 })).toEqual([]);
      expect(await store.listReports({ brands: ['unknown-brand'], limit: 50, offset: 0 })).toEqual([]);
    });

    it('filters by status', async () => {
      const { store, ids } = await seeded();
      const brands = ['nike', 'adidas', 'puma'];
      expect(idsOf(await store.listReports({ brands, status: 'confirmed', limit: 50, offset: 0 }))).toEqual([ids[2]]);
      expect(idsOf(await store.listReports({ brands, status: 'rejected', limit: 50, offset: 0 }))).toEqual([ids[1]]);
      expect(idsOf(await store.listReports({ brands, status: 'open', limit: 50, offset: 0 }))).toEqual([
        ids[5],
        ids[7],
        ids[4],
        ids[3],
        ids[0],
      ]);
    });

    it('pages with limit and offset', async () => {
      const { store } = await seeded();
      const brands = ['nike', 'adidas', 'puma'];
      const all = idsOf(await store.listReports({ brands, limit: 50, offset: 0 }));
      expect(all).toHaveLength(7);
      const pages: string[] = [];
      for (let offset = 0; offset < 8; offset += 3) {
        const page = idsOf(await store.listReports({ brands, limit: 3, offset }));
        expect(page.length).toBeLessThanOrEqual(3);
        pages.push(...page);
      }
      expect(pages).toEqual(all);
      expect(await store.listReports({ brands, limit: 3, offset: 7 })).toEqual([]);
      expect(await store.listReports({ brands, limit: 0, offset: 0 })).toEqual([]);
      await expect(store.listReports({ brands, limit: -1, offset: 0 })).rejects.toThrow(RangeError);
    });
  });

  describe('reviewReport', () => {
    it('sets status and review, keeps them across a repeated insert, and lets a later review replace them', async () => {
      const store = await storage();
      const report = makeReport({});
      await store.insertReport(report, at(1));

      const review = { note: 'Fake: wrong logo stitching', by: 'Volunteer A', at: at(2) };
      const confirmed = await store.reviewReport(report.id, 'confirmed', review);
      expect(confirmed).toStrictEqual({ report, status: 'confirmed', receivedAt: at(1), review });
      expect(await store.getReport(report.id)).toStrictEqual(confirmed);
      expect(await store.insertReport(report, at(3))).toStrictEqual({ inserted: false, stored: confirmed });

      const second = { note: 'Seller is authorised after all', by: 'Volunteer B', at: at(4) };
      expect(await store.reviewReport(report.id, 'rejected', second)).toStrictEqual({
        report,
        status: 'rejected',
        receivedAt: at(1),
        review: second,
      });
    });

    it('returns undefined for an unknown report', async () => {
      const store = await storage();
      expect(await store.reviewReport(idOf('missing', 2), 'confirmed', { note: '', by: 'x', at: at(1) })).toBe(
        undefined,
      );
    });
  });

  describe('listListings and reviewListings', () => {
    const FLOOR = [{ code: 'price_below_floor' as const, params: { floor: 90, currency: 'USD' } }];

    /** Three nike listings and an adidas one, received on days 1 to 9. */
    async function seeded() {
      const store = await storage();
      const put = (options: Parameters<typeof makeReport>[0], day: number) =>
        store.insertReport(makeReport(options), at(day));
      await put({ key: 'ebay:111111', reporter: 1 }, 1);
      await put({ key: 'ebay:111111', reporter: 2 }, 2);
      await put({ key: 'ebay:111111', reporter: 2 }, 5);
      await put({ key: 'amazon:B0AAAAAAAA', reporter: 3, reasons: FLOOR }, 3);
      // A shopper's note naming the reason's code does not make the listing carry that reason.
      await put({ key: 'amazon:B0BBBBBBBB', reporter: 4, note: '"code":"price_below_floor"' }, 4);
      await put({ key: 'amazon:B0BBBBBBBB', reporter: 5, brand: 'adidas' }, 9);
      const withdrawn = makeReport({ key: 'ebay:222222', reporter: 6 });
      await store.insertReport(withdrawn, at(6));
      await store.withdrawReport(withdrawn.id, reporter(6), at(7));
      return store;
    }
    const keysOf = (page: { listings: { key: string }[] }) => page.listings.map((listing) => listing.key);
    const query = { brands: ['nike'], sort: 'recent' as const, limit: 10, offset: 0 };

    it('gives one row per listing, summed from its reports within the brands, withdrawn ones left out', async () => {
      const store = await seeded();
      const page = await store.listListings(query);
      expect(page.total).toBe(3);
      expect(keysOf(page)).toStrictEqual(['ebay:111111', 'amazon:B0BBBBBBBB', 'amazon:B0AAAAAAAA']);
      expect(page.listings[0]).toMatchObject({
        key: 'ebay:111111',
        marketplace: 'ebay',
        brand: 'nike',
        status: 'open',
        reports: 3,
        reporters: 2,
        firstAt: at(1),
        lastAt: at(5),
        byStatus: { open: 3, confirmed: 0, rejected: 0 },
        levels: { high: 3 },
        price: { amount: 19.99, currency: 'USD' },
      });
      expect(page.listings[0]!.reasons.map((reason) => [reason.code, reason.count])).toStrictEqual([
        ['brand_recognised', 3],
        ['counterfeit_terms', 3],
      ]);
      // The adidas report about the same listing is not this volunteer's.
      expect(page.listings[1]).toMatchObject({ reports: 1, lastAt: at(4) });
    });

    it('orders, pages and filters on the service, the total counting every listing the filters keep', async () => {
      const store = await seeded();
      expect(keysOf(await store.listListings({ ...query, sort: 'oldest' }))).toStrictEqual([
        'ebay:111111',
        'amazon:B0AAAAAAAA',
        'amazon:B0BBBBBBBB',
      ]);
      expect(keysOf(await store.listListings({ ...query, sort: 'reports' }))[0]).toBe('ebay:111111');
      const second = await store.listListings({ ...query, limit: 1, offset: 1 });
      expect({ total: second.total, keys: keysOf(second) }).toStrictEqual({ total: 3, keys: ['amazon:B0BBBBBBBB'] });
      expect(keysOf(await store.listListings({ ...query, marketplace: 'ebay' }))).toStrictEqual(['ebay:111111']);
      expect(keysOf(await store.listListings({ ...query, reason: 'price_below_floor' }))).toStrictEqual([
        'amazon:B0AAAAAAAA',
      ]);
      const window = await store.listListings({ ...query, since: Date.parse(at(3)), until: Date.parse(at(5)) });
      expect(keysOf(window)).toStrictEqual(['amazon:B0BBBBBBBB', 'amazon:B0AAAAAAAA']);
      expect(await store.listListings({ ...query, brands: [] })).toStrictEqual({ total: 0, listings: [] });
    });

    it('decides every report about a listing within the brands, and files it under its new status', async () => {
      const store = await seeded();
      const review = { note: 'Fake stitching', by: 'Volunteer A', at: at(10) };
      expect(
        await store.reviewListings(['ebay:111111', 'amazon:B0BBBBBBBB', 'ebay:222222'], ['nike'], 'confirmed', review),
      ).toStrictEqual({
        'ebay:111111': 3,
        'amazon:B0BBBBBBBB': 1,
      });
      await store.reviewListings(['amazon:B0AAAAAAAA'], ['nike'], 'rejected', { ...review, note: 'Honest resale' });
      expect(keysOf(await store.listListings({ ...query, status: 'confirmed' }))).toStrictEqual([
        'ebay:111111',
        'amazon:B0BBBBBBBB',
      ]);
      const rejected = await store.listListings({ ...query, status: 'rejected' });
      expect(rejected.listings).toMatchObject([
        { key: 'amazon:B0AAAAAAAA', status: 'rejected', review: { note: 'Honest resale', by: 'Volunteer A' } },
      ]);
      expect((await store.listListings({ ...query, status: 'open' })).total).toBe(0);
      // The adidas report about the confirmed listing is still open for adidas's volunteers.
      expect(keysOf(await store.listListings({ ...query, brands: ['adidas'], status: 'open' }))).toStrictEqual([
        'amazon:B0BBBBBBBB',
      ]);
    });
  });

  describe('filings', () => {
    const filing = (id: string, brand: string, day: number, keys: string[]) => ({
      id,
      brand,
      marketplace: 'ebay',
      format: 'vero' as const,
      filedAt: at(day),
      filedBy: 'Volunteer A',
      listed: keys.map((key) => ({ key })),
    });

    it('keeps a filing with its listings, lists a brand’s own newest first, and records outcomes', async () => {
      const store = await storage();
      await store.createFiling(filing('filing-1', 'nike', 1, ['ebay:111111', 'ebay:222222']));
      await store.createFiling(filing('filing-2', 'nike', 3, ['ebay:333333']));
      await store.createFiling(filing('filing-3', 'adidas', 2, ['ebay:444444']));
      expect((await store.listFilings(['nike'])).map((one) => one.id)).toStrictEqual(['filing-2', 'filing-1']);
      expect(await store.getFiling('filing-3', ['nike'])).toBeUndefined();

      const seen = { at: at(5), by: 'Volunteer B' };
      expect(
        await store.recordOutcomes(
          'filing-1',
          ['nike'],
          [
            { key: 'ebay:111111', outcome: 'removed', ...seen },
            { key: 'ebay:999999', outcome: 'removed', ...seen },
          ],
        ),
      ).toBe(1);
      // Another brand's filing is not touched through a nike token's brands.
      expect(
        await store.recordOutcomes('filing-3', ['nike'], [{ key: 'ebay:444444', outcome: 'refused', ...seen }]),
      ).toBe(0);
      expect(await store.getFiling('filing-1', ['nike'])).toStrictEqual({
        ...filing('filing-1', 'nike', 1, []),
        listed: [
          { key: 'ebay:111111', outcome: 'removed', outcomeAt: at(5), outcomeBy: 'Volunteer B' },
          { key: 'ebay:222222' },
        ],
      });
      // A later record replaces an earlier one.
      await store.recordOutcomes(
        'filing-1',
        ['nike'],
        [{ key: 'ebay:222222', outcome: 'still_up', at: at(6), by: 'B' }],
      );
      await store.recordOutcomes(
        'filing-1',
        ['nike'],
        [{ key: 'ebay:222222', outcome: 'removed', at: at(8), by: 'B' }],
      );
      expect((await store.getFiling('filing-1', ['nike']))!.listed[1]).toStrictEqual({
        key: 'ebay:222222',
        outcome: 'removed',
        outcomeAt: at(8),
        outcomeBy: 'B',
      });
    });

    it('takes sightings into outcomes not yet settled, in filings made before them, and lists what awaits removal', async () => {
      const store = await storage();
      await store.createFiling(filing('filing-1', 'nike', 2, ['ebay:111111', 'ebay:222222', 'ebay:333333']));
      await store.createFiling(filing('filing-2', 'adidas', 2, ['ebay:111111']));
      await store.createFiling(filing('filing-3', 'nike', 9, ['ebay:444444']));
      await store.recordOutcomes(
        'filing-1',
        ['nike'],
        [{ key: 'ebay:333333', outcome: 'refused', at: at(3), by: 'A' }],
      );
      expect(await store.awaitingRemoval(['nike'], 10)).toStrictEqual(['ebay:111111', 'ebay:222222', 'ebay:444444']);
      expect(await store.awaitingRemoval(['nike'], 2)).toStrictEqual(['ebay:111111', 'ebay:222222']);

      const sighting = (key: string, outcome: 'removed' | 'still_up', day: number) => ({
        key,
        outcome,
        at: at(day),
        by: 'E',
      });
      expect(
        await store.recordSightings(
          ['nike'],
          [
            sighting('ebay:111111', 'still_up', 4),
            // Seen before its filing (day 9): not an outcome of it.
            sighting('ebay:444444', 'removed', 5),
            // A volunteer said refused: a sighting does not overrule them.
            sighting('ebay:333333', 'removed', 5),
          ],
        ),
      ).toBe(1);
      // An older "still up" does not replace a newer one; a newer one does; removal replaces it.
      expect(await store.recordSightings(['nike'], [sighting('ebay:111111', 'still_up', 3)])).toBe(0);
      expect(await store.recordSightings(['nike'], [sighting('ebay:111111', 'still_up', 6)])).toBe(1);
      expect(await store.recordSightings(['nike'], [sighting('ebay:111111', 'removed', 7)])).toBe(1);
      expect(await store.recordSightings(['nike'], [sighting('ebay:111111', 'still_up', 8)])).toBe(0);
      expect((await store.getFiling('filing-1', ['nike']))!.listed).toStrictEqual([
        { key: 'ebay:111111', outcome: 'removed', outcomeAt: at(7), outcomeBy: 'E' },
        { key: 'ebay:222222' },
        { key: 'ebay:333333', outcome: 'refused', outcomeAt: at(3), outcomeBy: 'A' },
      ]);
      // The other brand's filing of the same listing is not touched through nike's brands.
      expect((await store.getFiling('filing-2', ['adidas']))!.listed).toStrictEqual([{ key: 'ebay:111111' }]);
      expect(await store.awaitingRemoval(['nike'], 10)).toStrictEqual(['ebay:222222', 'ebay:444444']);
    });

    it('keeps all of a filing or none of it', async () => {
      const store = await storage();
      await store.createFiling(filing('filing-1', 'nike', 1, ['ebay:111111']));
      await expect(store.createFiling(filing('filing-1', 'nike', 2, ['ebay:222222']))).rejects.toThrow();
      // Its second listing fails (the same key twice): its row goes too.
      await expect(store.createFiling(filing('filing-2', 'nike', 2, ['ebay:222222', 'ebay:222222']))).rejects.toThrow();
      // Nothing of it was kept: the same id goes in afresh.
      await store.createFiling(filing('filing-2', 'nike', 3, ['ebay:333333']));
      expect((await store.getFiling('filing-2', ['nike']))!.listed).toStrictEqual([{ key: 'ebay:333333' }]);
      expect((await store.getFiling('filing-1', ['nike']))!.listed).toStrictEqual([{ key: 'ebay:111111' }]);
    });

    it('gives the reports about some listings within some brands', async () => {
      const store = await storage();
      await store.insertReport(makeReport({ key: 'ebay:111111' }), at(1));
      await store.insertReport(makeReport({ key: 'ebay:111111', brand: 'adidas' }), at(2));
      await store.insertReport(makeReport({ key: 'ebay:222222' }), at(3));
      const about = await store.reportsAbout(['ebay:111111'], ['nike']);
      expect(about.map((one) => [one.report.listing.key, one.report.brand])).toStrictEqual([['ebay:111111', 'nike']]);
    });
  });

  describe('resultRows and audit summaries', () => {
    it('gives the rows the results are summed from, since an instant, for some brands or all', async () => {
      const store = await storage();
      const old = makeReport({ key: 'ebay:111111' });
      const recent = makeReport({ key: 'ebay:222222', brand: 'adidas' });
      await store.insertReport(old, at(1));
      await store.insertReport(recent, at(10));
      // Reviewed inside the window though received before it: its review counts.
      await store.reviewReport(old.id, 'confirmed', { note: '', by: 'A', at: at(11) });
      await store.createFiling({
        id: 'filing-1',
        brand: 'nike',
        marketplace: 'ebay',
        format: 'vero',
        filedAt: at(12),
        filedBy: 'A',
        listed: [{ key: 'ebay:111111' }],
      });
      await store.recordOutcomes(
        'filing-1',
        ['nike'],
        [{ key: 'ebay:111111', outcome: 'removed', at: at(14), by: 'A' }],
      );
      const summary: AuditSummary = {
        id: 'audit-session-0001',
        brand: 'nike',
        marketplace: 'ebay',
        seen: 40,
        suspect: 3,
        at: at(13),
        volunteer: 'A',
      };
      expect(await store.insertAuditSummary(summary)).toBe(true);
      expect(await store.insertAuditSummary({ ...summary, seen: 99 })).toBe(false);

      const since = Date.parse(at(5));
      const all = await store.resultRows(since);
      expect(all.reports.map((row) => [row.brand, row.status, row.receivedMs, row.reviewedMs])).toEqual(
        expect.arrayContaining([
          ['nike', 'confirmed', Date.parse(at(1)), Date.parse(at(11))],
          ['adidas', 'open', Date.parse(at(10)), undefined],
        ]),
      );
      expect(all.filed).toStrictEqual([
        {
          brand: 'nike',
          marketplace: 'ebay',
          filedMs: Date.parse(at(12)),
          outcome: 'removed',
          outcomeMs: Date.parse(at(14)),
        },
      ]);
      expect(all.audits).toStrictEqual([
        { brand: 'nike', marketplace: 'ebay', atMs: Date.parse(at(13)), seen: 40, suspect: 3 },
      ]);
      const adidas = await store.resultRows(since, ['adidas']);
      expect(adidas.reports.map((row) => row.brand)).toEqual(['adidas']);
      expect({ filed: adidas.filed, audits: adidas.audits }).toStrictEqual({ filed: [], audits: [] });
      expect((await store.resultRows(Date.parse(at(20)))).reports).toEqual([]);
    });
  });

  describe('withdrawReport', () => {
    it('withdraws the reporter’s own report once; again returns the first withdrawal', async () => {
      const store = await storage();
      const report = makeReport({ reporter: 1 });
      await store.insertReport(report, at(1));

      const withdrawn = { report, status: 'open', receivedAt: at(1), withdrawnAt: at(2) };
      expect(await store.withdrawReport(report.id, reporter(1), at(2))).toStrictEqual({
        withdrawn: true,
        stored: withdrawn,
      });
      expect(await store.withdrawReport(report.id, reporter(1), at(3))).toStrictEqual({
        withdrawn: false,
        stored: withdrawn,
      });
      expect(await store.getReport(report.id)).toStrictEqual(withdrawn);
      // Sending the report again does not bring it back.
      expect(await store.insertReport(report, at(4))).toStrictEqual({ inserted: false, stored: withdrawn });
    });

    it('returns undefined for an unknown id and for another reporter’s report, which stays as it was', async () => {
      const store = await storage();
      const report = makeReport({ reporter: 1 });
      await store.insertReport(report, at(1));

      expect(await store.withdrawReport(idOf('missing', 3), reporter(1), at(2))).toBeUndefined();
      expect(await store.withdrawReport(report.id, reporter(2), at(2))).toBeUndefined();
      expect(await store.getReport(report.id)).toStrictEqual({ report, status: 'open', receivedAt: at(1) });
      expect(await store.listReports({ brands: ['nike'], limit: 10, offset: 0 })).toHaveLength(1);
    });

    it('refuses a time that is not a time, and withdraws nothing then', async () => {
      const store = await storage();
      const report = makeReport({ reporter: 1 });
      await store.insertReport(report, at(1));
      await expect(store.withdrawReport(report.id, reporter(1), 'now')).rejects.toThrow(
        new RangeError('withdrawnAt is not an ISO 8601 time: "now"'),
      );
      expect((await store.getReport(report.id))?.withdrawnAt).toBeUndefined();
    });

    it('withdraws once when 20 withdrawals race, from one and from two connections', async () => {
      const db = await fresh();
      const [one, two] = [await db.open(), await db.open()];
      const report = makeReport({ reporter: 1 });
      await one.insertReport(report, at(1));
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => (i % 2 ? one : two).withdrawReport(report.id, reporter(1), at(2, i))),
      );

      expect(results.filter((r) => r?.withdrawn)).toHaveLength(1);
      const first = results.find((r) => r?.withdrawn)!.stored;
      for (const result of results) expect(result?.stored).toStrictEqual(first);
      expect(await two.getReport(report.id)).toStrictEqual(first);
    });

    it('leaves a withdrawn report out of lists, reviews, flags and stats', async () => {
      const store = await storage();
      const add = async (key: string, reporterN: number, receivedAt: string, brand = 'nike') => {
        const report = makeReport({ key, reporter: reporterN, brand });
        await store.insertReport(report, receivedAt, origin(reporterN));
        return report.id;
      };
      const withdraw = async (id: string, reporterN: number) => {
        expect((await store.withdrawReport(id, reporter(reporterN), at(20)))?.withdrawn).toBe(true);
      };

      // Three reporters, one withdraws: two left.
      const three = [await add('amazon:THREE', 1, at(1)), await add('amazon:THREE', 2, at(1))];
      await withdraw(await add('amazon:THREE', 3, at(1)), 3);
      // Confirmed by a volunteer, then withdrawn: the volunteer's verdict on the listing stands.
      const confirmed = await add('ebay:CONFIRMED', 4, at(2));
      await store.reviewReport(confirmed, 'confirmed', { note: 'fake', by: 'vol', at: at(3) });
      await withdraw(confirmed, 4);
      // Rejected by a volunteer, then withdrawn: the rejection still holds back the three reporters left.
      const rejected = await add('ebay:REJECTED', 5, at(2));
      await store.reviewReport(rejected, 'rejected', { note: 'real', by: 'vol', at: at(3) });
      await withdraw(rejected, 5);
      for (const n of [6, 7, 8]) await add('ebay:REJECTED', n, at(2));
      // The only report of its listing, in a week of its own: the week goes too.
      await withdraw(await add('amazon:GONE', 9, '2024-06-05T12:00:00.000Z', 'adidas'), 9);

      expect(await flaggedKeys(store, 3)).toEqual(['ebay:CONFIRMED']);
      expect(await flaggedKeys(store, 2)).toEqual(['amazon:THREE', 'ebay:CONFIRMED']);

      const brands = ['nike', 'adidas'];
      const listed = await store.listReports({ brands, limit: 50, offset: 0 });
      expect(listed.map((s) => s.report.listing.key)).toEqual([
        'ebay:REJECTED',
        'ebay:REJECTED',
        'ebay:REJECTED',
        'amazon:THREE',
        'amazon:THREE',
      ]);
      expect(listed.every((s) => s.withdrawnAt === undefined)).toBe(true);
      expect(new Set(listed.map((s) => s.report.id)).has(three[0]!)).toBe(true);
      expect(await store.listReports({ brands, status: 'confirmed', limit: 50, offset: 0 })).toEqual([]);
      expect(await store.listReports({ brands, status: 'rejected', limit: 50, offset: 0 })).toEqual([]);
      expect(await store.listReports({ brands: ['adidas'], limit: 50, offset: 0 })).toEqual([]);

      // A withdrawn report cannot be reviewed, and keeps the review it had.
      expect(await store.reviewReport(confirmed, 'rejected', { note: 'x', by: 'vol', at: at(21) })).toBeUndefined();
      expect((await store.getReport(confirmed))?.review).toStrictEqual({ note: 'fake', by: 'vol', at: at(3) });
      expect((await store.getReport(confirmed))?.status).toBe('confirmed');

      expect(await store.stats()).toStrictEqual({
        reportsByMarketplace: {
          amazon: { open: 2, confirmed: 0, rejected: 0 },
          ebay: { open: 3, confirmed: 0, rejected: 0 },
        },
        reports: 5,
        confirmed: 0,
        rejected: 0,
        feedback: 0,
        flaggedListings: 1,
        suspectListingsByWeek: [{ week: '2025-W01', listings: 2 }],
      });
    });
  });

  describe('reporterAccuracy', () => {
    it('counts one reporter’s reports about the brands by status, withdrawn ones and other brands left out', async () => {
      const store = await storage();
      const add = async (options: { reporter?: number; brand?: string | null }, status?: 'confirmed' | 'rejected') => {
        const report = makeReport({ reporter: 1, ...options });
        await store.insertReport(report, at(1));
        if (status) await store.reviewReport(report.id, status, { note: '', by: 'vol', at: at(2) });
        return report.id;
      };
      for (let n = 0; n < 3; n++) await add({}, 'confirmed');
      await add({}, 'rejected');
      await add({});
      await add({});
      // Confirmed, then withdrawn by the reporter: not counted.
      const withdrawn = await add({}, 'confirmed');
      expect((await store.withdrawReport(withdrawn, reporter(1), at(3)))?.withdrawn).toBe(true);
      // Rejected, then confirmed on a second look: counted once, as confirmed.
      const changed = await add({ brand: 'adidas' }, 'rejected');
      await store.reviewReport(changed, 'confirmed', { note: '', by: 'vol', at: at(4) });
      await add({ brand: 'adidas' });
      await add({ brand: 'puma' }, 'confirmed');
      await add({ brand: null });
      // Another reporter's reports: not counted.
      await add({ reporter: 2 }, 'confirmed');
      await add({ reporter: 2 }, 'rejected');

      expect(await store.reporterAccuracy({ reporterId: reporter(1), brands: ['nike'] })).toStrictEqual({
        reporterId: reporter(1),
        confirmed: 3,
        rejected: 1,
        open: 2,
        reviewed: 4,
      });
      expect(await store.reporterAccuracy({ reporterId: reporter(1), brands: ['adidas', 'nike'] })).toStrictEqual({
        reporterId: reporter(1),
        confirmed: 4,
        rejected: 1,
        open: 3,
        reviewed: 5,
      });
      expect(await store.reporterAccuracy({ reporterId: reporter(2), brands: ['nike', 'puma'] })).toStrictEqual({
        reporterId: reporter(2),
        confirmed: 1,
        rejected: 1,
        open: 0,
        reviewed: 2,
      });
    });

    it('is all zeros for a reporter without reports about the brands, an unknown one, or no brands', async () => {
      const store = await storage();
      await store.insertReport(makeReport({ reporter: 1, brand: 'nike' }), at(1));
      const zeros = (reporterId: string) => ({ reporterId, confirmed: 0, rejected: 0, open: 0, reviewed: 0 });
      expect(await store.reporterAccuracy({ reporterId: reporter(1), brands: ['adidas'] })).toStrictEqual(
        zeros(reporter(1)),
      );
      expect(await store.reporterAccuracy({ reporterId: reporter(1), brands: [] })).toStrictEqual(zeros(reporter(1)));
      expect(await store.reporterAccuracy({ reporterId: reporter(7), brands: ['nike'] })).toStrictEqual(
        zeros(reporter(7)),
      );
    });
  });

  describe('feedback', () => {
    it('stores feedback once, returning the first content for the same id', async () => {
      const store = await storage();
      const first = makeFeedback({ note: 'bought it, real' });
      expect(await store.insertFeedback(first, at(1))).toStrictEqual({ inserted: true, stored: first });
      expect(await store.insertFeedback({ ...first, note: 'changed' }, at(2))).toStrictEqual({
        inserted: false,
        stored: first,
      });
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => store.insertFeedback(makeFeedback({ id: idOf('fb-race', 1) }), at(i + 1))),
      );
      expect(results.filter((r) => r.inserted)).toHaveLength(1);
      expect((await store.stats()).feedback).toBe(2);
    });
  });

  describe('screenshots', () => {
    const png = (n: number) => new Uint8Array(Array.from({ length: 4096 }, (_, i) => (i * 31 + n) % 256));
    const hash = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

    it('keeps each image once, apart from the reports, which name it by hash', async () => {
      const store = await storage();
      const one = makeReport({ key: 'ebay:SHOT1', reporter: 1, screenshot: png(1) });
      const same = makeReport({ key: 'ebay:SHOT2', reporter: 2, screenshot: png(1) });
      await store.insertReport(one, at(1));
      await store.insertReport(same, at(1));
      const { stored } = await store.insertReport(one, at(2));
      expect(stored.report.screenshot).toStrictEqual({ sha256: hash(png(1)) });
      expect(JSON.stringify(await store.listReports({ brands: ['nike'], limit: 10, offset: 0 }))).not.toContain(
        one.screenshot!.base64.slice(0, 40),
      );
      expect(await store.getScreenshot(hash(png(1)), ['nike'])).toStrictEqual(png(1));
      // Another brand's volunteer never gets it.
      expect(await store.getScreenshot(hash(png(1)), ['adidas'])).toBeUndefined();
      // Withdrawn by one reporter, the image stays for the other report; by both, it is gone.
      await store.withdrawReport(one.id, reporter(1), at(3));
      expect(await store.getScreenshot(hash(png(1)), ['nike'])).toStrictEqual(png(1));
      await store.withdrawReport(same.id, reporter(2), at(3));
      expect(await store.getScreenshot(hash(png(1)), ['nike'])).toBeUndefined();
    });

    it('lets go of the screenshots of reports reviewed long ago, keeping the open ones', async () => {
      const store = await storage();
      const reviewed = makeReport({ key: 'ebay:OLDSHOT', reporter: 1, screenshot: png(2) });
      const open = makeReport({ key: 'ebay:OPENSHOT', reporter: 2, screenshot: png(3) });
      await store.insertReport(reviewed, at(1));
      await store.insertReport(open, at(1));
      await store.reviewReport(reviewed.id, 'confirmed', { note: 'fake', by: 'vol', at: at(2) });
      expect(await store.pruneScreenshots(at(2))).toBe(0);
      expect(await store.pruneScreenshots(at(5))).toBe(1);
      expect(await store.getScreenshot(hash(png(2)), ['nike'])).toBeUndefined();
      expect(await store.getScreenshot(hash(png(3)), ['nike'])).toStrictEqual(png(3));
      // The report itself stays, with its screenshot's hash.
      expect((await store.getReport(reviewed.id))?.report.screenshot).toStrictEqual({ sha256: hash(png(2)) });
    });
  });

  describe('appeals', () => {
    const text = {
      url: 'https://www.amazon.com/dp/B0THREE001',
      name: 'Seller Co',
      role: 'seller' as const,
      evidence: 'Invoice from the brand attached',
      contact: 'seller@example.com',
    };

    it('keeps an appeal once, lists it for the brands its listing was reported for, and an upheld one unflags the listing', async () => {
      const store = await storage();
      for (const n of [1, 2, 3])
        await store.insertReport(makeReport({ key: 'amazon:THREE', reporter: n }), at(1), origin(n));
      const confirmed = await store.insertReport(makeReport({ key: 'ebay:CONFIRMED', reporter: 4 }), at(1), origin(4));
      await store.reviewReport(confirmed.stored.report.id, 'confirmed', { note: 'fake', by: 'vol', at: at(2) });
      expect(await store.isReported('amazon:THREE')).toBe(true);
      expect(await store.isReported('amazon:NOBODY')).toBe(false);
      expect(await flaggedKeys(store, 3)).toEqual(['amazon:THREE', 'ebay:CONFIRMED']);

      const first = await store.insertAppeal('appeal-000000000001', 'amazon:THREE', text, at(3), 'origin-9');
      expect(first).toStrictEqual({
        inserted: true,
        stored: { ...text, id: 'appeal-000000000001', key: 'amazon:THREE', status: 'open', receivedAt: at(3) },
      });
      expect(
        (await store.insertAppeal('appeal-000000000001', 'amazon:THREE', { ...text, name: 'Other' }, at(4))).inserted,
      ).toBe(false);
      await store.insertAppeal('appeal-000000000002', 'ebay:CONFIRMED', text, at(4));
      expect((await store.listAppeals(['nike'])).map((one) => one.id)).toEqual([
        'appeal-000000000002',
        'appeal-000000000001',
      ]);
      expect(await store.listAppeals(['adidas'])).toEqual([]);

      const decision = { note: 'authorised', by: 'vol', at: at(5) };
      expect(await store.decideAppeal('appeal-000000000001', ['adidas'], 'upheld', decision)).toBeUndefined();
      expect(await store.decideAppeal('appeal-000000000001', ['nike'], 'upheld', decision)).toMatchObject({
        status: 'upheld',
        decision,
      });
      await store.decideAppeal('appeal-000000000002', ['nike'], 'upheld', decision);
      // Upheld, neither the reported nor the confirmed listing is flagged any more.
      expect(await flaggedKeys(store, 3)).toEqual([]);
      expect(await store.listAppeals(['nike'], 'open')).toEqual([]);
      expect((await store.listAppeals(['nike'], 'upheld')).length).toBe(2);
    });
  });

  describe('flaggedListings', () => {
    it('flags 3 distinct reporters from 3 origins or any confirmed report', async () => {
      const store = await storage();
      const add = (key: string, reporterN: number, receivedAt = at(1)) =>
        store
          .insertReport(makeReport({ key, reporter: reporterN }), receivedAt, origin(reporterN))
          .then((r) => r.stored.report.id);

      for (const n of [1, 2, 3]) await add('amazon:THREE', n);
      for (const n of [1, 2, 3]) await add('amazon:apple', n);
      // Two reporters, one of them twice: three reports, two people.
      for (const n of [1, 2, 1]) await add('amazon:TWO', n);
      const confirmed = await add('ebay:CONFIRMED', 4);
      await store.reviewReport(confirmed, 'confirmed', { note: 'fake', by: 'vol', at: at(2) });
      const rejected = await add('ebay:REJECTED', 5);
      await store.reviewReport(rejected, 'rejected', { note: 'real', by: 'vol', at: at(2) });
      // Three reporters, but a volunteer found the listing genuine: not flagged.
      for (const n of [6, 7]) await add('ebay:REJECTED', n);

      expect(await flaggedKeys(store, 3)).toEqual(['amazon:THREE', 'amazon:apple', 'ebay:CONFIRMED']);
      expect(await flaggedKeys(store, 2)).toEqual(['amazon:THREE', 'amazon:TWO', 'amazon:apple', 'ebay:CONFIRMED']);
      expect(await flaggedKeys(store, 4)).toEqual(['ebay:CONFIRMED']);
      expect((await store.stats()).flaggedListings).toBe(3);
      // The confirmed listing comes apart, with the brand its volunteer confirmed; the reported
      // ones with their count of reporters.
      const { community, confirmed: judged } = await store.flaggedListings({ minReporters: 3, sinceMs: 0 });
      expect(judged).toEqual([{ key: 'ebay:CONFIRMED', brand: 'nike' }]);
      expect(community).toEqual([
        { key: 'amazon:THREE', brand: 'nike', reporters: 3 },
        { key: 'amazon:apple', brand: 'nike', reporters: 3 },
      ]);
    });

    it('counts reporter ids made up on one network once', async () => {
      const store = await storage();
      const add = (reporterN: number, from: string) =>
        store.insertReport(makeReport({ key: 'amazon:GENUINE', reporter: reporterN }), at(1), from);
      // Three made-up ids from one machine, then many more: one origin all the same.
      for (const n of [1, 2, 3, 4, 5, 6]) await add(n, origin(1));
      expect(await flaggedKeys(store, 3)).toEqual([]);
      await add(7, origin(2));
      expect(await flaggedKeys(store, 3)).toEqual([]);
      await add(8, origin(3));
      expect(await flaggedKeys(store, 3)).toEqual(['amazon:GENUINE']);
      // Reports with no origin known (kept from before origins were) count no origin.
      await store.insertReport(makeReport({ key: 'amazon:OLD', reporter: 1 }), at(1));
      await store.insertReport(makeReport({ key: 'amazon:OLD', reporter: 2 }), at(1));
      expect(await flaggedKeys(store, 2)).toEqual(['amazon:GENUINE']);
    });

    it('leaves out reports older than the flag period', async () => {
      const store = await storage();
      for (const n of [1, 2, 3])
        await store.insertReport(makeReport({ key: 'ebay:OLD', reporter: n }), '2025-01-01T00:00:00.000Z', origin(n));
      for (const n of [1, 2])
        await store.insertReport(makeReport({ key: 'ebay:NEW', reporter: n }), '2025-06-01T00:00:00.000Z', origin(n));
      await store.insertReport(makeReport({ key: 'ebay:NEW', reporter: 3 }), '2025-01-01T00:00:00.000Z', origin(3));
      expect(await flaggedKeys(store, 3)).toEqual(['ebay:NEW', 'ebay:OLD']);
      expect(await flaggedKeys(store, 3, Date.parse('2025-03-01T00:00:00.000Z'))).toEqual([]);
      expect(await flaggedKeys(store, 2, Date.parse('2025-03-01T00:00:00.000Z'))).toEqual(['ebay:NEW']);
    });

    it('flags nothing in an empty database', async () => {
      const store = await storage();
      expect(await flaggedKeys(store, 3)).toEqual([]);
    });
  });

  describe('stats', () => {
    it('counts per marketplace and status, totals, feedback, flagged listings and listings per ISO week', async () => {
      const store = await storage();
      const add = (key: string, reporterN: number, receivedAt: string) =>
        store
          .insertReport(makeReport({ key, reporter: reporterN }), receivedAt, origin(reporterN))
          .then((r) => r.stored.report.id);

      await add('amazon:A1', 1, '2024-12-29T23:59:59.999Z'); // Sunday: 2024-W52
      await add('amazon:A1', 2, '2024-12-30T00:00:00.000Z'); // Monday: 2025-W01
      const e1 = await add('ebay:E1', 1, '2024-12-31T12:00:00.000Z'); // 2025-W01
      await add('ebay:E1', 3, '2025-01-05T23:30:00.000Z'); // Sunday: 2025-W01
      const a2 = await add('amazon:A2', 3, '2021-01-03T10:00:00.000+02:00'); // 08:00 UTC: 2020-W53
      await store.reviewReport(e1, 'confirmed', { note: '', by: 'vol', at: at(9) });
      await store.reviewReport(a2, 'rejected', { note: '', by: 'vol', at: at(9) });
      await store.insertFeedback(makeFeedback(), at(9));
      const feedback = makeFeedback();
      await store.insertFeedback(feedback, at(9));
      await store.insertFeedback(feedback, at(10));

      expect(await store.stats()).toStrictEqual({
        reportsByMarketplace: {
          amazon: { open: 2, confirmed: 0, rejected: 1 },
          ebay: { open: 1, confirmed: 1, rejected: 0 },
        },
        reports: 5,
        confirmed: 1,
        rejected: 1,
        feedback: 2,
        flaggedListings: 1,
        suspectListingsByWeek: [
          { week: '2020-W53', listings: 1 },
          { week: '2024-W52', listings: 1 },
          { week: '2025-W01', listings: 2 },
        ],
      });
    });

    it('is all zeros for an empty database', async () => {
      const store = await storage();
      expect(await store.stats()).toStrictEqual({
        reportsByMarketplace: {},
        reports: 0,
        confirmed: 0,
        rejected: 0,
        feedback: 0,
        flaggedListings: 0,
        suspectListingsByWeek: [],
      });
    });
  });

  describe('tokens', () => {
    it('finds a token by hash, with and without expiry; a second create replaces it', async () => {
      const store = await storage();
      const lasting: VolunteerToken = {
        hash: 'a'.repeat(64),
        name: 'Volunteer A',
        brands: ['adidas', 'nike'],
        createdAt: at(1),
      };
      const expiring: VolunteerToken = { ...lasting, hash: 'b'.repeat(64), brands: [], expiresAt: at(30) };
      await store.createToken(lasting);
      await store.createToken(expiring);
      expect(await store.findToken(lasting.hash)).toStrictEqual(lasting);
      expect(await store.findToken(expiring.hash)).toStrictEqual(expiring);
      expect(await store.findToken('c'.repeat(64))).toBeUndefined();

      const renamed = { ...lasting, name: 'Volunteer A (renamed)', brands: ['puma'] };
      await store.createToken(renamed);
      expect(await store.findToken(lasting.hash)).toStrictEqual(renamed);
    });

    it('lists tokens oldest first and revokes one by its hash', async () => {
      const store = await storage();
      const token = (n: number): VolunteerToken => ({
        hash: String(n).repeat(64),
        name: `Volunteer ${n}`,
        brands: ['nike'],
        createdAt: at(10 - n),
      });
      for (const n of [1, 2, 3]) await store.createToken(token(n));
      expect((await store.listTokens()).map((record) => record.name)).toEqual([
        'Volunteer 3',
        'Volunteer 2',
        'Volunteer 1',
      ]);
      expect(await store.revokeToken(token(2).hash)).toBe(true);
      expect(await store.revokeToken(token(2).hash)).toBe(false);
      expect(await store.findToken(token(2).hash)).toBeUndefined();
      expect((await store.listTokens()).map((record) => record.name)).toEqual(['Volunteer 3', 'Volunteer 1']);
    });
  });

  describe('registry', () => {
    const artifact = (version: number, text = `v${version}`): RegistryArtifact => ({
      version,
      body: JSON.stringify({ formatVersion: 1, payload: `{\n "version": ${version},\n "text": "${text} ✓"\n}` }),
      etag: `"v${version}-0123456789abcdef"`,
      publishedAt: at(version % 28),
    });

    it('round-trips artifacts and patches exactly, the latest being the highest version', async () => {
      const store = await storage();
      expect(await store.latestRegistry()).toBeUndefined();
      expect(await store.registryPatch(1, 2)).toBeUndefined();

      await store.saveRegistry(artifact(1));
      expect(await store.latestRegistry()).toStrictEqual(artifact(1));

      const patch = { from: 1, to: 2, body: '{"patch":"@@ -1 +1 @@\\n-a\\n+b\\n"}' };
      await store.saveRegistry(artifact(2), patch);
      expect(await store.latestRegistry()).toStrictEqual(artifact(2));
      expect(await store.registryPatch(1, 2)).toStrictEqual(patch);
      expect(await store.registryPatch(2, 1)).toBeUndefined();

      // Beyond 32 bits, as a date-shaped version would be.
      const big = 20_250_102_030_405;
      await store.saveRegistry(artifact(big), { from: 2, to: big, body: '{}' });
      const latest = await store.latestRegistry();
      expect(latest).toStrictEqual(artifact(big));
      expect(typeof latest!.version).toBe('number');
      expect(await store.registryPatch(2, big)).toStrictEqual({ from: 2, to: big, body: '{}' });
    });

    it('accepts the same version saved again, refuses a different body for it, and saves nothing then', async () => {
      const store = await storage();
      await store.saveRegistry(artifact(1));
      await store.saveRegistry(artifact(2), { from: 1, to: 2, body: 'p' });
      await store.saveRegistry(artifact(2), { from: 1, to: 2, body: 'p' });

      await expect(store.saveRegistry(artifact(2, 'other'), { from: 0, to: 2, body: 'q' })).rejects.toThrow(
        /different body/,
      );
      await expect(store.saveRegistry(artifact(3), { from: 1, to: 2, body: 'other' })).rejects.toThrow(
        /different body/,
      );
      expect(await store.registryPatch(0, 2)).toBeUndefined();
      expect(await store.latestRegistry()).toStrictEqual(artifact(2));
      expect(await store.registryPatch(1, 2)).toStrictEqual({ from: 1, to: 2, body: 'p' });
    });
  });

  describe('migrations', () => {
    it('migrating again is a no-op: nothing re-applied, data kept', async () => {
      const db = await fresh();
      const store = await db.open();
      const report = makeReport({});
      await store.insertReport(report, at(1));
      await store.migrate();
      await store.migrate();

      const raw = await db.raw();
      expect(await raw.ledger()).toEqual(MIGRATIONS.map((m) => m.version));
      expect(await raw.migrate(MIGRATIONS)).toEqual([]);
      expect(await store.getReport(report.id)).toStrictEqual({ report, status: 'open', receivedAt: at(1) });
    });

    it('applies each new migration once, and a failing one not at all', async () => {
      const db = await fresh();
      await db.open();
      const raw = await db.raw();
      const next = MIGRATIONS.length + 1;
      const added: Migration = {
        version: next,
        name: 'test: an extra table',
        sqlite: 'CREATE TABLE extra_one (x INTEGER)',
        postgres: 'CREATE TABLE extra_one (x INTEGER)',
      };
      const broken: Migration = {
        version: next + 1,
        name: 'test: fails halfway',
        sqlite: 'CREATE TABLE extra_two (x INTEGER); CREATE TABLE broken (',
        postgres: 'CREATE TABLE extra_two (x INTEGER); CREATE TABLE broken (',
      };
      expect(await raw.migrate([...MIGRATIONS, added])).toEqual([next]);
      expect(await raw.migrate([...MIGRATIONS, added])).toEqual([]);
      await expect(raw.migrate([...MIGRATIONS, added, broken])).rejects.toThrow();
      expect(await raw.hasTable('extra_one')).toBe(true);
      expect(await raw.hasTable('extra_two')).toBe(false);
      expect(await raw.ledger()).toEqual([...MIGRATIONS.map((m) => m.version), next]);
    });

    it('adds withdrawn_at to a version 1 database, keeping its reports, which can then be withdrawn', async () => {
      const db = await fresh();
      const raw = await db.raw();
      expect(await raw.migrate(MIGRATIONS.slice(0, 1))).toEqual([1]);
      const report = makeReport({ reporter: 1 });
      const text = (value: string) => `'${value.replaceAll("'", "''")}'`;
      await raw.exec(
        `INSERT INTO reports (id, brand, marketplace, listing_key, reporter_id, received_at, received_ms, body)
         VALUES (${[report.id, 'nike', 'amazon', report.listing.key, report.reporterId, at(1)].map(text).join(', ')},
           ${Date.parse(at(1))}, ${text(JSON.stringify(report))})`,
      );

      const store = await db.open();
      expect(await raw.ledger()).toEqual(MIGRATIONS.map((migration) => migration.version));
      expect(await store.getReport(report.id)).toStrictEqual({ report, status: 'open', receivedAt: at(1) });
      // Stored before origins were: it counts no origin, so it flags nothing on its own.
      expect(await flaggedKeys(store, 1)).toEqual([]);
      await store.insertReport(makeReport({ key: report.listing.key, reporter: 2 }), at(1), origin(2));
      expect(await flaggedKeys(store, 1)).toEqual([report.listing.key]);
      expect((await store.withdrawReport(report.id, reporter(1), at(2)))?.stored.withdrawnAt).toBe(at(2));
    });

    it('publishes one version when two instances publish at once', async () => {
      const db = await fresh();
      const [one, two] = await Promise.all([db.open(), db.open()]);
      const signer = await loadOrCreateSigner(join(mkdtempSync(join(tmpdir(), 'cg-two-')), 'keys'));
      const sources = registryFromDisk();
      const options = { minReporters: 3, validDays: 14 };
      const results = await Promise.all([
        publish(one!, signer, sources, options),
        publish(two!, signer, sources, options),
        publish(one!, signer, sources, options),
      ]);
      expect(results.filter((result) => result.published)).toHaveLength(1);
      expect(new Set(results.map((result) => result.artifact.version)).size).toBe(1);
      expect((await two!.latestRegistry())?.version).toBe(results[0]!.artifact.version);
    });

    it('lets several processes open a new database at once', async () => {
      const db = await fresh();
      const stores = await Promise.all([db.open(), db.open(), db.open()]);
      const raw = await db.raw();
      expect(await raw.ledger()).toEqual(MIGRATIONS.map((m) => m.version));
      await stores[0]!.insertReport(makeReport({}), at(1));
      expect((await stores[2]!.stats()).reports).toBe(1);
    });
  });

  it('keeps everything across close and reopen', async () => {
    const db = await fresh();
    const report = makeReport({});
    const feedback = makeFeedback();
    const token: VolunteerToken = { hash: 'd'.repeat(64), name: 'V', brands: ['nike'], createdAt: at(1) };
    const registry: RegistryArtifact = { version: 5, body: '{"x":1}', etag: '"v5"', publishedAt: at(1) };
    const patch = { from: 4, to: 5, body: '{"p":1}' };

    const first = await db.open();
    await first.insertReport(report, at(1));
    await first.reviewReport(report.id, 'confirmed', { note: 'n', by: 'b', at: at(2) });
    await first.insertFeedback(feedback, at(1));
    await first.createToken(token);
    await first.saveRegistry(registry, patch);
    const withdrawn = makeReport({ key: 'ebay:WITHDRAWN', reporter: 2 });
    await first.insertReport(withdrawn, at(1));
    await first.withdrawReport(withdrawn.id, reporter(2), at(3));
    const before = await first.stats();
    await first.close();
    await first.close(); // closing twice is harmless

    const second = await db.open();
    expect(await second.getReport(report.id)).toStrictEqual({
      report,
      status: 'confirmed',
      receivedAt: at(1),
      review: { note: 'n', by: 'b', at: at(2) },
    });
    expect(await second.getReport(withdrawn.id)).toStrictEqual({
      report: withdrawn,
      status: 'open',
      receivedAt: at(1),
      withdrawnAt: at(3),
    });
    expect(await second.withdrawReport(withdrawn.id, reporter(2), at(4))).toStrictEqual({
      withdrawn: false,
      stored: { report: withdrawn, status: 'open', receivedAt: at(1), withdrawnAt: at(3) },
    });
    expect((await second.insertReport(report, at(3))).inserted).toBe(false);
    expect((await second.insertFeedback(feedback, at(3))).inserted).toBe(false);
    expect(await second.findToken(token.hash)).toStrictEqual(token);
    expect(await second.latestRegistry()).toStrictEqual(registry);
    expect(await second.registryPatch(4, 5)).toStrictEqual(patch);
    expect(await second.stats()).toStrictEqual(before);
    expect(await flaggedKeys(second, 3)).toEqual([report.listing.key]);
  });
});
