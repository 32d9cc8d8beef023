import type { HistoryMetric, HistorySeries } from '../../shared/model/history.js';
import type { ChartRow } from './history-rows.js';

/**
 * Several queues' series of one metric as one table: a row per instant any
 * of them was sampled, a column per queue (`s0`, `s1`…), null where that
 * queue has no point at that instant, so each line keeps its own gaps.
 */
export function compareRows(series: readonly HistorySeries[], metric: HistoryMetric): ChartRow[] {
  const byTime = new Map<number, ChartRow>();
  series.forEach((s, index) => {
    s.t.forEach((t, i) => {
      let row = byTime.get(t);
      if (!row) {
        row = { t } as ChartRow;
        series.forEach((_, j) => (row![`s${j}`] = null));
        byTime.set(t, row);
      }
      row[`s${index}`] = s[metric][i] ?? null;
    });
  });
  return [...byTime.values()].sort((a, b) => a.t - b.t);
}
