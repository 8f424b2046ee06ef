import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/src/app';
import { publish, type SignedArtifact, type SignedPayload } from '../../server/src/publish';
import { CONSOLE_DIR } from '../../server/src/routes/console';
import { loadOrCreateSigner, type Signer } from '../../server/src/signing';
import { openStorage } from '../../server/src/storage/open';
import type { Storage } from '../../server/src/storage/types';
import { createVolunteerToken } from '../../server/src/tokens';
import { registryFromDisk } from '../../src/disk/registry-files';
import { exportReports } from '../../src/reports/evidence';
import { ENGLISH } from '../../src/words/english';
import { makeReport } from '../server/fixtures';
import { startPostgres, type ThrowawayPostgres } from '../support/postgres';
import { SCREENSHOTS } from './support/build';

const LISTINGS = 40;
const REPORTS = 300;
/** 1×1 PNG: one listing's latest report carries it. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** Listing i: an eBay item for even i, an Amazon ASIN for odd i. */
const keyOf = (i: number) =>
  i % 2 === 0 ? `ebay:3055${String(i).padStart(8, '0')}` : `amazon:B0CONS${String(i).padStart(4, '0')}`;

/** 300 reports over 40 nike listings (7 or 8 each, from as many reporters), and 5 about gucci the volunteer never sees. */
async function seed(storage: Storage): Promise<void> {
  let n = 0;
  const day = (d: number) => new Date(Date.now() - d * 86_400_000).toISOString();
  for (let i = 0; i < LISTINGS; i++) {
    const key = keyOf(i);
    const marketplace = key.split(':')[0] as 'ebay' | 'amazon';
    const url =
      marketplace === 'ebay' ? `https://www.ebay.com/itm/${key.slice(5)}` : `https://www.amazon.com/dp/${key.slice(7)}`;
    const count = 7 + (i % 2);
    for (let r = 0; r < count; r++) {
      n++;
      const last = r === count - 1;
      const report = makeReport({
        reporterId: `reporter-console-${String(n).padStart(6, '0')}`,
        listing: { key, url, marketplace, title: `Nike Air Max ${90 + i} replica shoes`, seller: `seller-${i}` },
        level: r % 3 === 0 ? 'caution' : 'high',
        ...(i === 0 && last
          ? { screenshot: { base64: PNG.toString('base64'), sha256: createHash('sha256').update(PNG).digest('hex') } }
          : {}),
      });
      await storage.insertReport(report, day(30 - i * 0.5 - r * 0.01));
    }
  }
  expect(n).toBe(REPORTS);
  for (let g = 0; g < 5; g++)
    await storage.insertReport(
      makeReport({ brand: 'gucci', reporterId: `reporter-gucci-${String(g).padStart(8, '0')}` }),
      day(1),
    );
}

/** Runs axe-core in the page (evaluated through the DevTools protocol, which the page's CSP does not govern). */
async function seriousViolations(page: Page): Promise<string[]> {
  const source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string }[] }> } })
      .axe;
    return (await axe.run()).violations.map((violation) => ({ id: violation.id, impact: violation.impact }));
  });
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact})`);
}

const BACKENDS = ['SQLite', 'PostgreSQL'] as const;

describe.each(BACKENDS)('the brand console on %s, in Chromium', (backend) => {
  let cluster: ThrowawayPostgres | undefined;
  let storage: Storage;
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;
  let signer: Signer | undefined;
  const publishNow = () => publish(storage, signer!, registryFromDisk(), { minReporters: 3, validDays: 14 });
  /** The confirmed listings' hashed keys in the registry the service serves now. */
  const confirmedInRegistry = async () => {
    const envelope = (await (await fetch(`${base}/v1/registry`)).json()) as SignedArtifact;
    return (JSON.parse(envelope.payload) as SignedPayload).registry.confirmed?.map((entry) => entry.key) ?? [];
  };

  beforeAll(async () => {
    if (!existsSync(join(CONSOLE_DIR, 'index.html')))
      throw new Error(`${CONSOLE_DIR} is missing: build it first (npm run build:console; npm run test:e2e builds it)`);
    if (backend === 'PostgreSQL') {
      cluster = await startPostgres();
      if (!cluster) throw new Error("no PostgreSQL binaries (initdb, pg_ctl): install Debian's postgresql package");
    }
    storage = await openStorage({
      dataDir: mkdtempSync(join(tmpdir(), 'cg-console-')),
      ...(cluster ? { databaseUrl: cluster.url } : {}),
    });
    await storage.migrate();
    await seed(storage);
    // A published registry: tokens are made for the brands it names.
    signer = await loadOrCreateSigner(join(mkdtempSync(join(tmpdir(), 'cg-console-keys-')), 'keys'));
    await publishNow();
    app = buildApp({ storage });
    base = await app.listen({ host: '127.0.0.1', port: 0 });
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await storage?.close();
    await cluster?.stop();
  });

  it('signs in, reviews 40 reported listings in bulk by keyboard through a lost answer, and signs out when the token is revoked', async () => {
    const { token, record } = await createVolunteerToken(storage, { name: 'Console volunteer', brands: ['nike'] });
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));

    const response = await page.goto(`${base}/console/`);
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // A wrong token is refused in the service's words.
    await page.getByLabel('Volunteer token').fill('cgv_not-a-real-token');
    await page.getByLabel('Volunteer token').press('Enter');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('This token is not known here.');

    await page.getByLabel('Volunteer token').fill(token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Signed in as Console volunteer for nike').waitFor();
    await page.getByText(`Listings 1–${LISTINGS} of ${LISTINGS}`).waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem('cg-console-token'))).toBe(token);
    const rows = page.locator('table.queue tbody tr');
    expect(await rows.count()).toBe(LISTINGS);
    // The latest listing first: 8 reports from 8 reporters, both levels, worded by the extension's catalogue.
    await expect.poll(() => rows.first().textContent()).toContain('8 reporters, 8 reports');
    expect(await rows.first().textContent()).toContain('High risk: 5');
    expect(await rows.first().textContent()).toContain('Caution: 3');
    expect(await seriousViolations(page)).toEqual([]);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, `console-queue-${backend.toLowerCase()}.png`), fullPage: false });

    // The first decision's answer is lost: it is kept, shown as not saved, and sent again.
    let lost = 0;
    await page.route('**/v1/volunteer/listings/review', (route) =>
      lost++ === 0 ? route.abort('connectionreset') : route.continue(),
    );
    const rejectedTitles = await Promise.all([0, 1, 2].map((i) => rows.nth(i).locator('.listing a').textContent()));
    await page.locator('body').press('x');
    await page.keyboard.press('j');
    await page.keyboard.press('x');
    await page.keyboard.press('j');
    await page.keyboard.press('x');
    await page.getByText('3 selected').first().waitFor();
    await page.keyboard.press('r');
    const dialog = page.getByRole('dialog', { name: 'Reject the reports about 3 listings' });
    await dialog.waitFor();
    await page.keyboard.type('Sold by an authorised reseller');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByText(/Not saved yet/).count(), { timeout: 5000 }).toBeGreaterThan(0);
    await expect.poll(() => rows.locator('td.status', { hasText: 'Rejected' }).count(), { timeout: 10_000 }).toBe(3);
    expect(lost).toBe(2);

    // The open listings again: 37. Select them all and confirm, by keyboard.
    await page.getByLabel('Order').selectOption('reporters');
    await page.getByText(`Listings 1–${LISTINGS - 3} of ${LISTINGS - 3}`).waitFor();
    await page.locator('body').press('a');
    await page
      .getByText(`${LISTINGS - 3} selected`)
      .first()
      .waitFor();
    await page.keyboard.press('c');
    await page.getByRole('dialog', { name: `Confirm ${LISTINGS - 3} listings as counterfeit` }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.type('Logo and tag wrong');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => rows.locator('td.status', { hasText: 'Confirmed' }).count(), { timeout: 10_000 })
      .toBe(LISTINGS - 3);

    // The service holds every decision: by listing, and on every report.
    const confirmed = await storage.listListings({
      brands: ['nike'],
      status: 'confirmed',
      sort: 'recent',
      limit: 100,
      offset: 0,
    });
    const rejected = await storage.listListings({
      brands: ['nike'],
      status: 'rejected',
      sort: 'recent',
      limit: 100,
      offset: 0,
    });
    expect(confirmed.total).toBe(LISTINGS - 3);
    expect(rejected.listings.map((listing) => listing.title).sort()).toEqual([...rejectedTitles].sort());
    expect(rejected.listings.every((listing) => listing.review?.note === 'Sold by an authorised reseller')).toBe(true);
    const reports = [...confirmed.listings, ...rejected.listings].reduce((sum, listing) => sum + listing.reports, 0);
    expect(reports).toBe(REPORTS);
    expect((await storage.listReports({ brands: ['gucci'], status: 'open', limit: 10, offset: 0 })).length).toBe(5);

    // The shortcuts are listed on "?".
    await page.locator('body').press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor({ state: 'detached' });

    // A filing from the confirmed eBay listings: VeRO by default, the file downloaded as the export makes it.
    await page.getByLabel('Status').selectOption('confirmed');
    await page.getByLabel('Marketplace').selectOption('ebay');
    const ebay = await storage.listListings({
      brands: ['nike'],
      status: 'confirmed',
      marketplace: 'ebay',
      sort: 'recent',
      limit: 100,
      offset: 0,
    });
    await page.getByText(`Listings 1–${ebay.total} of ${ebay.total}`).waitFor();
    await page.locator('body').press('a');
    await page.getByRole('button', { name: 'File a takedown' }).click();
    const filingDialog = page.getByRole('dialog', { name: `File ${ebay.total} confirmed listings` });
    await filingDialog.waitFor();
    expect(await filingDialog.getByLabel('Format').inputValue()).toBe('vero');
    expect(await seriousViolations(page)).toEqual([]);
    const [downloaded] = await Promise.all([
      page.waitForEvent('download'),
      filingDialog.getByRole('button', { name: 'File and download' }).click(),
    ]);
    const [filing] = await storage.listFilings(['nike']);
    expect(filing).toMatchObject({ marketplace: 'ebay', format: 'vero', filedBy: 'Console volunteer' });
    expect(filing!.listed.map((listed) => listed.key).sort()).toEqual(
      ebay.listings.map((listing) => listing.key).sort(),
    );
    const expected = exportReports(
      'vero',
      (
        await storage.reportsAbout(
          filing!.listed.map((listed) => listed.key),
          ['nike'],
        )
      ).filter((stored) => stored.status === 'confirmed'),
      ENGLISH,
      { now: new Date(filing!.filedAt) },
    );
    expect(downloaded.suggestedFilename()).toBe(expected.fileName);
    const lines = readFileSync(await downloaded.path(), 'utf8').split('\n');
    const expectedLines = expected.body.split('\n');
    expect(lines.length).toBe(expectedLines.length);
    for (const [index, line] of lines.entries()) expect(line, `line ${index + 1}`).toBe(expectedLines[index]);

    // The filing opens; three outcomes are recorded.
    await page.waitForURL(`**/console/#/filings/${filing!.id}`);
    const titleOf = (key: string) => ebay.listings.find((listing) => listing.key === key)!.title;
    const [first, second, third] = filing!.listed.map((listed) => listed.key);
    await page.getByLabel(`Outcome of ${titleOf(first!)}`, { exact: true }).selectOption('removed');
    await page.getByLabel(`Outcome of ${titleOf(second!)}`, { exact: true }).selectOption('still_up');
    await page.getByLabel(`Outcome of ${titleOf(third!)}`, { exact: true }).selectOption('refused');
    await page.getByText('3 changes not saved yet').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Save outcomes' }).click();
    await page.getByText('Outcomes saved.').waitFor();
    await page
      .getByText(`1 removed, 1 still up, 1 refused, ${ebay.total - 3} awaiting`)
      .first()
      .waitFor();
    const recorded = await storage.getFiling(filing!.id, ['nike']);
    expect(
      Object.fromEntries(recorded!.listed.filter((one) => one.outcome).map((one) => [one.key, one.outcome])),
    ).toEqual({
      [first!]: 'removed',
      [second!]: 'still_up',
      [third!]: 'refused',
    });
    await page.screenshot({ path: join(SCREENSHOTS, `console-filing-${backend.toLowerCase()}.png`) });
    await page.getByRole('navigation', { name: 'Console sections' }).getByRole('link', { name: 'Filings' }).click();
    await page.getByRole('link', { name: /Open the filing of/ }).waitFor();
    // The results, read back from the tables beside the charts.
    const nav = page.getByRole('navigation', { name: 'Console sections' });
    await nav.getByRole('link', { name: 'Results' }).click();
    const figures = (name: string) => page.getByRole('table', { name: `${name}, by week (the chart's figures)` });
    const reportsTable = figures('Reports received and reviewed');
    await reportsTable.waitFor();
    const reportRows = await reportsTable
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((row) => [...row.querySelectorAll('td')].map((cell) => Number(cell.textContent!.replaceAll(',', '')))),
      );
    expect(reportRows).toHaveLength(12);
    expect(reportRows.reduce((sum, row) => sum + row[0]!, 0)).toBe(REPORTS);
    expect(reportRows.at(-1)![1]).toBe(REPORTS);
    const confirmedReports = confirmed.listings.reduce((sum, listing) => sum + listing.reports, 0);
    const thisWeek = (name: string) => figures(name).locator('tbody tr').last().locator('td').textContent();
    expect(await thisWeek("Confirmed by review (reporters' accuracy)")).toBe(
      `${Math.round((100 * confirmedReports) / REPORTS)} %`,
    );
    expect(await thisWeek('Listings in takedown requests filed (proactive takedowns)')).toBe(String(ebay.total));
    expect(await thisWeek('Removal success rate')).toBe('33 %');
    expect(await thisWeek('Suspect listings per 100 seen in audit sessions')).toBe('No data');
    // The chart draws what the table says: 12 weeks of two series, this week's reviews the last bar.
    expect(await page.locator('svg[data-chart="reports"] rect').count()).toBe(24);
    expect(await page.locator('svg[data-chart="reports"] rect.series-1').last().getAttribute('data-value')).toBe(
      String(REPORTS),
    );
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, `console-results-${backend.toLowerCase()}.png`) });
    const [csvFile] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download as CSV' }).click(),
    ]);
    const csv = readFileSync(await csvFile.path(), 'utf8')
      .trim()
      .split('\n');
    expect(csv).toHaveLength(13);
    expect(csv[0]!.split(',').slice(0, 3)).toEqual(['week', 'received', 'reviewed']);
    expect(csv.at(-1)!.split(',')[2]).toBe(String(REPORTS));
    await nav.getByRole('link', { name: 'Review queue' }).click();
    // The queue has loaded (every listing is decided: none is open) before the token goes.
    await page.getByText('No listing matches these filters.').waitFor();

    // Revoked, the token is refused on its next call, and the console says so.
    await storage.revokeToken(record.hash);
    await page.getByLabel('Status').selectOption('rejected');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Your token no longer works here');
    expect(await page.evaluate(() => sessionStorage.getItem('cg-console-token'))).toBeNull();

    expect(problems.filter((text) => !/Failed to load resource|ERR_CONNECTION_RESET/.test(text))).toEqual([]);
    await context.close();
  });

  it('shows a report’s screenshot, asks before signing out over an unsaved decision, and forgets the token on sign-out', async () => {
    const { token } = await createVolunteerToken(storage, { name: 'Second volunteer', brands: ['nike'] });
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/console/`);
    await page.getByLabel('Volunteer token').fill(token);
    await page.getByLabel('Volunteer token').press('Enter');
    await page.getByLabel('Status').selectOption('');
    await page.getByText(`of ${LISTINGS}`).waitFor();
    await page.getByRole('button', { name: 'Screenshot' }).click();
    const image = page.getByRole('img', { name: /The screenshot a shopper sent/ });
    await image.waitFor();
    expect(await image.evaluate((element: HTMLImageElement) => element.naturalWidth)).toBe(1);
    await page.keyboard.press('Escape');

    // A decision the service cannot take yet: signing out asks first, and staying lets it be sent.
    await page.route('**/v1/volunteer/listings/review', (route) => route.abort('connectionreset'));
    await page
      .getByRole('button', { name: /^Confirm .* as counterfeit$/ })
      .first()
      .click();
    await page.getByRole('dialog', { name: 'Confirm 1 listings as counterfeit' }).waitFor();
    await page.keyboard.press('Enter');
    await page
      .getByText(/Not saved yet/)
      .first()
      .waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('dialog', { name: '1 decisions are not saved yet' }).waitFor();
    await page.getByRole('button', { name: 'Stay signed in' }).click();
    await page.unroute('**/v1/volunteer/listings/review');
    await expect.poll(() => page.getByText(/Not saved yet/).count(), { timeout: 20_000 }).toBe(0);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await page.evaluate(() => Object.keys(sessionStorage))).toEqual([]);

    // The public results, signed out: every brand's sums (the 5 gucci reports too), nothing named.
    await page.getByRole('link', { name: "The programme's public results" }).click();
    const table = page.getByRole('table', { name: "Reports received and reviewed, by week (the chart's figures)" });
    await table.waitFor();
    const received = await table
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.reduce((sum, row) => sum + Number(row.querySelectorAll('td')[0]!.textContent!.replaceAll(',', '')), 0),
      );
    expect(received).toBe(REPORTS + 5);
    expect(await page.locator('body').textContent()).not.toContain('Nike Air Max');
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
  it('lets an admin make a token for a brand and revoke it, refused on its next call', async () => {
    const { token: adminToken } = await createVolunteerToken(storage, { name: 'Coordinator', brands: [], admin: true });
    const adminContext = await browser.newContext();
    const admin = await adminContext.newPage();
    await admin.goto(`${base}/console/`);
    await admin.getByLabel('Volunteer token').fill(adminToken);
    await admin.getByLabel('Volunteer token').press('Enter');
    await admin.getByRole('navigation', { name: 'Console sections' }).getByRole('link', { name: 'Tokens' }).click();
    await admin.getByRole('table', { name: /Tokens that work here/ }).waitFor();
    await admin.getByLabel('Who it is for').fill('Adidas volunteer');
    await admin.getByLabel('Brands (registry ids, separated by commas)').fill('adidas');
    await admin.getByLabel('Expires after (days; empty for never)').fill('30');
    await admin.getByRole('button', { name: 'Make the token' }).click();
    const made = await admin.getByLabel('New token').inputValue();
    expect(made).toMatch(/^cgv_/);
    await admin.getByRole('button', { name: 'Revoke the token of Adidas volunteer' }).waitFor();
    expect(await seriousViolations(admin)).toEqual([]);

    // The new token works: its volunteer signs in to an empty adidas queue.
    const volunteerContext = await browser.newContext();
    const volunteer = await volunteerContext.newPage();
    await volunteer.goto(`${base}/console/`);
    await volunteer.getByLabel('Volunteer token').fill(made);
    await volunteer.getByLabel('Volunteer token').press('Enter');
    await volunteer.getByText('Signed in as Adidas volunteer for adidas').waitFor();
    await volunteer.getByText('No listing matches these filters.').waitFor();
    expect(
      await volunteer
        .getByRole('navigation', { name: 'Console sections' })
        .getByRole('link', { name: 'Tokens' })
        .count(),
    ).toBe(0);

    await admin.getByRole('button', { name: 'Revoke the token of Adidas volunteer' }).click();
    await admin
      .getByRole('dialog', { name: 'Revoke the token of Adidas volunteer?' })
      .getByRole('button', { name: 'Revoke' })
      .click();
    await admin.getByText('Revoked the token of Adidas volunteer.').waitFor();
    await expect
      .poll(() => admin.getByRole('button', { name: 'Revoke the token of Adidas volunteer' }).count())
      .toBe(0);

    await volunteer.getByLabel('Status').selectOption('rejected');
    await expect.poll(() => volunteer.getByRole('alert').textContent()).toContain('Your token no longer works here');
    await adminContext.close();
    await volunteerContext.close();
  });
  it('takes a seller’s appeal on its public page; upheld in the console, the listing leaves the next registry', async () => {
    const [target] = (
      await storage.listListings({
        brands: ['nike'],
        status: 'confirmed',
        marketplace: 'ebay',
        sort: 'recent',
        limit: 1,
        offset: 0,
      })
    ).listings;
    expect(target).toBeDefined();
    const hashed = createHash('sha256').update(target!.key).digest('hex');
    await publishNow();
    expect(await confirmedInRegistry()).toContain(hashed);

    const sellerContext = await browser.newContext();
    const seller = await sellerContext.newPage();
    await seller.goto(`${base}/console/`);
    await seller.getByRole('link', { name: "Sellers: appeal a listing's flag" }).click();
    await seller.getByRole('heading', { name: "Appeal a listing's flag" }).waitFor();
    expect(await seriousViolations(seller)).toEqual([]);
    await seller.getByLabel("The listing's address on the marketplace").fill(`${target!.url}?hash=item1`);
    await seller.getByLabel('Your name or business').fill('Sunrise Trading Ltd');
    await seller
      .getByLabel('Your case (for example: where the goods come from, your authorisation)')
      .fill('Bought from Nike Europe; invoice 2026-0415.');
    await seller.getByLabel('How the volunteer can reach you (email)').fill('legal@sunrise.example');
    await seller.getByRole('button', { name: 'Send the appeal' }).click();
    await seller.getByText(`Your appeal was received for ${target!.key}.`).waitFor();
    await sellerContext.close();

    const { token } = await createVolunteerToken(storage, { name: 'Appeals volunteer', brands: ['nike'] });
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/console/`);
    await page.getByLabel('Volunteer token').fill(token);
    await page.getByLabel('Volunteer token').press('Enter');
    await page.getByLabel('Status').selectOption('confirmed');
    // The appeal shows in the queue, beside the reports about its listing.
    const row = page.locator('table.queue tbody tr', { hasText: target!.title });
    await row.getByRole('link', { name: 'Seller appealed' }).click();
    await page.getByRole('heading', { name: "Sellers' appeals" }).waitFor();
    await page.getByRole('button', { name: 'Uphold the appeal of Sunrise Trading Ltd' }).click();
    const dialog = page.getByRole('dialog', {
      name: "Uphold this appeal: the listing's flag goes at the next publish",
    });
    await dialog.getByLabel('Note (what you checked; kept with the decision)').fill('Invoice checked with Nike');
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Uphold' }).click();
    await page.getByText('No appeals with this status.').waitFor();

    await publishNow();
    expect(await confirmedInRegistry()).not.toContain(hashed);
    const [upheld] = await storage.listAppeals(['nike'], 'upheld');
    expect(upheld).toMatchObject({
      key: target!.key,
      name: 'Sunrise Trading Ltd',
      decision: { by: 'Appeals volunteer', note: 'Invoice checked with Nike' },
    });
    await context.close();
  });
});
