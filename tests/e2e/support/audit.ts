import { expect } from 'vitest';
import type { AuditRow } from '../../../src/audit/model';
import { parseSavedPage } from '../../../src/cli/dom';
import { registryFromDisk } from '../../../src/disk/registry-files';
import { buildIndex } from '../../../src/matching/match-index';
import { composeReport } from '../../../src/reports/compose';
import { type ExportFormat, exportReports } from '../../../src/reports/evidence';
import { assessAll } from '../../../src/risk/batch';
import { ENGLISH } from '../../../src/words/english';
import { amazonSearchHtml } from '../../support/amazon-cards';
import { readListings } from '../../support/read';
import { NIKE_SEARCH_URL } from './search-page';

/** The volunteer the audit tests sign evidence as (a DSA notice names who gives it). */
export const VOLUNTEER = { name: 'Ada Volunteer', email: 'ada@example.org' };

/** A level as the audit view's rows word it. */
export const LEVEL_WORD: Record<string, string> = {
  high: 'High risk',
  caution: 'Caution',
  none: 'No warning signs found',
  unknown: 'Not assessed',
};

/** What the engine, run here in Node on the same 120 results, says invokes Nike, in page order. */
export function expectedNikeRows(): { key: string; level: string }[] {
  const listings = readListings(
    parseSavedPage(amazonSearchHtml(120, '', '', 'nike'), NIKE_SEARCH_URL),
    NIKE_SEARCH_URL,
  );
  const assessments = assessAll(listings, buildIndex(registryFromDisk()), { sensitivity: 'balanced' });
  return listings.flatMap((listing, i) =>
    assessments[i]!.brand === 'nike' ? [{ key: listing.key, level: assessments[i]!.level }] : [],
  );
}

export interface GridRow {
  /** The row's place in the grid as drawn (aria-rowindex: 2 is the first row under the header). */
  index: number;
  key: string;
  /** The level as the row words it. */
  level: string;
}

/**
 * Evaluated in the audit view: its grid's rows as drawn while its body is scrolled from top to
 * bottom (it draws only those in view), in the grid's order. Self-contained, as the browser
 * receives only its source.
 */
export async function drawnGridRows(): Promise<GridRow[]> {
  const body = document.querySelector('.cg-audit-body') as HTMLElement;
  const found = new Map<number, GridRow>();
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  for (let top = 0; ; top += Math.max(50, body.clientHeight / 2)) {
    body.scrollTop = top;
    await frame();
    for (const row of document.querySelectorAll<HTMLElement>('tr[data-key]')) {
      const index = Number(row.getAttribute('aria-rowindex'));
      const level = row.querySelector('.cg-audit-c-level')?.textContent?.replace(/^\W+/, '').trim() ?? '';
      found.set(index, { index, key: row.dataset.key!, level });
    }
    if (top >= body.scrollHeight) break;
  }
  body.scrollTop = 0;
  return [...found.values()].sort((a, b) => a.index - b.index);
}

/** The file an export of these rows should be, each row made into its report as the audit view does. */
export function expectedExport(
  format: ExportFormat,
  rows: readonly AuditRow[],
  context: { reporterId: string; registryVersion: number; now: Date },
): ReturnType<typeof exportReports> {
  return exportReports(
    format,
    rows.map((row) => ({
      report: composeReport(row.listing, row.assessment, { ...context, extensionVersion: '0.1.0' }),
    })),
    ENGLISH,
    { now: context.now, ...VOLUNTEER },
  );
}

/**
 * A downloaded evidence file against the one expected, line by line. Each report is made afresh
 * for the file: its random id and its time differ, nothing else.
 */
export function expectSameLines(got: string, want: string, reporterId: string, label: string): void {
  const comparable = (body: string) =>
    body
      .replace(/^\uFEFF/, '')
      .replace(/\b[0-9a-f]{32}\b/g, (id) => (id === reporterId ? id : 'ID'))
      .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/g, 'TIME')
      .split(/\r?\n/);
  const gotLines = comparable(got);
  const wantLines = comparable(want);
  expect(gotLines.length, label).toBe(wantLines.length);
  for (const [i, line] of wantLines.entries()) expect(gotLines[i], `${label} line ${i + 1}`).toBe(line);
}
