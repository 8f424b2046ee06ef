import { afterAll, describe, expect, it } from 'vitest';
import {
  countRight,
  kindRight,
  type PageOutcome,
  type PageSet,
  pageCases,
  priceRight,
  readCase,
  scorePages,
  share,
  shown,
  titleRight,
} from '../../src/cli/page-eval';
import { MARKETPLACES } from '../../src/listing/listing';
import { haveRealPages } from '../support/realpages';

if (!haveRealPages) console.warn('[realpages] ../shared/realpages is absent: the real-page tests are skipped.');

/**
 * The reader, as `scan` runs it (site rules, the reader for any shop, the layers under them), on
 * real saved pages against the truth a person wrote: the shared set, and the gathered set's
 * tuning and test parts where `npm run gather:pages` rebuilt them.
 */

const outcomes = new Map<PageSet, PageOutcome[]>();
for (const set of ['shared', 'tune', 'test'] as const) {
  const list: PageOutcome[] = [];
  for (const page of pageCases([set])) list.push(await readCase(page));
  outcomes.set(set, list);
}
const shared = outcomes.get('shared') ?? [];

afterAll(() => {
  const lines = [
    '[realpages] reader accuracy (title and price of product pages, card count within 15 % of result pages, page kind)',
  ];
  for (const [set, list] of outcomes) {
    if (list.length === 0) {
      lines.push(
        `  ${set}: absent${set === 'shared' ? '' : ' (npm run gather:pages rebuilds it from fetched snapshots)'}`,
      );
      continue;
    }
    const score = scorePages(list);
    const below = (pair: [number, number], bar: number) => (share(pair) < bar ? ` (below the ${bar * 100} % bar)` : '');
    lines.push(
      `  ${set}: ${list.length} pages · title ${shown(score.title)}${below(score.title, 0.95)} · price ${shown(score.price)}${below(score.price, 0.9)} · cards ${shown(score.count)}${below(score.count, 0.85)} · kind ${shown(score.kind)}${below(score.kind, 1)} · read by the layers alone: ${list.filter((o) => o.fellBack).length}`,
    );
    const named = list.filter((outcome) => outcome.ended !== undefined);
    lines.push(
      `    product pages at a listing's address: ${named.length}, read as ended or removed: ${named.filter((o) => o.ended).length} (all were live)`,
    );
    // The test part is scored, never looked into: its pages are not named.
    if (set === 'test') continue;
    for (const outcome of list) {
      const wrong = [
        !kindRight(outcome) && `kind ${outcome.kind}`,
        outcome.page.kind === 'detail' && outcome.page.title && !titleRight(outcome) && 'title',
        outcome.page.kind === 'detail' && outcome.page.price && !priceRight(outcome) && 'price',
        outcome.ended && 'read as ended',
        outcome.page.kind !== 'detail' &&
          outcome.page.cards !== undefined &&
          !countRight(outcome) &&
          `${outcome.listings.length} of ${outcome.page.cards} cards`,
      ].filter(Boolean);
      if (wrong.length > 0) lines.push(`    ${outcome.page.name}: ${wrong.join(', ')}`);
    }
  }
  console.log(lines.join('\n'));
});

describe.skipIf(!haveRealPages)('real pages of ../shared/realpages scored against TRUTH.tsv', () => {
  const score = scorePages(shared);

  it('reads product titles on at least 95 % of product pages', () => {
    expect(share(score.title)).toBeGreaterThanOrEqual(0.95);
  });

  it('reads price and currency on at least 90 % of product pages', () => {
    expect(share(score.price)).toBeGreaterThanOrEqual(0.9);
  });

  it('counts the main result list within 15 % on at least 85 % of result pages', () => {
    expect(share(score.count)).toBeGreaterThanOrEqual(0.85);
  });

  it.each(shared.map((outcome) => [outcome.page.name, outcome] as const))(
    'reads %s as its page kind, and a served marketplace as itself',
    (_name, outcome) => {
      expect(kindRight(outcome), `read as ${outcome.kind}`).toBe(true);
      const served = (MARKETPLACES as readonly string[]).includes(outcome.page.site);
      expect(outcome.marketplace).toBe(served ? outcome.page.site : 'shop');
    },
  );
});

describe('live real product pages never read as ended or removed', () => {
  // A page read as ended would tell the service a takedown worked where it did not.
  it.each(['shared', 'tune', 'test'] as const)('%s pages', (set) => {
    const ended = (outcomes.get(set) ?? []).filter((outcome) => outcome.ended);
    expect(ended.map((outcome) => (set === 'test' ? 'a test page' : outcome.page.name))).toStrictEqual([]);
  });
});
