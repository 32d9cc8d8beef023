// The read-ahead buffers are capped: beyond `max` holders, the least recently
// filled one gives its buffer up (and is told, so it reads again).
import { describe, expect, it } from 'vitest';
import { WindowPool } from '../../../electron/broker/store/window-pool.js';

function holder(name: string, log: string[]) {
  return { evicted: () => log.push(name) };
}

describe('WindowPool', () => {
  it('hands out at most max buffers, taking the least recently used one back', () => {
    const log: string[] = [];
    const pool = new WindowPool(2, 64);
    const [a, b, c] = [holder('a', log), holder('b', log), holder('c', log)];
    const bufA = pool.take(a);
    const bufB = pool.take(b);
    expect(bufA).not.toBe(bufB);
    expect(pool.take(a)).toBe(bufA); // a is now the most recent
    expect(pool.take(c)).toBe(bufB); // so b gives its buffer up
    expect(log).toEqual(['b']);
    expect(pool.inUse).toBe(2);
    pool.give(a);
    expect(pool.inUse).toBe(1);
    expect(pool.take(b)).toHaveLength(64);
    expect(log).toEqual(['b']);
  });
});
