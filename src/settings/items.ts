import { storage } from 'wxt/utils/storage';
import type { Marketplace } from '../listing/listing';
import type { RegistryStatus } from '../messaging/protocol';
import type { SharedCounts } from '../reports/audit-counts';
import { DEFAULT_SETTINGS, SENSITIVITIES, type Sensitivity } from '../risk/settings';

/**
 * Everything the extension keeps in extension storage, each with its one writer (its owner).
 * Every other context only reads an item (or watches it), and asks the owner by message to
 * change it. Elsewhere: the background keeps each tab's listings in session storage
 * (`background/tab-state.ts`) and the registry, outbox and audit sessions in IndexedDB
 * (`storage/database.ts`); no page reads those but through the background.
 */

// Each item is marked pure so that a bundle keeps only the items it uses: the content script,
// which runs on every marketplace page, defines the one item it owns, not all of them.

// ── Owner: the options page (the person's own choices)

/** How readily listings are flagged; synced with the user's browser profile. */
export const sensitivityItem = /* @__PURE__ */ storage.defineItem<Sensitivity>('sync:sensitivity', {
  fallback: DEFAULT_SETTINGS.sensitivity,
});

/** A stored value from an older or foreign version falls back to the default. */
export const validSensitivity = (value: unknown): Sensitivity =>
  SENSITIVITIES.includes(value as Sensitivity) ? (value as Sensitivity) : DEFAULT_SETTINGS.sensitivity;

/** Whether a report carries a screenshot of the visible tab; off until the reporter turns it on. */
export const screenshotsItem = /* @__PURE__ */ storage.defineItem<boolean>('local:reportScreenshots', {
  fallback: false,
});

/**
 * A brand volunteer's sign-in with the companion service, and the contact a DSA notice names.
 * The token is the one `token create` printed; it stays on this device and goes only to the service.
 */
export interface Volunteer {
  token?: string;
  name?: string;
  email?: string;
}
export const volunteerItem = /* @__PURE__ */ storage.defineItem<Volunteer>('local:volunteer', { fallback: {} });

/**
 * Whether an audit session's counts (listings seen and suspect, per brand and marketplace; never
 * a listing) go to the companion service when it ends, for the programme's results. Off until
 * the volunteer turns it on.
 */
export const shareAuditCountsItem = /* @__PURE__ */ storage.defineItem<boolean>('local:shareAuditCounts', {
  fallback: false,
});

/**
 * Whether the volunteer's extension tells the service what it sees of listings their brands
 * filed takedowns for: still up (seen in an audit session), or ended and removed (a page that
 * says so). Only listings the service named as filed are ever told. Off until turned on.
 */
export const shareSightingsItem = /* @__PURE__ */ storage.defineItem<boolean>('local:shareSightings', {
  fallback: false,
});

/** The registry ids of the brands a volunteer audits (chosen in the options or the audit view). */
export const auditBrandsItem = /* @__PURE__ */ storage.defineItem<string[]>('local:auditBrands', { fallback: [] });

// ── Owner: the background

/** An audit session's counts the service has not taken yet, sent again after the next session. */
export const pendingAuditCountsItem = /* @__PURE__ */ storage.defineItem<SharedCounts[]>('local:pendingAuditCounts', {
  fallback: [],
});

/**
 * The filed listings the service asked this volunteer's extension to look out for, as of when
 * it was asked and for which token (a hash of it); the sightings waiting to be sent; and the
 * keys already told as still up since the list was fetched, so a page seen again is not told again.
 */
export interface FiledWatch {
  keys: string[];
  fetchedAt: number;
  token: string;
  toldUp: string[];
}
export const filedWatchItem = /* @__PURE__ */ storage.defineItem<FiledWatch | null>('local:filedWatch', {
  fallback: null,
});
export interface PendingSighting {
  key: string;
  state: 'up' | 'ended';
  at: string;
}
export const pendingSightingsItem = /* @__PURE__ */ storage.defineItem<PendingSighting[]>('local:pendingSightings', {
  fallback: [],
});

/**
 * The reporter's random id, made at install and sent with each report so the service can
 * count distinct reporters and limit floods. It names no person; the options page asks the
 * background to rotate it.
 */
export const reporterIdItem = /* @__PURE__ */ storage.defineItem<string | null>('local:reporterId', { fallback: null });

/** Listings the user said are genuine: their warnings stay hidden (`background/overrides.ts`). */
export const genuineItem = /* @__PURE__ */ storage.defineItem<string[]>('local:genuineListings', { fallback: [] });

/** The last registry sync's outcome, and how many failed in a row. */
export const lastCheckItem = /* @__PURE__ */ storage.defineItem<RegistryStatus['lastCheck'] & { failures?: number }>(
  'local:registryLastCheck',
);

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

export const ruleHealthItem = /* @__PURE__ */ storage.defineItem<RuleHealth>('local:ruleHealth', { fallback: {} });

/** At most this many hosts are kept: the oldest go first. */
const MAX_HEALTH_ENTRIES = 100;

/** The record with one more page read by the lower layers on this marketplace and host. */
export function recordFallback(health: RuleHealth, marketplace: Marketplace, host: string, now: Date): RuleHealth {
  const key = `${marketplace} ${host}`;
  const entry = health[key];
  const next: RuleHealth = {
    ...health,
    [key]: { marketplace, host, pages: (entry?.pages ?? 0) + 1, last: now.toISOString() },
  };
  const keys = Object.keys(next);
  if (keys.length <= MAX_HEALTH_ENTRIES) return next;
  const oldest = keys
    .sort((a, b) => next[a]!.last.localeCompare(next[b]!.last))
    .slice(0, keys.length - MAX_HEALTH_ENTRIES);
  for (const drop of oldest) delete next[drop];
  return next;
}

// ── Owner: the content script

/** Listings whose banner the user dismissed: the pill stays, the banner does not come back. */
export const dismissedBannersItem = /* @__PURE__ */ storage.defineItem<string[]>('local:dismissedBanners', {
  fallback: [],
});
