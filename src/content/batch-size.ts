/**
 * Cards read in one task: few at first, so the first badges come at once; then, while a long
 * list keeps every task full, four times as many after a task that took less than `READ_MS`,
 * half as many after one that took over twice that. Each task costs a round trip to the
 * background and a frame of badges laid out: a 2,000-card page read 50 at a time would lay the
 * page out forty times. (Finding the unread cards costs the same for ten as for two hundred,
 * and on a 10,000-card page it alone can take most of `READ_MS`: the pace of one task does not
 * tell the size of the next, so the batch grows by steps, not by that pace.)
 */
export const CARDS_PER_TASK = { first: 10, most: 200 };
const READ_MS = 20;

export function nextBatch(limit: number, readMs: number): number {
  const next = readMs < READ_MS ? limit * 4 : readMs > 2 * READ_MS ? limit / 2 : limit;
  return Math.max(CARDS_PER_TASK.first, Math.min(CARDS_PER_TASK.most, Math.round(next)));
}
