import type { ChartRow } from './history-rows.js';

/**
 * At most about `maxPoints` rows for drawing: runs of consecutive rows are
 * averaged (per key, ignoring nulls; null when all are), each stamped with
 * its first row's time. A row with every key null marks a gap and is kept as
 * it is, so a line still breaks where the backend said nothing was recorded.
 * Recharts' cost grows with every point of every series; a half-width chart
 * given the points of a full-width one draws two per pixel for nothing.
 */
export function downsampleRows(rows: readonly ChartRow[], keys: readonly string[], maxPoints: number): readonly ChartRow[] {
  if (rows.length <= maxPoints) return rows;
  const per = Math.ceil(rows.length / Math.max(1, maxPoints));
  const out: ChartRow[] = [];
  const sums = new Float64Array(keys.length);
  const counts = new Uint32Array(keys.length);
  let first: number | null = null;
  let taken = 0;
  const flush = (): void => {
    if (first === null) return;
    const row: ChartRow = { t: first };
    keys.forEach((key, k) => {
      row[key] = (counts[k] as number) > 0 ? (sums[k] as number) / (counts[k] as number) : null;
    });
    out.push(row);
    sums.fill(0);
    counts.fill(0);
    first = null;
    taken = 0;
  };
  for (const row of rows) {
    if (keys.every((key) => row[key] === null || row[key] === undefined)) {
      flush();
      out.push(row);
      continue;
    }
    first ??= row.t;
    keys.forEach((key, k) => {
      const v = row[key];
      if (v === null || v === undefined) return;
      sums[k] = (sums[k] as number) + v;
      counts[k] = (counts[k] as number) + 1;
    });
    if (++taken === per) flush();
  }
  flush();
  return out;
}
