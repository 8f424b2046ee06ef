// @vitest-environment node
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { loadIndex, storeIndex } from '../../src/matching/match-index';
import { readHeldCopy, readIndexInUse, writeBundledIndex, writeHeld } from '../../src/storage/registry-store';
import { testRegistry } from '../support/registry';

describe('the held registry in IndexedDB', () => {
  it('keeps the copy and its compact index together, and gives back the copy alone', async () => {
    expect(await readIndexInUse(1, 'none')).toEqual({});
    const copy = {
      version: 9,
      payload: '{"version":9}',
      source: 'https://registry.test',
      issuedAt: '2026-11-29T12:00:00.000Z',
    };
    await writeHeld({ copy, index: storeIndex(testRegistry()) });
    expect(await readHeldCopy()).toEqual(copy);
    // A bundled registry older than the copy: a starting worker takes the copy and its index.
    const held = await readIndexInUse(1, 'none');
    expect(held.copy).toEqual(copy);
    expect(loadIndex(held.index!).brands.map((brand) => brand.id)).toContain('chanel');
    await writeHeld({ copy: { ...copy, version: 10 }, index: storeIndex(testRegistry()) });
    expect((await readHeldCopy())?.version).toBe(10);
  });

  // The copy held above (version 10) is older than a bundled registry of version 40.
  it('keeps the bundled index a worker compiled, for the same sources only', async () => {
    expect(await readIndexInUse(40, '4:100:abc')).toEqual({});
    await writeBundledIndex('4:100:abc', storeIndex(testRegistry()));
    const kept = await readIndexInUse(40, '4:100:abc');
    expect(kept.copy).toBeUndefined();
    expect(loadIndex(kept.index!).brands.map((brand) => brand.id)).toContain('chanel');
    // Another build's sources: compiled anew, never the old index.
    expect(await readIndexInUse(40, '4:100:abd')).toEqual({});
  });

  it('starts from the held copy only where it is newer than the bundled registry', async () => {
    const registry = testRegistry();
    const copy = { version: 12, payload: '{}', source: 'https://registry.test', issuedAt: '2026-12-01T00:00:00.000Z' };
    await writeHeld({ copy, index: storeIndex({ ...registry, version: 12 }) });
    await writeBundledIndex('11:1:a', storeIndex({ ...registry, version: 11 }));
    const newer = await readIndexInUse(11, '11:1:a');
    expect(newer.copy).toEqual(copy);
    expect(newer.index?.registry.version).toBe(12);
    await writeBundledIndex('13:1:b', storeIndex({ ...registry, version: 13 }));
    const older = await readIndexInUse(13, '13:1:b');
    expect(older.copy).toBeUndefined();
    expect(older.index?.registry.version).toBe(13);
  });
});
