import { parseSavedPage } from '../../src/cli/dom';
import { EVERY_SITE } from '../../src/sites';
import { readFallback } from '../../src/sites/fallback/index';
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

  // The same page read by the lower layers alone (no rule for it), with their default budget as
  // the content script runs them, beside the rules' reading of it.
  const unknownSite = 'https://shop.example/s?k=tote+bag';
  let fallbackRead = 0;
  const layers = time(() => {
    fallbackRead = readFallback(document, { url: new URL(unknownSite), local: 'USD', kind: 'unknown' }, { ms: 10_000 })
      .cards.length;
  });
  if (fallbackRead < 180) throw new Error(`the lower layers found ${fallbackRead} of 200 cards`);
  report({
    name: `read the same page by the lower layers alone (${fallbackRead} of 200 cards; happy-dom); baseline: the site rules`,
    median_ms: layers,
    baseline_median_ms: reader,
  });
}
