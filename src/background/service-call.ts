import { REPORT_SERVICE, REPORT_TIMEOUT_MS } from '../reports/build-config';

/** What became of a call a volunteer's extension made to the service: done, worth another try later, or refused for good. */
export type CallOutcome =
  | { kind: 'done'; response: Response }
  /** No answer (unreachable, or no service in this build), or one that may change: a refused token, a busy service. */
  | { kind: 'retry'; response?: Response }
  | { kind: 'refused'; response: Response };

/**
 * Calls a volunteer route of the companion service with the token. A refused token or a busy
 * or unreachable service may be right again later; any other refusal is for good.
 */
export async function volunteerCall(
  token: string,
  path: string,
  body: unknown | undefined,
  send: typeof fetch,
): Promise<CallOutcome> {
  if (!REPORT_SERVICE) return { kind: 'retry' };
  let response: Response;
  try {
    response = await send(`${REPORT_SERVICE}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(REPORT_TIMEOUT_MS),
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch {
    return { kind: 'retry' };
  }
  if (response.ok) return { kind: 'done', response };
  return response.status === 401 || response.status === 429 || response.status >= 500
    ? { kind: 'retry', response }
    : { kind: 'refused', response };
}
