import { gzipSync } from 'node:zlib';
import Fuse from 'fuse.js';
import { registryFromDisk } from '../../src/disk/registry-files';
import { buildIndex, loadIndex, storeIndex } from '../../src/matching/match-index';
import { assessAll } from '../../src/risk/batch';
import { generatedRegistry, generatedTitles } from './generated';
import { median, report, time } from './measure';

const BRANDS = 10_000;
const TITLES = 200;
/** fuse.js takes a second or more per title on 100,000 names: timed on a sample, scaled to 200. */
const FUSE_SAMPLE = 5;

export function benchMatcher(): void {
  const base = registryFromDisk();
  report({
    name: `build the index of the default registry (${base.brands.length} brands)`,
    median_ms: time(() => buildIndex(base), 20),
  });
  const bundled = JSON.stringify(base);
  report({
    name: 'the bundled registry, compiled (the extension ships its sources; a sync downloads this)',
    bytes: Buffer.byteLength(bundled),
    gzip_bytes: gzipSync(bundled).length,
    brands: base.brands.length,
    lines: base.brands.reduce((n, brand) => n + (brand.lines?.length ?? 0), 0),
    terms: base.vocabulary.length,
  });
  const storedBundled = structuredClone(storeIndex(base));
  report({
    name: `load the default registry's index (${base.brands.length} brands) from its stored form (median of 10)`,
    median_ms: time(() => loadIndex(storedBundled), 10, 1),
  });

  const registry = generatedRegistry(base, BRANDS);
  const names = registry.brands.reduce((n, brand) => n + 1 + brand.aliases.length + brand.misspellings.length, 0);
  const titles = generatedTitles(registry, TITLES);
  const index = buildIndex(registry);
  let invoked = 0;
  const assessing = time(() => {
    const assessed = assessAll(
      titles.map((title) => ({ title, price: { amount: 20, currency: 'USD' } })),
      index,
    );
    invoked = assessed.filter((assessment) => assessment.brand).length;
  }, 50);

  const aliases = registry.brands.flatMap((brand) =>
    [brand.name, ...brand.aliases].map((name) => ({ name, id: brand.id })),
  );
  const fuse = new Fuse(aliases, { keys: ['name'], threshold: 0.3, includeScore: true });
  const perTitle = titles.slice(0, FUSE_SAMPLE).map((title) => time(() => fuse.search(title, { limit: 5 }), 1, 0));
  report({
    name: `assess ${TITLES} titles against ${BRANDS} generated brands (${names} names); baseline: fuse.js searching the same names with each title (${FUSE_SAMPLE} timed, ×${TITLES / FUSE_SAMPLE})`,
    median_ms: assessing,
    baseline_median_ms: median(perTitle) * TITLES,
    titles_with_brand: invoked,
  });

  // The stored form goes through IndexedDB as a structured clone; the load rebuilds the maps.
  // The heap counted is all the loaded index holds: the stored form read back plus the maps.
  const storedForm = storeIndex(registry);
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage().heapUsed;
  const stored = structuredClone(storedForm);
  const start = performance.now();
  const loaded = loadIndex(stored);
  const loadMs = performance.now() - start;
  gc?.();
  const heap = process.memoryUsage().heapUsed - before;
  report({
    name: `load the ${BRANDS}-brand index from its stored form (first load, cold)`,
    median_ms: loadMs,
    heap_mb: gc ? Math.round((heap / 2 ** 20) * 10) / 10 : 'run with --expose-gc',
    names: loaded.names.size,
  });
  report({
    name: `load the ${BRANDS}-brand index from its stored form (median of 10)`,
    median_ms: time(() => loadIndex(stored), 10, 1),
  });
}
