export const BATCH_INTERVAL_MS = 100;

export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/**
 * Collects items and hands them over together at most once per interval: a consumer
 * receiving 20,000 messages a second sends ten events a second, not 20,000.
 */
export function createEventBatcher<T>(flush: (items: T[]) => void, intervalMs = BATCH_INTERVAL_MS, timers: Timers = realTimers) {
  let items: T[] = [];
  let timer: unknown = null;

  const run = () => {
    timer = null;
    if (items.length === 0) return;
    const batch = items;
    items = [];
    flush(batch);
  };

  return {
    add(item: T): void {
      items.push(item);
      timer ??= timers.set(run, intervalMs);
    },
    /** Sends what waits now (a state change must not overtake the messages before it). */
    flushNow(): void {
      if (timer !== null) timers.clear(timer);
      run();
    },
    close(): void {
      if (timer !== null) timers.clear(timer);
      timer = null;
      items = [];
    },
  };
}
