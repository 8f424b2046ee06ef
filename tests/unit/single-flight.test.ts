import { describe, expect, it } from 'vitest';
import { singleFlight } from '../../src/single-flight';

describe('singleFlight', () => {
  it('runs one at a time, and once more for any number of asks while it ran', async () => {
    let passes = 0;
    let release: () => void = () => undefined;
    const run = singleFlight(async (askedAgain) => {
      do {
        passes++;
        await new Promise<void>((resolve) => {
          release = resolve;
        });
      } while (askedAgain());
      return passes;
    });
    const first = run();
    const second = run();
    const third = run();
    expect(second).toBe(first);
    expect(third).toBe(first);
    release();
    await new Promise((resolve) => setTimeout(resolve));
    expect(passes).toBe(2);
    release();
    expect(await first).toBe(2);
    // Done: the next ask starts a new run.
    const fourth = run();
    expect(fourth).not.toBe(first);
    release();
    expect(await fourth).toBe(3);
  });
});
