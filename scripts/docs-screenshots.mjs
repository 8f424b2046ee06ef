// The README's screenshots are the ones the end-to-end run takes (test-results/screenshots/):
// this copies them into docs/ after `npm test` or `npm run test:e2e`, so the pictures are the
// build's own and never drawn by hand. A screenshot the run did not take stops the copy.
import { copyFileSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const FROM = join(ROOT, process.argv[2] ?? join('test-results', 'screenshots'));

/**
 * The README's picture ← the end-to-end test that takes it. (The options page's picture is cut to its
 * first screen by hand: the run takes the whole 4,400 px page.)
 */
const PICTURES = {
  'product-page.png': 'chromium-product-page.png',
  'search-page.png': 'chromium-search-page.png',
  'popup.png': 'chromium-popup-summary.png',
  'console-queue.png': 'console-queue-sqlite.png',
  'console-results.png': 'console-results-sqlite.png',
};

const missing = Object.values(PICTURES).filter((taken) => !existsSync(join(FROM, taken)));
if (missing.length > 0) {
  console.error(`Not taken by the last end-to-end run in ${FROM}: ${missing.join(', ')}. Run npm run test:e2e first.`);
  process.exit(1);
}
for (const [picture, taken] of Object.entries(PICTURES)) {
  copyFileSync(join(FROM, taken), join(ROOT, 'docs', picture));
  console.log(`docs/${picture} ← ${taken} (taken ${statSync(join(FROM, taken)).mtime.toISOString()})`);
}
