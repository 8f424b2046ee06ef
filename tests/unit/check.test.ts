import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkLines, readListings } from '../../src/cli/check';
import { buildIndex } from '../../src/matching/match-index';
import { installI18n } from '../support/i18n';
import { testRegistry } from '../support/registry';

const index = buildIndex(testRegistry());
const settings = { sensitivity: 'balanced' } as const;

describe('check: reading listing files', () => {
  beforeAll(installI18n);

  it('reads JSON Lines, passes unknown fields through and keeps the order', () => {
    const text = [
      '{"id": "a1", "title": "Gucci replica bag", "price": 30, "currency": "usd", "marketplace": "eBay US"}',
      '',
      '{"id": 2, "title": "Plain canvas tote", "colour": "blue"}',
    ].join('\n');
    const lines = readListings(text, index);
    expect(lines.map((line) => line.line)).toEqual([1, 3]);
    expect(lines[0]!.listing).toEqual({
      title: 'Gucci replica bag',
      key: 'a1',
      price: { amount: 30, currency: 'USD' },
      marketplace: 'ebay',
    });
    expect(lines[1]!.input.colour).toBe('blue');
    const results = checkLines(lines, index, settings);
    expect(results.map((result) => result.assessment?.level)).toEqual(['high', 'unknown']);
  });

  it('names the line and the field of a bad line, and reads the rest', () => {
    const text = [
      '{"title": "Gucci bag", "price": "cheap", "currency": "USD"}',
      'not json',
      '{"price": 3}',
      '{"title": "Gucci bag", "currency": "dollars", "price": 3}',
      '{"title": "Gucci bag"}',
    ].join('\n');
    const lines = readListings(text, index);
    expect(lines.map((line) => [line.line, line.error?.split(':')[0]])).toEqual([
      [1, 'price'],
      [2, 'not valid JSON'],
      [3, 'title'],
      [4, 'currency'],
      [5, undefined],
    ]);
  });

  it('reads JSON null as an absent field, as tools that export listings write it', () => {
    const text = [
      '{"title": "Gucci bag", "url": null, "price": null, "currency": null, "seller": null, "condition": null}',
      '{"title": "Gucci bag", "price": 900, "currency": "USD", "price_kind": "bid", "condition": "used"}',
    ].join('\n');
    const lines = readListings(text, index);
    expect(lines[0]).toMatchObject({ line: 1, listing: { title: 'Gucci bag' } });
    expect(lines[0]!.error).toBeUndefined();
    expect(lines[0]!.listing).toEqual({ title: 'Gucci bag' });
    expect(lines[1]!.listing).toEqual({
      title: 'Gucci bag',
      price: { amount: 900, currency: 'USD', kind: 'bid' },
      condition: 'used',
    });
  });

  it('reads CSV with a header row, quoted fields and numbers as text', () => {
    const text =
      'title,price,currency,seller\n"Louis Vuitton Speedy, 30",90,USD,"Bag ""Outlet"""\nPlain tote,abc,USD,\n';
    const lines = readListings(text, index);
    expect(lines[0]!.listing).toEqual({
      title: 'Louis Vuitton Speedy, 30',
      price: { amount: 90, currency: 'USD' },
      seller: { name: 'Bag "Outlet"' },
    });
    expect(lines[1]).toMatchObject({ line: 3, error: expect.stringMatching(/^price: /) });
  });
});

// The command is built ahead of time and starts from its prebuilt index; a loaded machine is slow all the same.
describe('check: the command', { timeout: 30_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'cg-check-'));
  const bin = join(process.cwd(), 'bin', 'counterfeit-guard.mjs');

  it('prints one JSON line per input line, in order, with the assessment in words', () => {
    const file = join(dir, 'listings.jsonl');
    writeFileSync(
      file,
      [
        '{"id": "x", "title": "Rolex Submariner replica automatic watch", "price": 120, "currency": "USD"}',
        '{"id": "y", "title": 42}',
        '{"id": "z", "title": "Stainless steel bottle"}',
      ].join('\n'),
    );
    const run = spawnSync(process.execPath, [bin, 'check', '--json', file], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${file}:2: title:`);
    const out = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(out.map((line) => line.id)).toEqual(['x', 'y', 'z']);
    expect(out[0].assessment).toMatchObject({ level: 'high', brand: 'Rolex' });
    expect(out[0].assessment.reasons.map((reason: { code: string }) => reason.code)).toContain('counterfeit_terms');
    expect(
      out[0].assessment.reasons.find((reason: { code: string }) => reason.code === 'counterfeit_terms').message,
    ).toBe('Describes itself as a copy: “replica”');
    expect(out[1]).toMatchObject({ id: 'y', error: expect.stringMatching(/^title: /) });
    expect(out[2].assessment).toEqual({ level: 'unknown', score: 0, brand: null, reasons: [] });
  });

  it('prints a readable table without --json', () => {
    const file = join(dir, 'listings.csv');
    writeFileSync(file, 'title,price,currency\nRolex Submariner replica,120,USD\n');
    const out = execFileSync(process.execPath, [bin, 'check', file], { encoding: 'utf8' });
    expect(out).toMatch(/^\s+2\s+high\s+\d+\s+Rolex\s+Rolex Submariner replica/m);
  });
});
