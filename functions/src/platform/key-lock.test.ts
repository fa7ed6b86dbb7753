import { describe, expect, it } from 'vitest';
import { withKeyLock } from './key-lock.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('withKeyLock', () => {
  it('runs tasks of one key one at a time, in order', async () => {
    const log: string[] = [];
    let running = 0;
    let maxRunning = 0;
    const task = (name: string, ms: number) => async () => {
      running += 1;
      maxRunning = Math.max(maxRunning, running);
      await sleep(ms);
      log.push(name);
      running -= 1;
      return name;
    };
    const results = await Promise.all([withKeyLock('a', task('1', 20)), withKeyLock('a', task('2', 1)), withKeyLock('a', task('3', 5))]);
    expect(results).toEqual(['1', '2', '3']);
    expect(log).toEqual(['1', '2', '3']);
    expect(maxRunning).toBe(1);
  });

  it('lets different keys run side by side, and a failure not block the queue', async () => {
    const started: string[] = [];
    const slow = withKeyLock('x', async () => {
      started.push('x');
      await sleep(30);
    });
    const other = withKeyLock('y', async () => {
      started.push('y');
    });
    await other;
    expect(started).toEqual(['x', 'y']);
    await slow;
    await expect(withKeyLock('z', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(withKeyLock('z', async () => 'after')).resolves.toBe('after');
  });
});
