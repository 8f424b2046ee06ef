import { parseSavedPage } from '../../src/cli/dom';
import { EVERY_SITE } from '../../src/sites';
import { readPage } from '../../src/sites/read';
import { amazonSearchHtml } from '../support/amazon-cards';
import { report, time } from './measure';

/** Reading a 200-card search page, against the least any reader must do: find each card, read its text. */
export function benchReader(): void {
  const url = 'https://www.amazon.com/s?k=tote+bag';
  const document = parseSavedPage(amazonSearchHtml(200), url);
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
  report({
    name: 'read a 200-card search page (happy-dom); baseline: find each card and read its text',
    median_ms: reader,
    baseline_median_ms: baseline,
  });
}
