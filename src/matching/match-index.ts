import type { Brand, Registry } from '../registry/schema';
import { BrandNames, type StoredNames, storeNames } from './brand-names';
import { Channels } from './channels';
import type { StoredPhrases } from './phrases';
import { Categories, foldCategories, foldVocabulary, type StoredVocabulary, Vocabulary } from './terms';

/**
 * Everything the risk engine needs from one registry version, built once per version. Its
 * stored form (`StoredIndex`) holds the costly part ready to load: the names and their typo table,
 * and the vocabulary and categories already folded.
 */
export interface MatchIndex {
  registryVersion: number;
  brands: readonly Brand[];
  names: BrandNames;
  vocabulary: Vocabulary;
  categories: Categories;
  /** Sales channels beyond the marketplaces: replica catalogues, authorised and off-price retailers. */
  channels: Channels;
  /** The year the registry's figures hold for (its rates' date): how old a model is, is counted from it. */
  asOfYear: number;
  /** Category and vocabulary words: never read as typos of a brand. */
  plainWords: ReadonlySet<string>;
  usdRates: Readonly<Record<string, number>>;
  /** Currencies whose rates go stale fast: prices in them are held to a quarter of the usual steps. */
  volatile: ReadonlySet<string>;
  /** Hashed keys of listings reported from several places, not yet judged: a Caution reason. */
  flagged: ReadonlySet<string>;
  /** Hashed keys of listings a brand volunteer confirmed counterfeit, with that brand's id. */
  confirmed: ReadonlyMap<string, string>;
  /** The site rules of this registry version, for the content script. */
  sites: { sites: Registry['sites']['marketplaces']; generic: Registry['sites']['shop'] };
  /** Each marketplace's reporting programme and listing report link (src/reports/marketplace-link.ts). */
  programmes: Registry['programmes'];
}

export interface StoredIndex {
  format: 1;
  registry: Registry;
  names: StoredNames;
  /** The phrase tables, folded; absent from an index an older build kept, and then folded at load. */
  vocabulary?: StoredVocabulary;
  categories?: StoredPhrases;
}

export function storeIndex(registry: Registry): StoredIndex {
  return {
    format: 1,
    registry,
    names: storeNames(registry.brands),
    vocabulary: foldVocabulary(registry.vocabulary),
    categories: foldCategories(registry.categories),
  };
}

export function loadIndex(stored: StoredIndex): MatchIndex {
  const { registry } = stored;
  const vocabulary = new Vocabulary(registry.vocabulary, stored.vocabulary);
  const categories = new Categories(registry.categories, stored.categories);
  return {
    registryVersion: registry.version,
    brands: registry.brands,
    names: new BrandNames(stored.names),
    vocabulary,
    categories,
    channels: new Channels(registry.channels ?? []),
    asOfYear: Number(registry.currencies.asOf.slice(0, 4)),
    plainWords: new Set([
      ...vocabulary.phrases.singleWords(),
      ...categories.phrases.singleWords(),
      ...(registry.ordinary ?? []),
    ]),
    usdRates: registry.currencies.usdRates,
    volatile: new Set(registry.currencies.volatile ?? []),
    flagged: new Set(registry.flagged),
    confirmed: new Map((registry.confirmed ?? []).map(({ key, brand }) => [key, brand])),
    sites: sitesOf(registry),
    programmes: registry.programmes,
  };
}

/** The site rules of a registry, as the content script asks for them. */
export function sitesOf(registry: Registry): MatchIndex['sites'] {
  return { sites: registry.sites.marketplaces, generic: registry.sites.shop };
}

export function buildIndex(registry: Registry): MatchIndex {
  return loadIndex(storeIndex(registry));
}
