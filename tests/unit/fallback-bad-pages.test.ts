import { describe, expect, it } from 'vitest';
import { parseSavedPage } from '../../src/cli/dom';
import { readEmbedded } from '../../src/sites/fallback/embedded';
import { readFallback } from '../../src/sites/fallback/index';

/**
 * Pages built to hurt the lower layers: megabytes of inline JSON, deep nesting, tens of
 * thousands of prices, a price of ten thousand digits. They must come back within their budget,
 * without throwing, and never with a confident wrong answer.
 */

const url = new URL('https://shop.example/');
const page = (body: string) =>
  parseSavedPage(`<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`);

/** A clock that moves one millisecond each time it is read: a budget of n ms allows n readings. */
function tickingClock() {
  let time = 0;
  const now = () => time++;
  return { now, readings: () => time };
}

/**
 * Building these pages in happy-dom takes seconds on a busy machine; the budgets under test are
 * the reader's own clock readings, not the wall clock, so the test's time limit is wide.
 */
const BUILDING_MS = 30_000;

describe('bad pages', () => {
  it('gives up on 10 MB of inline JSON past its byte budget, quietly', () => {
    const huge = JSON.stringify({
      items: Array.from({ length: 60_000 }, (_, i) => ({
        id: i,
        title: `Item number ${i}`,
        price: '$1.00',
        url: `/i/${i}`,
      })),
    });
    expect(huge.length).toBeGreaterThan(3_000_000);
    const padded = `<script>window.__STATE__ = ${huge};</script>`.repeat(3);
    const document = page(padded);
    const start = performance.now();
    const found = readEmbedded(document, url, {}, { bytes: 3_000_000, ms: 40 });
    console.log(
      `[bad pages] ${(padded.length / 1e6).toFixed(1)} MB of inline JSON: ${found.lists.length} list(s), ${(performance.now() - start).toFixed(0)} ms`,
    );
    expect(found.lists).toEqual([]);
  });

  it('stops the JSON walk when its time is spent', () => {
    const state = JSON.stringify({
      items: Array.from({ length: 5000 }, (_, i) => ({
        id: i,
        title: `Item number ${i}`,
        price: '$1.00',
        url: `/i/${i}`,
      })),
    });
    const document = page(`<script>window.__STATE__ = ${state};</script>`);
    const clock = tickingClock();
    const found = readEmbedded(document, url, {}, { bytes: 10_000_000, ms: 5 }, clock.now);
    const read = found.lists.flat().length;
    expect(read).toBeLessThan(5000);
    expect(clock.readings()).toBeLessThan(20);
  });

  it('reads JSON nested 1,000 levels deep without overflowing', () => {
    let nested = '{"title":"Deep thing","price":"$2.00","url":"/deep"}';
    for (let i = 0; i < 1000; i++) nested = `{"a":${nested}}`;
    const document = page(`<script type="application/json">${nested}</script><script>window.x = ${nested};</script>`);
    expect(() => readFallback(document, { url, local: undefined, kind: 'unknown' })).not.toThrow();
  });

  it('survives unbalanced brackets, broken strings and JSON.parse of garbage', () => {
    const document = page(
      `<script>window.a = {"x": [1, 2, {"y": "unterminated}; JSON.parse("{\\"bad"); var b = {"title":"Broken</script><div data-x='{"oops":'></div>`,
    );
    expect(readFallback(document, { url, local: undefined, kind: 'unknown' }).cards).toEqual([]);
  });

  it(
    'reads a page of 20,000 prices within its time budget',
    () => {
      const body = `<div>${Array.from({ length: 20_000 }, (_, i) => `<p><a href="/p/${i}">Thing ${i}</a><span>$${i}.99</span></p>`).join('')}</div>`;
      const document = page(body);
      const clock = tickingClock();
      const start = performance.now();
      const reading = readFallback(document, { url, local: undefined, kind: 'unknown' }, { ms: 200, now: clock.now });
      const spent = performance.now() - start;
      console.log(
        `[bad pages] 20,000 prices: ${reading.kind}, ${reading.cards.length} cards, ${clock.readings()} clock readings, ${spent.toFixed(0)} ms (happy-dom)`,
      );
      // Every loop checks its clock: with a clock that moves a millisecond a reading, a budget of
      // 200 ms per layer allows a few hundred readings, whatever the page holds.
      expect(clock.readings()).toBeLessThan(1500);
      expect(reading.cards.length).toBeLessThan(20_000);
    },
    BUILDING_MS,
  );

  it('takes no price from a text of 10,000 digits', () => {
    const digits = '9'.repeat(10_000);
    const document = page(
      `<h1>Ten thousand digits</h1><span>$${digits}</span><div data-s='{"items":[{"title":"Big one","price":"$${digits}","url":"/b"}]}'></div>`,
    );
    const reading = readFallback(document, { url, local: undefined, kind: 'unknown' });
    expect(reading.product?.price).toBeUndefined();
    expect(reading.cards.every((card) => card.price === undefined)).toBe(true);
  });

  it(
    'reads random markup without throwing, and whatever it reads is bounded and well-formed',
    () => {
      let seed = 7;
      const next = () => {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        return seed / 2 ** 31;
      };
      const pieces = [
        '<div>',
        '</div>',
        '<a href="/x">',
        '</a>',
        '<span>$1.99</span>',
        '<s>$3</s>',
        '<h1>Head</h1>',
        '€',
        '12,5',
        '<script>window.s={"title":"T","price":"$1","id":1}</script>',
        '<ul><li>',
        '</li></ul>',
        'text ',
        '<img src="/i.jpg">',
      ];
      for (let round = 0; round < 60; round++) {
        const html = Array.from({ length: 200 }, () => pieces[Math.floor(next() * pieces.length)]).join('');
        // Read in full, and cut short at every point a budget can run out (a busy machine's case).
        const full = readFallback(page(html), { url, local: undefined, kind: 'unknown' });
        const cut = readFallback(
          page(html),
          { url, local: undefined, kind: 'unknown' },
          { ms: 1 + (round % 30), now: tickingClock().now },
        );
        for (const item of [full, cut].flatMap((reading) => [
          ...reading.cards,
          ...(reading.product ? [reading.product] : []),
        ])) {
          expect((item.title ?? '').length).toBeLessThanOrEqual(1000);
          if (item.price) {
            expect(Number.isFinite(item.price.amount)).toBe(true);
            expect(item.price.currency).toMatch(/^[A-Z]{3}$/);
          }
        }
      }
    },
    BUILDING_MS,
  );
});
