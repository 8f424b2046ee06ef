import { describe, expect, it } from 'vitest';
import { brandSearch, summarise } from '../../src/matching/search';
import { testRegistry } from '../support/registry';

const brands = testRegistry().brands.map(summarise);
const search = brandSearch(brands);

describe('brand search for the UI', () => {
  it('finds brands by name or alias as one types, typos allowed', () => {
    expect(search('rolx')[0]?.id).toBe('rolex');
    expect(search('louis vuiton')[0]?.id).toBe('louis-vuitton');
    expect(search('香奈儿')[0]?.id).toBe('chanel');
    expect(search('   ')).toEqual([]);
  });

  it('sums up what the registry knows of a brand', () => {
    expect(summarise(testRegistry().brands.find((brand) => brand.id === 'chanel')!)).toEqual({
      id: 'chanel',
      name: 'Chanel',
      aliases: ['香奈儿', 'シャネル'],
      group: 'luxury',
      lowestFloorUsd: 3000,
      absentFrom: ['aliexpress', 'amazon'],
    });
  });
});
