import { HISTORY_METRICS, type HistoryMetric, type HistorySeries } from '../../shared/model/history.js';

/** One point as recharts reads it: the time and every metric, null where nothing was recorded. */
export type HistoryRow = { t: number } & Record<HistoryMetric, number | null>;

/** Any chart's point: the time and one value per series key (a metric, or a queue in the compare view). */
export type ChartRow = { t: number } & Record<string, number | null>;

/**
 * Columnar series → one object per point. Nulls stay nulls (recharts breaks
 * the line there, connectNulls off), and a gap the backend reports without
 * a null point gets one at its start, so a disconnection is never drawn as
 * a straight line across it.
 */
export function historyRows(series: HistorySeries, gaps: readonly (readonly [number, number])[] = []): HistoryRow[] {
  const rows: HistoryRow[] = series.t.map((t, i) => {
    const row = { t } as HistoryRow;
    for (const metric of HISTORY_METRICS) row[metric] = series[metric][i] ?? null;
    return row;
  });
  for (const [start] of gaps) {
    if (rows.some((r) => r.t === start)) continue;
    const blank = { t: start } as HistoryRow;
    for (const metric of HISTORY_METRICS) blank[metric] = null;
    rows.push(blank);
  }
  return gaps.length > 0 ? rows.sort((a, b) => a.t - b.t) : rows;
}
