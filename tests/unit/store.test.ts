// @vitest-environment node
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { loadIndex, storeIndex } from '../../src/matching/match-index';
import {
  readBundledIndex,
  readHeld,
  readHeldCopy,
  writeBundledIndex,
  writeHeld,
} from '../../src/storage/registry-store';
import { testRegistry } from '../support/registry';

describe('the held registry in IndexedDB', () => {
  it('keeps the copy and its compact index together, and gives back the copy alone', async () => {
    expect(await readHeld()).toBeUndefined();
    const copy = {
      version: 9,
      payload: '{"version":9}',
      source: 'https://registry.test',
      issuedAt: '2026-11-29T12:00:00.000Z',
    };
    await writeHeld({ copy, index: storeIndex(testRegistry()) });
    expect(await readHeldCopy()).toEqual(copy);
    const held = await readHeld();
    expect(held?.copy).toEqual(copy);
    expect(loadIndex(held!.index).brands.map((brand) => brand.id)).toContain('chanel');
    await writeHeld({ copy: { ...copy, version: 10 }, index: storeIndex(testRegistry()) });
    expect((await readHeldCopy())?.version).toBe(10);
  });

  it('keeps the bundled index a worker compiled, for the same sources only', async () => {
    expect(await readBundledIndex('4:100:abc')).toBeUndefined();
    await writeBundledIndex('4:100:abc', storeIndex(testRegistry()));
    expect(loadIndex((await readBundledIndex('4:100:abc'))!).brands.map((brand) => brand.id)).toContain('chanel');
    // Another build's sources: compiled anew, never the old index.
    expect(await readBundledIndex('4:100:abd')).toBeUndefined();
  });
});
