import type { Operation, OutboxEntry, SendFailure, SendResult } from './outbox-model';

interface DeliverOptions {
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
      : {
          path: `/v1/reports/${encodeURIComponent(entry.id)}/withdraw`,
          body: {
            reporterId: entry.body.reporterId,
            ...('withdrawKey' in entry.body && entry.body.withdrawKey ? { withdrawKey: entry.body.withdrawKey } : {}),
          },
        };
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
  const answer = jsonOf(text);
  // Only the service's own answer counts: a portal or proxy answering in its place proves nothing.
  if (status >= 200 && status < 300)
    return answer?.id === entry.id ? { ok: true } : fail({ code: 'server_error', status });
  // A withdrawal of a report the service never received: there is nothing to withdraw.
  // Any other 404 to a withdrawal is a service without the route (older, or misrouted): try again later.
  if (operation === 'withdraw' && status === 404)
    return answer?.error === 'unknown_report' ? { ok: true } : fail({ code: 'server_error', status });
  if (status === 429) return fail({ code: 'rate_limited', ...retryAfter(response) });
  // A refusal is final only when the service itself gives it, in its JSON error shape.
  if (status >= 400 && status < 500 && status !== 408 && typeof answer?.error === 'string')
    return fail({
      code: 'refused',
      status,
      detail: typeof answer.message === 'string' ? answer.message.slice(0, 300) : '',
    });
  return fail({ code: 'server_error', status });
}

const fail = (failure: SendFailure): SendResult => ({ ok: false, failure });

const isTimeout = (error: unknown) =>
  error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError');

function retryAfter(response: Response): { retryAfterSeconds?: number } {
  const seconds = Number(response.headers.get('retry-after'));
  return Number.isFinite(seconds) && seconds > 0 ? { retryAfterSeconds: Math.min(seconds, 3600) } : {};
}

/** The service's JSON answer, if that is what came. */
function jsonOf(text: string): { id?: unknown; error?: unknown; message?: unknown } | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? value : undefined;
  } catch {
    return undefined;
  }
}
