import { storage } from 'wxt/utils/storage';
import { randomId } from '../reports/compose';

/**
 * The reporter's random id, made at install and sent with each report so the service can
 * count distinct reporters and limit floods. It names no person; the options page rotates it.
 */
export const reporterIdItem = storage.defineItem<string | null>('local:reporterId', { fallback: null });

/** The reporter id, made now if there is none yet. */
export async function reporterId(): Promise<string> {
  const held = await reporterIdItem.getValue();
  if (held) return held;
  const made = randomId();
  await reporterIdItem.setValue(made);
  return made;
}

/** A new reporter id: later reports cannot be linked to earlier ones by it. */
export async function rotateReporterId(): Promise<string> {
  const made = randomId();
  await reporterIdItem.setValue(made);
  return made;
}

/** Whether a report carries a screenshot of the visible tab; off until the reporter turns it on. */
export const screenshotsItem = storage.defineItem<boolean>('local:reportScreenshots', { fallback: false });

/** Listings the user said are genuine: their warnings stay hidden. */
export const genuineItem = storage.defineItem<string[]>('local:genuineListings', { fallback: [] });
