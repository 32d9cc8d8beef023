import {
  type HistoryEventsResult,
  type HistoryMarker,
  type HistoryQueryArgs,
  type HistoryQueryResult,
  type HistoryScope,
  type SparklinesArgs,
  type SparklinesResult,
  historyScopeKey,
} from '../../../shared/model/history.js';
import type { HistoryStore } from './history-store.js';
import { MINUTE_MS } from './minute-accumulator.js';
import { breakAtGaps, bucket, metricReader, toMetricRows, toSeries } from './series-builder.js';

export const DEFAULT_MAX_POINTS = 1000;
/** Markers per answer; a range with more returns the newest. */
export const MAX_MARKERS_PER_ANSWER = 2000;

/** history.query: one scope's series, bucketed to maxPoints, with its gaps. */
export function queryHistory(store: HistoryStore, args: HistoryQueryArgs, intervalMs: number): HistoryQueryResult {
  const key = historyScopeKey(args.scope);
  const parts = store.read(key, args.from, args.to);
  const gaps = store.gaps.filter(([a, b]) => b >= args.from && a <= args.to);
  const { rows, stepMs } = bucket(toMetricRows(parts), args.from, args.to, args.maxPoints ?? DEFAULT_MAX_POINTS);
  const id = store.scopes.find(key);
  const fallback = args.scope.kind === 'queue' && id !== undefined && store.amqpPassive.has(id);
  return {
    series: toSeries(stepMs === null ? breakAtGaps(rows, gaps) : rows),
    resolutionMs: stepMs ?? (parts.some((p) => p.tier === 'minute' && p.times.length > 0) ? MINUTE_MS : intervalMs),
    gaps,
    source: fallback ? 'amqp-passive' : parts.some((p) => p.times.length > 0) ? 'management' : 'none',
    statsAvailable: store.statsAvailable,
    oldestAt: store.oldestAt(),
    retentionMs: store.retentionMs,
  };
}

const inScope = (scope: HistoryScope) => {
  if (scope.kind === 'broker') return () => true;
  if (scope.kind === 'vhost') return (m: HistoryMarker) => m.queue.startsWith(`${scope.vhost}\u0000`);
  const key = `${scope.vhost}\u0000${scope.name}`;
  return (m: HistoryMarker) => m.queue === key;
};

/** history.events: the markers of a scope in [from, to], oldest first. */
export function historyEvents(store: HistoryStore, args: { scope: HistoryScope; from: number; to: number }): HistoryEventsResult {
  const matches = inScope(args.scope);
  const markers = store.markers.filter((m) => m.t >= args.from && m.t <= args.to && matches(m));
  const truncated = markers.length > MAX_MARKERS_PER_ANSWER;
  return { markers: truncated ? markers.slice(-MAX_MARKERS_PER_ANSWER) : markers, truncated };
}

/** history.sparklines: one metric of many queues over the last minutes, `points` buckets each. */
export function sparklines(store: HistoryStore, args: SparklinesArgs, now: number): SparklinesResult {
  const points = args.points ?? 30;
  const valueOf = metricReader(args.metric ?? 'total');
  const stepMs = Math.ceil((args.minutes * MINUTE_MS) / points);
  const from = now - stepMs * points;
  const values: Record<string, (number | null)[]> = {};
  const sums = new Float64Array(points);
  const counts = new Float64Array(points);
  for (const key of args.keys) {
    sums.fill(0);
    counts.fill(0);
    let seen = false;
    store.visit(`q\u0000${key}`, from, now, (tier, t, previous, row, at, stride) => {
      seen = true;
      const v = valueOf(tier, t, previous, row, at, stride);
      const b = Math.min(points - 1, Math.floor((t - from) / stepMs));
      if (b < 0 || Number.isNaN(v)) return;
      sums[b] = (sums[b] as number) + v;
      counts[b] = (counts[b] as number) + 1;
    });
    if (seen) values[key] = Array.from(sums, (s, b) => ((counts[b] as number) > 0 ? s / (counts[b] as number) : null));
  }
  return { from, stepMs, values };
}
