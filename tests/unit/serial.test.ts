import { describe, expect, it } from 'vitest';
import { keyedSerialQueue, serialQueue } from '../../src/background/serial';

const pause = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('serial queues', () => {
  it('runs work one after another in the order given, and goes on after a failure', async () => {
    const serialised = serialQueue();
    const log: string[] = [];
    const task = (name: string, fail = false) =>
      serialised(async () => {
        log.push(`${name} starts`);
        await pause();
        log.push(`${name} ends`);
        if (fail) throw new Error(name);
        return name;
      });
    const results = await Promise.allSettled([task('a'), task('b', true), task('c')]);
    expect(log).toEqual(['a starts', 'a ends', 'b starts', 'b ends', 'c starts', 'c ends']);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });

  it('keeps each key in order without one key waiting for another', async () => {
    const serialised = keyedSerialQueue<number>();
    const log: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const first = serialised(1, async () => {
      await held;
      log.push('1a');
    });
    const second = serialised(1, async () => log.push('1b'));
    await serialised(2, async () => log.push('2a'));
    expect(log).toEqual(['2a']);
    release();
    await Promise.all([first, second]);
    expect(log).toEqual(['2a', '1a', '1b']);
  });
});
