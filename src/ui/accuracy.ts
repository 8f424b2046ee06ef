import { sendMessage } from '../messaging/protocol';

/** Amazon Project Zero asks for reports accepted at least this often (percent, over six months). */
export const PROJECT_ZERO_PERCENT = 90;

/** What the companion service answered about a volunteer's reports, as the options page shows it. */
export type AccuracyState =
  | { kind: 'idle' }
  | { kind: 'checking' }
  | { kind: 'ready'; confirmed: number; reviewed: number }
  /** The service would not take the token (unknown, expired, missing). */
  | { kind: 'refused'; detail: string }
  /** The service (or the extension's background) could not be asked. */
  | { kind: 'unreachable'; detail: string };

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * A failed `volunteerAccuracy` in two kinds. The background refuses with an error whose `code`
 * (or message) starts with the service's own `token_` codes (`token_missing`, `token_unknown`,
 * `token_expired`), or names a 401/403; anything else means the service was not reached.
 */
export function accuracyFailure(error: unknown): Extract<AccuracyState, { kind: 'refused' | 'unreachable' }> {
  const detail = message(error);
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  const refused =
    (typeof code === 'string' && code.startsWith('token_')) ||
    /^token_/.test(detail) ||
    /\b(401|403)\b|unauthori[sz]ed|forbidden/i.test(detail);
  return { kind: refused ? 'refused' : 'unreachable', detail };
}

/** Asks the background for the volunteer's accuracy; never throws. */
export async function fetchAccuracy(): Promise<AccuracyState> {
  try {
    const { confirmed, reviewed } = await sendMessage('volunteerAccuracy', null);
    return { kind: 'ready', confirmed, reviewed };
  } catch (error) {
    return accuracyFailure(error);
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
