import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ordinaryWords } from '../../src/cli/ordinary-words';
import { REGISTRY_SOURCES, registryFromDisk } from '../../src/disk/registry-files';
import { loadIndex, storeIndex } from '../../src/matching/match-index';
import { compileRegistry, RegistryBuildError } from '../../src/registry/compile';
import { rulesFor } from '../../src/sites';
import { testSources } from '../support/registry';

function problemsOf(change: (sources: ReturnType<typeof testSources>) => void): string[] {
  const sources = structuredClone(testSources());
  change(sources);
  try {
    compileRegistry(sources);
  } catch (error) {
    if (error instanceof RegistryBuildError) return error.problems;
    throw error;
  }
  return [];
}
const brandsOf = (sources: ReturnType<typeof testSources>) =>
  sources.find((source) => source.path === 'brands/luxury.json')!.data as Record<string, unknown>[];

describe('registry sources', () => {
  it('compile when they are right', () => {
    expect(problemsOf(() => {})).toEqual([]);
  });

  it('name the file, brand and field of every problem', () => {
    const problems = problemsOf((sources) => {
      const [chanel, lv] = brandsOf(sources);
      (chanel!.floors as Record<string, unknown>).bags = '3000';
      (lv!.floors as Record<string, unknown>).boats = 10;
    });
    expect(problems).toEqual([
      'brands/luxury.json: brand "chanel": floors.bags: Invalid type: Expected number but received "3000"',
      'brands/luxury.json: brand "louis-vuitton": floors.boats: not a category in categories.json',
    ]);
  });

  it('refuse a name two brands claim, or one brand lists twice after folding', () => {
    const problems = problemsOf((sources) => {
      const [chanel, lv] = brandsOf(sources);
      (lv!.aliases as string[]).push('CHANEL');
      (chanel!.aliases as string[]).push('Chanél');
    });
    expect(problems).toEqual([
      'brands/luxury.json: brand "chanel": "Chanél": listed twice (names are compared after folding)',
      'brands/luxury.json: brand "louis-vuitton": "CHANEL": also a name of brand "chanel"',
    ]);
  });

  it('refuse a misspelling that reads as the name itself once spaces go', () => {
    const problems = problemsOf((sources) => {
      (brandsOf(sources)[2]!.misspellings as string[]).push('G.U.C.C.I');
    });
    expect(problems).toEqual([
      'brands/luxury.json: brand "gucci": "G.U.C.C.I": a misspelling that reads as the brand\'s own name without spaces',
    ]);
  });

  it('refuse unknown fields, a missing file and a bad pattern', () => {
    const problems = problemsOf((sources) => {
      brandsOf(sources)[0]!.colour = 'black';
      sources.splice(
        sources.findIndex((source) => source.path === 'currencies.json'),
        1,
      );
      (sources.find((source) => source.path === 'vocabulary.json')!.data as unknown[]).push({
        kind: 'grade',
        pattern: '([a-',
        lang: '*',
      });
    });
    expect(problems).toContain('currencies.json: missing');
    expect(problems.some((problem) => problem.startsWith('brands/luxury.json: brand "chanel": colour:'))).toBe(true);
    expect(problems.some((problem) => problem.startsWith('vocabulary.json: pattern "([a-":'))).toBe(true);
  });
});

describe('registry build, the command', () => {
  it('fails on a broken source, naming the file, brand and field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cg-registry-'));
    cpSync(REGISTRY_SOURCES, dir, { recursive: true });
    const file = join(dir, 'brands', 'watches.json');
    const brands = JSON.parse(readFileSync(file, 'utf8'));
    brands[0].floors.watches = 'expensive';
    writeFileSync(file, JSON.stringify(brands));
    const bin = join(process.cwd(), 'bin', 'counterfeit-guard.mjs');
    const run = spawnSync(
      process.execPath,
      [bin, 'registry', 'build', '--sources', dir, '--out', join(dir, 'out.json')],
      {
        encoding: 'utf8',
      },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      `brands/watches.json: brand "${brands[0].id}": floors.watches: Invalid type: Expected number`,
    );
    expect(existsSync(join(dir, 'out.json'))).toBe(false);
  });
});

describe('the bundled registry', () => {
  const registry = registryFromDisk();
  const groups = new Set(registry.brands.map((brand) => brand.group));

  it('holds at least 1,500 brands in at least 20 groups', () => {
    console.log(
      `bundled registry ${registry.version}: ${registry.brands.length} brands in ${groups.size} groups (${[...groups].join(', ')}), ${registry.vocabulary.length} terms`,
    );
    expect(registry.brands.length).toBeGreaterThanOrEqual(1500);
    expect(groups.size).toBeGreaterThanOrEqual(20);
  });

  it('has replica wording in at least 10 languages, and reviews that say fake in at least 8', () => {
    const languages = (kind: string) =>
      new Set(registry.vocabulary.filter((term) => term.kind === kind && term.lang !== '*').map((term) => term.lang));
    expect(languages('replica').size).toBeGreaterThanOrEqual(10);
    expect(languages('review_fake').size).toBeGreaterThanOrEqual(8);
  });

  it('holds a retail reference, with its source and date, for at least 400 lines and models', () => {
    const lines = registry.brands.flatMap((brand) => (brand.lines ?? []).filter((line) => line.retail));
    const unmarked = registry.brands
      .filter((brand) => brand.lines?.some((line) => line.retail) && !brand.estimated?.includes('lines.retail'))
      .map((brand) => brand.id);
    console.log(`${lines.length} lines and models with a retail reference`);
    expect(lines.length).toBeGreaterThanOrEqual(400);
    expect(unmarked).toEqual([]);
  });

  it('knows sales channels of both kinds', () => {
    const kinds = new Set((registry.channels ?? []).map((channel) => channel.kind));
    expect(kinds).toEqual(new Set(['replica', 'authorised']));
  });

  it('lists every everyday word the matcher would take for a misspelt brand (npm run registry:ordinary)', {
    timeout: 120_000,
  }, () => {
    expect(registry.ordinary).toEqual(ordinaryWords({ ...registry, ordinary: [] }).words);
  });

  it('marks every floor as an estimate and gives every brand a domain', () => {
    const unmarked = registry.brands.filter((brand) => !brand.estimated?.includes('floors')).map((brand) => brand.id);
    expect(unmarked).toEqual([]);
  });

  it('has counterfeit vocabulary in at least 8 languages and honest words beside it', () => {
    const languages = (kind: string) =>
      new Set(registry.vocabulary.filter((term) => term.kind === kind && term.lang !== '*').map((term) => term.lang));
    expect(languages('replica').size).toBeGreaterThanOrEqual(8);
    for (const kind of ['compatibility', 'used', 'proof', 'part']) expect(languages(kind).size).toBeGreaterThan(0);
  });

  it('has a rate for every currency the listing reader knows', () => {
    for (const currency of ['USD', 'EUR', 'GBP', 'JPY', 'CNY', 'INR', 'BRL', 'MXN', 'ARS', 'TRY']) {
      expect(registry.currencies.usdRates[currency], currency).toBeGreaterThan(0);
    }
  });
});

describe('site rules in the registry', () => {
  it('travel with it, so a registry update can correct how a marketplace is read', () => {
    const registry = registryFromDisk();
    expect(registry.sites.marketplaces.map((site) => site.marketplace)).toContain('amazon');
    const updated = structuredClone(registry);
    const amazon = updated.sites.marketplaces.find((site) => site.marketplace === 'amazon')!;
    amazon.listingUrl = 'https://{host}/dp/{id}?from=registry-update';
    const index = loadIndex(storeIndex(updated));
    const served = rulesFor('https://www.amazon.com/dp/B0TEST00001', false, index.sites);
    expect(served?.rules.listingUrl).toBe('https://{host}/dp/{id}?from=registry-update');
    expect(rulesFor('https://www.amazon.com/dp/B0TEST00001', false)?.rules.listingUrl).not.toBe(amazon.listingUrl);
  });
});
