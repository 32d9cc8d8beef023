import { formatCount, formatRate } from '../format/numbers.js';

/** What a chart's values are: it decides the axis label, the tick text and the tooltip's exact value. */
export type ChartUnit = 'messages' | 'msg/s' | 'consumers';

export function formatValue(value: number | null, unit: ChartUnit): string {
  if (value === null) return 'no data';
  if (unit === 'msg/s') return formatRate(value);
  return formatCount(value);
}

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

/** Axis ticks stay short: 1.2K, 3M. */
export const formatTick = (value: number): string => compact.format(value);
