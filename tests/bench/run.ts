// `npm run bench`: each figure beside a baseline measured in the same run, on the same page.
import { parseSavedPage } from '../../src/cli/dom';
import { EVERY_SITE } from '../../src/sites';
import { readPage } from '../../src/sites/read';
import { amazonSearchHtml } from '../support/amazon-cards';

const RUNS = 30;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function time(work: () => unknown): number {
  const samples: number[] = [];
  for (let run = 0; run < RUNS + 3; run++) {
    const start = performance.now();
    work();
    if (run >= 3) samples.push(performance.now() - start); // the first runs warm up the JIT
  }
  return median(samples);
}

const url = 'https://www.amazon.com/s?k=tote+bag';
const document = parseSavedPage(amazonSearchHtml(200), url);

// Baseline: the least any reader must do: find each card and read its text once.
const baseline = time(() => {
  let characters = 0;
  for (const card of document.querySelectorAll('[data-component-type="s-search-result"]')) {
    characters += card.textContent?.length ?? 0;
  }
  return characters;
});
let read = 0;
const reader = time(() => {
  read = readPage(document, url, EVERY_SITE).listings.length;
});
if (read !== 200) throw new Error(`the reader found ${read} of 200 cards`);

console.log(`read a 200-card search page (happy-dom, median of ${RUNS})`);
console.log(`  baseline: find every card, read its text  ${baseline.toFixed(2)} ms`);
console.log(
  `  reader:   every field of every card       ${reader.toFixed(2)} ms  (${(reader / baseline).toFixed(1)}× baseline)`,
);
