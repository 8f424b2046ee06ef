import { parseSavedPage } from '../../../src/cli/dom';
import { registryFromDisk } from '../../../src/cli/registry-files';
import { buildIndex } from '../../../src/matching/match-index';
import { assess } from '../../../src/risk/assess';
import type { Assessment } from '../../../src/risk/assessment';
import { EVERY_SITE } from '../../../src/sites';
import { readPage } from '../../../src/sites/read';
import { catalogueMessage } from '../../../src/ui/catalogue';
import { describeReason } from '../../../src/ui/format';
import { useCatalogue } from '../../../src/ui/i18n';
import { fixture } from '../../support/fixtures';

let index: ReturnType<typeof buildIndex> | undefined;

/**
 * What the engine, run here in Node on the same fixture and registry, says of a page's first
 * listing. The browser tests check that the badge shows exactly that, in words; the unit tests
 * check that the engine is right.
 */
export function engineVerdict(page: { url: string; file: string }): {
  assessment: Assessment;
  /** Every reason in words, heaviest first, as the badge lists them. */
  words: string[];
  /** The reasons that count against the listing, as the banner lists them. */
  warnings: string[];
} {
  index ??= buildIndex(registryFromDisk());
  useCatalogue(catalogueMessage, 'en-US');
  const [found] = readPage(parseSavedPage(fixture(page.file)), page.url, EVERY_SITE).listings;
  if (!found) throw new Error(`${page.file} holds no listing`);
  const assessment = assess(found.listing, index);
  const sorted = [...assessment.reasons].sort((a, b) => b.weight - a.weight);
  return {
    assessment,
    words: sorted.map(describeReason),
    warnings: sorted.filter((reason) => reason.weight > 0).map(describeReason),
  };
}
