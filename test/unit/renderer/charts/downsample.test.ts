import { describe, expect, it } from 'vitest';
import { downsampleRows } from '../../../../renderer/charts/downsample.js';
import type { ChartRow } from '../../../../renderer/charts/history-rows.js';

const row = (t: number, ready: number | null, unacked: number | null): ChartRow => ({ t, ready, unacked });

describe('downsampleRows', () => {
  it('leaves rows that already fit as they are', () => {
    const rows = [row(0, 1, 2), row(1, 3, 4)];
    expect(downsampleRows(rows, ['ready', 'unacked'], 2)).toBe(rows);
  });

  it('averages runs of rows per key, ignoring nulls, stamped with the run’s first time', () => {
    const rows = [row(0, 1, 10), row(1, 3, null), row(2, 5, 30), row(3, 7, null), row(4, null, null), row(5, 9, 50), row(6, 11, 70)];
    expect(downsampleRows(rows, ['ready', 'unacked'], 3)).toEqual([row(0, 3, 20), row(3, 7, null), row(4, null, null), row(5, 10, 60)]);
  });

  it('keeps every gap row, so lines still break there', () => {
    const rows = Array.from({ length: 100 }, (_, i) => (i === 37 ? row(i, null, null) : row(i, i, 0)));
    const out = downsampleRows(rows, ['ready', 'unacked'], 10);
    expect(out.length).toBeLessThanOrEqual(12);
    expect(out.filter((r) => r.ready === null)).toEqual([row(37, null, null)]);
    expect(out[0]).toEqual(row(0, 4.5, 0));
  });
});
