import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, SENSITIVITIES, type Sensitivity } from '../risk/settings';

/** How readily listings are flagged; synced with the user's browser profile. */
export const sensitivityItem = storage.defineItem<Sensitivity>('sync:sensitivity', {
  fallback: DEFAULT_SETTINGS.sensitivity,
});

/** A stored value from an older or foreign version falls back to the default. */
export const validSensitivity = (value: unknown): Sensitivity =>
  SENSITIVITIES.includes(value as Sensitivity) ? (value as Sensitivity) : DEFAULT_SETTINGS.sensitivity;
