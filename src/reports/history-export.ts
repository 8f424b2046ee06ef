import { csvCell } from './csv';
import type { OutboxView } from './outbox-model';

/**
 * The report history as files a person can keep or hand on: CSV for a spreadsheet, JSON as
 * the extension holds it. Pure: the options page turns the text into a download.
 */

type Cell = string | number | undefined;

/** The CSV's columns, in order, each with how it reads an entry. */
const COLUMNS: ReadonlyArray<readonly [string, (entry: OutboxView) => Cell]> = [
  ['id', (e) => e.id],
  ['kind', (e) => e.kind],
  ['status', (e) => e.status],
  ['created_at', (e) => iso(e.createdAt)],
  ['sent_at', (e) => iso(e.sentAt)],
  ['withdrawn_at', (e) => iso(e.withdrawnAt)],
  ['next_attempt_at', (e) => (e.status === 'queued' || e.status === 'withdrawing' ? iso(e.nextAttemptAt) : undefined)],
  ['listing_key', (e) => e.body.listing.key],
  ['url', (e) => e.body.listing.url],
  ['title', (e) => e.body.listing.title],
  ['marketplace', (e) => e.body.listing.marketplace],
  ['price_amount', (e) => e.body.listing.price?.amount],
  ['currency', (e) => e.body.listing.price?.currency],
  ['seller', (e) => e.body.listing.seller],
  ['brand', (e) => e.body.brand],
  ['level', (e) => ('level' in e.body ? e.body.level : undefined)],
  ['reason_codes', (e) => ('reasons' in e.body ? e.body.reasons.map((reason) => reason.code).join(';') : undefined)],
  ['category', (e) => ('category' in e.body ? e.body.category : undefined)],
  ['note', (e) => e.body.note],
  ['registry_version', (e) => e.body.registryVersion],
  ['extension_version', (e) => e.body.extensionVersion],
  ['failure_code', (e) => e.lastFailure?.code],
  [
    'failure_http_status',
    (e) =>
      e.lastFailure?.code === 'refused' || e.lastFailure?.code === 'server_error' ? e.lastFailure.status : undefined,
  ],
  ['failure_detail', (e) => (e.lastFailure?.code === 'refused' ? e.lastFailure.detail : undefined)],
  ['screenshot_sha256', (e) => e.screenshotSha256],
  ['screenshot_skipped', (e) => e.screenshotSkipped],
];

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

/** The history as CSV: a header row, then one row per entry; lines end in CRLF (RFC 4180). */
export function historyCsv(entries: OutboxView[]): string {
  const rows = [COLUMNS.map(([name]) => name), ...entries.map((entry) => COLUMNS.map(([, read]) => read(entry)))];
  return rows.map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}

/** The history as JSON, every field as the extension holds it (times in milliseconds since 1970). */
export function historyJson(entries: OutboxView[]): string {
  return `${JSON.stringify(entries, null, 2)}\n`;
}

/** `counterfeit-guard-reports-YYYY-MM-DD.csv` (or .json), dated by the local calendar. */
export function historyFileName(extension: 'csv' | 'json', now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `counterfeit-guard-reports-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.${extension}`;
}
