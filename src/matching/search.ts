import Fuse from 'fuse.js';
import type { Marketplace } from '../listing/listing';
import type { Brand } from '../registry/schema';

/** What the UI shows of a brand: enough to recognise it and see what the registry knows. */
export interface BrandSummary {
  id: string;
  name: string;
  aliases: string[];
  group: string;
  /** The least a new genuine item costs, in USD, across the brand's categories. */
  lowestFloorUsd: number;
  /** Marketplaces where the brand sells no new goods. */
  absentFrom: Marketplace[];
}

export function summarise(brand: Brand): BrandSummary {
  return {
    id: brand.id,
    name: brand.name,
    aliases: brand.aliases,
    group: brand.group,
    lowestFloorUsd: Math.min(...Object.values(brand.floors)),
    absentFrom: Object.entries(brand.presence ?? {})
      .filter(([, presence]) => !presence.sells)
      .map(([marketplace]) => marketplace as Marketplace),
  };
}

/**
 * Interactive brand search for the UI (typos allowed): fuse.js over names and aliases. The
 * listing matcher never uses it; it is made for a person typing, not for every title on a page.
 */
export function brandSearch(brands: readonly BrandSummary[]): (query: string, limit?: number) => BrandSummary[] {
  const fuse = new Fuse(brands, {
    keys: [
      { name: 'name', weight: 2 },
      { name: 'aliases', weight: 1 },
    ],
    threshold: 0.35,
    ignoreLocation: true,
  });
  return (query, limit = 20) => (query.trim() ? fuse.search(query.trim(), { limit }).map((hit) => hit.item) : []);
}
