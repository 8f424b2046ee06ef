import { compileRegistry, type RegistrySource } from './compile';
import type { Registry } from './schema';

// Vite inlines every source file at build time; the build itself checks them (wxt.config.ts).
const files = import.meta.glob<unknown>('../../assets/registry/**/*.json', { eager: true, import: 'default' });
const PREFIX = '../../assets/registry/';

/** The registry shipped inside the extension: the floor every synced copy must beat. */
export function bundledRegistry(): Registry {
  const sources: RegistrySource[] = Object.entries(files).map(([path, data]) => ({
    path: path.slice(PREFIX.length),
    data,
  }));
  return compileRegistry(sources);
}
