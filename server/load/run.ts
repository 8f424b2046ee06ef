// `npm run server:load`: report POSTs per second and latency against a server started here on
// 127.0.0.1 with SQLite, bounded in count and time; memory sampled through the run.
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';

const REQUESTS = Number(process.env.LOAD_REQUESTS ?? 40_000);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 30);
const CONNECTIONS = 32;
/** A fifth of the reports carry a screenshot of this many bytes (a large one is about 2.1 MB). */
const SCREENSHOT_BYTES = 1_000_000;
const SCREENSHOT = randomBytes(SCREENSHOT_BYTES);
const SCREENSHOT_FIELD = {
  base64: SCREENSHOT.toString('base64'),
  sha256: createHash('sha256').update(SCREENSHOT).digest('hex'),
};
const DAILY_SCREENSHOTS = 20;
const PORT = 18_000 + Math.floor(Math.random() * 1000);

export async function startServer(data: string, port: number): Promise<ChildProcess> {
  const server = spawn(
    process.execPath,
    ['--import', 'tsx', 'server/src/main.ts', '--port', String(port), '--data', data, '--publish-every', '0'],
    {
      env: {
        ...process.env,
        CG_RATE_REPORTER: '100000000',
        CG_RATE_ADDRESS: '100000000',
        CG_DAILY_REPORTS: '100000000',
        CG_DAILY_SCREENSHOTS: String(DAILY_SCREENSHOTS),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    server.once('exit', (code) => reject(new Error(`the server exited (${code}) before it answered`)));
    server.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('counterfeit-guard server on')) resolve();
    });
  });
  return server;
}

/** The SQLite file with its write-ahead log. */
function databaseBytes(data: string): number {
  return readdirSync(data)
    .filter((name) => name.endsWith('.sqlite') || name.endsWith('.sqlite-wal'))
    .reduce((sum, name) => sum + statSync(join(data, name)).size, 0);
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

function report(): string {
  return JSON.stringify({
    id: randomUUID(),
    reporterId: `reporter-${randomUUID()}`,
    listing: {
      key: `ebay:${20_000_000_000 + Math.floor(Math.random() * 1e9)}`,
      url: 'https://www.ebay.com/itm/204512345678',
      title: 'Nike Air Force 1 07 replica, all sizes',
      price: { amount: 25, currency: 'USD' },
      seller: 'shoe-deals-24',
      marketplace: 'ebay',
    },
    brand: 'nike',
    level: 'high',
    reasons: [{ code: 'counterfeit_terms', params: { brand: 'Nike', term: 'replica' } }],
    registryVersion: 2,
    category: 'counterfeit',
    createdAt: new Date().toISOString(),
    extensionVersion: '0.1.0',
    ...(Math.random() < 0.2 ? { screenshot: SCREENSHOT_FIELD } : {}),
  });
}

/** Runs the load test and prints its figures as one JSON line. */
export async function loadTest(): Promise<void> {
  const data = mkdtempSync(join(tmpdir(), 'cg-load-'));
  const server = await startServer(data, PORT);
  const memory: number[] = [];
  const sampler = setInterval(() => memory.push(rssMb(server.pid!)), 500);
  try {
    const result = await autocannon({
      url: `http://127.0.0.1:${PORT}/v1/reports`,
      connections: CONNECTIONS,
      amount: REQUESTS,
      duration: SECONDS,
      requests: [
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          setupRequest: (request) => ({ ...request, body: report() }),
        },
      ],
    });
    clearInterval(sampler);
    const third = Math.max(1, Math.floor(memory.length / 3));
    const early = memory.slice(0, third);
    const late = memory.slice(-third);
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    console.log(
      JSON.stringify({
        name: `report POSTs, SQLite, ${CONNECTIONS} connections on 127.0.0.1`,
        requests: result.requests.total,
        non_2xx: result.non2xx,
        errors: result.errors,
        requests_per_second: Math.round(result.requests.average),
        p50_ms: result.latency.p50,
        p99_ms: result.latency.p99,
        rss_mb_first_third: Math.round(mean(early)),
        rss_mb_last_third: Math.round(mean(late)),
        rss_mb_max: Math.round(Math.max(...memory)),
        screenshot_share: 0.2,
        screenshot_bytes: SCREENSHOT_BYTES,
        // One address: the day's screenshot quota bounds what the images add to the database.
        database_mb: Math.round(databaseBytes(data) / 1e5) / 10,
        database_bound_mb:
          Math.round(((result.requests.total * 2500 + DAILY_SCREENSHOTS * SCREENSHOT_BYTES) / 1e6) * 10) / 10,
      }),
    );
  } finally {
    clearInterval(sampler);
    server.kill('SIGTERM');
    rmSync(data, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await loadTest();
