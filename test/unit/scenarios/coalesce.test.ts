import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { coalesce } from '../../../electron/backend/scenarios/coalesce.js';

describe('coalesce', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reports at most once per interval however often it is marked, and not at all while nothing changes', () => {
    let reports = 0;
    const c = coalesce(() => reports++, 1000);
    for (let i = 0; i < 50; i++) {
      c.mark();
      vi.advanceTimersByTime(20);
    }
    expect(reports).toBe(1);
    vi.advanceTimersByTime(5000);
    expect(reports).toBe(1);
    c.mark();
    vi.advanceTimersByTime(1000);
    expect(reports).toBe(2);
    c.stop();
  });

  it('flush reports at once and takes the pending mark with it; stop ends the ticks', () => {
    let reports = 0;
    const c = coalesce(() => reports++, 1000);
    c.mark();
    c.flush();
    expect(reports).toBe(1);
    vi.advanceTimersByTime(1000);
    expect(reports).toBe(1);
    c.mark();
    c.stop();
    vi.advanceTimersByTime(3000);
    expect(reports).toBe(1);
  });
});
