import { describe, expect, it } from 'vitest';
import { combineOutcomes, median } from '../../../scripts/bench/combine.js';
import type { BenchResult } from '../../../scripts/bench/result.js';

const result = (over: Partial<BenchResult>): BenchResult => ({
  server: 'Warren 3.10.8', published: 100, confirmed: null, nacked: 0, owed: 100, delivered: 100, duplicates: 0, foreign: 0, missing: 0,
  drained: true, publishCapped: false, publishRate: 1, deliveryRate: 1, latencyP50: 1, latencyP99: 1, latencyMax: 1, elapsedSeconds: 1,
  ...over,
});

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([30, 10, 20])).toBe(20);
    expect(median([40, 10, 20, 30])).toBe(25);
  });

  it('leaves unmeasured values out, and is null when nothing was measured', () => {
    expect(median([null, 5, 7])).toBe(6);
    expect(median([null])).toBeNull();
  });
});

describe('combineOutcomes', () => {
  it('keeps a single outcome as it is', () => {
    const only = { ok: true as const, result: result({ publishRate: 7 }) };
    expect(combineOutcomes([only])).toEqual(only);
  });

  it('takes medians of the figures and sums the counts, so one loss anywhere shows', () => {
    const combined = combineOutcomes([
      { ok: true, result: result({ publishRate: 10, latencyP99: 9, missing: 0 }) },
      { ok: true, result: result({ publishRate: 30, latencyP99: 3, missing: 2, drained: true }) },
      { ok: true, result: result({ publishRate: 20, latencyP99: 5, duplicates: 1 }) },
    ]);
    expect(combined.ok && combined.result).toMatchObject({ publishRate: 20, latencyP99: 5, missing: 2, duplicates: 1, published: 300, drained: true, confirmed: null });
  });

  it('is not drained if any run was cut short, and sums confirms when there are any', () => {
    const combined = combineOutcomes([
      { ok: true, result: result({ confirmed: 100, drained: false }) },
      { ok: true, result: result({ confirmed: 90 }) },
    ]);
    expect(combined.ok && combined.result).toMatchObject({ drained: false, confirmed: 190 });
  });

  it('fails when any run failed, naming the first failure and how many', () => {
    expect(
      combineOutcomes([
        { ok: true, result: result({}) },
        { ok: false, error: 'producer 0 channel closed unexpectedly' },
        { ok: false, error: 'other' },
      ]),
    ).toEqual({ ok: false, error: 'producer 0 channel closed unexpectedly (2 of 3 runs failed)' });
  });
});
