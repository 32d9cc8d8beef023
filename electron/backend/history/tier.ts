import { COLUMNS } from './columns.js';
import { type ColumnPlan, decodeColumn, encodeColumn, planColumn } from './chunk-codec.js';

/**
 * A run of consecutive points of every scope, packed. `ids` lists the scopes
 * with data in it (ascending); scope ids[i]'s columns are data[offsets[i]..offsets[i+1]).
 */
export interface Chunk {
  times: Float64Array;
  ids: Int32Array;
  offsets: Uint32Array;
  data: Uint8Array;
}

/** One scope's points read back: times and COLUMNS values per point, row-major. */
export interface Points {
  times: number[];
  values: number[];
  /** The time of the point before the first one returned (NaN: none): full-resolution rates need the interval. */
  before: number;
}

/**
 * Points of every scope on one shared time axis: each append is one point in
 * time for all scopes at once (one sample). The newest `chunkLen` points sit
 * in a Float64Array open chunk; a full chunk is packed (chunk-codec) into
 * one buffer for all scopes, so an hour of 10,000 queues is a few dozen
 * typed arrays, not millions of objects. Old chunks are dropped whole.
 */
export class Tier {
  readonly chunkLen: number;
  readonly sealed: Chunk[] = [];
  private openTimes: Float64Array;
  private openCount = 0;
  /**
   * The open chunk, one row block per scope written in it (a slot), not per
   * scope ever seen: queues come and go (RPC reply queues), and what an open
   * chunk costs must follow the queues of now.
   */
  private open: Float64Array;
  private slots: number;
  /** Scope id to its slot + 1 in the open chunk (0: none yet). */
  private slotOf = new Int32Array(0);
  private slotIds: number[] = [];

  constructor(chunkLen: number, initialSlots = 64) {
    this.chunkLen = chunkLen;
    this.slots = initialSlots;
    this.openTimes = new Float64Array(chunkLen);
    this.open = new Float64Array(initialSlots * chunkLen * COLUMNS).fill(NaN);
  }

  get lastTime(): number | null {
    if (this.openCount > 0) return this.openTimes[this.openCount - 1] as number;
    const last = this.sealed.at(-1);
    return last ? (last.times[last.times.length - 1] as number) : null;
  }

  get firstTime(): number | null {
    const first = this.sealed[0];
    if (first) return first.times[0] as number;
    return this.openCount > 0 ? (this.openTimes[0] as number) : null;
  }

  /** Starts a point at time t; then `set` fills it, scope by scope. */
  begin(t: number): void {
    if (this.openCount === this.chunkLen) this.seal();
    this.openTimes[this.openCount++] = t;
  }

  /** Sets scope `id`'s columns of the point begun last. */
  set(id: number, column: number, value: number): void {
    const slot = this.slotFor(id);
    this.open[(slot * this.chunkLen + this.openCount - 1) * COLUMNS + column] = value;
  }

  /** Packs the open chunk (any length) without changing the tier: for saving. */
  packOpen(): Chunk | null {
    return this.openCount === 0 ? null : this.pack(this.openCount);
  }

  /** Drops chunks that end before `t`. */
  dropBefore(t: number): void {
    while (this.sealed.length > 0 && ((this.sealed[0] as Chunk).times.at(-1) as number) < t) this.sealed.shift();
  }

  /** Scope `id`'s points with from <= t <= to, oldest first; NaN where it had no data. */
  read(id: number, from: number, to: number): Points {
    const out: Points = { times: [], values: [], before: NaN };
    this.visit(id, from, to, (t, previous, values, at, stride) => {
      if (out.times.length === 0) out.before = previous;
      out.times.push(t);
      for (let c = 0; c < COLUMNS; c++) out.values.push(values[at + c * stride] as number);
    });
    return out;
  }

  /**
   * Calls `point` for each of scope `id`'s points in [from, to], oldest first,
   * with the time of the point before it (NaN: none) and its columns at
   * values[at + c * stride] (NaN where it had no data), building nothing per
   * point: sparklines of many queues read this way.
   */
  visit(id: number, from: number, to: number, point: (t: number, previous: number, values: Float64Array, at: number, stride: number) => void): void {
    let previous = NaN;
    let scratch = new Float64Array(this.chunkLen * COLUMNS);
    const missing = new Float64Array(COLUMNS).fill(NaN);
    for (const chunk of this.sealed) {
      const last = chunk.times.at(-1) as number;
      if (last < from) {
        previous = last;
        continue;
      }
      if ((chunk.times[0] as number) > to) break;
      const n = chunk.times.length;
      if (n * COLUMNS > scratch.length) scratch = new Float64Array(n * COLUMNS);
      const found = decodeScope(chunk, id, scratch);
      for (let i = 0; i < n; i++) {
        const t = chunk.times[i] as number;
        if (t >= from && t <= to) {
          if (found) point(t, previous, scratch, i, n);
          else point(t, previous, missing, 0, 1);
        }
        previous = t;
      }
    }
    const slot = id < this.slotOf.length ? (this.slotOf[id] as number) - 1 : -1;
    for (let i = 0; i < this.openCount; i++) {
      const t = this.openTimes[i] as number;
      if (t >= from && t <= to) {
        if (slot >= 0) point(t, previous, this.open, (slot * this.chunkLen + i) * COLUMNS, 1);
        else point(t, previous, missing, 0, 1);
      }
      previous = t;
    }
  }

  /** Drops the oldest packed chunk; answers the bytes freed (0 when there is none). */
  dropOldest(): number {
    const c = this.sealed.shift();
    return c ? chunkBytes(c) : 0;
  }

  /** Bytes held by packed chunks and the open chunk. */
  bytes(): number {
    return this.open.byteLength + this.openTimes.byteLength + this.slotOf.byteLength + this.packedBytes();
  }

  /** Bytes held by packed chunks: what dropping old chunks can give back. */
  packedBytes(): number {
    let sum = 0;
    for (const c of this.sealed) sum += chunkBytes(c);
    return sum;
  }

  private slotFor(id: number): number {
    if (id >= this.slotOf.length) {
      const grown = new Int32Array(Math.max(id + 1, Math.ceil(this.slotOf.length * 1.5), 1024));
      grown.set(this.slotOf);
      this.slotOf = grown;
    }
    const known = (this.slotOf[id] as number) - 1;
    if (known >= 0) return known;
    const slot = this.slotIds.length;
    if (slot >= this.slots) this.grow(slot + 1);
    this.slotIds.push(id);
    this.slotOf[id] = slot + 1;
    return slot;
  }

  private seal(): void {
    this.sealed.push(this.pack(this.openCount));
    this.open.fill(NaN, 0, this.slotIds.length * this.chunkLen * COLUMNS);
    for (const id of this.slotIds) this.slotOf[id] = 0;
    this.slotIds = [];
    this.openCount = 0;
  }

  private pack(n: number): Chunk {
    const ids = [...this.slotIds].sort((a, b) => a - b);
    const base = (id: number) => ((this.slotOf[id] as number) - 1) * this.chunkLen * COLUMNS;
    // Planned once: the sizes give the buffer, then the same plans are written.
    const plans: ColumnPlan[] = new Array(ids.length * COLUMNS);
    let size = 0;
    ids.forEach((id, i) => {
      for (let c = 0; c < COLUMNS; c++) size += (plans[i * COLUMNS + c] = planColumn(this.open, base(id) + c, COLUMNS, n)).size;
    });
    const data = new Uint8Array(size);
    const view = new DataView(data.buffer);
    const offsets = new Uint32Array(ids.length + 1);
    let offset = 0;
    ids.forEach((id, i) => {
      offsets[i] = offset;
      for (let c = 0; c < COLUMNS; c++) offset = encodeColumn(this.open, base(id) + c, COLUMNS, n, view, offset, plans[i * COLUMNS + c]);
    });
    offsets[ids.length] = offset;
    return { times: this.openTimes.slice(0, n), ids: Int32Array.from(ids), offsets, data };
  }

  private grow(needed: number): void {
    // By a quarter, not double: at 10,000 queues the open chunk is most of what a tier holds unpacked.
    const slots = Math.max(needed, Math.ceil(this.slots * 1.25));
    const open = new Float64Array(slots * this.chunkLen * COLUMNS).fill(NaN);
    open.set(this.open);
    this.open = open;
    this.slots = slots;
  }
}

const chunkBytes = (c: Chunk) => c.times.byteLength + c.ids.byteLength + c.offsets.byteLength + c.data.byteLength;

/** Decodes scope `id`'s columns of a chunk into target, column-major (column c at c*n); false when it has none there. */
function decodeScope(chunk: Chunk, id: number, target: Float64Array): boolean {
  let lo = 0;
  let hi = chunk.ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = chunk.ids[mid] as number;
    if (at === id) {
      const n = chunk.times.length;
      const view = new DataView(chunk.data.buffer, chunk.data.byteOffset, chunk.data.byteLength);
      let offset = chunk.offsets[mid] as number;
      for (let c = 0; c < COLUMNS; c++) offset = decodeColumn(view, offset, n, target, c * n);
      return true;
    }
    if (at < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
