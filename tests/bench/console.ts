import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { buildApp } from '../../server/src/app';
import { CONSOLE_DIR } from '../../server/src/routes/console';
import { openStorage } from '../../server/src/storage/open';
import { createVolunteerToken } from '../../server/src/tokens';
import { makeReport } from '../server/fixtures';
import { median, report } from './measure';

const REPORTS = 10_000;
const LISTINGS = 2_000;
const RUNS = 7;

/**
 * The brand console with 10,000 reports (over 2,000 listings) in the database: the time from
 * asking for /console/ to its queue's first page shown and answering keys, for a volunteer
 * already signed in in the tab. Beside it, in the same run: the service's own answer for that
 * page (the listings route, from Node), which the console cannot be faster than.
 */
export async function benchConsole(): Promise<void> {
  const scripts = readdirSync(join(CONSOLE_DIR, 'assets')).filter((name) => name.endsWith('.js'));
  const gzipped = scripts.reduce(
    (sum, name) => sum + gzipSync(readFileSync(join(CONSOLE_DIR, 'assets', name))).length,
    0,
  );
  report({ name: 'console JavaScript, gzipped', bytes: gzipped, target_bytes: 60 * 1024 });

  const storage = await openStorage({ dataDir: mkdtempSync(join(tmpdir(), 'cg-bench-console-')) });
  await storage.migrate();
  for (let n = 0; n < REPORTS; n++) {
    const i = n % LISTINGS;
    await storage.insertReport(
      makeReport({
        reporterId: `reporter-bench-${String(n).padStart(8, '0')}`,
        listing: {
          key: `ebay:40${String(i).padStart(10, '0')}`,
          url: `https://www.ebay.com/itm/40${String(i).padStart(10, '0')}`,
        },
      }),
      new Date(Date.now() - (REPORTS - n) * 60_000).toISOString(),
    );
  }
  const { token } = await createVolunteerToken(storage, { name: 'Bench volunteer', brands: ['nike'] });
  const app = buildApp({ storage });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  try {
    const shown: number[] = [];
    const served: number[] = [];
    const blank: number[] = [];
    for (let run = 0; run < RUNS + 1; run++) {
      const start = performance.now();
      const answer = await fetch(`${base}/v1/volunteer/listings?status=open&sort=recent&limit=50&offset=0`, {
        headers: { authorization: `Bearer ${token}` },
      });
      await answer.json();
      if (run > 0) served.push(performance.now() - start);

      // A fresh context each run: nothing cached, as a volunteer's first visit of the day.
      const empty = await browser.newContext();
      const emptyPage = await empty.newPage();
      const emptyStart = performance.now();
      // The browser's own cost for a first page in a fresh context: the service's health answer.
      await emptyPage.goto(`${base}/healthz`);
      if (run > 0) blank.push(performance.now() - emptyStart);
      await empty.close();

      const context = await browser.newContext();
      await context.addInitScript((kept) => sessionStorage.setItem('cg-console-token', kept), token);
      const page = await context.newPage();
      const begin = performance.now();
      await page.goto(`${base}/console/`);
      await page.locator('table.queue tbody tr').first().waitFor();
      // Interactive: a shortcut is answered.
      await page.locator('body').press('?');
      await page.getByRole('dialog').waitFor();
      if (run > 0) shown.push(performance.now() - begin);
      await context.close();
    }
    report({
      name: `console first view, ${REPORTS} reports over ${LISTINGS} listings (page shown and answering keys vs the service's answer for it)`,
      median_ms: median(shown),
      baseline_median_ms: median(served),
      first_page_in_fresh_context_ms: Math.round(median(blank)),
      target_ms: 1000,
    });
  } finally {
    await browser.close();
    await app.close();
    await storage.close();
  }
}
