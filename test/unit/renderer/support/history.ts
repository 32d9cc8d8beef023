import { HISTORY_METRICS, type HistoryMetric, type HistoryQueryResult } from '../../../../shared/model/history.js';

/** A history.query answer with these points; metrics not given are null throughout. */
export function historyResult(t: number[], values: Partial<Record<HistoryMetric, (number | null)[]>> = {}, gaps: [number, number][] = []): HistoryQueryResult {
  const series = { t } as HistoryQueryResult['series'];
  for (const metric of HISTORY_METRICS) series[metric] = values[metric] ?? t.map(() => null);
  return { series, resolutionMs: 2000, gaps, source: 'management', statsAvailable: true, oldestAt: t[0] ?? null, retentionMs: 86_400_000 };
}
