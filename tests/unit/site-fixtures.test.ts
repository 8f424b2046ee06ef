import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { ListingSchema } from '../../src/listing/listing';
import { EVERY_SITE, SHOP, SITES } from '../../src/sites';
import { readPage } from '../../src/sites/read';
import { SiteRulesSchema } from '../../src/sites/rules';
import { FIXTURES, parseHtml } from '../support/fixtures';

/**
 * Every site's fixtures: `tests/fixtures/<marketplace>/<name>.html` beside
 * `<name>.expected.json` = { url, kind, listings }. The reader's output must equal it.
 */
interface Expected {
  url: string;
  kind: string;
  listings: unknown[];
}

function fixturesOf(marketplace: string): string[] {
  const dir = join(FIXTURES, marketplace);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.expected.json'))
    .map((name) => join(marketplace, name.replace(/\.expected\.json$/, '')));
}

const ALL = [...SITES, SHOP];

describe('site rules', () => {
  it.each(ALL.map((rules) => [rules.marketplace, rules] as const))('%s: valid by the schema', (_name, rules) => {
    expect(() => v.parse(SiteRulesSchema, rules)).not.toThrow();
  });

  it.each(ALL.map((rules) => [rules.marketplace, rules] as const))(
    '%s: every selector and pattern compiles',
    (_name, rules) => {
      const document = parseHtml('<html><body></body></html>');
      const selectors = JSON.stringify(rules).matchAll(/"css":"((?:[^"\\]|\\.)*)"/g);
      for (const [, css] of selectors) {
        const selector = JSON.parse(`"${css}"`) as string;
        if (selector.startsWith(':scope')) continue;
        expect(() => document.querySelectorAll(selector), selector).not.toThrow();
      }
      for (const page of rules.pages) expect(() => new RegExp(page.path)).not.toThrow();
      expect(() => new RegExp(rules.idPattern)).not.toThrow();
    },
  );

  it.each(ALL.map((rules) => [rules.marketplace] as const))(
    '%s: has fixtures with expected readings',
    (marketplace) => {
      expect(fixturesOf(marketplace).length, `tests/fixtures/${marketplace}/ has no *.expected.json`).toBeGreaterThan(
        0,
      );
    },
  );
});

const cases = ALL.flatMap((rules) => fixturesOf(rules.marketplace));

describe.each(cases)('fixture %s', (name) => {
  const expected = JSON.parse(readFileSync(join(FIXTURES, `${name}.expected.json`), 'utf8')) as Expected;
  const reading = readPage(parseHtml(readFileSync(join(FIXTURES, `${name}.html`), 'utf8')), expected.url, EVERY_SITE);

  it('is read as expected', () => {
    expect({ kind: reading.kind, listings: reading.listings.map((found) => found.listing) }).toEqual({
      kind: expected.kind,
      listings: expected.listings,
    });
  });

  it('gives listings the worker accepts', () => {
    for (const found of reading.listings) expect(v.safeParse(ListingSchema, found.listing).issues).toBeUndefined();
  });

  it('finds a badge place for every listing read from the page', () => {
    for (const found of reading.listings) {
      if (found.card || found.listing.kind === 'detail') expect(found.anchor, found.listing.key).not.toBeNull();
    }
  });
});
