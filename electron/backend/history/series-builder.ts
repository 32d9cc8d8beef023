import { HISTORY_METRICS, type HistoryMetric, type HistorySeries } from '../../../shared/model/history.js';
import { COL, COLUMNS } from './columns.js';
import type { TierPoints } from './history-store.js';

/** One point per row, HISTORY_METRICS order, NaN = no data: the shape bucketing works on. */
export interface MetricRows {
  times: number[];
  /** HISTORY_METRICS.length values per point. */
  values: number[];
}

const M = HISTORY_METRICS.length;
const RATE_COLUMNS: readonly [HistoryMetric, number][] = [
  ['publishRate', COL.publish],
  ['deliverRate', COL.deliver],
  ['ackRate', COL.ack],
  ['redeliverRate', COL.redeliver],
];
export const metricIndex = (m: HistoryMetric) => HISTORY_METRICS.indexOf(m);

/**
 * Stored columns to chart metrics: total = ready + unacked; full-resolution
 * counter increases become rates over the interval since the previous
 * point, minute points hold messages per minute.
 */
export function toMetricRows(parts: readonly TierPoints[]): MetricRows {
  const out: MetricRows = { times: [], values: [] };
  for (const part of parts) {
    let previous = part.before;
    for (let i = 0; i < part.times.length; i++) {
      const t = part.times[i] as number;
      const v = (c: number) => part.values[i * COLUMNS + c] as number;
      const row = new Array<number>(M).fill(NaN);
      row[metricIndex('ready')] = v(COL.ready);
      row[metricIndex('unacked')] = v(COL.unacked);
      row[metricIndex('total')] = v(COL.ready) + v(COL.unacked);
      row[metricIndex('bytes')] = v(COL.bytes);
      row[metricIndex('consumers')] = v(COL.consumers);
      const seconds = (t - previous) / 1000;
      for (const [metric, column] of RATE_COLUMNS) {
        row[metricIndex(metric)] = part.tier === 'minute' ? v(column) / 60 : seconds > 0 ? v(column) / seconds : NaN;
      }
      out.times.push(t);
      out.values.push(...row);
      previous = t;
    }
  }
  return out;
}

/** One metric of one stored point, from its columns at values[at + c * stride]: what sparklines read without building rows. */
export function metricReader(metric: HistoryMetric): (tier: 'full' | 'minute', t: number, previous: number, values: Float64Array, at: number, stride: number) => number {
  const rate = RATE_COLUMNS.find(([m]) => m === metric)?.[1];
  if (rate !== undefined) {
    return (tier, t, previous, values, at, stride) => {
      const v = values[at + rate * stride] as number;
      if (tier === 'minute') return v / 60;
      return t > previous ? v / ((t - previous) / 1000) : NaN;
    };
  }
  if (metric === 'total') return (_tier, _t, _previous, values, at, stride) => (values[at + COL.ready * stride] as number) + (values[at + COL.unacked * stride] as number);
  const column = { ready: COL.ready, unacked: COL.unacked, bytes: COL.bytes, consumers: COL.consumers }[metric as 'ready' | 'unacked' | 'bytes' | 'consumers'];
  return (_tier, _t, _previous, values, at, stride) => values[at + column * stride] as number;
}

/**
 * At most `maxPoints` points: when there are more, [from, to] is cut into
 * equal buckets and each becomes the mean of its known values (null when it
 * holds none, so a long gap stays a break in the line).
 */
export function bucket(rows: MetricRows, from: number, to: number, maxPoints: number): { rows: MetricRows; stepMs: number | null } {
  if (rows.times.length <= maxPoints) return { rows, stepMs: null };
  const stepMs = Math.ceil((to - from + 1) / maxPoints);
  const sums = new Float64Array(maxPoints * M);
  const counts = new Float64Array(maxPoints * M);
  for (let i = 0; i < rows.times.length; i++) {
    const b = Math.min(maxPoints - 1, Math.floor(((rows.times[i] as number) - from) / stepMs));
    if (b < 0) continue;
    for (let m = 0; m < M; m++) {
      const v = rows.values[i * M + m] as number;
      if (Number.isNaN(v)) continue;
      sums[b * M + m] = (sums[b * M + m] as number) + v;
      counts[b * M + m] = (counts[b * M + m] as number) + 1;
    }
  }
  const out: MetricRows = { times: [], values: [] };
  for (let b = 0; b < maxPoints; b++) {
    out.times.push(from + b * stepMs);
    for (let m = 0; m < M; m++) {
      const c = counts[b * M + m] as number;
      out.values.push(c > 0 ? (sums[b * M + m] as number) / c : NaN);
    }
  }
  return { rows: out, stepMs };
}

/** Adds an all-null point just after each gap's start, so a chart breaks its line there instead of drawing across. */
export function breakAtGaps(rows: MetricRows, gaps: readonly [number, number][]): MetricRows {
  if (gaps.length === 0) return rows;
  const out: MetricRows = { times: [], values: [] };
  let g = 0;
  for (let i = 0; i < rows.times.length; i++) {
    const t = rows.times[i] as number;
    while (g < gaps.length && (gaps[g] as [number, number])[1] <= t) {
      const start = (gaps[g] as [number, number])[0];
      if (out.times.length > 0 && (out.times.at(-1) as number) < start + 1) {
        out.times.push(start + 1);
        out.values.push(...new Array<number>(M).fill(NaN));
      }
      g++;
    }
    out.times.push(t);
    for (let m = 0; m < M; m++) out.values.push(rows.values[i * M + m] as number);
  }
  return out;
}

const orNull = (v: number) => (Number.isFinite(v) ? v : null);

export function toSeries(rows: MetricRows): HistorySeries {
  const column = (m: HistoryMetric) => {
    const index = metricIndex(m);
    const out: (number | null)[] = new Array(rows.times.length);
    for (let i = 0; i < rows.times.length; i++) out[i] = orNull(rows.values[i * M + index] as number);
    return out;
  };
  return {
    t: rows.times,
    ready: column('ready'),
    unacked: column('unacked'),
    total: column('total'),
    bytes: column('bytes'),
    consumers: column('consumers'),
    publishRate: column('publishRate'),
    deliverRate: column('deliverRate'),
    ackRate: column('ackRate'),
    redeliverRate: column('redeliverRate'),
  };
}
