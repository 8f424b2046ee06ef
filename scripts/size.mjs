// `npm run size`: the gzipped size of each built entry point, what webextension-polyfill adds to
// each content script, and the content script's budget.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const OUTPUT = '.output/chrome-mv3';
const CONTENT_BUDGET = 30 * 1024;

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

// Measured, not searched for: the polyfill is minified into the script, so the content scripts are
// rebuilt with a stand-in for it and compared. In a child process, so WXT's spinner and the
// config's notices stay out of the table; they are shown only if that build fails.
function withoutPolyfill(names) {
  const dir = mkdtempSync(join(tmpdir(), 'size-no-polyfill-'));
  try {
    const entrypoints = names.map((name) => basename(name, '.js'));
    const built = spawnSync(process.execPath, ['scripts/build-without-polyfill.mjs', dir, ...entrypoints], {
      encoding: 'utf8',
    });
    if (built.status !== 0) {
      console.error(`${built.stdout}${built.stderr}The build without webextension-polyfill failed.`);
      return null;
    }
    return new Map(
      names.map((name) => [name, gzipSync(readFileSync(join(dir, 'chrome-mv3', name)), { level: 9 }).length]),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

let entries;
try {
  entries = files(OUTPUT).filter((path) => /\.(js|css|html)$/.test(path));
} catch {
  console.error(`${OUTPUT} is missing: run \`npm run build:dev\` (or a release build) first.`);
  process.exit(1);
}

let over = false;
const contentGz = new Map();
console.log('gzipped  raw       file');
for (const path of entries.sort()) {
  const raw = readFileSync(path);
  const gz = gzipSync(raw, { level: 9 }).length;
  const name = relative(OUTPUT, path);
  const isContent = name.startsWith('content-scripts/') && name.endsWith('.js');
  if (isContent) contentGz.set(name, gz);
  if (isContent && gz > CONTENT_BUDGET) over = true;
  const note = isContent ? `  (content script; budget ${CONTENT_BUDGET / 1024} KB)` : '';
  console.log(
    `${(gz / 1024).toFixed(1).padStart(6)} KB ${(raw.length / 1024).toFixed(1).padStart(6)} KB  ${name}${note}`,
  );
}

const kb = (bytes) => (bytes / 1024).toFixed(1);
if (contentGz.size > 0) {
  const bare = withoutPolyfill([...contentGz.keys()]);
  if (!bare) process.exitCode = 1;
  for (const [name, gz] of bare ?? []) {
    console.log(
      `${kb(contentGz.get(name) - gz).padStart(6)} KB of ${name} is webextension-polyfill (rebuilt without it: ${kb(gz)} KB)`,
    );
  }
}
if (over) {
  console.error('A content script is over its gzipped budget.');
  process.exit(1);
}
