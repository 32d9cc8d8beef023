import { describe, expect, it } from 'vitest';
import { RECONNECT_BACKOFF, backoffDelay } from '../../../electron/backend/backoff.js';

describe('reconnect backoff', () => {
  const noJitter = () => 0;

  it('doubles from 1 s and caps at 30 s', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7, 20].map((n) => backoffDelay(n, RECONNECT_BACKOFF, noJitter));
    expect(delays).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });

  it('takes at most the jitter fraction off, never going above the cap', () => {
    expect(backoffDelay(10, RECONNECT_BACKOFF, () => 1)).toBe(24000);
    for (let i = 0; i < 200; i++) {
      const d = backoffDelay(1 + (i % 12));
      expect(d).toBeGreaterThanOrEqual(800);
      expect(d).toBeLessThanOrEqual(30000);
    }
  });

  it('treats attempt 0 like the first retry', () => {
    expect(backoffDelay(0, RECONNECT_BACKOFF, noJitter)).toBe(1000);
  });
});
