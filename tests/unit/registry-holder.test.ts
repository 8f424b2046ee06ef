// @vitest-environment node
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { createRegistryHolder } from '../../src/background/registry-holder';
import { tokenise } from '../../src/matching/normalise';

const built = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/matching/match-index', async (original) => {
  const actual = await original<typeof import('../../src/matching/match-index')>();
  return {
    ...actual,
    loadIndex: (stored: Parameters<typeof actual.loadIndex>[0]) => {
      built.count++;
      return actual.loadIndex(stored);
    },
  };
});

describe('the registry a waking worker holds', () => {
  it('gives the site rules as soon as the registry is read, before the index is built from it', async () => {
    const holder = createRegistryHolder();
    const { sites, generic } = await holder.sites();
    expect(sites.map((site) => site.marketplace)).toContain('amazon');
    expect(generic.marketplace).toBe('shop');
    expect(built.count).toBe(0);
    expect((await holder.index()).sites.sites).toBe(sites);
    expect(built.count).toBe(1);
  });

  it('starts from the index the last worker kept, the same as the one it compiled', async () => {
    const first = await createRegistryHolder().index();
    const again = await createRegistryHolder().index();
    expect(again.brands).toEqual(first.brands);
    expect(again.names.size).toBe(first.names.size);
    // A misspelling is found through the typo table, whose filter is made again at every load.
    const typo = tokenise('Louis Vuiton Neverfull tote');
    expect(again.names.find(typo)).toEqual(first.names.find(typo));
    expect(again.names.find(typo).map((match) => match.form)).toContain('misspelling');
  });
});
