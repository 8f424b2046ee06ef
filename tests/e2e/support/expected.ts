import { parseSavedPage } from '../../../src/cli/dom';
import { registryFromDisk } from '../../../src/disk/registry-files';
import { buildIndex } from '../../../src/matching/match-index';
import { assess } from '../../../src/risk/assess';
import type { Assessment, Reason } from '../../../src/risk/assessment';
import { EVERY_SITE } from '../../../src/sites';
import { readPage } from '../../../src/sites/read';
import { englishWords } from '../../../src/words/english';
import { describeReason, describeReasons } from '../../../src/words/reasons';
import { fixture } from '../../support/fixtures';

let index: ReturnType<typeof buildIndex> | undefined;

/** The browsers under test speak English as en-US writes money. */
export const BROWSER_WORDS = englishWords('en-US');

/**
 * What the engine, run here in Node on the same fixture and registry, says of a page's first
 * listing. The browser tests check that the badge shows exactly that, in words; the unit tests
 * check that the engine is right.
 */
export function engineVerdict(page: { url: string; file: string }): {
  assessment: Assessment;
  /** Every reason, heaviest first, as the badge lists them. */
  reasons: Reason[];
  /** Those reasons in words. */
  words: string[];
  /** The reasons that count against the listing, as the banner lists them. */
  warnings: string[];
} {
  index ??= buildIndex(registryFromDisk());
  const [found] = readPage(parseSavedPage(fixture(page.file)), page.url, EVERY_SITE).listings;
  if (!found) throw new Error(`${page.file} holds no listing`);
  const assessment = assess(found.listing, index);
  const sorted = [...assessment.reasons].sort((a, b) => b.weight - a.weight);
  const described = describeReasons(assessment, BROWSER_WORDS);
  return {
    assessment,
    reasons: described.map(({ reason }) => reason),
    words: described.map(({ text }) => text),
    warnings: sorted.filter((reason) => reason.weight > 0).map((reason) => describeReason(reason, BROWSER_WORDS)),
  };
}
