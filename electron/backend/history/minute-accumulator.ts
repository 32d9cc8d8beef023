import { COLUMNS, COL } from './columns.js';
import type { Tier } from './tier.js';

export const MINUTE_MS = 60_000;

const isCounter = (c: number) => c >= COL.publish;

/**
 * Folds full-resolution points into one point per wall-clock minute for the
 * long tier: gauges (ready, unacked, bytes, consumers) averaged over the
 * samples of the minute, counters turned into the mean rate over the time
 * they cover, so a minute half spent disconnected still gives the right rate
 * for the half it saw. Both are rounded to whole numbers (rates as messages
 * per minute) so they pack into one or two bytes: a 24 h chart does not need
 * a fraction of a message, and a rate keeps a precision of 1/60 msg/s.
 */
export class MinuteAccumulator {
  private minute: number | null = null;
  private sums = new Float64Array(0);
  /** Gauges: samples counted; counters: milliseconds covered. */
  private weights = new Float64Array(0);
  private touched = new Uint8Array(0);

  /** The minute `t` falls in; flushes the previous minute into `tier` when it changed. */
  enter(t: number, tier: Tier): void {
    const minute = Math.floor(t / MINUTE_MS) * MINUTE_MS;
    if (this.minute !== null && minute !== this.minute) this.flush(tier);
    this.minute = minute;
  }

  /** Adds a gauge value, or a counter increase over `dtMs`. NaN adds nothing. */
  add(id: number, column: number, value: number, dtMs: number): void {
    if (Number.isNaN(value)) return;
    if (id >= this.touched.length) this.grow(id + 1);
    const at = id * COLUMNS + column;
    this.sums[at] = (this.sums[at] as number) + value;
    this.weights[at] = (this.weights[at] as number) + (isCounter(column) ? dtMs : 1);
    this.touched[id] = 1;
  }

  /** Writes the minute so far as one point of `tier` (before a save at exit) and starts over. */
  flush(tier: Tier): void {
    if (this.minute === null) return;
    let any = false;
    for (let id = 0; id < this.touched.length; id++) {
      if (this.touched[id] === 0) continue;
      if (!any) {
        tier.begin(this.minute);
        any = true;
      }
      for (let c = 0; c < COLUMNS; c++) {
        const w = this.weights[id * COLUMNS + c] as number;
        const sum = this.sums[id * COLUMNS + c] as number;
        if (w > 0) tier.set(id, c, Math.round(isCounter(c) ? (sum * MINUTE_MS) / w : sum / w));
      }
    }
    this.sums.fill(0);
    this.weights.fill(0);
    this.touched.fill(0);
    this.minute = null;
  }

  private grow(needed: number): void {
    const size = Math.max(needed, this.touched.length * 2, 64);
    const sums = new Float64Array(size * COLUMNS);
    sums.set(this.sums);
    const weights = new Float64Array(size * COLUMNS);
    weights.set(this.weights);
    const touched = new Uint8Array(size);
    touched.set(this.touched);
    this.sums = sums;
    this.weights = weights;
    this.touched = touched;
  }
}
