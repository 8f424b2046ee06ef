import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MAX_ENTRIES, tabState } from '../../src/background/tab-state';
import type { TabEntry } from '../../src/messaging/protocol';

/** The engine's answers as they are, with nothing the user said applied. */
const asIs = <T>(assessment: T) => assessment;

const entry = (n: number, title = `Listing ${n}`, level: TabEntry['assessment']['level'] = 'unknown'): TabEntry => ({
  listing: {
    marketplace: 'amazon',
    key: `amazon:B0T${String(n).padStart(7, '0')}`,
    url: `https://www.amazon.com/dp/B0T${String(n).padStart(7, '0')}`,
    kind: 'card',
    title,
  },
  assessment: { key: `amazon:B0T${String(n).padStart(7, '0')}`, level, score: 0, reasons: [] },
});

describe('a tab’s entries in session storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps page order across batches, a listing read again in its first place with its latest reading', async () => {
    for (let batch = 0; batch < 30; batch++)
      await tabState.add(
        7,
        Array.from({ length: 10 }, (_, i) => entry(batch * 10 + i)),
        asIs,
      );
    await tabState.add(7, [entry(25, 'Listing 25, read again'), entry(300), entry(300, 'Listing 300, twice')], asIs);
    const entries = await tabState.get(7);
    expect(entries.map((e) => e.listing.title)).toEqual([
      ...Array.from({ length: 301 }, (_, n) => `Listing ${n}`).map((title, n) =>
        n === 25 ? 'Listing 25, read again' : n === 300 ? 'Listing 300, twice' : title,
      ),
    ]);
  });

  it('writes a batch as its own chunk beside a small manifest, and clears them all', async () => {
    for (let batch = 0; batch < 5; batch++)
      await tabState.add(
        7,
        Array.from({ length: 10 }, (_, i) => entry(batch * 10 + i)),
        asIs,
      );
    await tabState.add(8, [entry(1)], asIs);
    const stored = await fakeBrowser.storage.session.get(null);
    expect(Object.keys(stored).sort()).toEqual(
      ['tab:7', 'tab:7:0', 'tab:7:1', 'tab:7:2', 'tab:7:3', 'tab:7:4', 'tab:8', 'tab:8:0'].sort(),
    );
    expect((stored['tab:7:2'] as TabEntry[]).map((e) => e.listing.title)).toEqual(
      Array.from({ length: 10 }, (_, i) => `Listing ${20 + i}`),
    );
    await tabState.clear(7);
    expect(Object.keys(await fakeBrowser.storage.session.get(null)).sort()).toEqual(['tab:8', 'tab:8:0']);
    expect(await tabState.get(7)).toEqual([]);
  });
});

describe('a tab’s suspect count', () => {
  beforeEach(() => fakeBrowser.reset());

  it('says after each batch how many kept listings are High and Caution, a listing read again counted once', async () => {
    expect(
      await tabState.add(3, [entry(1, 'a', 'high'), entry(2, 'b', 'caution'), entry(3, 'c', 'none')], asIs),
    ).toEqual({
      high: 1,
      caution: 1,
    });
    expect(await tabState.add(3, [entry(4, 'd', 'caution'), entry(5, 'e', 'unknown')], asIs)).toEqual({
      high: 1,
      caution: 2,
    });
    // Read again, the High one is now cleared and a Caution one is High.
    expect(await tabState.add(3, [entry(1, 'a', 'none'), entry(2, 'b', 'high')], asIs)).toEqual({
      high: 1,
      caution: 1,
    });
    const kept = await tabState.get(3);
    expect(kept.filter((e) => e.assessment.level === 'high')).toHaveLength(1);
  });

  it('forgets the suspects of the listings a huge page drops', async () => {
    await tabState.add(
      3,
      Array.from({ length: 10 }, (_, i) => entry(i, `s${i}`, 'high')),
      asIs,
    );
    let count = { high: 0, caution: 0 };
    for (let batch = 1; batch <= MAX_ENTRIES / 10; batch++)
      count = await tabState.add(
        3,
        Array.from({ length: 10 }, (_, i) => entry(batch * 10 + i)),
        asIs,
      );
    expect(count).toEqual({ high: 0, caution: 0 });
  });
});

describe('a tab’s entries when its page is huge', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps the newest entries of a 10,000-card page, with a write that stays the same size, and leaves room for other tabs', async () => {
    const sizes: number[] = [];
    for (let batch = 0; batch < 1000; batch++) {
      await tabState.add(
        3,
        Array.from({ length: 10 }, (_, i) => entry(batch * 10 + i)),
        asIs,
      );
      if (batch % 100 === 99) {
        const held = await fakeBrowser.storage.session.get(null);
        sizes.push(JSON.stringify(held).length);
      }
    }
    const kept = await tabState.get(3);
    expect(kept).toHaveLength(MAX_ENTRIES);
    expect(kept[0]!.listing.title).toBe(`Listing ${10_000 - MAX_ENTRIES}`);
    expect(kept.at(-1)!.listing.title).toBe('Listing 9999');
    // What the tab holds, manifest included, does not grow with the page.
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThan(Math.min(...sizes) * 0.05);
    // A listing read again after its first reading was dropped comes back as new.
    await tabState.add(3, [entry(5, 'Listing 5, back again')], asIs);
    expect((await tabState.get(3)).at(-1)!.listing.title).toBe('Listing 5, back again');

    await tabState.add(4, [entry(1, 'A product page in another tab')], asIs);
    expect((await tabState.get(4)).map((e) => e.listing.title)).toEqual(['A product page in another tab']);
  });
});
