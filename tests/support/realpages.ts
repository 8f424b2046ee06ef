import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readTsv, SHARED_PAGES } from '../../src/cli/page-eval';

/** Pages saved from real marketplaces; they belong to their sites and are never copied here. */
export const REALPAGES = SHARED_PAGES;
export const haveRealPages = existsSync(join(REALPAGES, 'TRUTH.tsv'));

export type TruthRow = Record<string, string>;

/** TRUTH.tsv, read as the page evaluation reads it. */
export function readTruth(): TruthRow[] {
  return readTsv(join(REALPAGES, 'TRUTH.tsv'));
}
