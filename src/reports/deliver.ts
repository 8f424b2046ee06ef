import type { Operation, OutboxEntry, SendFailure, SendResult } from './outbox-model';

export interface DeliverOptions {
  /** The companion service, e.g. `http://127.0.0.1:8787`. */
  service: string;
  timeoutMs: number;
  fetch?: typeof fetch;
}

/**
 * One attempt at an outbox entry's operation against the companion service. The entry's id
 * goes with it, so the service stores a report once however often it arrives. Never throws:
 * every outcome is a result the outbox's state machine knows.
 */
export async function deliver(entry: OutboxEntry, operation: Operation, options: DeliverOptions): Promise<SendResult> {
  const request =
    operation === 'send'
      ? { path: entry.kind === 'report' ? '/v1/reports' : '/v1/feedback', body: entry.body }
      : { path: `/v1/reports/${encodeURIComponent(entry.id)}/withdraw`, body: { reporterId: entry.body.reporterId } };
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(`${options.service}${request.path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request.body),
      signal: AbortSignal.timeout(options.timeoutMs),
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch (error) {
    return fail(isTimeout(error) ? { code: 'timeout' } : { code: 'unreachable' });
  }
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    // The answer was cut off: whether it arrived is unknown, and the id makes a retry safe.
    return fail(isTimeout(error) ? { code: 'timeout' } : { code: 'unreachable' });
  }
  const status = response.status;
  if (status >= 200 && status < 300) return { ok: true };
  // A withdrawal the service knows nothing of: the report never arrived, so it is withdrawn.
  if (operation === 'withdraw' && status === 404) return { ok: true };
  if (status === 429) return fail({ code: 'rate_limited', ...retryAfter(response) });
  if (status === 408 || status >= 500) return fail({ code: 'server_error', status });
  return fail({ code: 'refused', status, detail: messageOf(text) });
}

const fail = (failure: SendFailure): SendResult => ({ ok: false, failure });

const isTimeout = (error: unknown) =>
  error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError');

function retryAfter(response: Response): { retryAfterSeconds?: number } {
  const seconds = Number(response.headers.get('retry-after'));
  return Number.isFinite(seconds) && seconds > 0 ? { retryAfterSeconds: Math.min(seconds, 3600) } : {};
}

/** The service's own words for a refusal (its JSON `message`), bounded: they are shown in the history. */
function messageOf(text: string): string {
  try {
    const message = (JSON.parse(text) as { message?: unknown }).message;
    if (typeof message === 'string') return message.slice(0, 300);
  } catch {
    // not JSON: say nothing rather than show a page of HTML
  }
  return '';
}
