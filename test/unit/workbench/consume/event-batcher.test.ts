import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createEventBatcher } from '../../../../electron/backend/workbench/consume/event-batcher.js';

describe('event batcher', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('hands over everything added within the interval in one batch, at most once per 100 ms', () => {
    const batches: number[][] = [];
    const batcher = createEventBatcher<number>((items) => batches.push(items));
    for (let i = 0; i < 2000; i++) batcher.add(i);
    expect(batches).toEqual([]);
    vi.advanceTimersByTime(99);
    expect(batches).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(batches).toHaveLength(1);
    expect(batches[0]).toHaveLength(2000);
    batcher.add(1);
    vi.advanceTimersByTime(50);
    batcher.add(2);
    vi.advanceTimersByTime(50);
    expect(batches[1]).toEqual([1, 2]);
  });

  it('flushNow sends at once, and nothing is sent twice', () => {
    const batches: number[][] = [];
    const batcher = createEventBatcher<number>((items) => batches.push(items));
    batcher.add(1);
    batcher.flushNow();
    vi.advanceTimersByTime(500);
    expect(batches).toEqual([[1]]);
    batcher.flushNow();
    expect(batches).toEqual([[1]]);
  });

  it('close drops what waits', () => {
    const batches: number[][] = [];
    const batcher = createEventBatcher<number>((items) => batches.push(items));
    batcher.add(1);
    batcher.close();
    vi.advanceTimersByTime(500);
    expect(batches).toEqual([]);
  });
});
