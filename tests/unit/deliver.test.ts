// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Listing } from '../../src/listing/listing';
import { composeFeedback, composeReport, type ReportContext } from '../../src/reports/compose';
import { deliver } from '../../src/reports/deliver';
import { newEntry, type Operation, type OutboxEntry } from '../../src/reports/outbox-model';
import type { Report } from '../../src/reports/report';
import type { Assessment } from '../../src/risk/assessment';

const SERVICE = 'https://reports.test';

const listing: Listing = {
  marketplace: 'ebay',
  key: 'ebay:1234567890',
  url: 'https://www.ebay.com/itm/1234567890',
  kind: 'detail',
  title: 'Rolex Submariner 1:1 super clone',
  price: { amount: 180, currency: 'USD' },
};
const assessment: Assessment = {
  key: listing.key,
  level: 'high',
  score: 0.95,
  brand: 'rolex',
  reasons: [{ code: 'counterfeit_terms', weight: 0.8, params: { term: 'super clone' } }],
};
const sender: ReportContext = {
  reporterId: 'reporter-fedcba9876543210',
  registryVersion: 3,
  extensionVersion: '0.1.0',
  now: new Date('2026-12-01T09:00:00Z'),
};
const reportEntry = (): OutboxEntry =>
  newEntry('report', composeReport(listing, assessment, sender), sender.now.getTime());
const feedbackEntry = (): OutboxEntry =>
  newEntry('feedback', composeFeedback(listing, assessment, sender), sender.now.getTime());

interface Request {
  url: string;
  method: string | undefined;
  headers: Record<string, string>;
  body: unknown;
  credentials: RequestCredentials | undefined;
  signal: AbortSignal | undefined;
}

type Answer = (init: RequestInit) => Response | Promise<Response>;

/** A fetch that records each request and answers as told. */
function service(answer: Answer) {
  const requests: Request[] = [];
  const fetch: typeof globalThis.fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    requests.push({
      url: String(input),
      method: init.method,
      headers: (init.headers ?? {}) as Record<string, string>,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : init.body,
      credentials: init.credentials,
      signal: init.signal ?? undefined,
    });
    return answer(init);
  }) as typeof globalThis.fetch;
  return { fetch, requests };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

async function attempt(entry: OutboxEntry, operation: Operation, answer: Answer, timeoutMs = 5_000) {
  const { fetch, requests } = service(answer);
  const result = await deliver(entry, operation, { service: SERVICE, timeoutMs, fetch });
  return { result, requests };
}

/** Never answers; rejects as fetch does when its signal fires. */
const hang: Answer = (init) =>
  new Promise<Response>((_resolve, reject) => {
    const signal = init.signal!;
    signal.addEventListener('abort', () => reject(signal.reason));
  });

describe('what goes to the service', () => {
  it('a report: POST /v1/reports with the report as JSON, its id included', async () => {
    const entry = reportEntry();
    const { result, requests } = await attempt(entry, 'send', () => json(201, { id: entry.id, status: 'received' }));
    expect(result).toEqual({ ok: true });
    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request!.url).toBe(`${SERVICE}/v1/reports`);
    expect(request!.method).toBe('POST');
    expect(request!.headers).toMatchObject({ 'content-type': 'application/json' });
    expect(request!.body).toEqual(entry.body);
    expect((request!.body as { id: string }).id).toBe(entry.id);
    expect(request!.credentials).toBe('omit');
    expect(request!.signal).toBeInstanceOf(AbortSignal);
  });

  it('feedback: POST /v1/feedback with the feedback as JSON', async () => {
    const entry = feedbackEntry();
    const { result, requests } = await attempt(entry, 'send', () => json(201, { id: entry.id }));
    expect(result).toEqual({ ok: true });
    expect(requests.map((r) => [r.method, r.url])).toEqual([['POST', `${SERVICE}/v1/feedback`]]);
    expect(requests[0]!.body).toEqual(entry.body);
  });

  it('a withdrawal: POST /v1/reports/:id/withdraw with the reporter id and the report’s own withdrawal key', async () => {
    const entry = reportEntry();
    // Each report has a key of its own, made when it was written, that only this extension holds.
    const key = (entry.body as Report).withdrawKey;
    expect(key).toMatch(/^[0-9a-f]{32}$/);
    expect(key).not.toBe((reportEntry().body as Report).withdrawKey);
    const { result, requests } = await attempt(entry, 'withdraw', () =>
      json(200, { id: entry.id, status: 'withdrawn' }),
    );
    expect(result).toEqual({ ok: true });
    expect(requests.map((r) => [r.method, r.url])).toEqual([['POST', `${SERVICE}/v1/reports/${entry.id}/withdraw`]]);
    expect(requests[0]!.body).toEqual({ reporterId: sender.reporterId, withdrawKey: key });
  });
});

describe('what the answer means', () => {
  it('the service’s own 201 to a send and 200 to a withdrawal, naming the entry, are success', async () => {
    const entry = reportEntry();
    expect((await attempt(entry, 'send', () => json(201, { id: entry.id, status: 'received' }))).result).toEqual({
      ok: true,
    });
    expect((await attempt(entry, 'withdraw', () => json(200, { id: entry.id, status: 'withdrawn' }))).result).toEqual({
      ok: true,
    });
  });

  it('a 2xx that does not name the entry (a portal, a proxy) is not proof: tried again', async () => {
    const entry = reportEntry();
    expect((await attempt(entry, 'send', () => new Response('<html>Welcome</html>', { status: 200 }))).result).toEqual({
      ok: false,
      failure: { code: 'server_error', status: 200 },
    });
    expect((await attempt(entry, 'send', () => json(201, { id: 'someone-else-0000' }))).result).toEqual({
      ok: false,
      failure: { code: 'server_error', status: 201 },
    });
  });

  it('a withdrawal the service knows nothing of (404, unknown_report) is done: the report never arrived', async () => {
    const { result } = await attempt(reportEntry(), 'withdraw', () =>
      json(404, { error: 'unknown_report', message: 'No report with this id from this reporter.' }),
    );
    expect(result).toEqual({ ok: true });
  });

  it('a 404 for the route itself (an older service) is not a withdrawal: tried again', async () => {
    const { result } = await attempt(reportEntry(), 'withdraw', () =>
      json(404, { error: 'not_found', message: 'No POST /v1/reports/x/withdraw here.' }),
    );
    expect(result).toEqual({ ok: false, failure: { code: 'server_error', status: 404 } });
  });

  it('404 to a send is a refusal when the service gives it, and tried again when something else does', async () => {
    const { result } = await attempt(reportEntry(), 'send', () =>
      json(404, { error: 'not_found', message: 'no such route' }),
    );
    expect(result).toEqual({ ok: false, failure: { code: 'refused', status: 404, detail: 'no such route' } });
    const other = await attempt(reportEntry(), 'send', () => json(404, { message: 'no such route' }));
    expect(other.result).toEqual({ ok: false, failure: { code: 'server_error', status: 404 } });
  });

  it('429 is rate limited, with Retry-After in seconds when given', async () => {
    const limited = (headers: Record<string, string>) => () => json(429, { error: 'rate_limited' }, headers);
    expect((await attempt(reportEntry(), 'send', limited({ 'retry-after': '120' }))).result).toEqual({
      ok: false,
      failure: { code: 'rate_limited', retryAfterSeconds: 120 },
    });
    expect((await attempt(reportEntry(), 'withdraw', limited({ 'retry-after': '7' }))).result).toEqual({
      ok: false,
      failure: { code: 'rate_limited', retryAfterSeconds: 7 },
    });
    expect((await attempt(reportEntry(), 'send', limited({}))).result).toEqual({
      ok: false,
      failure: { code: 'rate_limited' },
    });
    expect((await attempt(reportEntry(), 'send', limited({ 'retry-after': 'soon' }))).result).toEqual({
      ok: false,
      failure: { code: 'rate_limited' },
    });
  });

  it.each([408, 500, 502, 503, 504])('%i is a server error, tried again', async (status) => {
    const { result } = await attempt(reportEntry(), 'send', () => new Response('<html>busy</html>', { status }));
    expect(result).toEqual({ ok: false, failure: { code: 'server_error', status } });
    const withdrawal = await attempt(reportEntry(), 'withdraw', () => new Response('', { status }));
    expect(withdrawal.result).toEqual({ ok: false, failure: { code: 'server_error', status } });
  });

  it.each([400, 401, 403, 409, 413, 422])('%i is a refusal, with the service’s message', async (status) => {
    const { result } = await attempt(reportEntry(), 'send', () =>
      json(status, { error: 'invalid', field: 'listing.url', message: 'listing.url: Invalid URL' }),
    );
    expect(result).toEqual({ ok: false, failure: { code: 'refused', status, detail: 'listing.url: Invalid URL' } });
  });

  it('a 4xx page that is not the service’s (a proxy’s block page) is tried again; a long message is bounded', async () => {
    const html = await attempt(reportEntry(), 'send', () => new Response('<h1>Forbidden</h1>', { status: 403 }));
    expect(html.result).toEqual({ ok: false, failure: { code: 'server_error', status: 403 } });
    const long = await attempt(reportEntry(), 'send', () =>
      json(400, { error: 'invalid', message: 'x'.repeat(5_000) }),
    );
    expect(long.result).toMatchObject({ ok: false, failure: { code: 'refused', status: 400 } });
    if (!long.result.ok && long.result.failure.code === 'refused')
      expect(long.result.failure.detail.length).toBeLessThanOrEqual(300);
  });

  it('a withdrawal the service refuses (403) is a refusal', async () => {
    const { result } = await attempt(reportEntry(), 'withdraw', () =>
      json(403, { error: 'forbidden', message: 'Not your report.' }),
    );
    expect(result).toEqual({ ok: false, failure: { code: 'refused', status: 403, detail: 'Not your report.' } });
  });
});

describe('when the answer does not come', () => {
  it('a network error is unreachable', async () => {
    const { result, requests } = await attempt(reportEntry(), 'send', () => {
      throw new TypeError('fetch failed');
    });
    expect(result).toEqual({ ok: false, failure: { code: 'unreachable' } });
    expect(requests).toHaveLength(1);
  });

  it('a request that hangs ends as a timeout after timeoutMs', async () => {
    const started = performance.now();
    const { result } = await attempt(reportEntry(), 'send', hang, 50);
    const elapsed = performance.now() - started;
    expect(result).toEqual({ ok: false, failure: { code: 'timeout' } });
    expect(elapsed).toBeGreaterThanOrEqual(40);
    expect(elapsed).toBeLessThan(2_000);
  });

  it('a withdrawal that hangs ends as a timeout too', async () => {
    const { result } = await attempt(reportEntry(), 'withdraw', hang, 50);
    expect(result).toEqual({ ok: false, failure: { code: 'timeout' } });
  });

  it('a body cut off after a 201 began is unreachable, not success', async () => {
    const { result } = await attempt(
      reportEntry(),
      'send',
      () =>
        new Response(
          new ReadableStream({
            start(controller) {
              controller.enqueue(new TextEncoder().encode('{"id":"'));
              controller.error(new TypeError('terminated'));
            },
          }),
          { status: 201 },
        ),
    );
    expect(result).toEqual({ ok: false, failure: { code: 'unreachable' } });
  });

  it('a body that stalls until the time is up is a timeout, not success', async () => {
    const { result } = await attempt(
      reportEntry(),
      'send',
      (init) =>
        new Response(
          new ReadableStream({
            start(controller) {
              controller.enqueue(new TextEncoder().encode('{"id":"'));
              const signal = init.signal!;
              signal.addEventListener('abort', () => controller.error(signal.reason));
            },
          }),
          { status: 201 },
        ),
      50,
    );
    expect(result).toEqual({ ok: false, failure: { code: 'timeout' } });
  });
});
