import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { registryFromDisk } from '../../src/disk/registry-files';
import { buildApp, DEFAULT_QUOTAS } from './app';
import { trustProxyOf } from './proxy';
import { publish } from './publish';
import { loadOrCreateOriginKey, loadOrCreateSigner } from './signing';
import { openStorage } from './storage/open';
import { createVolunteerToken, findTokenById, tokenId } from './tokens';

const USAGE = `Usage: npm run server -- [serve] [options]
       npm run server -- token create --brand ID [--brand ID …] --name "NAME" [--days N | --expires DATE]
       npm run server -- token create --admin --name "NAME" [--brand ID …] [--days N | --expires DATE]
       npm run server -- token list
       npm run server -- token revoke TOKEN-ID
       npm run server -- publish

  serve (default)  answers on http://HOST:PORT; creates the schema, a development signing key and a
                   first signed registry on first start; publishes a new version every --publish-every minutes.
  token create     makes a volunteer token for those brands and prints it once; it expires after
                   --days N or on --expires DATE (an ISO 8601 date or time), else never. With --admin,
                   the token may also list, make and revoke tokens in the console (/console/).
  token list       lists the tokens: id, name, brands, made, expires (never the tokens themselves).
  token revoke ID  deletes the token with that id (its first 8 hex digits or more): it works nowhere after.
  publish          signs and stores a new registry version if anything changed (for a scheduler).

Options (and environment variables):
  --port N            (CG_PORT, default 8787)
  --host ADDRESS      (CG_HOST, default 127.0.0.1)
  --data DIR          (CG_DATA, default ./data): the SQLite database and, by default, the keys
  --keys DIR          (CG_KEYS, default DATA/keys): the registry signing key pair
  --database-url URL  (DATABASE_URL): postgres://… to use PostgreSQL instead of SQLite
  --publish-every N   (CG_PUBLISH_EVERY, default 60; 0: never)
  --min-reporters N   (CG_MIN_REPORTERS, default 3): distinct reporters, from as many distinct
                      networks, that flag a listing (a Caution; only a volunteer's confirmation is High)
  --rate-reporter N   (CG_RATE_REPORTER, default 30): reports a minute per reporter id
  --rate-address N    (CG_RATE_ADDRESS, default 600): reports a minute per address
  --daily-reports N   (CG_DAILY_REPORTS, default 2000): reports a day per address
  --daily-reports-reporter N (CG_DAILY_REPORTS_REPORTER, default 200): reports a day per reporter id
  --daily-screenshots N (CG_DAILY_SCREENSHOTS, default 20): reports with a screenshot a day per
                      address (5 per reporter id); with the reports, what bounds the database's growth
  --trust-proxy V     (CG_TRUST_PROXY, default off): whose X-Forwarded-For names the client: off, the
                      balancer's addresses or CIDRs (comma-separated), or a hop count. Limits and
                      report origins are per client address, so behind a balancer this must be set.
                      Limits are per instance: with N instances give each 1/N of the limit you want.`;

/** `--expires`: an ISO 8601 date or time in the future. */
function dateOf(text: string): string {
  const time = Date.parse(text);
  if (!/^\d{4}-\d{2}-\d{2}/.test(text) || Number.isNaN(time)) throw new Error('--expires must be an ISO 8601 date');
  if (time <= Date.now()) throw new Error('--expires must be in the future');
  return new Date(time).toISOString();
}

/** How long a reviewed report's screenshot is kept: long enough for a takedown to be filed. */
const SCREENSHOT_DAYS = 90;

function options(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      port: { type: 'string', default: process.env.CG_PORT ?? '8787' },
      host: { type: 'string', default: process.env.CG_HOST ?? '127.0.0.1' },
      data: { type: 'string', default: process.env.CG_DATA ?? 'data' },
      keys: { type: 'string', ...(process.env.CG_KEYS ? { default: process.env.CG_KEYS } : {}) },
      'database-url': { type: 'string', ...(process.env.DATABASE_URL ? { default: process.env.DATABASE_URL } : {}) },
      'publish-every': { type: 'string', default: process.env.CG_PUBLISH_EVERY ?? '60' },
      'min-reporters': { type: 'string', default: process.env.CG_MIN_REPORTERS ?? '3' },
      'rate-reporter': { type: 'string', default: process.env.CG_RATE_REPORTER ?? '30' },
      'rate-address': { type: 'string', default: process.env.CG_RATE_ADDRESS ?? '600' },
      'trust-proxy': { type: 'string', default: process.env.CG_TRUST_PROXY ?? 'off' },
      'daily-reports': { type: 'string', default: process.env.CG_DAILY_REPORTS ?? '2000' },
      'daily-reports-reporter': { type: 'string', default: process.env.CG_DAILY_REPORTS_REPORTER ?? '200' },
      'daily-screenshots': { type: 'string', default: process.env.CG_DAILY_SCREENSHOTS ?? '20' },
      brand: { type: 'string', multiple: true },
      name: { type: 'string' },
      days: { type: 'string' },
      expires: { type: 'string' },
      help: { type: 'boolean', default: false },
      admin: { type: 'boolean', default: false },
    },
  });
  const number = (name: keyof typeof values) => {
    const value = Number(values[name]);
    if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} must be a whole number`);
    return value;
  };
  const data = resolve(values.data);
  return {
    positionals,
    help: values.help,
    port: number('port'),
    host: values.host,
    data,
    keys: resolve(values.keys ?? join(data, 'keys')),
    databaseUrl: values['database-url'],
    publishEvery: number('publish-every'),
    minReporters: number('min-reporters'),
    limits: { perReporter: number('rate-reporter'), perAddress: number('rate-address') },
    trustProxy: trustProxyOf(values['trust-proxy']),
    quotas: {
      reports: { perReporter: number('daily-reports-reporter'), perAddress: number('daily-reports') },
      screenshots: { perReporter: DEFAULT_QUOTAS.screenshots.perReporter, perAddress: number('daily-screenshots') },
      appeals: DEFAULT_QUOTAS.appeals,
    },
    brands: values.brand ?? [],
    admin: values.admin,
    name: values.name,
    days: values.days === undefined ? undefined : number('days'),
    expires: values.expires === undefined ? undefined : dateOf(values.expires),
  };
}

async function main(argv: string[]): Promise<number> {
  let config: ReturnType<typeof options>;
  try {
    config = options(argv);
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (config.help) {
    console.log(USAGE);
    return 0;
  }
  const [command = 'serve', verb] = config.positionals;
  const storage = await openStorage({
    dataDir: config.data,
    ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}),
  });
  const publishNow = async () => {
    const signer = await loadOrCreateSigner(config.keys);
    // The publish job also lets go of screenshots no one needs: withdrawn reports' (also deleted
    // at withdrawal), and those of reports a volunteer reviewed over SCREENSHOT_DAYS ago.
    await storage.pruneScreenshots(new Date(Date.now() - SCREENSHOT_DAYS * 86_400_000).toISOString());
    return publish(storage, signer, registryFromDisk(), { minReporters: config.minReporters, validDays: 14 });
  };

  if (command === 'token' && verb === 'create') {
    const known = new Set(registryFromDisk().brands.map((brand) => brand.id));
    const unknown = config.brands.filter((brand) => !known.has(brand));
    if ((config.brands.length === 0 && !config.admin) || !config.name || unknown.length > 0) {
      console.error(
        unknown.length > 0
          ? `Not brands of the registry: ${unknown.join(', ')}`
          : `Name at least one --brand and a --name.\n\n${USAGE}`,
      );
      await storage.close();
      return 2;
    }
    const { token, record } = await createVolunteerToken(storage, {
      name: config.name,
      brands: config.brands,
      admin: config.admin,
      ...(config.days ? { days: config.days } : {}),
      ...(config.expires ? { expiresAt: config.expires } : {}),
    });
    console.log(token);
    console.error(
      `${record.admin ? 'Admin token' : 'Token'} for ${record.name}, brands ${record.brands.join(', ') || 'none'}${record.expiresAt ? `, until ${record.expiresAt}` : ''}. It is shown only this once.`,
    );
    await storage.close();
    return 0;
  }
  if (command === 'token' && verb === 'list') {
    const tokens = await storage.listTokens();
    await storage.close();
    if (tokens.length === 0) console.log('No volunteer tokens.');
    for (const record of tokens) {
      const expiry = record.expiresAt
        ? `${Date.parse(record.expiresAt) <= Date.now() ? 'expired' : 'expires'} ${record.expiresAt}`
        : 'never expires';
      console.log(
        `${tokenId(record)}  ${record.name}${record.admin ? ' (admin)' : ''}  [${record.brands.join(', ')}]  made ${record.createdAt}  ${expiry}`,
      );
    }
    return 0;
  }
  if (command === 'token' && verb === 'revoke') {
    const found = await findTokenById(storage, config.positionals[2] ?? '');
    if ('error' in found) {
      await storage.close();
      console.error(`Cannot revoke: ${found.error}.`);
      return 2;
    }
    await storage.revokeToken(found.record.hash);
    await storage.close();
    console.log(`Revoked ${tokenId(found.record)} (${found.record.name}): it works nowhere from now on.`);
    return 0;
  }
  if (command === 'publish') {
    const { artifact, published } = await publishNow();
    console.log(
      published ? `published registry version ${artifact.version}` : `unchanged: version ${artifact.version}`,
    );
    await storage.close();
    return 0;
  }
  if (command !== 'serve') {
    console.error(`Unknown command: ${command}\n\n${USAGE}`);
    await storage.close();
    return 2;
  }

  const first = await publishNow();
  const app = buildApp({
    storage,
    limits: config.limits,
    originKey: loadOrCreateOriginKey(config.keys),
    trustProxy: config.trustProxy,
    quotas: config.quotas,
    logger: false,
  });
  await app.listen({ port: config.port, host: config.host });
  console.log(
    `counterfeit-guard server on http://${config.host}:${config.port} · ${config.databaseUrl ? 'PostgreSQL' : `SQLite in ${config.data}`} · registry version ${first.artifact.version}`,
  );
  const timer =
    config.publishEvery > 0
      ? setInterval(
          () => void publishNow().catch((error) => console.error('publish failed:', error)),
          config.publishEvery * 60_000,
        )
      : undefined;
  const stop = async () => {
    if (timer) clearInterval(timer);
    await app.close();
    await storage.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  return -1;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
