import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { RegistryBuildError } from '../registry/compile';
import { REGISTRY_SOURCES, registryFromDisk } from './registry-files';

export const REGISTRY_USAGE = `Usage: counterfeit-guard registry build [--sources DIR] [--out FILE]

  Compiles the registry sources (default: the repository's assets/registry/) into one JSON
  file, or lists every problem found, each with its file, brand and field.`;

export function registryCommand(args: string[]): number {
  const [verb, ...rest] = args;
  if (verb !== 'build') {
    console.error(verb ? `Unknown registry command: ${verb}\n\n${REGISTRY_USAGE}` : REGISTRY_USAGE);
    return 2;
  }
  const { values } = parseArgs({
    args: rest,
    options: { sources: { type: 'string' }, out: { type: 'string' } },
  });
  try {
    const registry = registryFromDisk(values.sources ?? REGISTRY_SOURCES);
    const json = JSON.stringify(registry);
    if (values.out) writeFileSync(values.out, json);
    else console.log(json);
    const groups = new Set(registry.brands.map((brand) => brand.group));
    console.error(
      `registry ${registry.version}: ${registry.brands.length} brands in ${groups.size} groups, ${registry.categories.length} categories, ${registry.vocabulary.length} terms${values.out ? ` → ${values.out}` : ''}`,
    );
    return 0;
  } catch (error) {
    if (error instanceof RegistryBuildError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}
