import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/src/app';
import { trustProxyOf } from '../../server/src/proxy';
import { publish, type SignedArtifact, type SignedPayload } from '../../server/src/publish';
import { loadOrCreateSigner, type Signer } from '../../server/src/signing';
import { openStorage } from '../../server/src/storage/open';
import type { Storage } from '../../server/src/storage/types';
import { createVolunteerToken } from '../../server/src/tokens';
import { registryFromDisk } from '../../src/disk/registry-files';
import { buildIndex } from '../../src/matching/match-index';
import { checkArtifact, checkPatched } from '../../src/registry/artifact';
import { exportReports } from '../../src/reports/evidence';
import type { Report } from '../../src/reports/report';
import { assess } from '../../src/risk/assess';
import { ENGLISH } from '../../src/words/english';
import { makeReport } from './fixtures';

describe('the companion service API (SQLite)', () => {
  let storage: Storage;
  let signer: Signer;
  let app: FastifyInstance;
  const registry = registryFromDisk();
  const publishNow = () => publish(storage, signer, registry, { minReporters: 3, validDays: 14 });

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cg-api-'));
    storage = await openStorage({ dataDir: dir });
    signer = await loadOrCreateSigner(join(dir, 'keys'));
    await publishNow();
    app = buildApp({ storage, limits: { perReporter: 5, perAddress: 10_000 } });
  });
  afterAll(async () => {
    await app?.close();
    await storage?.close();
  });

  const post = (url: string, payload: unknown, headers: Record<string, string> = {}, remoteAddress = '127.0.0.1') =>
    app.inject({ method: 'POST', url, payload: payload as object, headers, remoteAddress });

  it('answers the health check', async () => {
    expect((await app.inject('/healthz')).json()).toMatchObject({ ok: true });
  });

  it('serves the signed registry with an ETag, 304 when unchanged, compressed when asked', async () => {
    const first = await app.inject('/v1/registry');
    expect(first.statusCode).toBe(200);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"v\d+-[0-9a-f]{16}"$/);
    const envelope = first.json() as SignedArtifact;
    const payload = JSON.parse(envelope.payload) as SignedPayload;
    expect(payload.registry.brands.length).toBe(registry.brands.length);
    // Checked as the extension checks it.
    const trusted = { heldVersion: 0, now: new Date() };
    expect((await checkArtifact(first.body, [signer.publicJwk], trusted)).ok).toBe(true);
    const flipped = { ...envelope, payload: `${envelope.payload.slice(0, 100)}X${envelope.payload.slice(101)}` };
    expect(await checkArtifact(JSON.stringify(flipped), [signer.publicJwk], trusted)).toMatchObject({
      ok: false,
      refusal: 'bad_signature',
    });

    expect((await app.inject({ url: '/v1/registry', headers: { 'if-none-match': etag } })).statusCode).toBe(304);
    const zipped = await app.inject({ url: '/v1/registry', headers: { 'accept-encoding': 'gzip' } });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(zipped.rawPayload).toString('utf8')).toBe(first.body);
    expect(zipped.rawPayload.length).toBeLessThan(first.body.length / 4);
  });

  it('takes a report exactly once, answering a repeat as the first time', async () => {
    const report = makeReport();
    const first = await post('/v1/reports', report);
    expect(first.statusCode).toBe(201);
    const again = await post('/v1/reports', { ...report, note: 'sent twice' });
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    expect(again.headers['idempotent-replay']).toBe('true');
    expect((await storage.getReport(report.id))?.report.note).toBeUndefined();
  });

  it('refuses bad input with a 4xx and a JSON error, never a 500', async () => {
    const cases: [string, { statusCode: number }][] = [
      [
        'invalid JSON',
        await app.inject({
          method: 'POST',
          url: '/v1/reports',
          payload: '{"id": ',
          headers: { 'content-type': 'application/json' },
        }),
      ],
      ['wrong type', await post('/v1/reports', { ...makeReport(), registryVersion: 'two' })],
      ['unknown field', await post('/v1/reports', { ...makeReport(), admin: true })],
      ['missing field', await post('/v1/reports', { ...makeReport(), listing: undefined })],
      [
        'not JSON',
        await app.inject({
          method: 'POST',
          url: '/v1/reports',
          payload: 'hello',
          headers: { 'content-type': 'text/plain' },
        }),
      ],
      ['10 MB body', await post('/v1/reports', { ...makeReport(), note: 'x'.repeat(10 * 1024 * 1024) })],
    ];
    for (const [what, response] of cases) {
      expect(response.statusCode, what).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, what).toBeLessThan(500);
      expect((response as unknown as { json(): { error: string } }).json().error, what).toBeTruthy();
    }
    const wrongType = await post('/v1/reports', { ...makeReport(), registryVersion: 'two' });
    expect(wrongType.json()).toMatchObject({ error: 'invalid', field: 'registryVersion' });
    expect(cases[5]![1].statusCode).toBe(413);
  });

  it('stores injection strings as text and gives them back as they were', async () => {
    const title = `=HYPERLINK("x") Robert'); DROP TABLE reports;-- <script>alert(1)</script>`;
    const report = makeReport({ listing: { title }, reporterId: 'reporter-inject-00000001' });
    expect((await post('/v1/reports', report)).statusCode).toBe(201);
    expect((await storage.getReport(report.id))?.report.listing.title).toBe(title);
  });

  it('limits reports per reporter, and says when to try again', async () => {
    const reporterId = 'reporter-busy-0000000001';
    const answers = [];
    for (let i = 0; i < 7; i++) answers.push(await post('/v1/reports', makeReport({ reporterId })));
    expect(answers.map((answer) => answer.statusCode)).toEqual([201, 201, 201, 201, 201, 429, 429]);
    expect(Number(answers[5]!.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('takes "this is genuine" feedback the same way', async () => {
    const report = makeReport();
    const { id, reporterId, listing, brand, registryVersion, createdAt, extensionVersion } = report;
    const feedback = { id, reporterId: `${reporterId}x`, listing, brand, registryVersion, createdAt, extensionVersion };
    expect((await post('/v1/feedback', feedback)).statusCode).toBe(201);
    const again = await post('/v1/feedback', feedback);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replay']).toBe('true');
    expect((await post('/v1/feedback', { ...feedback, level: 'high' })).statusCode).toBe(400);
  });

  it('lets a volunteer see, review and export only their brands', async () => {
    const nike = await createVolunteerToken(storage, { name: 'Nike volunteer', brands: ['nike'] });
    const expired = await createVolunteerToken(storage, {
      name: 'Old token',
      brands: ['nike'],
      days: 1,
      now: new Date('2020-01-01T00:00:00Z'),
    });
    const gucciReport = makeReport({ brand: 'gucci', reporterId: 'reporter-gucci-000000001' });
    expect((await post('/v1/reports', gucciReport)).statusCode).toBe(201);
    const auth = (token: string) => ({ authorization: `Bearer ${token}` });

    expect((await app.inject('/v1/volunteer/reports')).statusCode).toBe(401);
    expect((await app.inject({ url: '/v1/volunteer/reports', headers: auth('cgv_nope') })).statusCode).toBe(401);
    expect((await app.inject({ url: '/v1/volunteer/reports', headers: auth(expired.token) })).json().error).toBe(
      'token_expired',
    );
    const list = await app.inject({ url: '/v1/volunteer/reports?status=open', headers: auth(nike.token) });
    const brands = new Set(list.json().reports.map((stored: { report: { brand: string } }) => stored.report.brand));
    expect([...brands]).toEqual(['nike']);
    expect((await app.inject({ url: '/v1/volunteer/reports?brand=gucci', headers: auth(nike.token) })).statusCode).toBe(
      403,
    );
    const review = (id: string) =>
      post(`/v1/volunteer/reports/${id}/review`, { decision: 'confirm', note: 'fake sole' }, auth(nike.token));
    expect((await review(gucciReport.id)).statusCode).toBe(404);
    const nikeId = list.json().reports[0].report.id as string;
    expect((await review(nikeId)).json()).toMatchObject({
      status: 'confirmed',
      review: { note: 'fake sole', by: 'Nike volunteer' },
    });

    const csv = await app.inject({ url: '/v1/volunteer/export?format=csv', headers: auth(nike.token) });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-disposition']).toContain('attachment');
    expect(csv.body).toContain(`"'=HYPERLINK`);
    expect(csv.body).not.toContain('gucci');
    for (const format of ['json', 'vero', 'amazon-asins', 'alibaba-ipp', 'dsa-notice']) {
      const file = await app.inject({ url: `/v1/volunteer/export?format=${format}`, headers: auth(nike.token) });
      expect(file.statusCode, format).toBe(200);
    }
    expect((await app.inject({ url: '/v1/volunteer/export?format=xls', headers: auth(nike.token) })).statusCode).toBe(
      400,
    );
  });

  it('lets an admin token list, make and revoke tokens, and nobody else', async () => {
    const admin = await createVolunteerToken(storage, { name: 'Coordinator', brands: [], admin: true });
    const plain = await createVolunteerToken(storage, { name: 'Plain volunteer', brands: ['nike'] });
    const as = (token: string) => ({ authorization: `Bearer ${token}` });
    expect((await app.inject({ url: '/v1/admin/tokens', headers: as(plain.token) })).statusCode).toBe(403);
    expect((await app.inject({ url: '/v1/volunteer/me', headers: as(admin.token) })).json()).toMatchObject({
      name: 'Coordinator',
      admin: true,
    });

    expect(
      (await post('/v1/admin/tokens', { name: 'New', brands: ['no-such-brand'] }, as(admin.token))).json().error,
    ).toBe('unknown_brand');
    expect((await post('/v1/admin/tokens', { name: '', brands: ['nike'] }, as(admin.token))).statusCode).toBe(400);
    const made = await post(
      '/v1/admin/tokens',
      { name: 'Fresh volunteer', brands: ['nike'], days: 30 },
      as(admin.token),
    );
    expect(made.statusCode).toBe(201);
    const { token, record } = made.json();
    expect(record).toMatchObject({ name: 'Fresh volunteer', brands: ['nike'], admin: false });
    expect(Date.parse(record.expiresAt) - Date.now()).toBeGreaterThan(29 * 86_400_000);
    expect((await app.inject({ url: '/v1/volunteer/me', headers: as(token) })).statusCode).toBe(200);

    const listed = (await app.inject({ url: '/v1/admin/tokens', headers: as(admin.token) })).json().tokens;
    expect(listed.map((one: { name: string }) => one.name)).toEqual(
      expect.arrayContaining(['Coordinator', 'Fresh volunteer']),
    );
    expect(JSON.stringify(listed)).not.toContain(token);

    const revoke = (id: string) =>
      app.inject({ method: 'DELETE', url: `/v1/admin/tokens/${id}`, headers: as(admin.token) });
    expect((await revoke(record.id)).json()).toStrictEqual({ revoked: record.id });
    expect((await app.inject({ url: '/v1/volunteer/me', headers: as(token) })).statusCode).toBe(401);
    expect((await revoke(record.id)).statusCode).toBe(404);
    expect((await revoke('not-hex')).statusCode).toBe(404);
    const own = listed.find((one: { name: string }) => one.name === 'Coordinator').id;
    expect((await revoke(own)).json().error).toBe('own_token');
  });

  it('flags a listing three reporters reported in the next signed version, with a patch from the last', async () => {
    const before = await app.inject('/v1/registry');
    const beforeEnvelope = before.json() as SignedArtifact;
    const key = 'aliexpress:1005009999999999';
    for (const n of [1, 2, 3]) {
      const report = makeReport({
        reporterId: `reporter-flag-00000000${n}`,
        listing: { key, url: 'https://www.aliexpress.com/item/1005009999999999.html', marketplace: 'aliexpress' },
      });
      expect((await post('/v1/reports', report, {}, `203.0.${n}.10`)).statusCode).toBe(201);
    }
    const { published, artifact } = await publishNow();
    expect(published).toBe(true);
    const after = (await app.inject('/v1/registry')).json() as SignedArtifact;
    const payload = JSON.parse(after.payload) as SignedPayload;
    expect(payload.version).toBe(artifact.version);
    expect(payload.registry.flagged).toContain(createHash('sha256').update(key).digest('hex'));

    const beforeVersion = (JSON.parse(beforeEnvelope.payload) as SignedPayload).version;
    const diff = await app.inject(`/v1/registry/diff?from=${beforeVersion}`);
    expect(diff.statusCode).toBe(200);
    const patched = await checkPatched(beforeEnvelope.payload, diff.body, [signer.publicJwk], {
      heldVersion: beforeVersion,
      now: new Date(),
    });
    expect(patched.ok && patched.artifact.payload).toBe(after.payload);
    expect(diff.body.length).toBeLessThan(after.payload.length / 20);
    expect((await app.inject('/v1/registry/diff?from=0')).statusCode).toBe(404);
    expect((await app.inject(`/v1/registry/diff?from=${payload.version}`)).statusCode).toBe(304);
    expect((await app.inject(`/v1/registry/diff?from=${payload.version + 1}`)).statusCode).toBe(404);
    expect((await app.inject('/v1/registry/diff?from=abc')).statusCode).toBe(400);
    expect((await publishNow()).published).toBe(false);
  });

  it('takes a seller’s appeal about a flagged listing; upheld, the listing leaves the next registry', async () => {
    const id = '1005008888888888';
    const key = `aliexpress:${id}`;
    const url = `https://www.aliexpress.com/item/${id}.html`;
    for (const n of [1, 2, 3]) {
      const report = makeReport({
        brand: 'puma',
        reporterId: `reporter-appeal-0000000${n}`,
        listing: { key, url, marketplace: 'aliexpress' },
      });
      expect((await post('/v1/reports', report, {}, `198.51.${n}.7`)).statusCode).toBe(201);
    }
    await publishNow();
    const flaggedNow = async () => {
      const envelope = (await app.inject('/v1/registry')).json() as SignedArtifact;
      return (JSON.parse(envelope.payload) as SignedPayload).registry.flagged ?? [];
    };
    const hash = createHash('sha256').update(key).digest('hex');
    expect(await flaggedNow()).toContain(hash);

    const appeal = {
      id: 'appeal-000000000001',
      url: `${url}?spm=a2g0o`,
      name: 'Sunrise Trading Ltd',
      role: 'seller',
      evidence: 'We are an authorised Puma distributor; the authorisation letter is at the address below.',
      evidenceUrl: 'https://example.org/letter.pdf',
      contact: 'legal@sunrise.example',
    };
    const filed = await post('/v1/appeals', appeal);
    expect(filed.statusCode).toBe(201);
    expect(filed.json()).toStrictEqual({ id: appeal.id, key, status: 'open' });
    expect((await post('/v1/appeals', appeal)).headers['idempotent-replay']).toBe('true');
    // Only listings someone reported, on a marketplace served, within the size caps.
    expect(
      (
        await post('/v1/appeals', {
          ...appeal,
          id: 'appeal-000000000002',
          url: 'https://www.aliexpress.com/item/1005000000000001.html',
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await post('/v1/appeals', { ...appeal, id: 'appeal-000000000003', url: 'https://example.com/p/1' })).statusCode,
    ).toBe(400);
    expect(
      (await post('/v1/appeals', { ...appeal, id: 'appeal-000000000004', evidence: 'x'.repeat(4001) })).statusCode,
    ).toBe(400);

    const puma = await createVolunteerToken(storage, { name: 'Puma volunteer', brands: ['puma'] });
    const nike = await createVolunteerToken(storage, { name: 'Nike volunteer', brands: ['nike'] });
    const as = (token: string) => ({ authorization: `Bearer ${token}` });
    const open = (await app.inject({ url: '/v1/volunteer/appeals?status=open', headers: as(puma.token) })).json()
      .appeals;
    expect(open).toMatchObject([{ id: appeal.id, key, name: 'Sunrise Trading Ltd', status: 'open' }]);
    expect((await app.inject({ url: '/v1/volunteer/appeals', headers: as(nike.token) })).json().appeals).toEqual([]);
    const decide = (token: string) =>
      post(
        `/v1/volunteer/appeals/${appeal.id}/decision`,
        { decision: 'uphold', note: 'Letter checked with Puma' },
        as(token),
      );
    expect((await decide(nike.token)).statusCode).toBe(404);
    expect((await decide(puma.token)).json().appeal).toMatchObject({
      status: 'upheld',
      decision: { by: 'Puma volunteer' },
    });

    await publishNow();
    expect(await flaggedNow()).not.toContain(hash);
    const weekly = (await app.inject('/v1/stats')).json().weekly;
    expect(weekly.at(-1)).toMatchObject({ appealsReceived: 1, appealsUpheld: 1 });
  });

  it('answers bad numbers and NUL characters with a 400, never a 500, and marks private answers uncacheable', async () => {
    const token = (await createVolunteerToken(storage, { name: 'Edge volunteer', brands: ['nike'] })).token;
    const list = (query: string) =>
      app.inject({ url: `/v1/volunteer/reports${query}`, headers: { authorization: `Bearer ${token}` } });
    for (const query of ['?offset=1e20', '?offset=-1', '?limit=1e9', '?offset=1.5', '?offset=NaN'])
      expect((await list(query)).statusCode, query).toBe(400);
    const ok = await list('?offset=0&limit=1');
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['cache-control']).toBe('no-store');
    expect(ok.headers['x-content-type-options']).toBe('nosniff');
    expect((await list('?brand=ni%00ke')).statusCode).toBe(400);

    const nul = makeReport({ listing: { title: 'Nike Air Max\u0000 replica' } });
    const refused = await post('/v1/reports', nul);
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ error: 'invalid' });
    expect(await storage.getReport(nul.id)).toBeUndefined();
    const received = await post('/v1/reports', makeReport({}));
    expect(received.headers['cache-control']).toBe('no-store');
    const registry = await app.inject('/v1/registry');
    expect(registry.headers['cache-control']).toBe('public, max-age=300');
    expect(registry.headers['x-content-type-options']).toBe('nosniff');
  });

  it('publishes public counts', async () => {
    const stats = (await app.inject('/v1/stats')).json();
    expect(stats.reports).toBeGreaterThan(5);
    expect(stats.reportsByMarketplace.ebay.open).toBeGreaterThan(0);
    expect(stats.confirmed).toBe(1);
    expect(stats.flaggedListings).toBeGreaterThanOrEqual(2);
    expect(stats.programme.proactiveTakedownRequests).toBe(1);
  });
});

describe('the review queue: reports grouped by listing (SQLite)', () => {
  let storage: Storage;
  let app: FastifyInstance;

  beforeAll(async () => {
    storage = await openStorage({ dataDir: mkdtempSync(join(tmpdir(), 'cg-queue-')) });
    app = buildApp({ storage });
  });
  afterAll(async () => {
    await app?.close();
    await storage?.close();
  });

  const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url, payload: payload as object, headers });

  it('lists the reports grouped by listing for the token’s brands, and decides whole listings', async () => {
    const volunteer = await createVolunteerToken(storage, { name: 'Queue volunteer', brands: ['adidas'] });
    const headers = { authorization: `Bearer ${volunteer.token}` };
    const key = 'ebay:305500000001';
    for (const n of [1, 2]) {
      const report = makeReport({
        brand: 'adidas',
        reporterId: `reporter-queue-00000000${n}`,
        listing: { key, url: 'https://www.ebay.com/itm/305500000001' },
      });
      expect((await post('/v1/reports', report)).statusCode).toBe(201);
    }
    const page = await app.inject({ url: '/v1/volunteer/listings?status=open&sort=reporters&limit=20', headers });
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({ total: 1, listings: [{ key, brand: 'adidas', reports: 2, reporters: 2 }] });
    // What the queue refuses, it says.
    for (const bad of ['reason=made_up', 'since=yesterday', 'limit=500', 'sort=random', 'marketplace=bazaar']) {
      const refused = await app.inject({ url: `/v1/volunteer/listings?${bad}`, headers });
      expect(refused.statusCode, bad).toBe(400);
    }
    expect((await app.inject({ url: '/v1/volunteer/listings?brand=nike', headers })).statusCode).toBe(403);
    expect((await app.inject('/v1/volunteer/listings')).statusCode).toBe(401);

    const decide = (payload: unknown) => post('/v1/volunteer/listings/review', payload, headers);
    const decided = await decide({ keys: [key, 'amazon:B0NOTHERE1'], decision: 'confirm', note: 'logo wrong' });
    expect(decided.json()).toStrictEqual({ decided: { [key]: 2 }, missing: ['amazon:B0NOTHERE1'] });
    // Sent again (an answer the console lost), it decides the same.
    expect((await decide({ keys: [key], decision: 'confirm', note: 'logo wrong' })).json().decided).toStrictEqual({
      [key]: 2,
    });
    expect((await decide({ keys: [], decision: 'confirm', note: '' })).statusCode).toBe(400);
    expect((await decide({ keys: ['not a key'], decision: 'confirm', note: '' })).statusCode).toBe(400);
    const confirmed = await app.inject({ url: '/v1/volunteer/listings?status=confirmed', headers });
    expect(confirmed.json().listings).toMatchObject([{ key, status: 'confirmed', review: { by: 'Queue volunteer' } }]);
  });

  it('files confirmed listings in their marketplace’s format, gives the file as filed, and records outcomes', async () => {
    const volunteer = await createVolunteerToken(storage, { name: 'Filing volunteer', brands: ['puma'] });
    const headers = { authorization: `Bearer ${volunteer.token}` };
    const keys = ['ebay:305600000001', 'ebay:305600000002', 'amazon:B0PUMA0001'];
    for (const [n, key] of keys.entries()) {
      const id = key.split(':')[1]!;
      const url = key.startsWith('ebay') ? `https://www.ebay.com/itm/${id}` : `https://www.amazon.com/dp/${id}`;
      const marketplace = key.startsWith('ebay') ? 'ebay' : 'amazon';
      const report = makeReport({
        brand: 'puma',
        reporterId: `reporter-filing-0000000${n}`,
        listing: { key, url, marketplace },
      });
      expect((await post('/v1/reports', report)).statusCode).toBe(201);
    }
    const file = (payload: unknown) => post('/v1/volunteer/filings', payload, headers);
    // Only confirmed listings are filed.
    expect((await file({ keys: keys.slice(0, 2) })).json()).toMatchObject({
      error: 'not_confirmed',
      keys: keys.slice(0, 2),
    });
    await post('/v1/volunteer/listings/review', { keys, decision: 'confirm', note: 'fake' }, headers);
    expect((await file({ keys })).json().error).toBe('mixed');

    const made = await file({ keys: keys.slice(0, 2) });
    expect(made.statusCode).toBe(201);
    const { filing } = made.json();
    expect(filing).toMatchObject({ brand: 'puma', marketplace: 'ebay', format: 'vero', filedBy: 'Filing volunteer' });
    const listed = await app.inject({ url: '/v1/volunteer/filings', headers });
    expect(listed.json().filings.map((one: { id: string }) => one.id)).toStrictEqual([filing.id]);

    // The file is the VeRO list the export makes of the same reports, on the filing's day.
    const got = await app.inject({ url: `/v1/volunteer/filings/${filing.id}/file`, headers });
    expect(got.headers['content-disposition']).toContain('attachment');
    const reports = await storage.reportsAbout(keys.slice(0, 2), ['puma']);
    expect(got.body).toBe(exportReports('vero', reports, ENGLISH, { now: new Date(filing.filedAt) }).body);
    expect(
      got.body
        .split('\n')
        .filter((line) => /^\d/.test(line))
        .map((line) => line.split('\t')[0]),
    ).toStrictEqual(['305600000001', '305600000002']);

    const record = (outcomes: unknown) => post(`/v1/volunteer/filings/${filing.id}/outcomes`, { outcomes }, headers);
    expect((await record([{ key: keys[0], outcome: 'removed' }])).json()).toStrictEqual({ matched: 1 });
    expect((await record([{ key: keys[2], outcome: 'removed' }])).json().error).toBe('not_filed');
    expect((await record([{ key: keys[1], outcome: 'gone' }])).statusCode).toBe(400);
    expect((await record([{ key: keys[1], outcome: 'removed', at: '2001-01-01T00:00:00Z' }])).statusCode).toBe(400);
    const detail = (await app.inject({ url: `/v1/volunteer/filings/${filing.id}`, headers })).json();
    expect(detail.filing.listed).toMatchObject([
      { key: keys[0], outcome: 'removed', outcomeBy: 'Filing volunteer' },
      { key: keys[1] },
    ]);
    expect(detail.listings.map((listing: { key: string }) => listing.key).sort()).toStrictEqual(keys.slice(0, 2));

    const other = await createVolunteerToken(storage, { name: 'Other', brands: ['nike'] });
    const otherHeaders = { authorization: `Bearer ${other.token}` };
    expect((await app.inject({ url: `/v1/volunteer/filings/${filing.id}`, headers: otherHeaders })).statusCode).toBe(
      404,
    );

    // The extension asks which filed listings to look out for, and tells what it saw of them.
    const awaiting = async (tokenHeaders: Record<string, string>) =>
      (await app.inject({ url: '/v1/volunteer/filed', headers: tokenHeaders })).json().keys;
    expect(await awaiting(headers)).toStrictEqual([keys[1]]);
    expect(await awaiting(otherHeaders)).toStrictEqual([]);
    const sight = (sightings: unknown, tokenHeaders = headers) =>
      post('/v1/volunteer/sightings', { sightings }, tokenHeaders);
    // Seen after the filing and before the service's now (which would move a later time to now).
    const filedMs = Date.parse(filing.filedAt);
    const now = new Date(filedMs + 1).toISOString();
    const later = new Date(filedMs + 2).toISOString();
    while (Date.now() <= filedMs + 2) await new Promise((resolve) => setTimeout(resolve, 2));
    expect((await sight([{ key: keys[1], state: 'ended', at: now }], otherHeaders)).json()).toStrictEqual({
      changed: 0,
    });
    expect((await sight([{ key: keys[1], state: 'up', at: now }])).json()).toStrictEqual({ changed: 1 });
    expect((await sight([{ key: keys[1], state: 'gone', at: now }])).statusCode).toBe(400);
    expect((await sight([{ key: keys[1], state: 'ended', at: '2001-01-01T00:00:00Z' }])).json().field).toBe(
      'sightings.at',
    );
    expect((await sight([])).statusCode).toBe(400);
    expect(
      (await app.inject({ method: 'POST', url: '/v1/volunteer/sightings', payload: { sightings: [] } })).statusCode,
    ).toBe(401);
    expect((await sight([{ key: keys[1], state: 'ended', at: later }])).json()).toStrictEqual({ changed: 1 });
    expect(await awaiting(headers)).toStrictEqual([]);
    const seen = (await app.inject({ url: `/v1/volunteer/filings/${filing.id}`, headers })).json();
    expect(seen.filing.listed[1]).toMatchObject({ key: keys[1], outcome: 'removed', outcomeBy: 'Filing volunteer' });
  });

  it('gives a volunteer their brands’ weekly results, takes audit sessions’ counts once, and the public the sums', async () => {
    const volunteer = await createVolunteerToken(storage, { name: 'Results volunteer', brands: ['reebok'] });
    const headers = { authorization: `Bearer ${volunteer.token}` };
    const report = makeReport({ brand: 'reebok', reporterId: 'reporter-results-00000001' });
    expect((await post('/v1/reports', report)).statusCode).toBe(201);
    const summary = {
      id: 'audit-session-results-1',
      brand: 'reebok',
      marketplace: 'ebay',
      seen: 80,
      suspect: 4,
      at: new Date().toISOString(),
    };
    expect((await post('/v1/volunteer/audit-summaries', summary, headers)).statusCode).toBe(201);
    expect((await post('/v1/volunteer/audit-summaries', summary, headers)).statusCode).toBe(200);
    expect(
      (await post('/v1/volunteer/audit-summaries', { ...summary, id: 'audit-session-results-2', suspect: 81 }, headers))
        .statusCode,
    ).toBe(400);
    expect(
      (
        await post(
          '/v1/volunteer/audit-summaries',
          { ...summary, id: 'audit-session-results-3', brand: 'nike' },
          headers,
        )
      ).statusCode,
    ).toBe(403);

    const results = await app.inject({ url: '/v1/volunteer/results?weeks=4', headers });
    const weeks = results.json().weeks;
    expect(weeks).toHaveLength(4);
    expect(weeks[3]).toMatchObject({ received: 1, auditSeen: 80, auditSuspect: 4, suspectPer100: 5 });
    expect(
      (await app.inject({ url: '/v1/volunteer/results?marketplace=amazon&weeks=4', headers })).json().weeks[3],
    ).toMatchObject({
      received: 0,
      auditSeen: 0,
    });
    expect((await app.inject({ url: '/v1/volunteer/results?weeks=0', headers })).statusCode).toBe(400);

    const stats = (await app.inject('/v1/stats')).json();
    expect(stats.weekly.at(-1)).toMatchObject({ auditSeen: 80, auditSuspect: 4 });
    expect(JSON.stringify(stats.weekly)).not.toContain('reebok');
  });
});

describe('withdrawing a report (SQLite)', () => {
  const registry = registryFromDisk();
  const open: { close(): Promise<unknown> }[] = [];
  afterEach(async () => {
    for (const thing of open.splice(0).reverse()) await thing.close();
  });

  /** A new service on an empty database, its registry published once. */
  async function service(limits = { perReporter: 5, perAddress: 10_000 }) {
    const dir = mkdtempSync(join(tmpdir(), 'cg-withdraw-'));
    const storage = await openStorage({ dataDir: dir });
    open.push(storage);
    const signer = await loadOrCreateSigner(join(dir, 'keys'));
    const publishNow = () => publish(storage, signer, registry, { minReporters: 3, validDays: 14 });
    await publishNow();
    const app = buildApp({ storage, limits });
    open.push(app);
    const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
      app.inject({ method: 'POST', url, payload: payload as object, headers });
    const withdraw = (id: string, reporterId: string) => post(`/v1/reports/${id}/withdraw`, { reporterId });
    const send = async (report: Report, from = '127.0.0.1') =>
      expect(
        (await app.inject({ method: 'POST', url: '/v1/reports', payload: report, remoteAddress: from })).statusCode,
      ).toBe(201);
    return { storage, app, post, withdraw, send, publishNow };
  }

  const reporterN = (n: number) => `reporter-withdraw-${String(n).padStart(7, '0')}`;
  const NOT_FOUND = { error: 'unknown_report', message: 'No report with this id from this reporter.' };
  const flaggedOf = (body: string) =>
    (JSON.parse((JSON.parse(body) as SignedArtifact).payload) as SignedPayload).registry.flagged;
  const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

  it('withdraws a report for its reporter (200), answers a repeat the same with idempotent-replay', async () => {
    const { storage, withdraw, send, post } = await service();
    const report = makeReport({ reporterId: reporterN(1) });
    await send(report);

    const before = Date.now();
    const first = await withdraw(report.id, reporterN(1));
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(first.headers['idempotent-replay']).toBeUndefined();
    const { withdrawnAt } = first.json() as { withdrawnAt: string };
    expect(first.json()).toStrictEqual({ id: report.id, status: 'withdrawn', withdrawnAt });
    expect(withdrawnAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(Date.parse(withdrawnAt)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(withdrawnAt)).toBeLessThanOrEqual(Date.now());
    expect((await storage.getReport(report.id))?.withdrawnAt).toBe(withdrawnAt);

    await new Promise((resolve) => setTimeout(resolve, 5));
    const again = await withdraw(report.id, reporterN(1));
    expect(again.statusCode).toBe(200);
    expect(again.headers['idempotent-replay']).toBe('true');
    expect(again.body).toBe(first.body);

    // Sending the report again is a replay of the first sending; it stays withdrawn.
    const resent = await post('/v1/reports', report);
    expect(resent.statusCode).toBe(201);
    expect(resent.headers['idempotent-replay']).toBe('true');
    expect((await storage.getReport(report.id))?.withdrawnAt).toBe(withdrawnAt);
  });

  it('answers 404 for an unknown id, and the very same 404 for another reporter’s report', async () => {
    const { storage, withdraw, send } = await service();
    const report = makeReport({ reporterId: reporterN(1) });
    await send(report);

    const unknown = await withdraw('0123456789abcdef-unknown', reporterN(1));
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toStrictEqual(NOT_FOUND);
    const other = await withdraw(report.id, reporterN(2));
    expect(other.statusCode).toBe(404);
    expect(other.json()).toStrictEqual(NOT_FOUND);
    expect(other.body).toBe(unknown.body);
    expect(other.headers['idempotent-replay']).toBeUndefined();

    expect((await storage.getReport(report.id))?.withdrawnAt).toBeUndefined();
    expect((await withdraw(report.id, reporterN(1))).statusCode).toBe(200);
    // Withdrawn by its own reporter: still a 404 for anyone else.
    expect((await withdraw(report.id, reporterN(2))).json()).toStrictEqual(NOT_FOUND);
  });

  it('refuses a bad id in the address or a bad body with a 400 and a JSON error, withdrawing nothing', async () => {
    const { storage, app, post, withdraw, send } = await service({ perReporter: 100, perAddress: 10_000 });
    const report = makeReport({ reporterId: reporterN(1) });
    await send(report);
    const url = `/v1/reports/${report.id}/withdraw`;
    const badId = {
      error: 'invalid',
      field: 'id',
      message: 'id: expected a random id of 16 to 64 letters, digits or hyphens',
    };

    for (const id of ['short', 'a'.repeat(65), 'abcdefghijklmnop_q', 'abcdefghijklmnop%2Fq']) {
      const answer = await withdraw(id, reporterN(1));
      expect(answer.statusCode, id).toBe(400);
      expect(answer.json(), id).toStrictEqual(badId);
    }
    const cases: [string, unknown, object][] = [
      [
        'no reporterId',
        {},
        { field: 'reporterId', message: 'reporterId: Invalid key: Expected "reporterId" but received undefined' },
      ],
      [
        'bad reporterId',
        { reporterId: 'short' },
        { field: 'reporterId', message: 'reporterId: expected a random id of 16 to 64 letters, digits or hyphens' },
      ],
      [
        'reporterId not text',
        { reporterId: 5 },
        { field: 'reporterId', message: 'reporterId: Invalid type: Expected string but received 5' },
      ],
      [
        'unknown field',
        { reporterId: reporterN(1), admin: true },
        { field: 'admin', message: 'admin: Invalid key: Expected never but received "admin"' },
      ],
    ];
    for (const [what, payload, error] of cases) {
      const answer = await post(url, payload);
      expect(answer.statusCode, what).toBe(400);
      expect(answer.json(), what).toStrictEqual({ error: 'invalid', ...error });
    }
    const broken = await app.inject({
      method: 'POST',
      url,
      payload: '{"reporterId": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json()).toStrictEqual({
      error: 'FST_ERR_CTP_INVALID_JSON_BODY',
      message: "Body is not valid JSON but content-type is set to 'application/json'",
    });
    const none = await app.inject({ method: 'POST', url });
    expect(none.statusCode).toBe(400);
    expect(none.json()).toStrictEqual({
      error: 'invalid',
      field: '(body)',
      message: '(body): Invalid type: Expected Object but received undefined',
    });

    expect((await storage.getReport(report.id))?.withdrawnAt).toBeUndefined();
  });

  it('limits withdrawals per reporter and per address like reports', async () => {
    const perReporter = await service({ perReporter: 3, perAddress: 10_000 });
    const report = makeReport({ reporterId: reporterN(1) });
    await perReporter.send(report); // the first of the reporter's 3 a minute
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await perReporter.withdraw(report.id, reporterN(1)));
    expect(answers.map((answer) => answer.statusCode)).toEqual([200, 200, 429]);
    expect(answers[2]!.json()).toStrictEqual({
      error: 'rate_limited',
      message: `Too many reports from this reporter; try again in ${answers[2]!.headers['retry-after']} s.`,
    });
    expect(Number(answers[2]!.headers['retry-after'])).toBeGreaterThan(0);
    // Another reporter is not held back by the first one's limit.
    expect((await perReporter.withdraw(report.id, reporterN(2))).statusCode).toBe(404);

    const perAddress = await service({ perReporter: 100, perAddress: 2 });
    const codes = [];
    for (let i = 0; i < 3; i++) codes.push((await perAddress.withdraw(report.id, reporterN(3))).statusCode);
    expect(codes).toEqual([404, 404, 429]);
  });

  it('takes a withdrawn report out of the community flag: three reporters, one withdraws, not flagged', async () => {
    const { storage, app, withdraw, send, publishNow } = await service();
    const key = 'aliexpress:1005008888888888';
    const reports = [1, 2, 3].map((n) =>
      makeReport({
        reporterId: reporterN(n),
        listing: { key, url: 'https://www.aliexpress.com/item/1005008888888888.html', marketplace: 'aliexpress' },
      }),
    );
    for (const [i, report] of reports.entries()) await send(report, `198.51.${i}.20`);
    expect((await publishNow()).published).toBe(true);
    expect(flaggedOf((await app.inject('/v1/registry')).body)).toEqual([sha256(key)]);

    expect((await withdraw(reports[1]!.id, reporterN(2))).statusCode).toBe(200);
    const { published, artifact } = await publishNow();
    expect(published).toBe(true);
    const served = await app.inject('/v1/registry');
    expect(served.headers.etag).toBe(artifact.etag);
    expect(flaggedOf(served.body)).toEqual([]);
    // Two reporters still stand behind it.
    const community = async (minReporters: number) =>
      (await storage.flaggedListings({ minReporters, sinceMs: 0 })).community.map((listing) => listing.key);
    expect(await community(2)).toEqual([key]);
    expect(await community(3)).toEqual([]);
  });

  it('never lets made-up reporters make a genuine listing High: one network counts once, reports alone give a Caution, a brand volunteer’s confirmation High', async () => {
    const { storage, app, send, publishNow } = await service({ perReporter: 100, perAddress: 10_000 });
    // A genuine listing, sold by the brand itself.
    const listing = {
      key: 'amazon:B0GENUINE42',
      url: 'https://www.amazon.com/dp/B0GENUINE42',
      title: 'Nike Air Force 1 07 men’s shoes',
      price: { amount: 115, currency: 'USD' },
      seller: 'Nike',
      marketplace: 'amazon' as const,
    };
    const levelNow = async () => {
      const served = JSON.parse((JSON.parse((await app.inject('/v1/registry')).body) as SignedArtifact).payload);
      const index = buildIndex((served as SignedPayload).registry);
      return assess({ key: listing.key, title: listing.title, price: listing.price, marketplace: 'amazon' }, index);
    };
    expect((await levelNow()).level).toBe('none');
    const report = (n: number) =>
      makeReport({ reporterId: `reporter-attack-${String(n).padStart(8, '0')}`, brand: 'nike', listing });
    // The attack: ten made-up reporter ids, all from one machine.
    for (let n = 0; n < 10; n++) await send(report(n), '192.0.2.50');
    await publishNow();
    expect((await levelNow()).level).toBe('none');
    // Reports from three networks: a Caution that says shoppers reported it, never High.
    await send(report(20), '198.51.100.7');
    await send(report(21), '2001:db8:77::1');
    await publishNow();
    const reported = await levelNow();
    expect(reported.level).toBe('caution');
    expect(reported.reasons.map((reason) => reason.code)).toContain('community_flagged');
    // A brand volunteer confirms one report: High, saying for which brand it was confirmed.
    const nike = await createVolunteerToken(storage, { name: 'Nike volunteer', brands: ['nike'] });
    const ids = (
      await app.inject({ url: '/v1/volunteer/reports?limit=5', headers: { authorization: `Bearer ${nike.token}` } })
    ).json().reports as { report: { id: string } }[];
    const reviewed = await app.inject({
      method: 'POST',
      url: `/v1/volunteer/reports/${ids[0]!.report.id}/review`,
      payload: { decision: 'confirm', note: 'counterfeit' },
      headers: { authorization: `Bearer ${nike.token}` },
    });
    expect(reviewed.statusCode).toBe(200);
    await publishNow();
    const confirmed = await levelNow();
    expect(confirmed.level).toBe('high');
    expect(confirmed.reasons).toContainEqual(
      expect.objectContaining({ code: 'community_confirmed', params: { brand: 'Nike' } }),
    );
  });

  it('takes a withdrawn report out of the volunteer list, review, exports and public stats', async () => {
    const { storage, app, post, withdraw, send } = await service();
    const kept = makeReport({ reporterId: reporterN(1) });
    const gone = makeReport({
      reporterId: reporterN(2),
      listing: { key: 'ebay:209999999999', url: 'https://www.ebay.com/itm/209999999999' },
    });
    const elsewhere = makeReport({
      reporterId: reporterN(3),
      listing: { key: 'amazon:B0WITHDRAWN', url: 'https://www.amazon.com/dp/B0WITHDRAWN', marketplace: 'amazon' },
    });
    for (const report of [kept, gone, elsewhere]) await send(report);
    const nike = await createVolunteerToken(storage, { name: 'Nike volunteer', brands: ['nike'] });
    const auth = { authorization: `Bearer ${nike.token}` };
    const listed = async () =>
      ((await app.inject({ url: '/v1/volunteer/reports', headers: auth })).json().reports as { report: Report }[]).map(
        (stored) => stored.report.id,
      );
    expect(new Set(await listed())).toEqual(new Set([kept.id, gone.id, elsewhere.id]));

    expect((await withdraw(gone.id, reporterN(2))).statusCode).toBe(200);
    expect((await withdraw(elsewhere.id, reporterN(3))).statusCode).toBe(200);

    expect(await listed()).toEqual([kept.id]);
    const json = await app.inject({ url: '/v1/volunteer/export?format=json', headers: auth });
    expect((json.json() as { report: Report }[]).map((stored) => stored.report.id)).toEqual([kept.id]);
    const csv = await app.inject({ url: '/v1/volunteer/export?format=csv', headers: auth });
    expect(csv.body.trim().split('\r\n')).toHaveLength(2);
    expect(csv.body).toContain(kept.id);
    expect(csv.body).not.toContain(gone.id);
    const vero = await app.inject({ url: '/v1/volunteer/export?format=vero', headers: auth });
    expect(vero.body).toContain('204512345678\t1.1');
    expect(vero.body).not.toContain('209999999999');

    const review = await post(`/v1/volunteer/reports/${gone.id}/review`, { decision: 'confirm', note: 'fake' }, auth);
    expect(review.statusCode).toBe(404);
    expect(review.json()).toStrictEqual({ error: 'not_found', message: 'No such report among your brands.' });
    expect((await storage.getReport(gone.id))?.status).toBe('open');

    const stats = (await app.inject('/v1/stats')).json();
    expect(stats.reports).toBe(1);
    expect(stats.reportsByMarketplace).toStrictEqual({ ebay: { open: 1, confirmed: 0, rejected: 0 } });
    expect(stats.confirmed).toBe(0);
    expect(stats.flaggedListings).toBe(0);
    expect((stats.suspectListingsByWeek as { listings: number }[]).reduce((sum, week) => sum + week.listings, 0)).toBe(
      1,
    );
  });
});

describe('a volunteer’s view of a reporter’s accuracy (SQLite)', () => {
  let storage: Storage;
  let app: FastifyInstance;
  const reporterN = (n: number) => `reporter-accuracy-${String(n).padStart(7, '0')}`;
  const reporter = reporterN(1);

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cg-accuracy-'));
    storage = await openStorage({ dataDir: dir });
    app = buildApp({ storage, limits: { perReporter: 100, perAddress: 10_000 } });
  });
  afterAll(async () => {
    await app?.close();
    await storage?.close();
  });

  const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url, payload: payload as object, headers });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const accuracy = (query: string, headers: Record<string, string> = {}) =>
    app.inject({ url: `/v1/volunteer/accuracy${query}`, headers });

  it('counts the reporter’s confirmed, rejected and open reports about the token’s brands', async () => {
    const nike = await createVolunteerToken(storage, { name: 'Nike volunteer', brands: ['nike'] });
    const gucci = await createVolunteerToken(storage, { name: 'Gucci volunteer', brands: ['gucci'] });
    const send = async (overrides: Parameters<typeof makeReport>[0] = {}) => {
      const report = makeReport({ reporterId: reporter, ...overrides });
      expect((await post('/v1/reports', report)).statusCode).toBe(201);
      return report.id;
    };
    const review = async (id: string, decision: 'confirm' | 'reject', token = nike.token) =>
      expect((await post(`/v1/volunteer/reports/${id}/review`, { decision, note: '' }, bearer(token))).statusCode).toBe(
        200,
      );

    for (let n = 0; n < 3; n++) await review(await send(), 'confirm');
    await review(await send(), 'reject');
    await send();
    await send();
    // Confirmed, then withdrawn by its reporter: not counted.
    const withdrawn = await send();
    await review(withdrawn, 'confirm');
    expect((await post(`/v1/reports/${withdrawn}/withdraw`, { reporterId: reporter })).statusCode).toBe(200);
    // Another brand's report: not counted for the Nike token.
    await review(await send({ brand: 'gucci' }), 'confirm', gucci.token);
    // Another reporter's: not counted.
    await review(await send({ reporterId: reporterN(2) }), 'reject');

    const answer = await accuracy(`?reporterId=${reporter}`, bearer(nike.token));
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(answer.json()).toStrictEqual({ reporterId: reporter, confirmed: 3, rejected: 1, open: 2, reviewed: 4 });

    expect((await accuracy(`?reporterId=${reporter}`, bearer(gucci.token))).json()).toStrictEqual({
      reporterId: reporter,
      confirmed: 1,
      rejected: 0,
      open: 0,
      reviewed: 1,
    });
    // Someone never heard of: zeros, as for a reporter with no reports about the brands.
    expect((await accuracy(`?reporterId=${reporterN(9)}`, bearer(nike.token))).json()).toStrictEqual({
      reporterId: reporterN(9),
      confirmed: 0,
      rejected: 0,
      open: 0,
      reviewed: 0,
    });
  });

  it('answers 401 without a token, with an unknown or expired one, as the other volunteer routes do', async () => {
    const expired = await createVolunteerToken(storage, {
      name: 'Old token',
      brands: ['nike'],
      days: 1,
      now: new Date('2020-01-01T00:00:00Z'),
    });
    const cases: [string, Record<string, string>, string][] = [
      ['no header', {}, 'token_missing'],
      ['not a bearer token', { authorization: 'Basic dXNlcjpwYXNz' }, 'token_missing'],
      ['unknown token', bearer('cgv_nope'), 'token_unknown'],
      ['expired token', bearer(expired.token), 'token_expired'],
    ];
    for (const [what, headers, error] of cases) {
      for (const query of [`?reporterId=${reporter}`, '?reporterId=short']) {
        const answer = await accuracy(query, headers);
        expect(answer.statusCode, what).toBe(401);
        expect(answer.headers['www-authenticate'], what).toBe('Bearer');
        expect(answer.json().error, what).toBe(error);
        const other = await app.inject({ url: '/v1/volunteer/reports', headers });
        expect(answer.body, what).toBe(other.body);
      }
    }
  });

  it('answers 400 for a missing or malformed reporterId', async () => {
    const nike = await createVolunteerToken(storage, { name: 'Nike volunteer', brands: ['nike'] });
    const malformed = {
      error: 'invalid',
      field: 'reporterId',
      message: 'expected a random id of 16 to 64 letters, digits or hyphens',
    };
    for (const id of ['short', 'a'.repeat(65), 'reporter_accuracy_0000001', 'reporter-accuracy%2F0000001', '']) {
      const answer = await accuracy(`?reporterId=${id}`, bearer(nike.token));
      expect(answer.statusCode, id).toBe(400);
      expect(answer.json(), id).toStrictEqual(malformed);
    }
    const missing = await accuracy('', bearer(nike.token));
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toStrictEqual({
      error: 'invalid',
      field: 'reporterId',
      message: 'Invalid key: Expected "reporterId" but received undefined',
    });
    const twice = await accuracy(`?reporterId=${reporter}&reporterId=${reporterN(2)}`, bearer(nike.token));
    expect(twice.statusCode).toBe(400);
  });
});

describe('the client’s address behind a load balancer', () => {
  it('takes X-Forwarded-For only from a proxy it was told to trust: limits and report origins per client', async () => {
    const storage = await openStorage({ dataDir: mkdtempSync(join(tmpdir(), 'cg-proxy-')) });
    const limits = { perReporter: 100, perAddress: 2 };
    const direct = buildApp({ storage, limits });
    const behind = buildApp({ storage, limits, trustProxy: trustProxyOf('10.0.0.1') });
    let serial = 0;
    const send = async (app: FastifyInstance, from: string, client: string, key = 'ebay:204599999999') => {
      const report = makeReport({
        reporterId: `reporter-proxy-${String(++serial).padStart(8, '0')}`,
        listing: { key, url: `https://www.ebay.com/itm/${key.split(':')[1]}` },
      });
      const answer = await app.inject({
        method: 'POST',
        url: '/v1/reports',
        payload: report,
        remoteAddress: from,
        headers: { 'x-forwarded-for': client },
      });
      return answer.statusCode;
    };
    try {
      // Not trusted: a client cannot name its own address to pass the limit.
      const told = [];
      for (const client of ['198.51.100.1', '198.51.101.1', '198.51.102.1'])
        told.push(await send(direct, '10.0.0.1', client));
      expect(told).toEqual([201, 201, 429]);
      // Behind the trusted balancer: each client has its own limit and its own network.
      const clients = [];
      for (const client of ['203.0.113.1', '203.0.114.1', '203.0.115.1'])
        clients.push(await send(behind, '10.0.0.1', client, 'ebay:204588888888'));
      expect(clients).toEqual([201, 201, 201]);
      const { community } = await storage.flaggedListings({ minReporters: 3, sinceMs: 0 });
      expect(community.map((listing) => listing.key)).toEqual(['ebay:204588888888']);
      // A request that does not come through the trusted balancer names no one.
      const stranger = [];
      for (const client of ['192.0.2.1', '192.0.3.1', '192.0.4.1'])
        stranger.push(await send(behind, '198.18.0.9', client));
      expect(stranger).toEqual([201, 201, 429]);
    } finally {
      await direct.close();
      await behind.close();
      await storage.close();
    }
  });

  it('reads --trust-proxy as off, a hop count, or addresses and CIDRs, and refuses anything else', () => {
    expect(trustProxyOf('off')).toBe(false);
    expect(trustProxyOf('10.0.0.1, 10.1.0.0/16')).toEqual(['10.0.0.1', '10.1.0.0/16']);
    const hops = trustProxyOf('1') as (address: string, hop: number) => boolean;
    expect([hops('10.0.0.1', 0), hops('10.0.0.1', 1)]).toEqual([true, false]);
    expect(() => trustProxyOf('everyone')).toThrow(/not an address/);
  });
});

describe('reports that cannot be what they say', () => {
  it('refuses a key or address of another marketplace, an old or future time, and a screenshot its hash does not name', async () => {
    const storage = await openStorage({ dataDir: mkdtempSync(join(tmpdir(), 'cg-plausible-')) });
    const app = buildApp({ storage, limits: { perReporter: 100, perAddress: 10_000 } });
    const send = (report: Report) => app.inject({ method: 'POST', url: '/v1/reports', payload: report });
    const field = async (report: Report) => {
      const answer = await send(report);
      expect(answer.statusCode).toBe(400);
      expect(await storage.getReport(report.id)).toBeUndefined();
      return answer.json().field as string;
    };
    const png = Buffer.from('not really a png, but bytes all the same');
    const screenshot = (sha256: string) => ({ base64: png.toString('base64'), sha256 });
    try {
      expect(await field(makeReport({ listing: { key: 'amazon:B0AAAAAAAA' } }))).toBe('listing.key');
      expect(await field(makeReport({ listing: { url: 'https://evil.example/itm/204512345678' } }))).toBe(
        'listing.url',
      );
      expect(await field(makeReport({ listing: { url: 'https://ebay.com.evil.example/itm/1' } }))).toBe('listing.url');
      expect(await field(makeReport({ createdAt: '2020-01-01T00:00:00.000Z' }))).toBe('createdAt');
      expect(await field(makeReport({ createdAt: new Date(Date.now() + 3 * 86_400_000).toISOString() }))).toBe(
        'createdAt',
      );
      expect(await field(makeReport({ screenshot: screenshot('0'.repeat(64)) }))).toBe('screenshot.sha256');
      const honest = makeReport({
        listing: { url: 'https://www.ebay.de/itm/204512345678' },
        screenshot: screenshot(createHash('sha256').update(png).digest('hex')),
      });
      expect((await send(honest)).statusCode).toBe(201);
    } finally {
      await app.close();
      await storage.close();
    }
  });
});

describe('screenshots on the service', () => {
  it('holds each client to a daily quota of screenshots, and shows one only to its brand’s volunteers', async () => {
    const storage = await openStorage({ dataDir: mkdtempSync(join(tmpdir(), 'cg-shots-')) });
    const app = buildApp({
      storage,
      limits: { perReporter: 100, perAddress: 10_000 },
      quotas: {
        reports: { perReporter: 8, perAddress: 1000 },
        screenshots: { perReporter: 3, perAddress: 1000 },
        appeals: { perAddress: 20 },
      },
    });
    const image = (n: number) => Buffer.from(`a small image, number ${n}`.repeat(50));
    const send = (n: number, withImage: boolean) =>
      app.inject({
        method: 'POST',
        url: '/v1/reports',
        payload: makeReport({
          reporterId: 'reporter-quota-00000001',
          ...(withImage
            ? {
                screenshot: {
                  base64: image(n).toString('base64'),
                  sha256: createHash('sha256').update(image(n)).digest('hex'),
                },
              }
            : {}),
        }),
      });
    try {
      const shots = [];
      for (let n = 0; n < 4; n++) shots.push((await send(n, true)).statusCode);
      expect(shots).toEqual([201, 201, 201, 429]);
      const refused = await send(9, true);
      expect(refused.json()).toMatchObject({ error: 'quota' });
      expect(refused.headers['retry-after']).toBeDefined();
      // Without a screenshot the reporter may still report, up to the day's quota of reports.
      const plain = [];
      for (let n = 0; n < 4; n++) plain.push((await send(n, false)).statusCode);
      expect(plain).toEqual([201, 201, 201, 429]);

      const nike = await createVolunteerToken(storage, { name: 'Nike volunteer', brands: ['nike'] });
      const gucci = await createVolunteerToken(storage, { name: 'Gucci volunteer', brands: ['gucci'] });
      const sha = createHash('sha256').update(image(0)).digest('hex');
      const get = (token: string, hash = sha) =>
        app.inject({ url: `/v1/volunteer/screenshots/${hash}`, headers: { authorization: `Bearer ${token}` } });
      const shown = await get(nike.token);
      expect(shown.statusCode).toBe(200);
      expect(shown.headers['content-type']).toBe('image/png');
      expect(shown.rawPayload.equals(image(0))).toBe(true);
      expect((await get(gucci.token)).statusCode).toBe(404);
      expect((await get(nike.token, 'not-a-hash')).statusCode).toBe(404);
      // The volunteer's list names the image by its hash, without its bytes.
      const list = await app.inject({
        url: '/v1/volunteer/reports',
        headers: { authorization: `Bearer ${nike.token}` },
      });
      expect(list.body).not.toContain(image(0).toString('base64').slice(0, 40));
      expect(list.json().reports.some((item: { report: Report }) => item.report.screenshot?.sha256 === sha)).toBe(true);
    } finally {
      await app.close();
      await storage.close();
    }
  });
});

describe('who can take a report back, and what a volunteer sees of its reporter', () => {
  it('needs the report’s own withdrawal key, and shows volunteers a per-brand pseudonym, never the reporter id', async () => {
    const storage = await openStorage({ dataDir: mkdtempSync(join(tmpdir(), 'cg-withdraw-key-')) });
    const app = buildApp({ storage, limits: { perReporter: 100, perAddress: 10_000 } });
    const reporterId = 'reporter-secret-0000000001';
    const withdrawKey = 'withdraw-key-00000000000000000001';
    const send = async (brand: string) => {
      const report = makeReport({ reporterId, withdrawKey, brand });
      expect((await app.inject({ method: 'POST', url: '/v1/reports', payload: report })).statusCode).toBe(201);
      return report;
    };
    const withdraw = (id: string, body: object) =>
      app.inject({ method: 'POST', url: `/v1/reports/${id}/withdraw`, payload: body });
    try {
      const [first, second, other] = [await send('nike'), await send('nike'), await send('gucci')];
      const nike = await createVolunteerToken(storage, { name: 'Nike volunteer', brands: ['nike'] });
      const gucci = await createVolunteerToken(storage, { name: 'Gucci volunteer', brands: ['gucci'] });
      const seen = async (token: string) => {
        const answer = await app.inject({
          url: '/v1/volunteer/reports',
          headers: { authorization: `Bearer ${token}` },
        });
        expect(answer.body).not.toContain(reporterId);
        expect(answer.body).not.toContain(withdrawKey);
        return (answer.json().reports as { report: Report }[]).map((item) => item.report.reporterId);
      };
      const nikeNames = await seen(nike.token);
      // One name across the brand's reports, another for the other brand's.
      expect(new Set(nikeNames).size).toBe(1);
      const [gucciName] = await seen(gucci.token);
      expect(gucciName).not.toBe(nikeNames[0]);
      const csv = await app.inject({
        url: '/v1/volunteer/export?format=csv',
        headers: { authorization: `Bearer ${nike.token}` },
      });
      expect(csv.body).not.toContain(reporterId);

      // The reporter id alone, a wrong key, or the volunteer's pseudonym: nothing is withdrawn.
      expect((await withdraw(first.id, { reporterId })).statusCode).toBe(404);
      expect(
        (await withdraw(first.id, { reporterId, withdrawKey: 'withdraw-key-99999999999999999999' })).statusCode,
      ).toBe(404);
      expect((await withdraw(first.id, { reporterId: nikeNames[0], withdrawKey })).statusCode).toBe(404);
      expect((await storage.getReport(first.id))?.withdrawnAt).toBeUndefined();
      // The reporter, with the report's key: withdrawn.
      expect((await withdraw(first.id, { reporterId, withdrawKey })).statusCode).toBe(200);
      expect((await storage.getReport(first.id))?.withdrawnAt).toBeDefined();
      expect((await storage.getReport(second.id))?.withdrawnAt).toBeUndefined();
      expect((await storage.getReport(other.id))?.report).not.toHaveProperty('withdrawKey');
    } finally {
      await app.close();
      await storage.close();
    }
  });
});
