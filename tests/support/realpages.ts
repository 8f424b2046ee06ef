import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Pages saved from real marketplaces; they belong to their sites and are never copied here. */
export const REALPAGES = join(process.cwd(), '..', 'shared', 'realpages');
export const haveRealPages = existsSync(join(REALPAGES, 'TRUTH.tsv'));

export type TruthRow = Record<string, string>;

/** TRUTH.tsv: tab-separated, fields optionally quoted with "" as an escaped quote. */
export function readTruth(): TruthRow[] {
  const [header, ...rows] = readFileSync(join(REALPAGES, 'TRUTH.tsv'), 'utf8').trimEnd().split('\n');
  const columns = splitRow(header ?? '');
  return rows.map((row) => Object.fromEntries(splitRow(row).map((value, i) => [columns[i], value])));
}

function splitRow(row: string): string[] {
  return row
    .split('\t')
    .map((field) => (field.startsWith('"') && field.endsWith('"') ? field.slice(1, -1).replaceAll('""', '"') : field));
}

export function realPage(localFile: string): string {
  return readFileSync(join(REALPAGES, localFile), 'utf8');
}
