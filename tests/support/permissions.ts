import { fakeBrowser } from 'wxt/testing/fake-browser';

type Registered = { id: string; matches?: string[]; excludeMatches?: string[]; js?: string[] };

/**
 * fakeBrowser leaves permissions and scripting unimplemented; this gives them a small
 * in-memory model: origins granted, content scripts registered, and the change events.
 */
export function installPermissions(granted: string[] = []) {
  const origins = new Set(granted);
  const scripts = new Map<string, Registered>();
  const added = new Set<() => void>();
  const removed = new Set<() => void>();
  const event = (listeners: Set<() => void>) => ({
    addListener: (listener: () => void) => listeners.add(listener),
    removeListener: (listener: () => void) => listeners.delete(listener),
    hasListener: (listener: () => void) => listeners.has(listener),
  });
  Object.assign(fakeBrowser.permissions, {
    // As Chromium answers: no data-collection consent to ask for.
    getAll: async () => ({ origins: [...origins], permissions: [] }),
    contains: async ({ origins: asked = [] }: { origins?: string[] }) => asked.every((origin) => origins.has(origin)),
    onAdded: event(added),
    onRemoved: event(removed),
  });
  Object.assign(fakeBrowser.scripting, {
    getRegisteredContentScripts: async ({ ids }: { ids?: string[] } = {}) =>
      [...scripts.values()].filter((script) => !ids || ids.includes(script.id)),
    registerContentScripts: async (list: Registered[]) => {
      for (const script of list) {
        if (scripts.has(script.id)) throw new Error(`Duplicate script ID '${script.id}'`);
        scripts.set(script.id, script);
      }
    },
    unregisterContentScripts: async ({ ids = [] }: { ids?: string[] }) => {
      for (const id of ids) scripts.delete(id);
    },
  });
  return {
    scripts,
    async grant(origin: string) {
      origins.add(origin);
      for (const listener of added) await listener();
    },
    async revoke(origin: string) {
      origins.delete(origin);
      for (const listener of removed) await listener();
    },
  };
}
