import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { parseSavedPage } from '../../src/cli/dom';
import { unhurried } from '../../src/cli/page-eval';
import { savedPageUrl } from '../../src/cli/page-url';
import { ListingSchema } from '../../src/listing/listing';
import { EVERY_SITE } from '../../src/sites';
import { readPage } from '../../src/sites/read';
import { haveRealPages, REALPAGES, readTruth } from '../support/realpages';

/**
 * The readers over damaged real pages: elements removed, attributes scrambled, text replaced
 * with hostile strings, the HTML cut short. They must never throw, and whatever they still
 * read must be a well-formed listing (bounded text, a real price), never a confident guess.
 */

const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  '\u202Eevil\u202C',
  'NaN',
  '$-1.00',
  '9'.repeat(400),
  'x'.repeat(20_000),
  '',
  '{"__proto__":{"polluted":1}}',
  '€€€ 1.2.3,4,5',
];

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Mutation = (document: Document, next: () => number) => void;

const MUTATIONS: Record<string, Mutation> = {
  'elements removed': (document, next) => {
    for (const element of [...document.body.querySelectorAll('*')]) if (next() < 0.15) element.remove();
  },
  'attributes scrambled': (document, next) => {
    const values = [...document.querySelectorAll('[class], [id], [href], [data-asin]')];
    for (const element of values) {
      for (const name of ['class', 'id', 'href', 'data-asin']) {
        if (!element.hasAttribute(name) || next() > 0.3) continue;
        const donor = values[Math.floor(next() * values.length)];
        element.setAttribute(name, donor?.getAttribute(name) ?? 'x');
      }
    }
  },
  'text made hostile': (document, next) => {
    const walker = document.createTreeWalker(document.body, 4);
    const texts: Text[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node as Text);
    for (const text of texts) if (next() < 0.3) text.data = HOSTILE[Math.floor(next() * HOSTILE.length)] ?? '';
    for (const script of document.querySelectorAll('script')) if (next() < 0.5) script.textContent = HOSTILE[5] ?? '';
  },
};

/** One page per marketplace (the smallest), to keep the tier quick. */
const pages = (() => {
  if (!haveRealPages) return [];
  const byMarketplace = new Map<string, string>();
  for (const row of readTruth()) {
    const file = row.local_file ?? '';
    const current = byMarketplace.get(row.marketplace ?? '');
    if (!current || statSync(join(REALPAGES, file)).size < statSync(join(REALPAGES, current)).size) {
      byMarketplace.set(row.marketplace ?? '', file);
    }
  }
  return [...byMarketplace.values()];
})();

function expectWellFormed(document: Document, url: string) {
  const reading = readPage(document, url, { ...EVERY_SITE, fallback: unhurried });
  for (const { listing } of reading.listings) {
    const issues = v.safeParse(ListingSchema, listing).issues;
    expect(issues, `${listing.key}: ${issues?.[0]?.message}`).toBeUndefined();
  }
  return reading.listings.length;
}

describe.skipIf(!haveRealPages)('readers over damaged real pages', () => {
  it.each(pages)('%s', (file) => {
    const html = readFileSync(join(REALPAGES, file), 'utf8');
    const url = savedPageUrl(parseSavedPage(html)) ?? '';
    for (const [seed, [name, mutate]] of Object.entries(MUTATIONS).entries()) {
      const document = parseSavedPage(html);
      mutate(document, random(seed + 1));
      expect(() => expectWellFormed(document, url), name).not.toThrow();
    }
    for (const fraction of [0.3, 0.7]) {
      const truncated = parseSavedPage(html.slice(0, Math.floor(html.length * fraction)));
      expect(() => expectWellFormed(truncated, url), `cut at ${fraction}`).not.toThrow();
    }
  });
});
