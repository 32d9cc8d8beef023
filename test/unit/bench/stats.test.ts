import { describe, expect, it } from 'vitest';
import { percentile, ratePerSecond, splitEvenly, summariseLatency } from '../../../scripts/bench/stats.js';

describe('percentile (nearest rank)', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => i + 1);

  it('picks the smallest value with at least p% of samples at or below it', () => {
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile(hundred, 100)).toBe(100);
    expect(percentile([10, 20, 30, 40], 50)).toBe(20);
    expect(percentile([10, 20, 30, 40], 51)).toBe(30);
  });

  it('handles the edges: one sample, p = 0, no samples', () => {
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([3, 4], 0)).toBe(3);
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('summariseLatency', () => {
  it('sorts numerically (not as strings) before picking', () => {
    const s = summariseLatency(Float64Array.from([100, 9, 20, 3, 1000]));
    expect(s).toEqual({ p50: 20, p99: 1000, max: 1000 });
  });

  it('leaves the samples untouched', () => {
    const samples = Float64Array.from([3, 1, 2]);
    summariseLatency(samples);
    expect(Array.from(samples)).toEqual([3, 1, 2]);
  });
});

describe('ratePerSecond', () => {
  it('divides by the interval in seconds', () => {
    expect(ratePerSecond(50_000, 2_000)).toBe(25_000);
    expect(ratePerSecond(0, 1_000)).toBe(0);
  });

  it('is NaN when there is no interval to measure over', () => {
    expect(ratePerSecond(10, 0)).toBeNaN();
    expect(ratePerSecond(10, NaN)).toBeNaN();
    expect(ratePerSecond(10, -5)).toBeNaN();
  });
});

describe('splitEvenly', () => {
  it('gives the remainder to the first parts and loses nothing', () => {
    expect(splitEvenly(10, 4)).toEqual([3, 3, 2, 2]);
    expect(splitEvenly(3, 5)).toEqual([1, 1, 1, 0, 0]);
    expect(splitEvenly(100_000, 1)).toEqual([100_000]);
  });
});
