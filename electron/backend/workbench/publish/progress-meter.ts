/** Progress events at most this often: enough for a live counter, few enough for a busy run. */
export const PROGRESS_INTERVAL_MS = 200;

/**
 * Publishes per second over the last second, from (time, total sent) samples, and whether a
 * progress event is due.
 */
export interface ProgressMeter {
  /** True when PROGRESS_INTERVAL_MS passed since the last event. */
  due(now: number): boolean;
  /** Records the total at `now` and answers the rate over the last second. */
  rate(now: number, sent: number): number;
}

export function createProgressMeter(start: number): ProgressMeter {
  const samples: { at: number; sent: number }[] = [{ at: start, sent: 0 }];
  let lastEvent = start;
  return {
    due(now) {
      if (now - lastEvent < PROGRESS_INTERVAL_MS) return false;
      lastEvent = now;
      return true;
    },
    rate(now, sent) {
      samples.push({ at: now, sent });
      while (samples.length > 2 && now - (samples[1] as { at: number }).at >= 1000) samples.shift();
      const first = samples[0] as { at: number; sent: number };
      const span = now - first.at;
      return span > 0 ? ((sent - first.sent) * 1000) / span : 0;
    },
  };
}
