// `npm run gather`: rebuilds the gathered evaluation listings from fetched snapshots of public
// repositories into data/gathered/ (ignored: the listings belong to their sources). Each source of
// eval/sources/ names a repository, a commit, a file, the extractor that reads it and the labels
// a reader gave its rows; the split into a tuning and a test part is drawn once, from a hash of
// the source and row, so that it never changes between runs or machines.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_MIRRORS, gitDir, showFile } from './mirror.mjs';

const LABELS = ['counterfeit_suspect', 'genuine_likely', 'unbranded', 'unclear'];
const COLUMNS = [
  'id',
  'source',
  'channel',
  'language',
  'split',
  'source_repo',
  'source_path',
  'commit',
  'marketplace',
  'title',
  'price',
  'currency',
  'seller',
  'url',
  'brand',
  'condition',
  'label',
  'label_reason',
];
/** A fixed salt: the split was drawn once with it, and a new salt would be a new split. */
const SPLIT_SALT = 'counterfeit-guard-eval-2026-12';

const { values } = parseArgs({
  options: {
    mirrors: { type: 'string', default: DEFAULT_MIRRORS },
    out: { type: 'string', default: join('data', 'gathered') },
  },
});

const escapeField = (value) =>
  String(value ?? '').replace(/[\\\t\r\n]/g, (char) => ({ '\\': '\\\\', '\t': '\\t', '\r': '\\r', '\n': '\\n' })[char]);

const splitOf = (id) => (createHash('sha256').update(`${SPLIT_SALT}:${id}`).digest()[0] < 128 ? 'tune' : 'test');

const sourcesDir = join('eval', 'sources');
const rows = [];
const missing = [];
const problems = [];
for (const file of readdirSync(sourcesDir)
  .filter((name) => name.endsWith('.json'))
  .sort()) {
  const sourceId = file.replace(/\.json$/, '');
  const source = JSON.parse(readFileSync(join(sourcesDir, file), 'utf8'));
  const dir = gitDir(values.mirrors, source.repo);
  if (!dir) {
    missing.push(`${sourceId} (${source.repo})`);
    continue;
  }
  let text;
  try {
    text = showFile(dir, source.commit, source.path).toString('utf8');
  } catch (error) {
    problems.push(`${sourceId}: ${source.repo}@${source.commit}:${source.path} could not be read: ${error.message}`);
    continue;
  }
  const { default: extract } = await import(`../eval/extractors/${source.extractor}.mjs`);
  const excluded = new Set(source.exclude ?? []);
  const seen = new Set();
  let kept = 0;
  for (const item of extract(text, source.options ?? {})) {
    const ref = String(item.ref);
    if (excluded.has(ref) || seen.has(ref)) continue;
    seen.add(ref);
    const labelled = source.rows?.[ref] ?? (source.label ? { label: source.label, why: source.why } : undefined);
    if (!labelled) continue;
    if (!LABELS.includes(labelled.label)) {
      problems.push(`${sourceId}: row ${ref}: unknown label "${labelled.label}"`);
      continue;
    }
    if (!item.title || !String(item.title).trim()) continue;
    const id = `${sourceId}:${ref}`;
    rows.push({
      id,
      source: sourceId,
      channel: source.channel,
      language: source.language,
      split: splitOf(id),
      source_repo: source.repo,
      source_path: source.path,
      commit: source.commit,
      marketplace: item.marketplace ?? source.marketplace ?? '',
      title: String(item.title).trim(),
      price: item.price ?? '',
      currency: item.price !== undefined && item.price !== '' ? (item.currency ?? source.currency ?? '') : '',
      seller: item.seller ?? '',
      url: item.url ?? '',
      brand: item.brand ?? '',
      condition: item.condition ?? '',
      label: labelled.label,
      label_reason: labelled.why ?? '',
    });
    kept++;
  }
  if (kept === 0) problems.push(`${sourceId}: no labelled row was read`);
}

mkdirSync(values.out, { recursive: true });
const out = join(values.out, 'listings.tsv');
writeFileSync(
  out,
  `${[COLUMNS.join('\t'), ...rows.map((row) => COLUMNS.map((column) => escapeField(row[column])).join('\t'))].join('\n')}\n`,
);
const count = (key) => {
  const counts = new Map();
  for (const row of rows) counts.set(row[key], (counts.get(row[key]) ?? 0) + 1);
  return [...counts].map(([value, n]) => `${value} ${n}`);
};
console.log(`${rows.length} listings written to ${out}`);
console.log(`  split: ${count('split').join(', ')}`);
console.log(`  labels: ${count('label').join(', ')}`);
console.log(`  channels (${new Set(rows.map((row) => row.channel)).size}): ${count('channel').join(', ')}`);
console.log(`  languages (${new Set(rows.map((row) => row.language)).size}): ${count('language').join(', ')}`);
if (missing.length > 0) {
  console.log(
    `${missing.length} source(s) skipped, their repository not fetched here (the search tool's fetch brings it):`,
  );
  for (const line of missing) console.log(`  ${line}`);
}
for (const problem of problems) console.error(problem);
process.exitCode = problems.length > 0 ? 1 : 0;
