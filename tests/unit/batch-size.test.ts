import { describe, expect, it } from 'vitest';
import { CARDS_PER_TASK, nextBatch } from '../../src/content/batch-size';

describe('the number of cards a task reads', () => {
  it('grows by steps while tasks are short, up to the most', () => {
    let limit = CARDS_PER_TASK.first;
    const seen = [limit];
    for (let task = 0; task < 5; task++) {
      limit = nextBatch(limit, 5);
      seen.push(limit);
    }
    expect(seen).toEqual([10, 40, 160, 200, 200, 200]);
  });

  it('keeps its size for a task near the budget, and halves after a long one, never below the first', () => {
    expect(nextBatch(160, 30)).toBe(160);
    expect(nextBatch(160, 45)).toBe(80);
    expect(nextBatch(10, 90)).toBe(CARDS_PER_TASK.first);
  });

  it('grows from a small batch whose cost is all the fixed search for unread cards', () => {
    // A 10,000-card page: 15 ms to find the unread ones, whatever the batch's size.
    expect(nextBatch(10, 15)).toBe(40);
  });
});
