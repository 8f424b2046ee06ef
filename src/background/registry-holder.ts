import { browser } from 'wxt/browser';
import { loadIndex, type MatchIndex, type StoredIndex, sitesOf, storeIndex } from '../matching/match-index';
import type { RegistryStatus } from '../messaging/protocol';
import { PINNED_KEYS, REGISTRY_SOURCES, SYNC_TIMEOUT_MS, UPDATES_SET_UP } from '../registry/build-config';
import { nextDelayMs, syncOnce } from '../registry/sync';
import { lastCheckItem } from '../settings/items';
import { readHeldCopy, readIndexInUse, writeBundledIndex, writeHeld } from '../storage/registry-store';
import { BUNDLED_FINGERPRINT, BUNDLED_VERSION, bundledRegistry } from './bundled-registry';

export const SYNC_ALARM = 'registry-sync';
const STALE_MS = 6 * 60 * 60_000;

/** The registry in use as read or synced, its index not yet built from it. */
interface Copy {
  stored: StoredIndex;
  version: number;
  issuedAt?: string;
  expiresAt?: string;
  source: string;
}

interface Current extends Omit<Copy, 'stored'> {
  index: MatchIndex;
}

/**
 * The registry a starting worker uses: the held copy where it is newer than the bundled one;
 * else the bundled one's index as a worker of this build kept it, else compiled now and kept
 * (compiling thousands of brands at every worker start would delay everything the worker does).
 */
async function startingCopy(): Promise<Copy> {
  const kept = await readIndexInUse(BUNDLED_VERSION, BUNDLED_FINGERPRINT).catch(() => undefined);
  if (kept?.copy && kept.index) {
    const { version, issuedAt, expiresAt, source } = kept.copy;
    return { stored: kept.index, version, issuedAt, ...(expiresAt ? { expiresAt } : {}), source };
  }
  if (kept?.index) return { stored: kept.index, version: BUNDLED_VERSION, source: 'bundled' };
  const stored = storeIndex(await bundledRegistry());
  await writeBundledIndex(BUNDLED_FINGERPRINT, stored).catch(() => undefined);
  return { stored, version: BUNDLED_VERSION, source: 'bundled' };
}

/**
 * Resolves in a later task, after the answers already under way (their microtasks) have gone. A
 * message channel, not a timer: timers are throttled, and tests stand them still.
 */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}

/**
 * The registry in use: the bundled copy, or a synced one above it. A restarted worker loads
 * the synced copy's stored index (no rebuild); a sync swaps in a new one only after every check.
 */
export function createRegistryHolder() {
  let copy: Promise<Copy>;
  let current: Promise<Current>;
  /**
   * The site rules are known once the copy is read; the index is built a task later, so that a
   * page's first question (its site's rules) is answered first and the page reads itself while
   * the index is built.
   */
  const use = (next: Promise<Copy>) => {
    copy = next;
    current = next.then(async ({ stored, ...status }) => {
      await nextTask();
      return { ...status, index: loadIndex(stored) };
    });
  };
  use(startingCopy());
  let running: Promise<RegistryStatus> | undefined;

  async function sync(): Promise<RegistryStatus> {
    if (!UPDATES_SET_UP) return status();
    const now = await copy;
    const held = await readHeldCopy().catch(() => undefined);
    const previous = await lastCheckItem.getValue();
    const outcome = await syncOnce({
      fetch: (...args) => fetch(...args),
      now: () => new Date(),
      pinned: PINNED_KEYS,
      sources: REGISTRY_SOURCES,
      timeoutMs: SYNC_TIMEOUT_MS,
      floorVersion: now.version,
      ...(held ? { held } : {}),
      store: async (synced, payload) => {
        const stored = storeIndex(payload.registry);
        await writeHeld({ copy: synced, index: stored });
        use(
          Promise.resolve({
            stored,
            version: synced.version,
            issuedAt: synced.issuedAt,
            ...(synced.expiresAt ? { expiresAt: synced.expiresAt } : {}),
            source: synced.source,
          }),
        );
      },
    });
    const failures = outcome.kind === 'failed' ? (previous?.failures ?? 0) + 1 : 0;
    await lastCheckItem.setValue({
      at: new Date().toISOString(),
      kind: outcome.kind,
      ...(outcome.kind === 'updated' ? { via: outcome.via } : {}),
      ...(outcome.kind === 'refused' ? { code: outcome.refusal, detail: outcome.detail } : {}),
      ...(outcome.kind === 'failed' ? { code: outcome.reason, detail: outcome.detail } : {}),
      ...(outcome.source ? { source: outcome.source } : {}),
      failures,
    });
    await browser.alarms.create(SYNC_ALARM, { when: Date.now() + nextDelayMs(outcome.kind, failures) });
    return status();
  }

  async function status(): Promise<RegistryStatus> {
    const now = await current;
    const stored = await lastCheckItem.getValue();
    const { failures: _failures, ...lastCheck } = stored ?? { at: '' };
    return {
      version: now.version,
      ...(now.issuedAt ? { issuedAt: now.issuedAt } : {}),
      ...(now.expiresAt ? { expiresAt: now.expiresAt } : {}),
      source: now.source,
      brands: now.index.brands.length,
      updates: UPDATES_SET_UP,
      ...(stored ? { lastCheck: lastCheck as NonNullable<RegistryStatus['lastCheck']> } : {}),
    };
  }

  return {
    index: async () => (await current).index,
    /** The site rules of the registry in use, without waiting for its index. */
    sites: async () => sitesOf((await copy).stored.registry),
    status,
    /** One sync at a time: a second request while one runs gets the same answer. */
    sync(): Promise<RegistryStatus> {
      running ??= sync().finally(() => {
        running = undefined;
      });
      return running;
    },
    /** On browser start: sync if the last check is old or missing, and make sure the alarm is set. */
    async syncIfStale(): Promise<void> {
      const last = await lastCheckItem.getValue();
      if (!last || Date.now() - new Date(last.at).getTime() > STALE_MS) await this.sync();
      else if (!(await browser.alarms.get(SYNC_ALARM))) {
        await browser.alarms.create(SYNC_ALARM, { when: Date.now() + nextDelayMs('unchanged', 0) });
      }
    },
  };
}

export type RegistryHolder = ReturnType<typeof createRegistryHolder>;
