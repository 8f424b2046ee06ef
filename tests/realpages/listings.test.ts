import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/matching/match-index';
import { bundledRegistry } from '../../src/registry/bundled';
import { assess } from '../../src/risk/assess';
import { LEVELS, type Level } from '../../src/risk/assessment';
import { assessAll } from '../../src/risk/batch';
import { haveRealListings, LABELS, type Label, REALLISTINGS, readRealListings } from '../support/reallistings';

const flagged = (level: Level) => level === 'high' || level === 'caution';

describe.skipIf(!haveRealListings)('real listings, labelled by a reader', () => {
  it('flags most suspects and almost no genuine or unbranded listing', () => {
    const index = buildIndex(bundledRegistry());
    // Assessed together, as the check command reads a file: a seller's pattern across rows counts.
    const read = readRealListings();
    const assessments = assessAll(
      read.map((row) => row.listing),
      index,
    );
    const rows = read.map((row, i) => ({ ...row, assessment: assessments[i]! }));
    const table = new Map(LABELS.map((label) => [label, new Map(LEVELS.map((level) => [level, 0]))]));
    for (const row of rows)
      table.get(row.label)!.set(row.assessment.level, table.get(row.label)!.get(row.assessment.level)! + 1);

    console.log(`\nConfusion table, ${rows.length} listings (label × level):`);
    console.log(`${'label'.padEnd(20)}${LEVELS.map((level) => level.padStart(9)).join('')}${'total'.padStart(9)}`);
    for (const [label, levels] of table) {
      const counts = [...levels.values()];
      console.log(
        `${label.padEnd(20)}${counts.map((n) => String(n).padStart(9)).join('')}${String(counts.reduce((a, b) => a + b, 0)).padStart(9)}`,
      );
    }
    const share = (labels: Label[], test: (level: Level) => boolean) => {
      const of = rows.filter((row) => labels.includes(row.label));
      return { n: of.filter((row) => test(row.assessment.level)).length, of: of.length };
    };
    const suspects = share(['counterfeit_suspect'], flagged);
    const honestHigh = share(['genuine_likely', 'unbranded'], (level) => level === 'high');
    const honestFlagged = share(['genuine_likely', 'unbranded'], flagged);
    const pct = ({ n, of }: { n: number; of: number }) => `${n}/${of} = ${((100 * n) / Math.max(1, of)).toFixed(1)} %`;
    console.log(
      `suspects flagged: ${pct(suspects)}; genuine+unbranded high: ${pct(honestHigh)}, flagged: ${pct(honestFlagged)}`,
    );
    const alone = read.filter(
      (row) => row.label === 'counterfeit_suspect' && flagged(assess(row.listing, index).level),
    );
    console.log(
      `(each listing alone, without the seller pattern: suspects flagged ${pct({ n: alone.length, of: suspects.of })})`,
    );
    for (const row of rows) {
      const wrong =
        (row.label === 'counterfeit_suspect' && !flagged(row.assessment.level)) ||
        ((row.label === 'genuine_likely' || row.label === 'unbranded') && flagged(row.assessment.level));
      if (wrong) {
        const why = row.assessment.reasons.map((reason) => `${reason.code}${JSON.stringify(reason.params)}`).join(' ');
        console.log(
          `  ${row.id} ${row.label} → ${row.assessment.level} ${row.assessment.score}: ${row.listing.title.slice(0, 70)} | ${why}`,
        );
      }
    }

    expect(rows.length, `${REALLISTINGS} holds no rows`).toBeGreaterThan(0);
    expect(suspects.n / suspects.of).toBeGreaterThanOrEqual(0.85);
    expect(honestHigh.n / honestHigh.of).toBeLessThanOrEqual(0.02);
    expect(honestFlagged.n / honestFlagged.of).toBeLessThanOrEqual(0.05);
  });
});
