import type { Appeal, AppealStatus, AppealText } from '../queue';
import type { Dialect } from './listings';
import { NOT_WITHDRAWN, receivedMs } from './rows';

/** Appeals in both dialects: kept once per id, listed for the brands their listing was reported for. */

const COLUMNS = 'id, listing_key, body, status, received_at, decided_at, decided_by, decision_note';

export const INSERT_APPEAL_SQL = (d: Dialect) =>
  `INSERT INTO appeals (id, listing_key, body, origin, received_at, received_ms)
   VALUES (${[1, 2, 3, 4, 5, 6].map(d.p).join(', ')}) ON CONFLICT (id) DO NOTHING`;

export const GET_APPEAL_SQL = (d: Dialect) => `SELECT ${COLUMNS} FROM appeals WHERE id = ${d.p(1)}`;

/** Whether anyone reported the listing (parameter 1) in a report not withdrawn: appeals are about those only. */
export const REPORTED_SQL = (d: Dialect) =>
  `SELECT 1 AS found FROM reports WHERE listing_key = ${d.p(1)} AND ${NOT_WITHDRAWN} LIMIT 1`;

/** Appeals about listings reported for the brands (parameter 1), newest first; of one status (parameter 2) when asked. */
export const APPEALS_SQL = (d: Dialect, byStatus: boolean) =>
  `SELECT ${COLUMNS} FROM appeals
   WHERE listing_key IN (SELECT listing_key FROM reports WHERE ${d.inList('brand', 1)} AND ${NOT_WITHDRAWN})
     ${byStatus ? `AND status = ${d.p(2)}` : ''}
   ORDER BY received_ms DESC, id`;

/** Decides an appeal: parameters 1–5 the status, when (text and ms), by whom and the note; 6 its id; 7 the brands. */
export const DECIDE_APPEAL_SQL = (d: Dialect) =>
  `UPDATE appeals SET status = ${d.p(1)}, decided_at = ${d.p(2)}, decided_ms = ${d.p(3)}, decided_by = ${d.p(4)},
     decision_note = ${d.p(5)}
   WHERE id = ${d.p(6)}
     AND listing_key IN (SELECT listing_key FROM reports WHERE ${d.inList('brand', 7)} AND ${NOT_WITHDRAWN})
   RETURNING ${COLUMNS}`;

export interface AppealRow {
  id: string;
  listing_key: string;
  body: string;
  status: string;
  received_at: string;
  decided_at: string | null;
  decided_by: string | null;
  decision_note: string | null;
}

export function toAppeal(row: AppealRow): Appeal {
  return {
    ...(JSON.parse(row.body) as AppealText),
    id: row.id,
    key: row.listing_key,
    status: row.status as AppealStatus,
    receivedAt: row.received_at,
    ...(row.decided_at
      ? { decision: { note: row.decision_note ?? '', by: row.decided_by ?? '', at: row.decided_at } }
      : {}),
  };
}

export const appealValues = (id: string, key: string, text: AppealText, receivedAt: string, origin?: string) => [
  id,
  key,
  JSON.stringify(text),
  origin ?? null,
  receivedAt,
  receivedMs(receivedAt),
];

export const decisionValues = (
  id: string,
  brands: unknown,
  status: Exclude<AppealStatus, 'open'>,
  decision: { note: string; by: string; at: string },
) => [status, decision.at, receivedMs(decision.at, 'decided at'), decision.by, decision.note, id, brands];
