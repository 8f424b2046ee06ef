import { fnv } from '../matching/buckets';
import { compileRegistry, type RegistrySource } from './compile';
import type { Registry } from './schema';

// Vite inlines every source file at build time; the build itself checks them (wxt.config.ts).
const files = import.meta.glob<unknown>('../../assets/registry/**/*.json', { eager: true, import: 'default' });
const PREFIX = '../../assets/registry/';

/** The bundled registry's version, known without compiling it (a synced copy above it needs no compile). */
export const BUNDLED_VERSION = (files[`${PREFIX}registry.json`] as { version: number }).version;

/** The registry shipped inside the extension: the floor every synced copy must beat. */
export function bundledRegistry(): Registry {
  const sources: RegistrySource[] = Object.entries(files).map(([path, data]) => ({
    path: path.slice(PREFIX.length),
    data,
  }));
  return compileRegistry(sources);
}

declare const __BUNDLED_FINGERPRINT__: string | undefined;

/**
 * What the bundled sources hold, as a digest: a worker keeps the index it compiled from them and
 * reuses it while the digest is the same (one build), instead of compiling at every start. A
 * build works it out from the files (wxt.config.ts), and names the build in it too: the same
 * sources compiled by a changed compiler must not reuse an old index.
 */
export function bundledFingerprint(): string {
  if (typeof __BUNDLED_FINGERPRINT__ !== 'undefined') return __BUNDLED_FINGERPRINT__;
  const text = JSON.stringify(files);
  return `${BUNDLED_VERSION}:${text.length}:${fnv(text).toString(16)}`;
}
