// Set at build time by wxt.config.ts (CG_REGISTRY_URL, CG_REGISTRY_KEYS): where the registry
// comes from, and the public keys its signature must be made with.
declare const __REGISTRY_SOURCES__: string[] | undefined;
declare const __REGISTRY_KEYS__: JsonWebKey[] | undefined;
declare const __SYNC_TIMEOUT_MS__: number | undefined;

export const REGISTRY_SOURCES: readonly string[] =
  typeof __REGISTRY_SOURCES__ === 'undefined' ? [] : __REGISTRY_SOURCES__;
export const PINNED_KEYS: readonly JsonWebKey[] = typeof __REGISTRY_KEYS__ === 'undefined' ? [] : __REGISTRY_KEYS__;
export const SYNC_TIMEOUT_MS: number = typeof __SYNC_TIMEOUT_MS__ === 'undefined' ? 15_000 : __SYNC_TIMEOUT_MS__;
/**
 * Whether this build syncs the registry at all: one that names no source, or pins no key (a
 * development build made before any local service made one), could never accept a copy, so it
 * does not try, and the options page says updates are not set up rather than that they failed.
 */
export const UPDATES_SET_UP = REGISTRY_SOURCES.length > 0 && PINNED_KEYS.length > 0;
