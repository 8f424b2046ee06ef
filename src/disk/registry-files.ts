import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { loadIndex, type MatchIndex, type StoredIndex, storeIndex } from '../matching/match-index';
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

/**
 * What a build knows the bundled registry by without reading it: its version, and a digest of
 * its sources (to which the extension's build adds the build's own mark).
 */
export function bundledConstants(dir = REGISTRY_SOURCES): { version: number; digest: string } {
  const { version } = JSON.parse(readFileSync(join(dir, 'registry.json'), 'utf8')) as { version: number };
  return { version, digest: sourcesDigest(dir) ?? '' };
}

/**
 * The match index `npm run build:cli` makes beside the command line's bundle (dist/cli/), with a
 * digest of the sources it was made from: a command starts from it instead of compiling the
 * registry, unless the sources have changed since.
 */
const PREBUILT_NAME = 'registry-index.bin';

interface PrebuiltIndex {
  /** The digest of the sources it was made from; none when they were not there. */
  sources: string | undefined;
  index: StoredIndex;
}

/** A digest of every registry source file, names and bytes; undefined where there are none (an installed package). */
export function sourcesDigest(dir = REGISTRY_SOURCES): string | undefined {
  if (!existsSync(dir)) return undefined;
  const hash = createHash('sha256');
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.json')) hash.update(`${relative(dir, path)}\0`).update(readFileSync(path));
    }
  };
  walk(dir);
  return hash.digest('hex');
}

/** Writes the prebuilt index into `folder`, from the sources on disk. */
export function writePrebuiltIndex(folder: string): void {
  const prebuilt: PrebuiltIndex = { sources: sourcesDigest(), index: storeIndex(registryFromDisk()) };
  writeFileSync(join(folder, PREBUILT_NAME), serialize(prebuilt));
}

/**
 * The index the command line assesses with: the prebuilt one beside its bundle while the sources
 * are those it was made from (or, in an installed package, absent), else compiled from them now.
 */
export function commandIndex(): MatchIndex {
  const prebuilt = import.meta.url.startsWith('file:')
    ? join(dirname(fileURLToPath(import.meta.url)), PREBUILT_NAME)
    : undefined;
  if (prebuilt && existsSync(prebuilt)) {
    const { sources, index } = deserialize(readFileSync(prebuilt)) as PrebuiltIndex;
    const now = sourcesDigest();
    if (now === undefined || now === sources) return loadIndex(index);
  }
  return loadIndex(storeIndex(registryFromDisk()));
}
