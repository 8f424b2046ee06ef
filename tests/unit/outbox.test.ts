// @vitest-environment node
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import * as v from 'valibot';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Listing } from '../../src/listing/listing';
import { composeFeedback, composeReport, type ReportContext } from '../../src/reports/compose';
import { createOutbox, type Outbox } from '../../src/reports/outbox';
import {
  amend,
  DETAILS_HOLD_MS,
  hold,
  newEntry,
  type Operation,
  type OutboxEntry,
  type OutboxKind,
  release,
  type SendResult,
  UNDO_MS,
  undoable,
  viewOf,
  withdraw,
} from '../../src/reports/outbox-model';
import { type Feedback, FeedbackSchema, type Report, ReportSchema } from '../../src/reports/report';
import type { Assessment } from '../../src/risk/assessment';

const T0 = new Date('2026-12-01T09:00:00Z').getTime();
const HOUR = 60 * 60_000;

const listing: Listing = {
  marketplace: 'amazon',
  key: 'amazon:B0TESTNIK1',
  url: 'https://www.amazon.com/dp/B0TESTNIK1',
  kind: 'detail',
  title: 'Nike Air Max replica grade AAA',
  price: { amount: 19.99, currency: 'USD' },
  seller: { name: 'Best Deals 4U' },
};
const assessment: Assessment = {
  key: listing.key,
  level: 'high',
  score: 0.9,
  brand: 'nike',
  reasons: [
    { code: 'brand_recognised', weight: 0, params: { brand: 'Nike' } },
    { code: 'grade_tag', weight: 0.6, params: { term: 'AAA' } },
  ],
};
const sender = (): ReportContext => ({
  reporterId: 'reporter-0123456789abcdef',
  registryVersion: 12,
  extensionVersion: '0.1.0',
  now: new Date(Date.now()),
});

const OK: SendResult = { ok: true };
const UNREACHABLE: SendResult = { ok: false, failure: { code: 'unreachable' } };
const TIMEOUT: SendResult = { ok: false, failure: { code: 'timeout' } };
const SERVER_ERROR: SendResult = { ok: false, failure: { code: 'server_error', status: 500 } };
const rateLimited = (retryAfterSeconds?: number): SendResult => ({
  ok: false,
  failure: { code: 'rate_limited', ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }) },
});
const refused = (status: number, detail: string): SendResult => ({
  ok: false,
  failure: { code: 'refused', status, detail },
});

/** The wait after failed attempt n, as the brief states it: 5 s · 2^(n-1), ±20 % by `random`, at most an hour. */
const expectedWait = (n: number, random: number) =>
  Math.min(HOUR, Math.round(Math.min(HOUR, 5_000 * 2 ** (n - 1)) * (0.8 + 0.4 * random)));

interface Call {
  id: string;
  operation: Operation;
  at: number;
  body: Report | Feedback;
  result?: SendResult;
}

/** How the fake service answers one call: at once, or when the test says (a promise). */
type Script = (call: Call, index: number) => SendResult | Promise<SendResult>;

/** Answers in order, then OK for every further call. */
const answers =
  (...results: SendResult[]): Script =>
  (_call, index) =>
    results[index] ?? OK;

/** Answers the test holds back: the outbox waits on them, so the harness does not. */
const heldBack = new WeakSet<Promise<unknown>>();

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  heldBack.add(promise);
  return { promise, resolve };
}

/** An answer that never comes: the request hangs until the worker is gone. */
const never = () => deferred<SendResult>().promise;

const tick = () => new Promise<void>((done) => setImmediate(done));

/**
 * Real event-loop turns (fake-indexeddb works on setImmediate) until the condition holds, and
 * has held for `steady` turns in a row.
 */
async function until(condition: () => boolean, what = 'the condition', steady = 1): Promise<void> {
  let held = 0;
  for (let turn = 0; turn < 50_000; turn++) {
    held = condition() ? held + 1 : 0;
    if (held >= steady) return;
    await tick();
  }
  throw new Error(`gave up waiting for ${what}`);
}

let random = 0.5;

/**
 * One background worker: an outbox over the shared database, a scripted `deliver` that records
 * every call, and a `wake` that does what the background does (a timer that calls drain).
 */
function worker(script: Script = () => OK, options: { concurrency?: number } = {}) {
  const calls: Call[] = [];
  const drains = new Set<Promise<unknown>>();
  const active = new Map<string, number>();
  const overlaps: string[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let timerAt: number | undefined;
  let stopped = false;
  let delivering = 0;
  let waiting = 0;
  let mostAtOnce = 0;

  const outbox: Outbox = createOutbox({
    async deliver(entry, operation) {
      const call: Call = { id: entry.id, operation, at: Date.now(), body: structuredClone(entry.body) };
      calls.push(call);
      delivering++;
      mostAtOnce = Math.max(mostAtOnce, delivering);
      active.set(entry.id, (active.get(entry.id) ?? 0) + 1);
      if (active.get(entry.id)! > 1) overlaps.push(entry.id);
      try {
        const answer = script(call, calls.length - 1);
        if (answer instanceof Promise && heldBack.has(answer)) {
          waiting++;
          try {
            call.result = await answer;
          } finally {
            waiting--;
          }
        } else call.result = await answer;
        return call.result;
      } finally {
        delivering--;
        active.set(entry.id, active.get(entry.id)! - 1);
      }
    },
    now: () => Date.now(),
    random: () => random,
    wake(at) {
      clearTimeout(timer);
      timer = undefined;
      timerAt = undefined;
      if (at === undefined || stopped) return;
      timerAt = Math.max(at, Date.now());
      timer = setTimeout(
        () => {
          timer = undefined;
          timerAt = undefined;
          drain();
        },
        Math.max(0, at - Date.now()),
      );
    },
    concurrency: options.concurrency,
  });

  function drain() {
    const running = outbox.drain();
    drains.add(running);
    const done = () => drains.delete(running);
    running.then(done, done);
    return running;
  }

  /**
   * Waits until no drain runs, or all that is left is deliveries the test holds back (then for
   * a good many turns, so that other lanes' database work has surely come to rest).
   */
  async function idle() {
    const resting = () => drains.size === 0 || (delivering > 0 && delivering === waiting);
    await until(resting, 'the outbox to idle');
    if (drains.size > 0) await until(resting, 'the outbox to idle', 300);
  }

  return {
    outbox,
    calls,
    overlaps,
    drain,
    idle,
    get mostAtOnce() {
      return mostAtOnce;
    },
    get wakeAt() {
      return timerAt;
    },
    succeeded: (id: string) => calls.filter((call) => call.id === id && call.result?.ok).length,
    /** Lets fake time pass, waking the outbox whenever it asked to be woken. */
    async advance(ms: number) {
      const end = Date.now() + ms;
      for (let turn = 0; ; turn++) {
        if (turn > 10_000) throw new Error('the outbox keeps asking to be woken');
        await idle();
        if (timerAt !== undefined && timerAt <= end) vi.advanceTimersByTime(Math.max(0, timerAt - Date.now()));
        else break;
      }
      vi.advanceTimersByTime(end - Date.now());
      await idle();
    },
    /** The worker is gone: its timers never fire and its pending work never finishes. */
    stop() {
      stopped = true;
      clearTimeout(timer);
      timer = undefined;
      timerAt = undefined;
    },
  };
}

type Worker = ReturnType<typeof worker>;

async function report(w: Worker, overrides: Partial<Listing> = {}): Promise<OutboxEntry> {
  const entry = newEntry('report', composeReport({ ...listing, ...overrides }, assessment, sender()), Date.now());
  await w.outbox.add(entry);
  return entry;
}

async function feedback(w: Worker): Promise<OutboxEntry> {
  const entry = newEntry('feedback', composeFeedback(listing, assessment, sender()), Date.now());
  await w.outbox.add(entry);
  return entry;
}

const status = async (w: Worker, id: string) => (await w.outbox.get(id))?.status;
/** What the background's undo does. */
const undo = (entry: OutboxEntry) => (undoable(entry) ? null : entry);

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  vi.setSystemTime(T0);
  random = 0.5;
});

afterEach(() => {
  vi.useRealTimers();
});

describe('the undo window', () => {
  it('sends nothing for 10 s, then sends the report once', async () => {
    const w = worker();
    const entry = await report(w);
    expect(entry.status).toBe('queued');
    expect(w.wakeAt).toBe(T0 + UNDO_MS);

    await w.advance(UNDO_MS - 1);
    expect(w.calls).toEqual([]);
    expect(await status(w, entry.id)).toBe('queued');

    await w.advance(1);
    expect(w.calls.map(({ id, operation, at }) => ({ id, operation, at }))).toEqual([
      { id: entry.id, operation: 'send', at: T0 + UNDO_MS },
    ]);
    expect(w.calls[0]!.body).toEqual(entry.body);
    expect(await w.outbox.get(entry.id)).toMatchObject({ status: 'sent', sentAt: T0 + UNDO_MS, attempts: 1 });
    expect(w.wakeAt).toBeUndefined();

    await w.advance(24 * HOUR);
    expect(w.calls).toHaveLength(1);
  });

  it('undo inside the window removes the report, and nothing is ever sent', async () => {
    const w = worker();
    const entry = await report(w);
    await w.advance(UNDO_MS - 1);
    expect(await w.outbox.change(entry.id, undo)).toBeUndefined();
    expect(await w.outbox.get(entry.id)).toBeUndefined();
    expect(await w.outbox.all()).toEqual([]);
    expect(w.wakeAt).toBeUndefined();

    await w.advance(24 * HOUR);
    expect(w.calls).toEqual([]);
  });

  it('undo no longer applies once the report was attempted, delivered or not', async () => {
    const w = worker(answers(UNREACHABLE));
    const failed = await report(w);
    await w.advance(UNDO_MS);
    expect(await w.outbox.get(failed.id)).toMatchObject({ status: 'queued', attempts: 1 });
    expect(await w.outbox.change(failed.id, undo)).toMatchObject({ id: failed.id, status: 'queued' });

    await w.advance(5_000);
    expect(await status(w, failed.id)).toBe('sent');
    expect(await w.outbox.change(failed.id, undo)).toMatchObject({ id: failed.id, status: 'sent' });
    expect(await w.outbox.get(failed.id)).toBeDefined();
    expect(w.succeeded(failed.id)).toBe(1);
  });

  it('a second report created during the first one’s window gets its own 10 s', async () => {
    const w = worker();
    const first = await report(w);
    await w.advance(4_000);
    const second = await report(w, { key: 'amazon:B0SECOND01', url: 'https://www.amazon.com/dp/B0SECOND01' });
    await w.advance(6_000);
    expect(w.calls.map((call) => [call.id, call.at])).toEqual([[first.id, T0 + 10_000]]);
    await w.advance(3_999);
    expect(w.calls).toHaveLength(1);
    await w.advance(1);
    expect(w.calls.map((call) => [call.id, call.at])).toEqual([
      [first.id, T0 + 10_000],
      [second.id, T0 + 14_000],
    ]);
  });
});

describe('retries', () => {
  it.each([0, 0.5, 1])(
    'retries unreachable, timeout and 5xx with the backoff (random %s), up to an hour',
    async (r) => {
      random = r;
      const failures = [UNREACHABLE, TIMEOUT, SERVER_ERROR, UNREACHABLE, TIMEOUT, SERVER_ERROR];
      const script = Array.from({ length: 13 }, (_, i) => failures[i % failures.length]!);
      const w = worker(answers(...script));
      const entry = await report(w);

      await w.advance(48 * HOUR);
      expect(w.calls).toHaveLength(14);
      expect(w.calls[0]!.at).toBe(T0 + UNDO_MS);
      const waits = w.calls.slice(1).map((call, i) => call.at - w.calls[i]!.at);
      expect(waits).toEqual(Array.from({ length: 13 }, (_, i) => expectedWait(i + 1, r)));
      // 5 s, 10 s, 20 s … and never more than an hour.
      expect(expectedWait(1, 0.5)).toBe(5_000);
      expect(expectedWait(1, 0)).toBe(4_000);
      expect(expectedWait(1, 1)).toBe(6_000);
      expect(Math.max(...waits)).toBeLessThanOrEqual(HOUR);
      if (r === 1) expect(waits.slice(-3)).toEqual([HOUR, HOUR, HOUR]);

      expect(new Set(w.calls.map((call) => call.id))).toEqual(new Set([entry.id]));
      expect(w.calls.every((call) => call.operation === 'send')).toBe(true);
      expect(w.succeeded(entry.id)).toBe(1);
      expect(await w.outbox.get(entry.id)).toMatchObject({ status: 'sent', attempts: 14 });
      expect((await w.outbox.get(entry.id))!.lastFailure).toBeUndefined();
    },
  );

  it('waits exactly the backoff: not a millisecond sooner', async () => {
    const w = worker(answers(UNREACHABLE, SERVER_ERROR));
    const entry = await report(w);
    await w.advance(UNDO_MS);
    expect(await w.outbox.get(entry.id)).toMatchObject({
      status: 'queued',
      attempts: 1,
      nextAttemptAt: T0 + UNDO_MS + 5_000,
      lastFailure: { code: 'unreachable' },
    });
    await w.advance(4_999);
    expect(w.calls).toHaveLength(1);
    await w.advance(1);
    expect(w.calls).toHaveLength(2);
    expect(await w.outbox.get(entry.id)).toMatchObject({
      status: 'queued',
      attempts: 2,
      lastFailure: { code: 'server_error', status: 500 },
    });
    await w.advance(9_999);
    expect(w.calls).toHaveLength(2);
    await w.advance(1);
    expect(w.calls).toHaveLength(3);
    expect(await status(w, entry.id)).toBe('sent');
    expect(w.succeeded(entry.id)).toBe(1);
  });

  it('respects Retry-After on 429, and falls back to the backoff without it', async () => {
    const w = worker(answers(rateLimited(120), rateLimited()));
    const entry = await report(w);
    await w.advance(UNDO_MS);
    expect(await w.outbox.get(entry.id)).toMatchObject({
      status: 'queued',
      lastFailure: { code: 'rate_limited', retryAfterSeconds: 120 },
      nextAttemptAt: T0 + UNDO_MS + 120_000,
    });
    await w.advance(119_999);
    expect(w.calls).toHaveLength(1);
    await w.advance(1);
    expect(w.calls).toHaveLength(2);
    // No Retry-After: attempt 2's backoff, 10 s.
    await w.advance(9_999);
    expect(w.calls).toHaveLength(2);
    await w.advance(1);
    expect(w.calls.map((call) => call.at - T0)).toEqual([10_000, 130_000, 140_000]);
    expect(await status(w, entry.id)).toBe('sent');
    expect(w.succeeded(entry.id)).toBe(1);
  });

  it('waits the longer of Retry-After and the backoff', async () => {
    // Four failures bring the backoff to 80 s; a Retry-After of 3 s does not shorten it.
    const w = worker(answers(UNREACHABLE, UNREACHABLE, UNREACHABLE, UNREACHABLE, rateLimited(3)));
    const entry = await report(w);
    await w.advance(HOUR);
    const waits = w.calls.slice(1).map((call, i) => call.at - w.calls[i]!.at);
    expect(waits).toEqual([5_000, 10_000, 20_000, 40_000, 80_000]);
    expect(await status(w, entry.id)).toBe('sent');
  });

  it('a refusal ends the report as failed, with the service’s words, and is not retried', async () => {
    const w = worker(answers(refused(400, 'listing.url: Invalid URL')));
    const entry = await report(w);
    await w.advance(UNDO_MS);
    expect(await w.outbox.get(entry.id)).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastFailure: { code: 'refused', status: 400, detail: 'listing.url: Invalid URL' },
    });
    expect(w.wakeAt).toBeUndefined();
    await w.advance(48 * HOUR);
    expect(w.calls).toHaveLength(1);
    expect(await status(w, entry.id)).toBe('failed');
  });
});

describe('a worker stopped mid-send', () => {
  it('is retried by the next worker after the recorded next-attempt time, with the same id, and delivered once', async () => {
    const stoppedWorker = worker(never);
    const entry = await report(stoppedWorker);
    await stoppedWorker.advance(UNDO_MS);
    expect(stoppedWorker.calls.map((call) => call.id)).toEqual([entry.id]);
    // The attempt was recorded before it went out.
    expect(await stoppedWorker.outbox.get(entry.id)).toMatchObject({
      status: 'queued',
      attempts: 1,
      nextAttemptAt: T0 + UNDO_MS + 5_000,
    });
    stoppedWorker.stop();

    // The browser starts the worker again at once; it drains on start.
    const restarted = worker();
    await restarted.drain();
    expect(restarted.calls).toEqual([]);
    expect(restarted.wakeAt).toBe(T0 + UNDO_MS + 5_000);
    await restarted.advance(4_999);
    expect(restarted.calls).toEqual([]);
    await restarted.advance(1);
    expect(restarted.calls.map(({ id, operation, at }) => ({ id, operation, at }))).toEqual([
      { id: entry.id, operation: 'send', at: T0 + UNDO_MS + 5_000 },
    ]);
    expect(restarted.calls[0]!.body).toEqual(entry.body);
    expect(await restarted.outbox.get(entry.id)).toMatchObject({ status: 'sent', attempts: 2 });

    await restarted.advance(24 * HOUR);
    expect(stoppedWorker.succeeded(entry.id) + restarted.succeeded(entry.id)).toBe(1);
    expect(restarted.calls).toHaveLength(1);
  });

  it('a worker started long after sends at once', async () => {
    const stoppedWorker = worker(never);
    const entry = await report(stoppedWorker);
    await stoppedWorker.advance(UNDO_MS);
    stoppedWorker.stop();
    vi.advanceTimersByTime(HOUR);

    const restarted = worker();
    await restarted.drain();
    await restarted.idle();
    expect(restarted.calls.map((call) => [call.id, call.at])).toEqual([[entry.id, T0 + UNDO_MS + HOUR]]);
    expect(await status(restarted, entry.id)).toBe('sent');
  });

  it('a report the worker stopped before sending is kept and goes when it is due', async () => {
    const before = worker();
    const entry = await report(before);
    await before.advance(3_000);
    before.stop();

    const restarted = worker();
    await restarted.drain();
    expect(restarted.calls).toEqual([]);
    await restarted.advance(6_999);
    expect(restarted.calls).toEqual([]);
    await restarted.advance(1);
    expect(restarted.calls.map((call) => [call.id, call.at])).toEqual([[entry.id, T0 + UNDO_MS]]);
  });
});

describe('a worker stopped mid-withdrawal', () => {
  it('is asked again by the next worker after the recorded time, and ends withdrawn', async () => {
    const stoppedWorker = worker((call) => (call.operation === 'send' ? OK : never()));
    const entry = await report(stoppedWorker);
    await stoppedWorker.advance(UNDO_MS);
    await stoppedWorker.outbox.change(entry.id, (e) => withdraw(e, Date.now()));
    await stoppedWorker.advance(0);
    expect(stoppedWorker.calls.map((call) => call.operation)).toEqual(['send', 'withdraw']);
    expect(await stoppedWorker.outbox.get(entry.id)).toMatchObject({
      status: 'withdrawing',
      attempts: 1,
      nextAttemptAt: T0 + UNDO_MS + 5_000,
    });
    stoppedWorker.stop();

    const restarted = worker();
    await restarted.drain();
    await restarted.advance(4_999);
    expect(restarted.calls).toEqual([]);
    await restarted.advance(1);
    expect(restarted.calls.map((call) => [call.id, call.operation])).toEqual([[entry.id, 'withdraw']]);
    expect(await status(restarted, entry.id)).toBe('withdrawn');
  });
});

describe('withdrawal', () => {
  it('a report never attempted is withdrawn on the spot, with no request', async () => {
    const w = worker();
    const entry = await report(w);
    await w.advance(4_000);
    expect(await w.outbox.change(entry.id, (e) => withdraw(e, Date.now()))).toMatchObject({
      status: 'withdrawn',
      withdrawnAt: T0 + 4_000,
    });
    await w.advance(24 * HOUR);
    expect(w.calls).toEqual([]);
    expect(await status(w, entry.id)).toBe('withdrawn');
  });

  it('a sent report goes withdrawing, then a withdraw request, then withdrawn', async () => {
    const w = worker();
    const entry = await report(w);
    await w.advance(UNDO_MS);
    expect(await status(w, entry.id)).toBe('sent');

    await w.advance(60_000);
    const changed = await w.outbox.change(entry.id, (e) => withdraw(e, Date.now()));
    expect(changed).toMatchObject({ status: 'withdrawing', withdrawnAt: T0 + 70_000 });
    await w.advance(0);
    expect(w.calls.map(({ id, operation, at }) => ({ id, operation, at }))).toEqual([
      { id: entry.id, operation: 'send', at: T0 + UNDO_MS },
      { id: entry.id, operation: 'withdraw', at: T0 + 70_000 },
    ]);
    expect(await status(w, entry.id)).toBe('withdrawn');
    await w.advance(24 * HOUR);
    expect(w.calls).toHaveLength(2);
  });

  it('retries a withdrawal that did not get through, and keeps the report when the service refuses', async () => {
    const w = worker(answers(OK, UNREACHABLE, SERVER_ERROR, refused(403, 'not your report')));
    const entry = await report(w);
    await w.advance(UNDO_MS);
    await w.outbox.change(entry.id, (e) => withdraw(e, Date.now()));
    await w.advance(HOUR);
    expect(w.calls.map((call) => [call.operation, call.at - T0])).toEqual([
      ['send', 10_000],
      ['withdraw', 10_000],
      ['withdraw', 15_000],
      ['withdraw', 25_000],
    ]);
    expect(await w.outbox.get(entry.id)).toMatchObject({
      status: 'sent',
      lastFailure: { code: 'refused', status: 403, detail: 'not your report' },
    });
  });

  it('a report withdrawn while its send is under way: the send succeeds, then the withdrawal follows', async () => {
    const answer = deferred<SendResult>();
    const w = worker((_call, index) => (index === 0 ? answer.promise : OK));
    const entry = await report(w);
    await w.advance(UNDO_MS);
    expect(w.calls).toHaveLength(1);

    await w.advance(2_000);
    expect(await w.outbox.change(entry.id, (e) => withdraw(e, Date.now()))).toMatchObject({ status: 'withdrawing' });
    answer.resolve(OK);
    await w.advance(0);
    expect(w.calls.map((call) => [call.id, call.operation])).toEqual([
      [entry.id, 'send'],
      [entry.id, 'withdraw'],
    ]);
    expect(await status(w, entry.id)).toBe('withdrawn');
    expect(w.overlaps).toEqual([]);
  });

  it('a report withdrawn while its send is under way: a send that may have arrived is withdrawn too', async () => {
    const answer = deferred<SendResult>();
    const w = worker((_call, index) => (index === 0 ? answer.promise : OK));
    const entry = await report(w);
    await w.advance(UNDO_MS);
    await w.outbox.change(entry.id, (e) => withdraw(e, Date.now()));
    answer.resolve(TIMEOUT);
    await w.advance(0);
    expect(w.calls.map((call) => call.operation)).toEqual(['send', 'withdraw']);
    expect(await status(w, entry.id)).toBe('withdrawn');
  });

  it('a report withdrawn while its send is under way: a refused send needs no withdrawal', async () => {
    const answer = deferred<SendResult>();
    const w = worker(() => answer.promise);
    const entry = await report(w);
    await w.advance(UNDO_MS);
    await w.outbox.change(entry.id, (e) => withdraw(e, Date.now()));
    answer.resolve(refused(400, 'bad'));
    await w.advance(HOUR);
    expect(w.calls.map((call) => call.operation)).toEqual(['send']);
    expect(await status(w, entry.id)).toBe('withdrawn');
  });

  it('a report waiting for a retry may have arrived: withdrawing it asks the service', async () => {
    const w = worker(answers(TIMEOUT));
    const entry = await report(w);
    await w.advance(UNDO_MS + 1_000);
    expect(await w.outbox.change(entry.id, (e) => withdraw(e, Date.now()))).toMatchObject({ status: 'withdrawing' });
    await w.advance(HOUR);
    expect(w.calls.map((call) => [call.operation, call.at - T0])).toEqual([
      ['send', 10_000],
      ['withdraw', 11_000],
    ]);
    expect(await status(w, entry.id)).toBe('withdrawn');
  });

  it('a failed (refused) report is withdrawn with no request', async () => {
    const w = worker(answers(refused(400, 'bad')));
    const entry = await report(w);
    await w.advance(UNDO_MS);
    expect(await w.outbox.change(entry.id, (e) => withdraw(e, Date.now()))).toMatchObject({ status: 'withdrawn' });
    await w.advance(HOUR);
    expect(w.calls.map((call) => call.operation)).toEqual(['send']);
  });

  it('feedback goes to the service once, and once sent cannot be withdrawn', async () => {
    const w = worker();
    const entry = await feedback(w);
    expect(entry.kind).toBe('feedback');
    expect(v.safeParse(FeedbackSchema, entry.body).success).toBe(true);
    await w.advance(UNDO_MS);
    expect(w.calls.map((call) => [call.id, call.operation])).toEqual([[entry.id, 'send']]);
    expect(await status(w, entry.id)).toBe('sent');

    expect(await w.outbox.change(entry.id, (e) => withdraw(e, Date.now()))).toMatchObject({ status: 'sent' });
    await w.advance(HOUR);
    expect(w.calls).toHaveLength(1);
    expect(await w.outbox.get(entry.id)).not.toHaveProperty('withdrawnAt');
  });

  it('feedback not yet sent is withdrawn with no request', async () => {
    const w = worker();
    const entry = await feedback(w);
    await w.advance(2_000);
    expect(await w.outbox.change(entry.id, (e) => withdraw(e, Date.now()))).toMatchObject({ status: 'withdrawn' });
    await w.advance(HOUR);
    expect(w.calls).toEqual([]);
  });
});

describe('the details step', () => {
  it('hold keeps the report back past 10 s until released, then it goes at once', async () => {
    const w = worker();
    const entry = await report(w);
    await w.advance(2_000);
    expect(await w.outbox.change(entry.id, (e) => hold(e, Date.now()))).toMatchObject({
      holdUntil: T0 + 2_000 + DETAILS_HOLD_MS,
    });
    await w.advance(5 * 60_000);
    expect(w.calls).toEqual([]);
    expect(await status(w, entry.id)).toBe('queued');

    await w.outbox.change(entry.id, (e) => release(e, Date.now()));
    await w.advance(0);
    expect(w.calls.map((call) => [call.id, call.at])).toEqual([[entry.id, T0 + 2_000 + 5 * 60_000]]);
    expect(w.calls[0]!.body).toEqual(entry.body);
    expect(await status(w, entry.id)).toBe('sent');
  });

  it('released inside the window, it still waits out the 10 s', async () => {
    const w = worker();
    const entry = await report(w);
    await w.advance(1_000);
    await w.outbox.change(entry.id, (e) => hold(e, Date.now()));
    await w.advance(2_000);
    await w.outbox.change(entry.id, (e) => release(e, Date.now()));
    await w.advance(6_999);
    expect(w.calls).toEqual([]);
    await w.advance(1);
    expect(w.calls.map((call) => call.at)).toEqual([T0 + UNDO_MS]);
  });

  it('a held report left alone goes as it is when the details step times out', async () => {
    const w = worker();
    const entry = await report(w);
    await w.advance(1_000);
    await w.outbox.change(entry.id, (e) => hold(e, Date.now()));
    await w.advance(DETAILS_HOLD_MS - 1);
    expect(w.calls).toEqual([]);
    await w.advance(1);
    expect(w.calls.map((call) => call.at)).toEqual([T0 + 1_000 + DETAILS_HOLD_MS]);
    expect(await status(w, entry.id)).toBe('sent');
  });

  it('amend changes the category and note that are sent, and the body still passes the schema', async () => {
    const w = worker();
    const entry = await report(w);
    await w.advance(2_000);
    await w.outbox.change(entry.id, (e) => hold(e, Date.now()));
    await w.advance(3_000);
    const amended = await w.outbox.change(entry.id, (e) =>
      amend(e, { category: 'misleading', note: '  The logo is printed, not stitched.  ' }, Date.now()),
    );
    expect(amended).toMatchObject({ holdUntil: T0 + UNDO_MS });
    await w.advance(4_999);
    expect(w.calls).toEqual([]);
    await w.advance(1);
    expect(w.calls).toHaveLength(1);
    const sent = w.calls[0]!.body as Report;
    expect(sent).toEqual({ ...entry.body, category: 'misleading', note: 'The logo is printed, not stitched.' });
    expect(v.safeParse(ReportSchema, sent).success).toBe(true);
    expect(v.safeParse(ReportSchema, entry.body).success).toBe(true);
    expect(await w.outbox.get(entry.id)).toMatchObject({ status: 'sent', body: sent });
  });

  it('amend after the 10 s sends at once; an empty note removes the note', async () => {
    const w = worker();
    const entry = await report(w);
    await w.advance(1_000);
    await w.outbox.change(entry.id, (e) => hold(e, Date.now()));
    await w.outbox.change(entry.id, (e) => amend(e, { category: 'other', note: 'first thoughts' }, Date.now()));
    await w.outbox.change(entry.id, (e) => hold(e, Date.now()));
    await w.advance(60_000);
    expect(w.calls).toEqual([]);
    await w.outbox.change(entry.id, (e) => amend(e, { category: 'counterfeit', note: '   ' }, Date.now()));
    await w.advance(0);
    expect(w.calls.map((call) => call.at)).toEqual([T0 + 61_000]);
    const sent = w.calls[0]!.body as Report;
    expect(sent.category).toBe('counterfeit');
    expect(sent).not.toHaveProperty('note');
    expect(v.safeParse(ReportSchema, sent).success).toBe(true);
  });

  it('a report already attempted can be neither held nor amended', async () => {
    const w = worker(answers(UNREACHABLE));
    const entry = await report(w);
    await w.advance(UNDO_MS);
    const before = await w.outbox.get(entry.id);
    expect(await w.outbox.change(entry.id, (e) => hold(e, Date.now()))).toEqual(before);
    expect(
      await w.outbox.change(entry.id, (e) => amend(e, { category: 'other', note: 'too late' }, Date.now())),
    ).toEqual(before);
    await w.advance(5_000);
    expect(w.calls.map((call) => (call.body as Report).category)).toEqual(['counterfeit', 'counterfeit']);
    expect(w.calls[1]!.body).not.toHaveProperty('note');
  });

  it('a hold that lands just as the window ends still keeps the report back', async () => {
    const w = worker();
    const entry = await report(w);
    await w.advance(UNDO_MS - 1);
    // The timer fires and the drain starts reading; the reporter opens the details step at the same moment.
    vi.advanceTimersByTime(1);
    const held = await w.outbox.change(entry.id, (e) => hold(e, Date.now()));
    expect(held).toMatchObject({ status: 'queued', attempts: 0 });
    await w.advance(60_000);
    expect(w.calls).toEqual([]);
    await w.outbox.change(entry.id, (e) => amend(e, { category: 'misleading', note: 'details' }, Date.now()));
    await w.advance(0);
    expect(w.calls.map((call) => (call.body as Report).note)).toEqual(['details']);
  });
});

describe('many at once', () => {
  it.each([1, 4, 7])('50 reports due together go with at most %i in flight, each exactly once', async (concurrency) => {
    const w = worker(
      async () => {
        // Slow enough that every lane is sending at once.
        const turns = 60 + Math.floor(Math.random() * 20);
        for (let i = 0; i < turns; i++) await tick();
        return OK;
      },
      { concurrency },
    );
    const entries: OutboxEntry[] = [];
    for (let i = 0; i < 50; i++) {
      const key = `amazon:B0BULK${String(i).padStart(4, '0')}`;
      entries.push(await report(w, { key, url: `https://www.amazon.com/dp/${key.slice(7)}` }));
    }
    await w.advance(UNDO_MS);
    expect(w.calls).toHaveLength(50);
    expect(new Set(w.calls.map((call) => call.id))).toEqual(new Set(entries.map((entry) => entry.id)));
    expect(w.mostAtOnce).toBe(concurrency);
    expect(w.overlaps).toEqual([]);
    expect((await w.outbox.all()).every((entry) => entry.status === 'sent')).toBe(true);
    await w.advance(HOUR);
    expect(w.calls).toHaveLength(50);
  });

  it('drain called again and again while draining never attempts an entry twice at once', async () => {
    const gates = new Map<string, ReturnType<typeof deferred<SendResult>>>();
    const w = worker(
      (call) => {
        const gate = deferred<SendResult>();
        gates.set(call.id, gate);
        return gate.promise;
      },
      { concurrency: 2 },
    );
    const entries: OutboxEntry[] = [];
    for (const kind of ['report', 'report', 'feedback'] as OutboxKind[]) {
      const suffix = String(entries.length).padStart(4, '0');
      const key = `amazon:B0AGAIN${suffix}`;
      const body =
        kind === 'report'
          ? composeReport({ ...listing, key }, assessment, sender())
          : composeFeedback({ ...listing, key }, assessment, sender());
      const entry = newEntry(kind, body, Date.now());
      await w.outbox.add(entry);
      entries.push(entry);
    }
    await w.advance(UNDO_MS);
    expect(w.calls).toHaveLength(2);

    const extra = Array.from({ length: 10 }, () => w.drain());
    for (let i = 0; i < 20; i++) {
      w.drain();
      await tick();
    }
    expect(w.calls).toHaveLength(2);
    for (const call of [...w.calls]) gates.get(call.id)!.resolve(OK);
    await until(() => w.calls.length === 3, 'the third entry');
    gates.get(w.calls[2]!.id)!.resolve(OK);
    const stats = await Promise.all(extra);
    await w.idle();
    expect(stats[0]).toEqual({ attempts: 3, delivered: 3, failed: 0 });
    expect(w.calls.map((call) => call.id).sort()).toEqual(entries.map((entry) => entry.id).sort());
    expect(w.overlaps).toEqual([]);
    for (let i = 0; i < 5; i++) await w.drain();
    expect(w.calls).toHaveLength(3);
  });

  it('a drain during a retrying entry’s send does not start a second attempt', async () => {
    const first = deferred<SendResult>();
    const w = worker((_call, index) => (index === 0 ? first.promise : OK));
    const entry = await report(w);
    await w.advance(UNDO_MS);
    // A long-hanging attempt: its recorded retry time passes while it is still under way.
    vi.advanceTimersByTime(30_000);
    for (let i = 0; i < 5; i++) {
      w.drain();
      await tick();
    }
    for (let i = 0; i < 50; i++) await tick();
    expect(w.calls).toHaveLength(1);
    first.resolve(UNREACHABLE);
    await w.idle();
    expect(w.overlaps).toEqual([]);
    await w.advance(HOUR);
    expect(w.calls).toHaveLength(2);
    expect(w.succeeded(entry.id)).toBe(1);
    expect(await status(w, entry.id)).toBe('sent');
  });
});

describe('what extension pages see', () => {
  it('a screenshot is named by its hash; its image stays in the outbox', async () => {
    const w = worker();
    const screenshot = { base64: 'iVBORw0KGgo=', sha256: 'a'.repeat(64) };
    const entry = newEntry('report', composeReport(listing, assessment, sender(), screenshot), Date.now());
    await w.outbox.add(entry);
    const stored = (await w.outbox.get(entry.id))!;
    expect((stored.body as Report).screenshot).toEqual(screenshot);
    const view = viewOf(stored);
    expect(view.screenshotSha256).toBe(screenshot.sha256);
    expect(view.body).not.toHaveProperty('screenshot');
    expect(JSON.stringify(view)).not.toContain(screenshot.base64);
    expect(v.safeParse(ReportSchema, stored.body).success).toBe(true);
    await w.advance(UNDO_MS);
    expect((w.calls[0]!.body as Report).screenshot).toEqual(screenshot);
  });

  it('an entry without a screenshot is shown as it is', async () => {
    const w = worker();
    const entry = await report(w);
    expect(viewOf(entry)).toEqual(entry);
    expect(viewOf(entry)).not.toHaveProperty('screenshotSha256');
  });
});

describe('the store', () => {
  it('answers entries created since a time, newest first', async () => {
    const w = worker();
    const a = await report(w);
    vi.advanceTimersByTime(1_000);
    const b = await report(w, { key: 'amazon:B0SECOND01', url: 'https://www.amazon.com/dp/B0SECOND01' });
    vi.advanceTimersByTime(1_000);
    const c = await feedback(w);
    expect((await w.outbox.createdSince(T0 - 1)).map((entry) => entry.id)).toEqual([c.id, b.id, a.id]);
    expect((await w.outbox.createdSince(T0)).map((entry) => entry.id)).toEqual([c.id, b.id]);
  });
});
