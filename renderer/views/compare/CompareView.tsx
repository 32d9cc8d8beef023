import { useMemo, useState } from 'react';
import type { HistoryMetric } from '../../../shared/model/history.js';
import { ChartPanel } from '../../charts/ChartPanel.js';
import { compareRows } from '../../charts/compare-rows.js';
import { DEFAULT_RANGE, type ChartRange } from '../../charts/ranges.js';
import { RangePicker } from '../../charts/RangePicker.js';
import type { ChartSpec } from '../../charts/series.js';
import { useChartTheme } from '../../charts/useChartTheme.js';
import { inVhost } from '../../state/selectors.js';
import { useConsole } from '../../state/StoreProvider.js';
import { useRemembered } from '../../state/useRemembered.js';
import { useCompareHistory } from './useCompareHistory.js';

/** Enough lines to compare, few enough to tell apart. */
export const MAX_COMPARED = 8;
/** Shared with the queue page's "Compare" link, which adds its queue. */
export const COMPARE_MEMORY_KEY = 'compare.keys';

const METRICS: readonly { metric: HistoryMetric; label: string; unit: ChartSpec['unit'] }[] = [
  { metric: 'total', label: 'Total messages', unit: 'messages' },
  { metric: 'ready', label: 'Ready', unit: 'messages' },
  { metric: 'unacked', label: 'Unacked', unit: 'messages' },
  { metric: 'publishRate', label: 'Publish rate', unit: 'msg/s' },
  { metric: 'deliverRate', label: 'Deliver rate', unit: 'msg/s' },
  { metric: 'consumers', label: 'Consumers', unit: 'consumers' },
];

/** Distinct hues, from the chart tokens first. */
const paletteOf = (t: ReturnType<typeof useChartTheme>): string[] => [t.ready, t.unacked, t.publish, t.ack, t.redeliver, t.consumers, '#b08800', t.muted];

/** Several queues' history overlaid on one chart, one line each, for one metric. */
export function CompareView() {
  const theme = useChartTheme();
  const vhost = useConsole((s) => s.vhost);
  const queues = useConsole((s) => s.inventory.queues);
  const [keys, setKeys] = useRemembered<string[]>(COMPARE_MEMORY_KEY, []);
  const [metric, setMetric] = useRemembered<HistoryMetric>('compare.metric', 'total');
  const [range, setRange] = useRemembered<ChartRange>('compare.range', DEFAULT_RANGE);
  const [filter, setFilter] = useState('');

  const chosen = useMemo(() => keys.map((k) => queues.find((q) => q.key === k)).filter((q) => q !== undefined), [keys, queues]);
  const candidates = useMemo(() => inVhost(queues, vhost).filter((q) => q.name.toLowerCase().includes(filter.toLowerCase())).slice(0, 200), [queues, vhost, filter]);
  const history = useCompareHistory(chosen, range);
  const rows = useMemo(() => compareRows(history.series, metric), [history.series, metric]);
  const palette = paletteOf(theme);
  const info = METRICS.find((m) => m.metric === metric) ?? METRICS[0]!;
  const spec: ChartSpec = {
    id: `compare-${metric}`,
    title: info.label,
    unit: info.unit,
    axisLabel: info.unit,
    series: chosen.map((q, i) => ({ key: `s${i}`, label: vhost === null && q.vhost !== '/' ? `${q.vhost}/${q.name}` : q.name, color: palette[i % palette.length]!, kind: metric === 'consumers' ? 'step' : 'line' })),
  };
  const toggle = (key: string): void => setKeys(keys.includes(key) ? keys.filter((k) => k !== key) : [...keys, key].slice(-MAX_COMPARED));

  return (
    <div className="compare">
      <aside className="compare__picker" aria-label="Queues to compare">
        <input className="input" type="search" placeholder="Filter queues" value={filter} onChange={(e) => setFilter(e.target.value)} aria-label="Filter queues" />
        <p className="muted">
          {chosen.length} of at most {MAX_COMPARED} chosen
        </p>
        <ul className="compare__list">
          {candidates.map((q) => (
            <li key={q.key}>
              <label className="check">
                <input type="checkbox" checked={keys.includes(q.key)} onChange={() => toggle(q.key)} />
                <span className="cell-name" title={`${q.name} (vhost ${q.vhost})`}>
                  {q.name}
                </span>
              </label>
            </li>
          ))}
        </ul>
      </aside>
      <div className="compare__main">
        <div className="history-charts__bar">
          <RangePicker range={range} onChange={setRange} />
          <select className="select" aria-label="Metric" value={metric} onChange={(e) => setMetric(e.target.value as HistoryMetric)}>
            {METRICS.map((m) => (
              <option key={m.metric} value={m.metric}>
                {m.label}
              </option>
            ))}
          </select>
          {history.error ? (
            <span className="history-charts__note is-error" role="alert">
              History unavailable: {history.error}
            </span>
          ) : null}
        </div>
        {chosen.length === 0 ? (
          <p className="panel__empty">Choose queues on the left to overlay their history.</p>
        ) : (
          <ChartPanel spec={spec} rows={rows} markers={[]} from={history.from} to={history.to} theme={theme} fileBase="compare" height={320} />
        )}
      </div>
    </div>
  );
}
