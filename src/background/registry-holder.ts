import { browser } from 'wxt/browser';
import { loadIndex, type MatchIndex, storeIndex } from '../matching/match-index';
import type { RegistryStatus } from '../messaging/protocol';
import { PINNED_KEYS, REGISTRY_SOURCES, SYNC_TIMEOUT_MS, UPDATES_SET_UP } from '../registry/build-config';
import { BUNDLED_VERSION, bundledFingerprint, bundledRegistry } from '../registry/bundled';
import { nextDelayMs, syncOnce } from '../registry/sync';
import { lastCheckItem } from '../settings/items';
import { readBundledIndex, readHeld, readHeldCopy, writeBundledIndex, writeHeld } from '../storage/registry-store';

export const SYNC_ALARM = 'registry-sync';
const STALE_MS = 6 * 60 * 60_000;

interface Current {
  index: MatchIndex;
  version: number;
  issuedAt?: string;
  expiresAt?: string;
  source: string;
}

/**
 * The bundled registry's index: the one a worker of this build kept, else compiled now and kept
 * (compiling thousands of brands at every worker start would delay everything the worker does).
 */
async function bundledIndex(): Promise<MatchIndex> {
  const fingerprint = bundledFingerprint();
  const kept = await readBundledIndex(fingerprint).catch(() => undefined);
  if (kept) return loadIndex(kept);
  const stored = storeIndex(bundledRegistry());
  await writeBundledIndex(fingerprint, stored).catch(() => undefined);
  return loadIndex(stored);
}

/**
 * The registry in use: the bundled copy, or a synced one above it. A restarted worker loads
 * the synced copy's stored index (no rebuild); a sync swaps in a new one only after every check.
 */
export function createRegistryHolder() {
  // The bundled copy is compiled only when no synced copy above it is held.
  let current: Promise<Current> = (async () => {
    const held = await readHeld().catch(() => undefined);
    if (held && held.copy.version > BUNDLED_VERSION) {
      return {
        index: loadIndex(held.index),
        version: held.copy.version,
        issuedAt: held.copy.issuedAt,
        ...(held.copy.expiresAt ? { expiresAt: held.copy.expiresAt } : {}),
        source: held.copy.source,
      };
    }
    return { index: await bundledIndex(), version: BUNDLED_VERSION, source: 'bundled' };
  })();
  let running: Promise<RegistryStatus> | undefined;

  async function sync(): Promise<RegistryStatus> {
    if (!UPDATES_SET_UP) return status();
    const now = await current;
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
      store: async (copy, payload) => {
        const stored = storeIndex(payload.registry);
        await writeHeld({ copy, index: stored });
        current = Promise.resolve({
          index: loadIndex(stored),
          version: copy.version,
          issuedAt: copy.issuedAt,
          ...(copy.expiresAt ? { expiresAt: copy.expiresAt } : {}),
          source: copy.source,
        });
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
