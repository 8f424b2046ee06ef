import type { Brand, Registry } from '../registry/schema';
import { normalise } from './normalise';

export interface BrandIndex {
  byName: ReadonlyMap<string, Brand>;
}

export function buildBrandIndex(registry: Registry): BrandIndex {
  const byName = new Map<string, Brand>();
  for (const brand of registry.brands) {
    for (const name of [brand.name, ...brand.aliases]) byName.set(normalise(name), brand);
  }
  return { byName };
}

/**
 * The brand a listing names in its brand field. Titles are not searched yet: "case for
 * Apple iPhone" names Apple without claiming to be Apple, and telling those apart needs the
 * honest-listing vocabulary the full matcher brings.
 */
export function brandOf(index: BrandIndex, brandField: string | undefined): Brand | undefined {
  return brandField ? index.byName.get(normalise(brandField)) : undefined;
}
