import { type Assessment, saidGenuine } from '../risk/assessment';
import { genuineItem } from '../settings/items';

/** Listings the user said are genuine: kept at most, the oldest forgotten first. */
const MAX_GENUINE = 1000;

export type UserOverrides = ReturnType<typeof createUserOverrides>;

/**
 * What the user said of listings, applied to the engine's answers; `changed` is told of each change. The background owns it, so
 * every view (the page's badges, the popup, the audit) shows the same level. It is read from
 * storage once per worker and changed only through here, so that a batch of listings costs no
 * storage read.
 */
export function createUserOverrides(changed: (key: string) => Promise<void> = async () => undefined) {
  let genuine = genuineItem.getValue().then((keys) => new Set(keys));
  return {
    /** The override as it stands now, for one answer. */
    async current(): Promise<(assessment: Assessment) => Assessment> {
      const keys = await genuine;
      return (assessment) => (keys.has(assessment.key) ? saidGenuine(assessment) : assessment);
    },
    /** Records that the user said a listing is genuine, or took it back. */
    async setGenuine(key: string, said: boolean): Promise<void> {
      const kept = [...(await genuine)].filter((k) => k !== key);
      const next = said ? [...kept, key].slice(-MAX_GENUINE) : kept;
      genuine = Promise.resolve(new Set(next));
      await genuineItem.setValue(next);
      await changed(key);
    },
  };
}
