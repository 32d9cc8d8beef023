import type { HistoryMarker } from '../../shared/model/history.js';

/** At most this many dashed lines per chart: more could not be told apart anyway. */
export const MAX_MARKER_LINES = 60;

/**
 * Where to draw the dashed event lines: one per stretch of 1/max of the
 * range that holds any marker, at its first marker. A broker that had
 * thousands of queues declared at once would otherwise get thousands of
 * lines, which no one could tell apart and every redraw would pay for.
 */
export function markerLines(markers: readonly HistoryMarker[], from: number, to: number, max = MAX_MARKER_LINES): number[] {
  const width = Math.max(1, (to - from) / max);
  const firstInBucket = new Map<number, number>();
  for (const m of markers) {
    if (m.t < from || m.t > to) continue;
    const bucket = Math.min(max - 1, Math.floor((m.t - from) / width));
    const seen = firstInBucket.get(bucket);
    if (seen === undefined || m.t < seen) firstInBucket.set(bucket, m.t);
  }
  return [...firstInBucket.values()].sort((a, b) => a - b);
}
