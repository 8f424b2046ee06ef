import type { Filing, FilingFormat, Outcome } from '../queue';
import type { Dialect } from './listings';
import { receivedMs } from './rows';

/**
 * Filings in both dialects: a filing's row, its listings' rows, and their outcomes. Read back as
 * one join (a brand's filings are tens, their listings hundreds), summed up here.
 */

export const INSERT_FILING_SQL = (d: Dialect) =>
  `INSERT INTO filings (id, brand, marketplace, format, filed_at, filed_ms, filed_by)
   VALUES (${[1, 2, 3, 4, 5, 6, 7].map(d.p).join(', ')})`;

export const INSERT_FILED_SQL = (d: Dialect) =>
  `INSERT INTO filed_listings (filing_id, listing_key) VALUES (${d.p(1)}, ${d.p(2)})`;

/** The filings of some brands (parameter 1), or the one with an id among them (parameter 2), newest first. */
export const FILINGS_SQL = (d: Dialect, one: boolean) =>
  `SELECT f.id, f.brand, f.marketplace, f.format, f.filed_at, f.filed_by,
     l.listing_key, l.outcome, l.outcome_at, l.outcome_by
   FROM filings f JOIN filed_listings l ON l.filing_id = f.id
   WHERE ${d.inList('f.brand', 1)}${one ? ` AND f.id = ${d.p(2)}` : ''}
   ORDER BY f.filed_ms DESC, f.id, l.listing_key`;

/**
 * Records a listing's outcome: parameters 1–4 the outcome, its time (text and ms) and who saw it;
 * 5 and 6 the filing and listing; 7 the brands the filing must be of.
 */
export const OUTCOME_SQL = (d: Dialect) =>
  `UPDATE filed_listings SET outcome = ${d.p(1)}, outcome_at = ${d.p(2)}, outcome_ms = ${d.p(3)}, outcome_by = ${d.p(4)}
   WHERE filing_id = ${d.p(5)} AND listing_key = ${d.p(6)}
     AND filing_id IN (SELECT id FROM filings WHERE ${d.inList('brand', 7)})`;

/**
 * A volunteer's extension saw a filed listing (parameters 1–4 as in OUTCOME_SQL; 5 the listing; 7
 * the brands; 6 and 8 the time again). It fills an outcome not yet known or replaces an older
 * "still up", in filings made before it was seen; what a volunteer recorded as removed or refused stays.
 */
export const SIGHTING_SQL = (d: Dialect) =>
  `UPDATE filed_listings SET outcome = ${d.p(1)}, outcome_at = ${d.p(2)}, outcome_ms = ${d.p(3)}, outcome_by = ${d.p(4)}
   WHERE listing_key = ${d.p(5)}
     AND (outcome IS NULL OR (outcome = 'still_up' AND outcome_ms < ${d.p(6)}))
     AND filing_id IN (SELECT id FROM filings WHERE ${d.inList('brand', 7)} AND filed_ms <= ${d.p(8)})`;

/** The keys of some brands' (parameter 1) filed listings whose removal is not yet known, at most parameter 2. */
export const AWAITING_SQL = (d: Dialect) =>
  `SELECT DISTINCT l.listing_key FROM filed_listings l JOIN filings f ON f.id = l.filing_id
   WHERE ${d.inList('f.brand', 1)} AND (l.outcome IS NULL OR l.outcome = 'still_up')
   ORDER BY l.listing_key LIMIT ${d.p(2)}`;

export interface FilingRow {
  id: string;
  brand: string;
  marketplace: string;
  format: string;
  filed_at: string;
  filed_by: string;
  listing_key: string;
  outcome: string | null;
  outcome_at: string | null;
  outcome_by: string | null;
}

export function toFilings(rows: FilingRow[]): Filing[] {
  const filings = new Map<string, Filing>();
  for (const row of rows) {
    let filing = filings.get(row.id);
    if (!filing) {
      filing = {
        id: row.id,
        brand: row.brand,
        marketplace: row.marketplace,
        format: row.format as FilingFormat,
        filedAt: row.filed_at,
        filedBy: row.filed_by,
        listed: [],
      };
      filings.set(row.id, filing);
    }
    filing.listed.push({
      key: row.listing_key,
      ...(row.outcome ? { outcome: row.outcome as Outcome } : {}),
      ...(row.outcome_at ? { outcomeAt: row.outcome_at } : {}),
      ...(row.outcome_by ? { outcomeBy: row.outcome_by } : {}),
    });
  }
  return [...filings.values()];
}

export interface OutcomeUpdate {
  key: string;
  outcome: Outcome;
  at: string;
  by: string;
}

/** An outcome's parameters for OUTCOME_SQL, its time checked. */
export const outcomeValues = (filingId: string, brands: unknown, update: OutcomeUpdate) => [
  update.outcome,
  update.at,
  receivedMs(update.at, 'outcome at'),
  update.by,
  filingId,
  update.key,
  brands,
];

/** A sighting's parameters for SIGHTING_SQL. */
export const sightingValues = (brands: unknown, update: OutcomeUpdate) => {
  const ms = receivedMs(update.at, 'seen at');
  return [update.outcome, update.at, ms, update.by, update.key, ms, brands, ms];
};

export const filingValues = (filing: Omit<Filing, 'listed'>) => [
  filing.id,
  filing.brand,
  filing.marketplace,
  filing.format,
  filing.filedAt,
  receivedMs(filing.filedAt, 'filedAt'),
  filing.filedBy,
];
