import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/src/app';
import { publish, type SignedArtifact, type SignedPayload } from '../../server/src/publish';
import { loadOrCreateSigner, type Signer } from '../../server/src/signing';
import { openStorage } from '../../server/src/storage/open';
import type { Storage } from '../../server/src/storage/types';
import { createVolunteerToken } from '../../server/src/tokens';
import { registryFromDisk } from '../../src/cli/registry-files';
import { checkArtifact, checkPatched } from '../../src/registry/artifact';
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

  const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url, payload: payload as object, headers });

  it('answers the health check', async () => {
    expect((await app.inject('/healthz')).json()).toEqual({ ok: true });
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

  it('flags a listing three reporters reported in the next signed version, with a patch from the last', async () => {
    const before = await app.inject('/v1/registry');
    const beforeEnvelope = before.json() as SignedArtifact;
    const key = 'aliexpress:1005009999999999';
    for (const n of [1, 2, 3]) {
      const report = makeReport({
        reporterId: `reporter-flag-00000000${n}`,
        listing: { key, url: 'https://www.aliexpress.com/item/1005009999999999.html', marketplace: 'aliexpress' },
      });
      expect((await post('/v1/reports', report)).statusCode).toBe(201);
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

  it('publishes public counts', async () => {
    const stats = (await app.inject('/v1/stats')).json();
    expect(stats.reports).toBeGreaterThan(5);
    expect(stats.reportsByMarketplace.ebay.open).toBeGreaterThan(0);
    expect(stats.confirmed).toBe(1);
    expect(stats.flaggedListings).toBeGreaterThanOrEqual(2);
    expect(stats.programme.proactiveTakedownRequests).toBe(1);
  });
});
