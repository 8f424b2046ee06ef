import { createHmac } from 'node:crypto';
import type { StoredReport } from './storage/types';

/**
 * What a volunteer sees of a reporter: a name that is the same across one brand's reports (so a
 * volunteer can tell one careless reporter from many) and different for another brand's, and
 * from which the reporter id, which a report is withdrawn with, cannot be found.
 */
function pseudonymOf(key: Uint8Array, brand: string | undefined, reporterId: string): string {
  return `reporter-${createHmac('sha256', key)
    .update(`pseudonym\n${brand ?? ''}\n${reporterId}`)
    .digest('hex')
    .slice(0, 20)}`;
}

/** A stored report as a volunteer is shown it: its reporter under the brand's pseudonym. */
export function asVolunteerSees(key: Uint8Array, stored: StoredReport): StoredReport {
  const { report } = stored;
  return { ...stored, report: { ...report, reporterId: pseudonymOf(key, report.brand, report.reporterId) } };
}
