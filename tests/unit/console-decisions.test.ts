import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Decision, Decisions } from '../../server/console/decisions';

/** The service as the console's fetch meets it: each call answered by the next of `answers`. */
function service(answers: (() => Response | Promise<Response>)[]) {
  const calls: { keys: string[]; decision: string; note: string }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: RequestInit) => {
      calls.push(JSON.parse(String(init.body)));
      const answer = answers.shift();
      if (!answer) throw new Error('no answer left');
      return answer();
    }),
  );
  return calls;
}
const decided = (keys: string[]) => () =>
  new Response(JSON.stringify({ decided: Object.fromEntries(keys.map((key) => [key, 1])), missing: [] }), {
    status: 200,
  });
const unreachable = () => Promise.reject(new TypeError('Failed to fetch'));
const refused = (status: number, message: string) => () =>
  new Response(JSON.stringify({ error: 'invalid', message }), { status });

describe('the console’s decisions on their way to the service', () => {
  beforeEach(() => {
    sessionStorage.clear();
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('keeps a decision the service could not be reached for, and sends it again, waiting longer each time', async () => {
    const calls = service([unreachable, unreachable, decided(['ebay:1'])]);
    const decisions = new Decisions('cgv_token');
    const seen: Decision[][] = [];
    let done: string[] | undefined;
    decisions.subscribe((pending, finished) => {
      seen.push(pending);
      if (finished) done = Object.keys(finished.answer.decided);
    });
    decisions.decide(['ebay:1'], 'reject', 'authorised reseller');
    await vi.advanceTimersByTimeAsync(0);
    expect(decisions.list()).toMatchObject([{ keys: ['ebay:1'], attempts: 1 }]);
    expect(decisions.list()[0]!.retryAt).toBeGreaterThan(Date.now());
    // Kept where a reload finds it.
    expect(JSON.parse(sessionStorage.getItem('cg-console-decisions') ?? '[]')).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(999);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(2);
    // The second wait is twice the first.
    await vi.advanceTimersByTimeAsync(1999);
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(3);
    expect(calls.every((call) => call.note === 'authorised reseller' && call.decision === 'reject')).toBe(true);
    expect(decisions.list()).toEqual([]);
    expect(done).toEqual(['ebay:1']);
    expect(sessionStorage.getItem('cg-console-decisions')).toBe('[]');
    expect(seen.length).toBeGreaterThanOrEqual(4);
  });

  it('keeps a refused decision with the service’s words, sends it no more, and lets the volunteer dismiss it', async () => {
    const calls = service([refused(400, 'keys: Invalid length')]);
    const decisions = new Decisions('cgv_token');
    decisions.decide(['ebay:2'], 'confirm', '');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toHaveLength(1);
    expect(decisions.list()).toMatchObject([{ keys: ['ebay:2'], refused: 'keys: Invalid length' }]);
    decisions.dismiss(decisions.list()[0]!.id);
    expect(decisions.list()).toEqual([]);
  });

  it('sends again, after a reload, what was not yet saved', async () => {
    service([unreachable]);
    const before = new Decisions('cgv_token');
    before.decide(['amazon:B0TESTITEM1'], 'confirm', 'logo');
    await vi.advanceTimersByTimeAsync(0);
    before.stop();
    const calls = service([decided(['amazon:B0TESTITEM1'])]);
    const after = new Decisions('cgv_token');
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toMatchObject([{ keys: ['amazon:B0TESTITEM1'], decision: 'confirm', note: 'logo' }]);
    expect(after.list()).toEqual([]);
  });

  it('counts a 5xx or 429 as a moment’s trouble (retried), a 401 as a refusal', async () => {
    const calls = service([refused(503, 'busy'), refused(401, 'This token is not known here.')]);
    const decisions = new Decisions('cgv_token');
    decisions.decide(['ebay:3'], 'confirm', '');
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls).toHaveLength(2);
    expect(decisions.list()).toMatchObject([{ refused: 'This token is not known here.' }]);
  });
});
