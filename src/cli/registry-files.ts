import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileRegistry, RegistryBuildError, type RegistrySource } from '../registry/compile';
import type { Registry } from '../registry/schema';

/**
 * Where the bundled registry's sources live in the repository: beside this file, or (where
 * modules are not files, as in a browser-like test) under the working directory.
 */
export const REGISTRY_SOURCES = import.meta.url.startsWith('file:')
  ? join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'assets', 'registry')
  : join(process.cwd(), 'assets', 'registry');

/** Reads every JSON source under `dir`; a file that is not JSON is reported like a schema problem. */
export function readRegistrySources(dir = REGISTRY_SOURCES): RegistrySource[] {
  const sources: RegistrySource[] = [];
  const problems: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.json')) {
        const name = relative(dir, path).split('\\').join('/');
        try {
          sources.push({ path: name, data: JSON.parse(readFileSync(path, 'utf8')) });
        } catch (error) {
          problems.push(`${name}: not valid JSON: ${(error as Error).message}`);
        }
      }
    }
  };
  walk(dir);
  if (problems.length > 0) throw new RegistryBuildError(problems);
  return sources.sort((a, b) => a.path.localeCompare(b.path));
}

/** The registry compiled from the sources on disk. */
export function registryFromDisk(dir = REGISTRY_SOURCES): Registry {
  return compileRegistry(readRegistrySources(dir));
}
