import { memo, useRef } from 'react';
import { download, fileSafe } from '../views/topology/download.js';
import type { ChartTheme } from './chart-theme.js';
import { historyCsv } from './csv.js';
import { pointsForWidth } from './points.js';
import type { ChartRow } from './history-rows.js';
import { chartPng } from './png.js';
import type { ChartSpec } from './series.js';
import { TimeChart, type TimeChartProps } from './TimeChart.js';
import { formatValue } from './units.js';
import { useElementWidth } from './useElementWidth.js';

/** The newest recorded value of a series, for the legend: what the chart's right edge shows. */
function latest(rows: readonly ChartRow[], key: string): number | null {
  for (let i = rows.length - 1; i >= 0; i--) {
    const value = rows[i]?.[key];
    if (value !== null && value !== undefined) return value;
  }
  return null;
}

/**
 * A titled chart with its legend (each series' latest value) and its CSV and
 * PNG export. Memoised: the page around it re-renders on every inventory
 * update, and redrawing a day of points for nothing costs a frame or more.
 */
export const ChartPanel = memo(function ChartPanel({ wide = false, ...props }: TimeChartProps & { fileBase: string; theme: ChartTheme; /** Spans the grid's full width. */ wide?: boolean }) {
  const { spec, rows, theme, fileBase } = props;
  const frame = useRef<HTMLDivElement>(null);
  const width = useElementWidth(frame);
  const exportPng = async (): Promise<void> => {
    const svg = frame.current?.querySelector<SVGSVGElement>('svg.recharts-surface');
    const caption = { title: `${fileBase} · ${spec.title} (${spec.unit})`, text: theme.text, legend: spec.series };
    if (svg) download(await chartPng(svg, theme.surface, caption), `${fileSafe(fileBase)}-${spec.id}.png`);
  };
  const exportCsv = (): void => download(new Blob([historyCsv(rows, spec.series)], { type: 'text/csv' }), `${fileSafe(fileBase)}-${spec.id}.csv`);
  return (
    <section className={`chart-panel${wide ? ' chart-panel--wide' : ''}`} aria-label={`${spec.title} chart`}>
      <header className="chart-panel__head">
        <h3 className="chart-panel__title">
          {spec.title} <span className="chart-panel__unit">({spec.unit})</span>
        </h3>
        <dl className="chart-legend" aria-label={`${spec.title}, latest values`}>
          {spec.series.map((s) => (
            <div className="chart-legend__item" key={s.key}>
              <dt>
                <span className="chart-legend__swatch" style={{ background: s.color }} />
                {s.label}
              </dt>
              <dd>{formatValue(latest(rows, s.key), spec.unit)}</dd>
            </div>
          ))}
        </dl>
        <span className="chart-panel__exports">
          <button type="button" className="button button--ghost button--small" onClick={exportCsv} disabled={rows.length === 0}>
            CSV
          </button>
          <button type="button" className="button button--ghost button--small" onClick={() => void exportPng()} disabled={rows.length === 0}>
            PNG
          </button>
        </span>
      </header>
      <div ref={frame} className="chart-panel__chart">
        {/* Drawn at the density of its own width; the legend and the CSV keep every row. */}
        <TimeChart {...props} maxPoints={width === null ? undefined : pointsForWidth(width)} />
      </div>
    </section>
  );
});
