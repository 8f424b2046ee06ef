// `npm run gather:pages`: rebuilds the gathered real pages from fetched snapshots of public
// repositories into data/gathered-pages/ (ignored: the pages belong to their sites). Each file of
// eval/pages/ lists pages: the repository, commit and path that hold one, the address it was
// saved from, what it shows, and the truth a person wrote by reading it. The split into a tuning
// and a test part is drawn once, from a hash of the repository and path.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_MIRRORS, gitDir, showFile } from './mirror.mjs';

const KINDS = ['detail', 'search', 'store', 'other'];
const COLUMNS = [
  'local_file',
  'marketplace',
  'country',
  'year',
  'page_type',
  'url',
  'title',
  'price',
  'currency',
  'listing_count',
  'split',
  'repo',
  'path',
  'commit',
  'what',
];
/** A fixed salt: the split was drawn once with it, and a new salt would be a new split. */
const SPLIT_SALT = 'counterfeit-guard-pages-2026-12';

const { values } = parseArgs({
  options: {
    mirrors: { type: 'string', default: DEFAULT_MIRRORS },
    out: { type: 'string', default: join('data', 'gathered-pages') },
  },
});

const splitOf = (id) => (createHash('sha256').update(`${SPLIT_SALT}:${id}`).digest()[0] < 128 ? 'tune' : 'test');
const slug = (text) => text.replace(/[^A-Za-z0-9._-]+/g, '__').slice(-180);
const field = (value) => String(value ?? '').replace(/[\t\r\n]+/g, ' ');

const rows = [];
const missing = new Set();
const problems = [];
const seen = new Set();
mkdirSync(values.out, { recursive: true });
for (const file of readdirSync(join('eval', 'pages'))
  .filter((name) => name.endsWith('.json'))
  .sort()) {
  const pages = JSON.parse(readFileSync(join('eval', 'pages', file), 'utf8'));
  for (const [i, page] of pages.entries()) {
    const where = `${file} #${i}`;
    if (!KINDS.includes(page.kind)) problems.push(`${where}: kind must be one of ${KINDS.join(', ')}`);
    const truth = page.truth ?? {};
    if (page.kind === 'detail' && !truth.title) problems.push(`${where}: a product page needs truth.title`);
    if ((page.kind === 'search' || page.kind === 'store') && !Number.isInteger(truth.cards))
      problems.push(`${where}: a result page needs truth.cards (a whole number)`);
    const id = `${page.repo}:${page.path}`;
    if (seen.has(id)) problems.push(`${where}: ${id} is listed twice`);
    seen.add(id);
    const dir = gitDir(values.mirrors, page.repo);
    if (!dir) {
      missing.add(page.repo);
      continue;
    }
    let bytes;
    try {
      bytes = showFile(dir, page.commit, page.path);
    } catch (error) {
      problems.push(`${where}: ${page.repo}@${page.commit}:${page.path} could not be read: ${error.message}`);
      continue;
    }
    const local = join(
      page.marketplace,
      `${slug(page.repo)}__${slug(page.path)}${/\.html?$/i.test(page.path) ? '' : '.html'}`,
    );
    mkdirSync(join(values.out, page.marketplace), { recursive: true });
    writeFileSync(join(values.out, local), bytes);
    rows.push({
      local_file: local,
      marketplace: page.marketplace,
      country: page.country ?? '',
      year: page.year ?? '',
      page_type: page.kind,
      url: page.url ?? '',
      title: truth.title ?? '',
      price: truth.price ?? '',
      currency: truth.currency ?? '',
      listing_count: truth.cards ?? '',
      split: splitOf(id),
      repo: page.repo,
      path: page.path,
      commit: page.commit,
      what: page.what ?? '',
    });
  }
}

writeFileSync(
  join(values.out, 'TRUTH.tsv'),
  `${[COLUMNS.join('\t'), ...rows.map((row) => COLUMNS.map((column) => field(row[column])).join('\t'))].join('\n')}\n`,
);
const count = (key) => {
  const counts = new Map();
  for (const row of rows) counts.set(row[key], (counts.get(row[key]) ?? 0) + 1);
  return [...counts].map(([value, n]) => `${value} ${n}`).join(', ');
};
console.log(`${rows.length} pages written to ${values.out}`);
console.log(`  split: ${count('split')}`);
console.log(`  kinds: ${count('page_type')}`);
console.log(`  marketplaces: ${count('marketplace')}`);
if (missing.size > 0) {
  console.log(`${missing.size} repositor(ies) not fetched here (the search tool's fetch brings them):`);
  for (const repo of missing) console.log(`  ${repo}`);
}
for (const problem of problems) console.error(problem);
process.exitCode = problems.length > 0 ? 1 : 0;
