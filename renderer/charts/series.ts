import type { ChartTheme } from './chart-theme.js';
import type { ChartUnit } from './units.js';

/** One drawn series: an area (stacked with the others of its chart), a line, or a step line. */
export type SeriesSpec = { key: string; label: string; color: string; kind: 'area' | 'line' | 'step' };

export type ChartSpec = { id: string; title: string; unit: ChartUnit; axisLabel: string; series: SeriesSpec[] };

/** The three charts a scope offers; the Overview shows the first two. */
export function chartSpecs(theme: ChartTheme): { depth: ChartSpec; rates: ChartSpec; consumers: ChartSpec } {
  return {
    depth: {
      id: 'depth',
      title: 'Ready and unacked',
      unit: 'messages',
      axisLabel: 'messages',
      // Unacked first, at the bottom of the stack: it is bounded by the consumers' prefetch, and the top edge is then the total.
      series: [
        { key: 'unacked', label: 'Unacked', color: theme.unacked, kind: 'area' },
        { key: 'ready', label: 'Ready', color: theme.ready, kind: 'area' },
      ],
    },
    rates: {
      id: 'rates',
      title: 'Message rates',
      unit: 'msg/s',
      axisLabel: 'msg/s',
      series: [
        { key: 'publishRate', label: 'Publish', color: theme.publish, kind: 'line' },
        { key: 'deliverRate', label: 'Deliver', color: theme.deliver, kind: 'line' },
        { key: 'ackRate', label: 'Ack', color: theme.ack, kind: 'line' },
        { key: 'redeliverRate', label: 'Redeliver', color: theme.redeliver, kind: 'line' },
      ],
    },
    consumers: {
      id: 'consumers',
      title: 'Consumers',
      unit: 'consumers',
      axisLabel: 'consumers',
      series: [{ key: 'consumers', label: 'Consumers', color: theme.consumers, kind: 'step' }],
    },
  };
}
