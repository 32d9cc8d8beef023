export interface Coalescer {
  /** Something changed: reported at the next tick, however often it is marked meanwhile. */
  mark(): void;
  /** Report now (a status change must not wait) and forget the pending mark. */
  flush(): void;
  stop(): void;
}

/**
 * At most one report per interval while marks keep coming, none while nothing changes: a
 * scenario's counters move many times a second, its state event goes out about once.
 */
export function coalesce(report: () => void, intervalMs: number): Coalescer {
  let dirty = false;
  const timer = setInterval(() => {
    if (!dirty) return;
    dirty = false;
    report();
  }, intervalMs);
  return {
    mark: () => {
      dirty = true;
    },
    flush: () => {
      dirty = false;
      report();
    },
    stop: () => clearInterval(timer),
  };
}
