import { storage } from 'wxt/utils/storage';
import type { Marketplace } from '../listing/listing';

/**
 * Where a marketplace's rules read nothing but the reader's lower layers found listings: a sign
 * the marketplace changed its markup. Counted per marketplace and host on this device only, so
 * the options page can say which rules look out of date; nothing of it leaves the device.
 */
export interface RuleHealthEntry {
  marketplace: Marketplace;
  host: string;
  /** Pages read by the lower layers alone. */
  pages: number;
  /** When the last of them was read (ISO 8601). */
  last: string;
}
export type RuleHealth = Record<string, RuleHealthEntry>;

export const ruleHealthItem = storage.defineItem<RuleHealth>('local:ruleHealth', { fallback: {} });

/** At most this many hosts are kept: the oldest go first. */
const MAX_ENTRIES = 100;

/** The record with one more page read by the lower layers on this marketplace and host. */
export function recordFallback(health: RuleHealth, marketplace: Marketplace, host: string, now: Date): RuleHealth {
  const key = `${marketplace} ${host}`;
  const entry = health[key];
  const next: RuleHealth = {
    ...health,
    [key]: { marketplace, host, pages: (entry?.pages ?? 0) + 1, last: now.toISOString() },
  };
  const keys = Object.keys(next);
  if (keys.length <= MAX_ENTRIES) return next;
  const oldest = keys.sort((a, b) => next[a]!.last.localeCompare(next[b]!.last)).slice(0, keys.length - MAX_ENTRIES);
  for (const drop of oldest) delete next[drop];
  return next;
}
