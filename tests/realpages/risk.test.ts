import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSavedPage } from '../../src/cli/dom';
import { savedPageUrl } from '../../src/cli/page-url';
import { buildIndex } from '../../src/matching/match-index';
import { bundledRegistry } from '../../src/registry/bundled';
import { assessAll } from '../../src/risk/batch';
import { EVERY_SITE } from '../../src/sites';
import { readPage } from '../../src/sites/read';
import { haveRealPages, REALPAGES, readTruth } from '../support/realpages';

describe.skipIf(!haveRealPages)('risk on real pages of ordinary products', () => {
  it('flags no listing high, and prints every caution with its reasons', () => {
    const index = buildIndex(bundledRegistry());
    const levels = new Map<string, number>();
    const high: string[] = [];
    for (const row of readTruth()) {
      const document = parseSavedPage(readFileSync(join(REALPAGES, row.local_file ?? ''), 'utf8'));
      const reading = readPage(document, savedPageUrl(document) ?? '', { ...EVERY_SITE, guessKind: true });
      const listings = reading.listings.map((found) => found.listing);
      const assessments = assessAll(listings, index);
      for (const [i, listing] of listings.entries()) {
        const assessment = assessments[i]!;
        levels.set(assessment.level, (levels.get(assessment.level) ?? 0) + 1);
        if (assessment.level === 'none' || assessment.level === 'unknown') continue;
        const why = assessment.reasons.map((reason) => `${reason.code} ${JSON.stringify(reason.params)}`).join('; ');
        const line = `${assessment.level} ${listing.key} "${listing.title.slice(0, 80)}" ${listing.price ? `${listing.price.amount} ${listing.price.currency}` : ''} → ${why}`;
        console.log(`[realpages] ${line}`);
        if (assessment.level === 'high') high.push(line);
      }
    }
    console.log(`[realpages] levels: ${JSON.stringify(Object.fromEntries(levels))}`);
    expect(high).toEqual([]);
  });
});
