import { describe, expect, it } from 'vitest';
import { compareWorkloads, parseCompareArgs } from '../../../scripts/bench/workloads.js';

describe('parseCompareArgs', () => {
  it('defaults to 200,000 messages and a 30 s cap; --quick shrinks both unless given', () => {
    expect(parseCompareArgs([])).toEqual({ count: 200_000, durationSeconds: 30, repeat: 1, quick: false });
    expect(parseCompareArgs(['--quick'])).toEqual({ count: 20_000, durationSeconds: 10, repeat: 1, quick: true });
    expect(parseCompareArgs(['--repeat', '3']).repeat).toBe(3);
    expect(parseCompareArgs(['--quick', '--count', '5000'])).toMatchObject({ count: 5000, durationSeconds: 10 });
  });

  it('refuses bad numbers and unknown flags', () => {
    expect(() => parseCompareArgs(['--count', '0'])).toThrow(/--count/);
    expect(() => parseCompareArgs(['--count', 'ten'])).toThrow(/--count/);
    expect(() => parseCompareArgs(['--repeat', '0'])).toThrow(/--repeat/);
    expect(() => parseCompareArgs(['--fast'])).toThrow();
  });
});

describe('compareWorkloads', () => {
  const [transient, persistent, many, fanout] = compareWorkloads({ count: 100_000, durationSeconds: 30, repeat: 1, quick: false });

  it('are the four workloads of the step-3 targets', () => {
    expect(transient!.options).toMatchObject({ size: 16, count: 100_000, producers: 1, consumers: 1, persistent: false, confirm: false });
    expect(persistent!.options).toMatchObject({ size: 16, producers: 1, consumers: 1, persistent: true, confirm: true });
    expect(many!.options).toMatchObject({ size: 1024, producers: 4, consumers: 4, queues: 1 });
    expect(fanout!.options).toMatchObject({ fanout: true, queues: 10, consumers: 10, producers: 1 });
  });

  it('fan-out publishes a tenth so it delivers as many messages as the others', () => {
    expect(fanout!.options.count * fanout!.options.queues).toBe(100_000);
  });
});
