// Writes a fixture's expected reading beside it, from the reader as it is now:
//   node scripts/expected.mjs tests/fixtures/SITE/NAME.html URL
// Read the result before committing it: it is the test's claim about that page.
import { readFileSync, writeFileSync } from 'node:fs';
import { register } from 'tsx/esm/api';

register();
const { parseSavedPage } = await import('../src/cli/dom.ts');
const { readPage } = await import('../src/sites/read.ts');
const { EVERY_SITE } = await import('../src/sites/index.ts');

const [file, url] = process.argv.slice(2);
if (!file?.endsWith('.html') || !url) {
  console.error('usage: node scripts/expected.mjs tests/fixtures/SITE/NAME.html URL');
  process.exit(2);
}
const reading = readPage(parseSavedPage(readFileSync(file, 'utf8')), url, EVERY_SITE);
const expected = { url, kind: reading.kind, listings: reading.listings.map((found) => found.listing) };
writeFileSync(file.replace(/\.html$/, '.expected.json'), `${JSON.stringify(expected, null, 2)}\n`);
console.log(`${file}: ${reading.kind}, ${reading.listings.length} listing(s)`);
