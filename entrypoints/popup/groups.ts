import type { TabEntry } from '../../src/messaging/protocol';
import { warns } from '../../src/risk/assessment';

/** A tab's listings as the popup tells them: the suspect ones first, the rest folded by what is known of them. */
export interface PopupGroups {
  /** High, then Caution; page order within each. */
  suspect: TabEntry[];
  /** Assessed, with no warning sign. */
  clear: TabEntry[];
  /** No brand of the registry named: nothing is claimed of them. */
  unassessed: TabEntry[];
}

export function groupEntries(entries: readonly TabEntry[]): PopupGroups {
  const suspect = entries.filter((entry) => warns(entry.assessment));
  // A stable sort: page order stays within each level.
  suspect.sort((a, b) => Number(b.assessment.level === 'high') - Number(a.assessment.level === 'high'));
  return {
    suspect,
    clear: entries.filter((entry) => !warns(entry.assessment) && entry.assessment.level !== 'unknown'),
    unassessed: entries.filter((entry) => entry.assessment.level === 'unknown'),
  };
}
