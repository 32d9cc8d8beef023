import { describe, expect, it } from 'vitest';
import type { BenchResult } from '../../../scripts/bench/result.js';
import { checkCell, comparisonRows, markdownTable, ratio } from '../../../scripts/bench/table.js';

const result = (over: Partial<BenchResult> = {}): BenchResult => ({
  server: 'x',
  published: 1000,
  confirmed: null,
  nacked: 0,
  owed: 1000,
  delivered: 1000,
  duplicates: 0,
  foreign: 0,
  missing: 0,
  drained: true,
  publishCapped: false,
  publishRate: 30_000,
  deliveryRate: 20_000,
  latencyP50: 5,
  latencyP99: 50,
  latencyMax: 60,
  elapsedSeconds: 1,
  ...over,
});

describe('ratio', () => {
  it('is > 1 when the embedded broker does better, whichever way "better" points', () => {
    expect(ratio(30_000, 20_000, true)).toBe('1.50×');
    expect(ratio(10, 20, false)).toBe('2.00×');
    expect(ratio(40, 20, false)).toBe('0.50×');
  });

  it('is a dash when either side has no figure', () => {
    expect(ratio(null, 1, true)).toBe('—');
    expect(ratio(1, 0, true)).toBe('—');
  });
});

describe('checkCell', () => {
  it('reads lost / duplicated once drained, and says undelivered when the cap cut the run short', () => {
    expect(checkCell(result({ missing: 0, duplicates: 2 }))).toBe('0 / 2');
    expect(checkCell(result({ missing: 1500, drained: false }))).toBe('1,500 undelivered at the time cap / 0');
  });
});

describe('comparisonRows', () => {
  it('puts each figure side by side with its ratio', () => {
    const rows = comparisonRows({
      workload: 'w',
      embedded: { outcome: { ok: true, result: result({ publishRate: 45_000, latencyP99: 25 }) }, peakRss: 100 * 1024 * 1024 },
      rabbitmq: { outcome: { ok: true, result: result() }, peakRss: 300 * 1024 * 1024 },
    });
    expect(rows).toEqual([
      ['w', 'publish (msg/s)', '45,000', '30,000', '1.50×'],
      ['', 'delivery (msg/s)', '20,000', '20,000', '1.00×'],
      ['', 'latency p50', '5.0 ms', '5.0 ms', '1.00×'],
      ['', 'latency p99', '25 ms', '50 ms', '2.00×'],
      ['', 'broker peak RSS', '100 MiB', '300 MiB', '3.00×'],
      ['', 'lost / duplicated', '0 / 0', '0 / 0', ''],
    ]);
  });

  it('shows a failed side in its first row and dashes elsewhere', () => {
    const rows = comparisonRows({
      workload: 'w',
      embedded: { outcome: { ok: false, error: 'producer 0 channel: 406' }, peakRss: 1 },
      rabbitmq: { outcome: { ok: true, result: result() }, peakRss: null },
    });
    expect(rows[0]).toEqual(['w', 'publish (msg/s)', 'failed: producer 0 channel: 406', '30,000', '—']);
    expect(rows[4]).toEqual(['', 'broker peak RSS', '—', 'n/a', '—']);
    expect(rows[5]).toEqual(['', 'lost / duplicated', '—', '0 / 0', '']);
  });
});

describe('markdownTable', () => {
  it('pads columns, right-aligns figures and escapes pipes and newlines', () => {
    const table = markdownTable(['name', 'n'], [['a|b', '1'], ['c\nd', '100']], [false, true]);
    expect(table.split('\n')).toEqual(['| name |   n |', '| ---- | --: |', '| a\\|b |   1 |', '| c d  | 100 |']);
  });
});
