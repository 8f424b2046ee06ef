import { describe, expect, it } from 'vitest';
import { afterAttempt, beginAttempt, newEntry, viewOf, withdraw, withdrawable } from '../../src/reports/outbox-model';
import type { Feedback } from '../../src/reports/report';
import { makeReport } from '../server/fixtures';

const { category: _c, level: _l, reasons: _r, ...shared } = makeReport();
const feedback: Feedback = { ...shared };

describe('what can be withdrawn', () => {
  it('feedback only while it surely has not gone: once an attempt may have reached the service, it stays', () => {
    const queued = newEntry('feedback', feedback, 0);
    expect(withdrawable(queued)).toBe(true);
    expect(withdraw(queued, 5).status).toBe('withdrawn');
    const attempted = { ...queued, attempts: 1 };
    expect(withdrawable(attempted)).toBe(false);
    expect(withdraw(attempted, 5)).toBe(attempted);
  });

  it('a report that may have arrived is withdrawn through the service', () => {
    const attempted = { ...newEntry('report', makeReport(), 0), attempts: 1 };
    expect(withdraw(attempted, 5)).toMatchObject({ status: 'withdrawing', attempts: 0, withdrawnAt: 5 });
  });
});

describe('a screenshot in the outbox', () => {
  it('goes with the report, and only its hash stays once the report is sent', () => {
    const screenshot = { base64: 'iVBORw0KGgo=', sha256: 'a'.repeat(64) };
    const queued = newEntry('report', makeReport({ screenshot }), 0);
    expect(queued.body).toMatchObject({ screenshot });
    expect(viewOf(queued)).toMatchObject({ screenshotSha256: 'a'.repeat(64) });
    expect('screenshot' in viewOf(queued).body).toBe(false);
    const sent = afterAttempt(beginAttempt(queued, 10_000, 0.5), 'send', { ok: true }, 10_100, 0.5);
    expect(sent.status).toBe('sent');
    expect('screenshot' in sent.body).toBe(false);
    expect(sent.screenshotSha256).toBe('a'.repeat(64));
    expect(viewOf(sent).screenshotSha256).toBe('a'.repeat(64));
  });
});
