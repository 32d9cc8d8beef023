import { describe, expect, it } from 'vitest';
import { parseBenchArgs } from '../../../scripts/bench/options.js';
import { checkLine, describeWorkload } from '../../../scripts/bench/report.js';
import type { BenchResult } from '../../../scripts/bench/result.js';

describe('single-run report', () => {
  it('describes the workload in one line', () => {
    expect(describeWorkload(parseBenchArgs(['--size', '1024', '--count', '5000', '--producers', '4', '--consumers', '4']))).toBe(
      '1 KiB × 5,000 · transient · no confirms · 4 producers → 4 consumers · 1 queue · prefetch 1000, ack each',
    );
    expect(describeWorkload(parseBenchArgs(['--persistent', '--confirm', '--fanout', '10']))).toBe(
      '16 B × 100,000 · persistent, durable queues · publisher confirms · 1 producer → 1 consumer · fanout exchange → 10 queues · prefetch 1000, ack each',
    );
  });

  it('calls missing messages lost only once the run drained', () => {
    const base = { owed: 10, delivered: 8, missing: 2, duplicates: 1, foreign: 0 } as BenchResult;
    expect(checkLine({ ...base, drained: true })).toBe('owed 10 · delivered 8 · lost 2 · duplicated 1');
    expect(checkLine({ ...base, drained: false, foreign: 3 })).toBe('owed 10 · delivered 8 · not delivered by the time cap 2 · duplicated 1 · foreign 3');
  });
});
