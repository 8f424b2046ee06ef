import type { SessionCounts } from '../audit/model';
import type { SharedCounts } from '../reports/audit-counts';
import { REPORT_SERVICE } from '../reports/build-config';
import { pendingAuditCountsItem, shareAuditCountsItem, volunteerItem } from '../settings/items';
import { volunteerCall } from './service-call';

/** Counts kept for a later try at most: a volunteer away from the service for months sends the latest. */
const MAX_PENDING = 200;

/**
 * Sends an ended audit session's counts (per brand and marketplace: seen, suspect) to the
 * companion service, when the volunteer agreed to and is signed in, with any an earlier session
 * could not send. What the service could not be reached for is kept and sent next time; what it
 * refused for good (a brand the token does not cover) is dropped. Each has an id made from its
 * session, so a resend is counted once.
 */
export async function shareAuditCounts(
  sessionId: string,
  endedAt: number,
  counts: readonly SessionCounts[],
  send: typeof fetch = fetch,
): Promise<{ sent: number; kept: number }> {
  if (!(await shareAuditCountsItem.getValue())) return { sent: 0, kept: 0 };
  const { token } = await volunteerItem.getValue();
  const at = new Date(endedAt).toISOString();
  const fresh: SharedCounts[] = counts.map((one, index) => ({ id: `${sessionId}-${index}`, ...one, at }));
  const waiting = [...(await pendingAuditCountsItem.getValue()), ...fresh].slice(-MAX_PENDING);
  if (!token || !REPORT_SERVICE) {
    await pendingAuditCountsItem.setValue(waiting);
    return { sent: 0, kept: waiting.length };
  }
  const kept: SharedCounts[] = [];
  let sent = 0;
  for (const summary of waiting) {
    const call = await volunteerCall(token, '/v1/volunteer/audit-summaries', summary, send);
    if (call.kind === 'done') sent++;
    else if (call.kind === 'retry') kept.push(summary);
  }
  await pendingAuditCountsItem.setValue(kept);
  return { sent, kept: kept.length };
}
