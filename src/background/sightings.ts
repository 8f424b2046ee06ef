import { fnv } from '../matching/buckets';
import { REPORT_SERVICE } from '../reports/build-config';
import {
  type FiledWatch,
  filedWatchItem,
  type PendingSighting,
  pendingSightingsItem,
  shareSightingsItem,
  volunteerItem,
} from '../settings/items';
import { singleFlight } from '../single-flight';
import { serialQueue } from './serial';
import { volunteerCall } from './service-call';

/** How long the list of filed listings is trusted before it is asked for again. */
export const FILED_REFRESH_MS = 60 * 60 * 1000;
/** Sightings one call carries (the service takes up to 200), and kept for a later try at most. */
const PER_CALL = 200;
const MAX_PENDING = 1000;

/**
 * What a volunteer's extension sees of listings their brands filed takedowns for, told to the
 * service when the volunteer agreed: a filed listing shown in an audit session is still up; a
 * filed listing's page that says it ended or was removed means it was removed. The service names
 * the filed listings (asked at most hourly); nothing else the volunteer browses is ever told.
 * What the service could not be reached for is sent with the next sighting.
 */
export type Sightings = ReturnType<typeof createSightings>;

export function createSightings(send: typeof fetch = fetch) {
  // The waiting sightings are read and written by both the sightings and the sending: one at a time.
  const serialised = serialQueue();
  const flush = singleFlight(async (askedAgain) => {
    do await sendPending(send, serialised);
    while (askedAgain());
  });

  return {
    /** Listings seen, by key; `ended` when their page says they are gone. Resolves once told (or kept). */
    async seen(keys: readonly string[], state: PendingSighting['state']): Promise<void> {
      if (keys.length === 0 || !(await shareSightingsItem.getValue())) return;
      const { token } = await volunteerItem.getValue();
      if (!token || !REPORT_SERVICE) return;
      const watch = await filedWatch(token, send);
      if (!watch) return;
      const filed = new Set(watch.keys);
      const toldUp = new Set(watch.toldUp);
      const at = new Date().toISOString();
      const fresh = keys.filter((key) => filed.has(key) && (state === 'ended' || !toldUp.has(key)));
      if (fresh.length === 0) return;
      if (state === 'up') await filedWatchItem.setValue({ ...watch, toldUp: [...toldUp, ...fresh] });
      await serialised(async () => {
        const pending = await pendingSightingsItem.getValue();
        await pendingSightingsItem.setValue(
          [...pending, ...fresh.map((key) => ({ key, state, at }))].slice(-MAX_PENDING),
        );
      });
      await flush();
    },
  };
}

/** The filed listings to look out for: as last asked, or asked again when an hour old or another token's. */
async function filedWatch(token: string, send: typeof fetch): Promise<FiledWatch | undefined> {
  const held = await filedWatchItem.getValue();
  const tokenHash = fnv(token).toString(36);
  if (held && held.token === tokenHash && Date.now() - held.fetchedAt < FILED_REFRESH_MS) return held;
  const call = await volunteerCall(token, '/v1/volunteer/filed', undefined, send);
  if (call.kind !== 'done') return held?.token === tokenHash ? held : undefined;
  const body = (await call.response.json().catch(() => ({}))) as { keys?: unknown };
  if (!Array.isArray(body.keys)) return undefined;
  const watch: FiledWatch = {
    keys: body.keys.filter((key): key is string => typeof key === 'string'),
    fetchedAt: Date.now(),
    token: tokenHash,
    toldUp: [],
  };
  await filedWatchItem.setValue(watch);
  return watch;
}

async function sendPending(send: typeof fetch, serialised: ReturnType<typeof serialQueue>): Promise<void> {
  const { token } = await volunteerItem.getValue();
  if (!token) return;
  const pending = await pendingSightingsItem.getValue();
  const kept: PendingSighting[] = [];
  for (let start = 0; start < pending.length; start += PER_CALL) {
    const batch = pending.slice(start, start + PER_CALL);
    const call = await volunteerCall(token, '/v1/volunteer/sightings', { sightings: batch }, send);
    if (call.kind === 'retry') kept.push(...batch);
  }
  // Sightings made while these were sent stay for the next pass.
  await serialised(async () => {
    const now = await pendingSightingsItem.getValue();
    await pendingSightingsItem.setValue([...kept, ...now.slice(pending.length)].slice(-MAX_PENDING));
  });
}
