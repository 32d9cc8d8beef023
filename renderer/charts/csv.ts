import type { ChartRow } from './history-rows.js';
import type { SeriesSpec } from './series.js';

/**
 * The chart's points as CSV: ISO time, epoch ms, then one column per series
 * with the exact recorded value; an empty cell where nothing was recorded
 * (a gap), never a 0.
 */
export function historyCsv(rows: readonly ChartRow[], series: readonly Pick<SeriesSpec, 'key' | 'label'>[]): string {
  const header = ['time', 'epoch_ms', ...series.map((s) => s.label.toLowerCase().replace(/\s+/g, '_'))];
  const lines = rows.map((row) => [new Date(row.t).toISOString(), String(row.t), ...series.map((s) => (row[s.key] === null ? '' : String(row[s.key])))].join(','));
  return `${[header.join(','), ...lines].join('\n')}\n`;
}
