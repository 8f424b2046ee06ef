import * as v from 'valibot';
import { foldPhrase } from '../matching/normalise';
import { listingReportProblems } from '../reports/marketplace-link';
import { SHOP, SITES } from '../sites';
import {
  type Brand,
  BrandSchema,
  CategorySchema,
  ChannelSchema,
  type Registry,
  RegistrySchema,
  TermSchema,
} from './schema';

/** One source file of the registry, by its path under `assets/registry/`. */
export interface RegistrySource {
  path: string;
  data: unknown;
}

/** Every problem found in the sources, each naming its file, brand and field. */
export class RegistryBuildError extends Error {
  constructor(readonly problems: string[]) {
    super(`The registry sources have ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
    this.name = 'RegistryBuildError';
  }
}

const BRAND_FILE = /^brands\/([a-z0-9-]+)\.json$/;

const HeaderSchema = v.strictObject({ formatVersion: v.literal(1), version: v.number() });
const CurrenciesSchema = RegistrySchema.entries.currencies;
const ProgrammesSchema = RegistrySchema.entries.programmes;

/**
 * Compiles the sources (`registry.json`, `currencies.json`, `programmes.json`,
 * `categories.json`, `vocabulary.json`, `channels.json`, `ordinary-words.json` and one `brands/GROUP.json` per group) into one
 * registry, or throws a RegistryBuildError listing every problem at once.
 */
export function compileRegistry(sources: readonly RegistrySource[]): Registry {
  const problems: string[] = [];
  const byPath = new Map(sources.map((source) => [source.path, source.data]));

  function parsed<T extends v.GenericSchema>(path: string, schema: T, data: unknown, where = path) {
    const result = v.safeParse(schema, data);
    if (result.success) return result.output as v.InferOutput<T>;
    for (const issue of result.issues) problems.push(`${where}: ${v.getDotPath(issue) ?? '(top)'}: ${issue.message}`);
    return undefined;
  }
  function file<T extends v.GenericSchema>(path: string, schema: T) {
    if (!byPath.has(path)) {
      problems.push(`${path}: missing`);
      return undefined;
    }
    return parsed(path, schema, byPath.get(path));
  }
  function each<T extends v.GenericSchema>(path: string, schema: T, describe: (item: unknown, i: number) => string) {
    const list = byPath.get(path);
    if (!Array.isArray(list)) {
      problems.push(`${path}: ${byPath.has(path) ? 'expected a JSON array' : 'missing'}`);
      return [];
    }
    return list.flatMap((item, i) => {
      const output = parsed(path, schema, item, `${path}: ${describe(item, i)}`);
      return output === undefined ? [] : [output];
    });
  }

  const header = file('registry.json', HeaderSchema);
  const currencies = file('currencies.json', CurrenciesSchema);
  const programmes = file('programmes.json', ProgrammesSchema);
  const categories = each('categories.json', CategorySchema, (item, i) => `category ${label(item, 'id', i)}`);
  const vocabulary = each('vocabulary.json', TermSchema, (item, i) => `term ${label(item, 'term', i)}`);
  const ordinary = byPath.has('ordinary-words.json')
    ? parsed('ordinary-words.json', RegistrySchema.entries.ordinary, byPath.get('ordinary-words.json'))
    : undefined;
  // Optional: a registry may know no channel beyond the marketplaces.
  const channels = byPath.has('channels.json')
    ? each('channels.json', ChannelSchema, (item, i) => `channel ${label(item, 'id', i)}`)
    : [];

  const brands: Brand[] = [];
  const brandFiles = sources.filter(({ path }) => BRAND_FILE.test(path));
  if (brandFiles.length === 0) problems.push('brands/: no brand file found');
  for (const { path } of brandFiles) {
    const group = BRAND_FILE.exec(path)?.[1] as string;
    for (const brand of each(path, BrandSchema, (item, i) => `brand ${label(item, 'id', i)}`)) {
      brands.push({ ...brand, group });
    }
  }

  const categoryIds = new Set(categories.map((category) => category.id));
  const groups = new Set(brands.map((brand) => brand.group));
  problems.push(...crossCheck(brands, categoryIds, groups, vocabulary));
  for (const [marketplace, programme] of Object.entries(programmes ?? {})) {
    if (!programme?.listingReport) continue;
    for (const problem of listingReportProblems(marketplace, programme.listingReport)) {
      problems.push(`programmes.json: marketplace "${marketplace}": ${problem}`);
    }
  }

  if (problems.length > 0 || !header || !currencies || !programmes) throw new RegistryBuildError(problems);
  return {
    formatVersion: 1,
    version: header.version,
    currencies,
    programmes,
    categories,
    vocabulary,
    brands,
    channels,
    ordinary: ordinary ?? [],
    // The rules are written as code-checked data in src/sites/; the registry carries them as data.
    sites: { marketplaces: [...SITES], shop: SHOP },
    flagged: [],
    confirmed: [],
  };
}

function label(item: unknown, field: string, i: number): string {
  const value = typeof item === 'object' && item !== null ? (item as Record<string, unknown>)[field] : undefined;
  return typeof value === 'string' ? `"${value}"` : `#${i + 1}`;
}

/** What the schema cannot see: references between files and names claimed twice. */
function crossCheck(
  brands: readonly Brand[],
  categoryIds: ReadonlySet<string>,
  groups: ReadonlySet<string>,
  vocabulary: readonly v.InferOutput<typeof TermSchema>[],
): string[] {
  const problems: string[] = [];
  const ids = new Map<string, string>();
  const names = new Map<string, string>();
  for (const brand of brands) {
    const where = `brands/${brand.group}.json: brand "${brand.id}"`;
    const other = ids.get(brand.id);
    if (other) problems.push(`${where}: id: also used in brands/${other}.json`);
    ids.set(brand.id, brand.group);
    for (const category of Object.keys(brand.floors)) {
      if (!categoryIds.has(category)) problems.push(`${where}: floors.${category}: not a category in categories.json`);
    }
    for (const [i, line] of (brand.lines ?? []).entries()) {
      if (!categoryIds.has(line.category)) {
        problems.push(`${where}: lines.${i}.category: "${line.category}" is not a category in categories.json`);
      }
    }
    const own = new Set<string>();
    const compacts = new Set<string>();
    for (const [i, name] of [brand.name, ...brand.aliases, ...brand.misspellings].entries()) {
      const key = foldPhrase(name);
      if (key === '') {
        problems.push(`${where}: "${name}": has no letters or digits to match`);
        continue;
      }
      if (own.has(key)) problems.push(`${where}: "${name}": listed twice (names are compared after folding)`);
      own.add(key);
      // A misspelling that reads as a real name once spaces go ("L.E.G.O") would mark the name as disguised.
      const compact = key.replaceAll(' ', '');
      if (i > brand.aliases.length && compacts.has(compact)) {
        problems.push(`${where}: "${name}": a misspelling that reads as the brand's own name without spaces`);
      }
      compacts.add(compact);
      const owner = names.get(key);
      if (owner && owner !== brand.id) problems.push(`${where}: "${name}": also a name of brand "${owner}"`);
      names.set(key, brand.id);
    }
  }
  for (const term of vocabulary) {
    for (const group of term.groups ?? []) {
      if (!groups.has(group))
        problems.push(`vocabulary.json: term "${term.term ?? term.pattern}": groups: no brand file "${group}"`);
    }
    if (term.pattern !== undefined) {
      try {
        new RegExp(term.pattern, 'u');
      } catch (error) {
        problems.push(`vocabulary.json: pattern "${term.pattern}": ${(error as Error).message}`);
      }
    }
  }
  return problems;
}
