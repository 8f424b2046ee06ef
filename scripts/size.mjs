// `npm run size`: the gzipped size of each built entry point, and the content script's budget.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const OUTPUT = '.output/chrome-mv3';
const CONTENT_BUDGET = 30 * 1024;

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

let entries;
try {
  entries = files(OUTPUT).filter((path) => /\.(js|css|html)$/.test(path));
} catch {
  console.error(`${OUTPUT} is missing: run \`npm run build:dev\` (or a release build) first.`);
  process.exit(1);
}

let over = false;
console.log('gzipped  raw       file');
for (const path of entries.sort()) {
  const raw = readFileSync(path);
  const gz = gzipSync(raw, { level: 9 }).length;
  const name = relative(OUTPUT, path);
  const isContent = name.startsWith('content-scripts/') && name.endsWith('.js');
  if (isContent && gz > CONTENT_BUDGET) over = true;
  const note = isContent ? `  (content script; budget ${CONTENT_BUDGET / 1024} KB)` : '';
  console.log(
    `${(gz / 1024).toFixed(1).padStart(6)} KB ${(raw.length / 1024).toFixed(1).padStart(6)} KB  ${name}${note}`,
  );
}
if (over) {
  console.error('A content script is over its gzipped budget.');
  process.exit(1);
}
