import { describe, expect, it } from 'vitest';
import { EVAL_SETS, figures, formatMisses, formatSet, publishable, readSet, scoreSet } from '../../src/cli/eval';
import { registryFromDisk } from '../../src/disk/registry-files';
import { buildIndex } from '../../src/matching/match-index';
import type { PublishedAccuracy } from '../../src/risk/accuracy';
import published from '../../src/risk/accuracy.json';

const index = buildIndex(registryFromDisk());
const settings = { sensitivity: 'balanced' } as const;
const [shared, tune, test] = EVAL_SETS;

/** The bars a real listing set must clear, each listing assessed alone as a shopper meets it. */
const RECALL = 0.85;
const FLAGGED = 0.03;
const HIGH = 0.005;

describe.skipIf(!readSet(shared, index))('real listings, labelled by a reader (../shared/reallistings/)', () => {
  it('flags most suspects and almost no genuine or unbranded listing', () => {
    const scored = scoreSet(readSet(shared, index)!, index, settings);
    console.log(formatSet('shared', scored));
    console.log(`misses:\n${formatMisses(scored)}`);
    const { recall, honestFlagged, honestHigh } = figures(scored);
    expect(recall).toBeGreaterThanOrEqual(RECALL);
    expect(honestFlagged).toBeLessThanOrEqual(FLAGGED);
    expect(honestHigh).toBeLessThanOrEqual(HIGH);
  });
});

// The gathered set is rebuilt from fetched snapshots (`npm run gather`) and is absent on a fresh
// machine. Its recall is printed, not held to the bar: many of its suspects are labelled by where
// they were sold (a replica shop's catalogue), which a listing alone does not show. What the
// engine promises everywhere, few alarms on honest listings, is held on both parts.
for (const part of [tune, test]) {
  describe.skipIf(!readSet(part, index))(`gathered real listings, ${part.name} part (data/gathered/)`, () => {
    it('raises almost no alarm on genuine or unbranded listings, and prints its recall', () => {
      const scored = scoreSet(readSet(part, index)!, index, settings);
      console.log(formatSet(`gathered, ${part.name} part`, scored));
      const { honestFlagged, honestHigh } = figures(scored);
      expect(honestFlagged).toBeLessThanOrEqual(FLAGGED);
      expect(honestHigh).toBeLessThanOrEqual(HIGH);
    });
  });
}

describe.skipIf(!readSet(test, index))('the figures the help page shows', () => {
  it('are the test part’s figures as the engine stands (else: npm run eval -- --publish)', () => {
    const shown = published as PublishedAccuracy;
    const now = publishable(scoreSet(readSet(test, index)!, index, settings), shown.measuredOn);
    expect(shown).toStrictEqual(now);
  });
});
