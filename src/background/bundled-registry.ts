import { browser, type PublicPath } from 'wxt/browser';
import { BUNDLED_SOURCES_FILE } from '../registry/bundled-file';
import { compileRegistry, type RegistrySource } from '../registry/compile';
import type { Registry } from '../registry/schema';

// Set at build time (wxt.config.ts) from the sources the build packs, and by the test config.
declare const __BUNDLED_VERSION__: number;
declare const __BUNDLED_FINGERPRINT__: string;

/** The bundled registry's version, known without reading its sources (a synced copy above it needs none). */
export const BUNDLED_VERSION: number = __BUNDLED_VERSION__;

/**
 * What the bundled sources hold, as a digest: a worker keeps the index it compiled from them and
 * reuses it while the digest is the same (one build), instead of compiling at every start. The
 * build works it out from the files and names the build in it too: the same sources compiled by
 * a changed compiler must not reuse an old index.
 */
export const BUNDLED_FINGERPRINT: string = __BUNDLED_FINGERPRINT__;

/**
 * The registry shipped inside the extension, the floor every synced copy must beat. Its sources
 * are a file of the package, read only when a worker has no index of this build to start from:
 * inlined in the worker's script, 1.2 MB of them were compiled and parsed at every wake.
 */
export async function bundledRegistry(): Promise<Registry> {
  // A file the build's hook adds, which WXT's list of the package's paths does not see.
  const url = browser.runtime.getURL(`/${BUNDLED_SOURCES_FILE}` as PublicPath);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status} ${response.statusText}`);
  return compileRegistry((await response.json()) as RegistrySource[]);
}
