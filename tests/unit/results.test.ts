import { describe, expect, it } from 'vitest';
import { isoWeek, lastWeeks, narrowed, type ResultRows, weeklyResults } from '../../server/src/results';

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** Monday 7 December 2026, noon UTC: week 2026-W50. */
const NOW = Date.parse('2026-12-07T12:00:00Z');

describe('the programme’s weekly results', () => {
  it('names ISO weeks as the standard does, across year ends', () => {
    expect(
      ['2026-12-07', '2026-01-01', '2025-12-29', '2027-01-03', '2021-01-03', '2021-01-04'].map((day) =>
        isoWeek(Date.parse(`${day}T12:00:00Z`)),
      ),
    ).toEqual(['2026-W50', '2026-W01', '2026-W01', '2026-W53', '2020-W53', '2021-W01']);
    expect(lastWeeks(NOW, 3)).toEqual(['2026-W48', '2026-W49', '2026-W50']);
  });

  it('sums reports, reviews, filings, outcomes and audits into the week each happened', () => {
    const rows: ResultRows = {
      reports: [
        // Received in W49 (from Monday 30 November), reviewed in W50 after 167 h and 143 h.
        {
          brand: 'nike',
          marketplace: 'ebay',
          receivedMs: NOW - 7 * DAY,
          status: 'confirmed',
          reviewedMs: NOW - HOUR,
        },
        {
          brand: 'nike',
          marketplace: 'ebay',
          receivedMs: NOW - 6 * DAY,
          status: 'rejected',
          reviewedMs: NOW - HOUR,
        },
        {
          brand: 'nike',
          marketplace: 'amazon',
          receivedMs: NOW - 3 * HOUR,
          status: 'confirmed',
          reviewedMs: NOW - 2 * HOUR,
        },
        { brand: 'nike', marketplace: 'amazon', receivedMs: NOW - HOUR, status: 'open' },
        // Older than the window: counted nowhere.
        { brand: 'nike', marketplace: 'ebay', receivedMs: NOW - 400 * DAY, status: 'open' },
      ],
      filed: [
        { brand: 'nike', marketplace: 'ebay', filedMs: NOW - 7 * DAY, outcome: 'removed', outcomeMs: NOW - 6 * DAY },
        { brand: 'nike', marketplace: 'ebay', filedMs: NOW - 7 * DAY, outcome: 'removed', outcomeMs: NOW - 4 * DAY },
        { brand: 'nike', marketplace: 'ebay', filedMs: NOW - 7 * DAY, outcome: 'refused', outcomeMs: NOW - 4 * DAY },
        { brand: 'nike', marketplace: 'ebay', filedMs: NOW - 7 * DAY },
      ],
      appeals: [
        // Received in W49, upheld in W50; one received this week, still open.
        { brand: 'nike', marketplace: 'ebay', receivedMs: NOW - 7 * DAY, status: 'upheld', decidedMs: NOW - HOUR },
        { brand: 'nike', marketplace: 'ebay', receivedMs: NOW - HOUR, status: 'open' },
      ],
      audits: [
        { brand: 'nike', marketplace: 'ebay', atMs: NOW - HOUR, seen: 150, suspect: 6 },
        { brand: 'adidas', marketplace: 'ebay', atMs: NOW - HOUR, seen: 50, suspect: 4 },
      ],
    };
    const [w48, w49, w50] = weeklyResults(rows, NOW, 3);
    expect(w48).toMatchObject({ week: '2026-W48', received: 0, reviewed: 0, filed: 0 });
    expect(w48!.confirmedRate).toBeUndefined();
    expect(w49).toMatchObject({
      received: 2,
      reviewed: 0,
      filed: 4,
      removed: 2,
      refused: 1,
      stillUp: 0,
      appealsReceived: 1,
      appealsUpheld: 0,
    });
    expect(w49!.removalRate).toBeCloseTo(2 / 3);
    expect(w49!.daysToRemoval).toBe(2);
    expect(w50).toMatchObject({
      received: 2,
      reviewed: 3,
      confirmed: 2,
      auditSeen: 200,
      auditSuspect: 10,
      appealsReceived: 1,
      appealsUpheld: 1,
    });
    expect(w50!.confirmedRate).toBeCloseTo(2 / 3);
    expect(w50!.hoursToReview).toBe(143);
    expect(w50!.suspectPer100).toBe(5);
    const nike = weeklyResults(narrowed(rows, 'nike', 'ebay'), NOW, 3);
    expect(nike[2]).toMatchObject({ received: 0, reviewed: 2, auditSeen: 150, auditSuspect: 6, suspectPer100: 4 });
  });
});
