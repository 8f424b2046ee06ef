import { errorText } from '../../src/error-text';
import { type AccuracyAnswer, sendMessage } from '../../src/messaging/protocol';

/** Amazon Project Zero asks for reports accepted at least this often (percent, over six months). */
export const PROJECT_ZERO_PERCENT = 90;

/** What the companion service answered about a volunteer's reports, as the options page shows it. */
export type AccuracyState = { kind: 'idle' } | { kind: 'checking' } | AccuracyAnswer;

/**
 * Asks the background for the volunteer's accuracy, with the saved token or with one the
 * sign-in has not saved yet; never throws.
 */
export async function fetchAccuracy(token?: string): Promise<AccuracyAnswer> {
  try {
    return await sendMessage('volunteerAccuracy', token === undefined ? null : { token });
  } catch (error) {
    // The background itself did not answer (the extension was reloaded, its worker failed).
    return { kind: 'unreachable', detail: errorText(error) };
  }
}

/**
 * Confirmed of reviewed, as a whole percentage, rounded down so that it never claims the
 * 90 % it has not reached (89.6 % is 89 %). Undefined when nothing has been reviewed.
 */
export function accuracyPercent(confirmed: number, reviewed: number): number | undefined {
  if (!(reviewed > 0)) return undefined;
  const bounded = Math.min(Math.max(confirmed, 0), reviewed);
  // Integer arithmetic first: 46 * 100 / 50 is exactly 92, never 91.999….
  return Math.floor((bounded * 100) / reviewed + 1e-9);
}
