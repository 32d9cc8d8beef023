import { Area, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { HistoryMarker } from '../../shared/model/history.js';
import { useMemo } from 'react';
import type { ChartTheme } from './chart-theme.js';
import { ChartTooltip } from './ChartTooltip.js';
import { downsampleRows } from './downsample.js';
import type { ChartRow } from './history-rows.js';
import { markerLines } from './marker-lines.js';
import { MarkerLayer } from './MarkerLayer.js';
import type { ChartSpec } from './series.js';
import { tickFormatter } from './time-format.js';
import { timeTicks } from './time-ticks.js';
import { formatTick } from './units.js';

export type TimeChartProps = {
  spec: ChartSpec;
  rows: readonly ChartRow[];
  markers: readonly HistoryMarker[];
  from: number;
  to: number;
  theme: ChartTheme;
  height?: number;
  /** Draw at most about this many points (rows averaged in runs, gaps kept). */
  maxPoints?: number;
};

const AXIS_FONT = 11;

/**
 * One time chart over a fixed window: the x axis is the whole range, so a
 * quiet or missing stretch shows as such; nulls break lines (connectNulls
 * off); no animation, so a live update never moves what is being read.
 */
export function TimeChart({ spec, rows, markers, from, to, theme, height = 190, maxPoints }: TimeChartProps) {
  const tick = { fontSize: AXIS_FONT, fill: theme.muted };
  const lines = useMemo(() => markerLines(markers, from, to), [markers, from, to]);
  const drawn = useMemo(() => (maxPoints === undefined ? rows : downsampleRows(rows, spec.series.map((s) => s.key), maxPoints)), [rows, spec, maxPoints]);
  return (
    <ResponsiveContainer width="100%" height={height}>
      <ComposedChart data={drawn as ChartRow[]} margin={{ top: 8, right: 12, bottom: 4, left: 4 }}>
        <CartesianGrid stroke={theme.grid} vertical={false} />
        <XAxis dataKey="t" type="number" scale="time" domain={[from, to]} ticks={timeTicks(from, to)} allowDataOverflow tickFormatter={tickFormatter(to - from)} tick={tick} stroke={theme.border} />
        <YAxis
          tickFormatter={formatTick}
          tick={tick}
          stroke={theme.border}
          width={52}
          allowDecimals={spec.unit === 'msg/s'}
          label={{ value: spec.axisLabel, angle: -90, position: 'insideLeft', offset: 10, style: { fontSize: AXIS_FONT, fill: theme.muted, textAnchor: 'middle' } }}
        />
        <Tooltip
          content={<ChartTooltip series={spec.series} unit={spec.unit} />}
          cursor={{ stroke: theme.text, strokeWidth: 1, strokeDasharray: '3 3' }}
          isAnimationActive={false}
        />
        <MarkerLayer times={lines} from={from} to={to} stroke={theme.marker} />
        {spec.series.map((s) =>
          s.kind === 'area' ? (
            <Area key={s.key} dataKey={s.key} name={s.label} stackId="stack" type="linear" stroke={s.color} fill={s.color} fillOpacity={0.3} strokeWidth={1.5} connectNulls={false} isAnimationActive={false} dot={false} />
          ) : (
            <Line key={s.key} dataKey={s.key} name={s.label} type={s.kind === 'step' ? 'stepAfter' : 'linear'} stroke={s.color} strokeWidth={1.5} connectNulls={false} isAnimationActive={false} dot={false} />
          ),
        )}
      </ComposedChart>
    </ResponsiveContainer>
  );
}
