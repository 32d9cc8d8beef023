import { formatInstant } from './time-format.js';
import { formatValue, type ChartUnit } from './units.js';

export type TooltipSeries = { key: string; label: string; color: string };

type Payload = { dataKey?: unknown; value?: unknown };

/**
 * The crosshair's readout: the exact instant and each series' exact value at
 * it, in the chart's unit, in the legend's order. A point with no data says
 * so rather than showing 0.
 */
export function ChartTooltip({ active, label, payload, series, unit }: { active?: boolean; label?: unknown; payload?: readonly Payload[]; series: readonly TooltipSeries[]; unit: ChartUnit }) {
  if (!active || typeof label !== 'number') return null;
  const valueOf = (key: string): number | null => {
    const value = payload?.find((p) => p.dataKey === key)?.value;
    return typeof value === 'number' ? value : null;
  };
  return (
    <div className="chart-tooltip" role="tooltip">
      <div className="chart-tooltip__time">{formatInstant(label)}</div>
      {series.map((s) => (
        <div className="chart-tooltip__row" key={s.key}>
          <span className="chart-tooltip__swatch" style={{ background: s.color }} />
          <span className="chart-tooltip__label">{s.label}</span>
          <span className="chart-tooltip__value">{formatValue(valueOf(s.key), unit)}</span>
        </div>
      ))}
    </div>
  );
}
