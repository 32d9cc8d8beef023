import type { QueueRow } from '../../../shared/model/inventory.js';

/** Samples of ready counts kept per queue: enough to see a trend, few enough to follow a change quickly. */
const WINDOW = 4;

/**
 * Which queues are growing: ready rose at each of the last samples (at least
 * two rises in a row, so one burst is not a trend). Fed with every inventory
 * update; nodes subscribe to their own queue's answer.
 */
export class GrowthTracker {
  private readonly history = new Map<string, number[]>();
  private growing = new Set<string>();
  private lastRows: readonly QueueRow[] | null = null;
  private readonly listeners = new Set<() => void>();

  record(rows: readonly QueueRow[]): void {
    if (rows === this.lastRows) return;
    this.lastRows = rows;
    const next = new Set<string>();
    const seen = new Set<string>();
    for (const row of rows) {
      seen.add(row.key);
      const samples = this.history.get(row.key) ?? [];
      samples.push(row.ready);
      if (samples.length > WINDOW) samples.shift();
      this.history.set(row.key, samples);
      if (isGrowing(samples)) next.add(row.key);
    }
    for (const key of this.history.keys()) if (!seen.has(key)) this.history.delete(key);
    if (!sameSet(next, this.growing)) {
      this.growing = next;
      for (const listener of this.listeners) listener();
    }
  }

  isGrowing = (key: string): boolean => this.growing.has(key);

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

export function isGrowing(samples: readonly number[]): boolean {
  if (samples.length < 3) return false;
  const recent = samples.slice(-3);
  return (recent[1] as number) > (recent[0] as number) && (recent[2] as number) > (recent[1] as number);
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}
