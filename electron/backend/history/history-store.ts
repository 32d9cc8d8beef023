import type { HistoryMarker } from '../../../shared/model/history.js';
import { COL, COLUMNS, COUNTER_COLUMNS } from './columns.js';
import { compactState } from './compact-state.js';
import { counterDelta } from './counter-delta.js';
import { EventDetector } from './event-detector.js';
import type { HistoryInput } from './history-input.js';
import { QUEUE_FIELDS } from '../management/queue-numbers.js';
import { MINUTE_MS, MinuteAccumulator } from './minute-accumulator.js';
import { ScopeRegistry } from './scope-registry.js';
import { type Chunk, type Points, Tier } from './tier.js';

export const FULL_RESOLUTION_MS = 60 * 60_000;
export const DEFAULT_RETENTION_MS = 24 * 60 * 60_000;
/**
 * Memory the packed points of one profile may take (the open chunks, some
 * 25 MB at 10,000 queues, come on top). Beyond it, full
 * resolution is given up first (down to its last ten minutes; the minute
 * points of that time are kept), then the oldest minute points: so a broker
 * where everything moves all the time shortens the history instead of
 * growing the backend without bound.
 */
export const DEFAULT_MEMORY_BUDGET = 160 * 1024 * 1024;
const KEEP_FULL_AT_LEAST_MS = 10 * 60_000;
/** Markers kept per profile; the oldest go first. */
export const MAX_MARKERS = 20_000;

/** Full-resolution chunks: 30 samples (a minute at the default 2 s). */
const FULL_CHUNK = 30;
/** One-minute chunks: ten minutes each, so the unpacked open chunk stays small. */
const MINUTE_CHUNK = 10;

export interface HistoryStoreOptions {
  retentionMs?: number;
  fullResolutionMs?: number;
  memoryBudgetBytes?: number;
}

/** Everything a store holds, as the history file saves and restores it. */
export interface HistoryState {
  keys: string[];
  full: Chunk[];
  minutes: Chunk[];
  gaps: [number, number][];
  markers: HistoryMarker[];
  statsAvailable: boolean;
}

/** A scope's points from one tier, and which tier: full-resolution points carry counter increases, minute points carry rates. */
export interface TierPoints extends Points {
  tier: 'full' | 'minute';
}

const queueScope = (key: string) => `q\u0000${key}`;
const vhostScope = (vhost: string) => `v\u0000${vhost}`;
const BROKER = 'b';

/**
 * The history of one broker profile: every queue, vhost and the broker as a
 * whole, at full resolution for the last hour and one point a minute for the
 * retention, with gaps and markers. Fed one sample at a time; pure (no I/O):
 * history-log saves and loads its state.
 */
export class HistoryStore {
  retentionMs: number;
  readonly fullResolutionMs: number;
  readonly memoryBudgetBytes: number;
  readonly scopes: ScopeRegistry;
  readonly full = new Tier(FULL_CHUNK, 1024);
  readonly minutes = new Tier(MINUTE_CHUNK, 1024);
  gaps: [number, number][];
  markers: HistoryMarker[];
  statsAvailable: boolean;
  /** Queue scopes whose latest counts came from AMQP (queue.declare passive). */
  readonly amqpPassive = new Set<number>();
  private readonly accumulator = new MinuteAccumulator();
  private readonly detector = new EventDetector();
  /** QueueRow key to scope id, without building the scope key of 10,000 queues every sample. */
  private readonly queueIds = new Map<string, number>();
  private totals = new Float64Array(0);
  private lastAt: number | null;
  /** A store starts broken: what a saved file ends with was sampled by another run of Warren. */
  private broken = true;

  constructor(options: HistoryStoreOptions = {}, saved?: HistoryState) {
    const state = saved && compactState(saved);
    this.retentionMs = options.retentionMs ?? DEFAULT_RETENTION_MS;
    this.fullResolutionMs = options.fullResolutionMs ?? FULL_RESOLUTION_MS;
    this.memoryBudgetBytes = options.memoryBudgetBytes ?? DEFAULT_MEMORY_BUDGET;
    this.scopes = new ScopeRegistry(state?.keys);
    this.full.sealed.push(...(state?.full ?? []));
    this.minutes.sealed.push(...(state?.minutes ?? []));
    this.gaps = state?.gaps ?? [];
    this.markers = state?.markers ?? [];
    this.statsAvailable = state?.statsAvailable ?? true;
    this.lastAt = this.full.lastTime;
  }

  /** Sampling stopped (disconnected, switched profile): the next sample starts after a gap. */
  markBreak(): void {
    this.broken = true;
  }

  /** Records one sample; answers whether it follows a gap. */
  append(input: HistoryInput): { gap: boolean } {
    const at = input.at;
    if (this.lastAt !== null && at <= this.lastAt) return { gap: false };
    const silence = Math.max(3 * input.intervalMs, input.intervalMs + 5000);
    const gap = this.lastAt !== null && (this.broken || at - this.lastAt > silence);
    if (gap) {
      this.gaps.push([this.lastAt as number, at]);
      // Increases across a gap are not spread over it: the first sample after one has no rates.
      this.totals.fill(NaN);
    }
    const dt = this.lastAt === null || gap ? NaN : at - this.lastAt;
    this.broken = false;
    this.lastAt = at;
    this.statsAvailable = input.statsAvailable;
    this.full.begin(at);
    this.accumulator.enter(at, this.minutes);
    this.detector.begin();

    const vhostSums = new Map<string, Float64Array>();
    // A broker without queues holds no messages: zeros, not "no data".
    const brokerSums = new Float64Array(COLUMNS).fill(input.keys.length === 0 ? 0 : NaN);
    if (Number.isNaN(dt)) for (const c of COUNTER_COLUMNS) brokerSums[c] = NaN;
    const values = new Float64Array(COLUMNS);
    const markers: HistoryMarker[] = [];
    const n = input.keys.length;
    for (let i = 0; i < n; i++) {
      const key = input.keys[i] as string;
      let id = this.queueIds.get(key);
      if (id === undefined) {
        this.queueIds.set(key, (id = this.scopes.idOf(queueScope(key))));
        // Declared since the previous sample: its counters started at 0 within this interval, so
        // the messages published into it before it was first listed still count.
        if (!Number.isNaN(dt)) this.startCountersAtZero(id);
      }
      const base = i * QUEUE_FIELDS;
      values[COL.ready] = input.data[base] as number;
      values[COL.unacked] = input.data[base + 1] as number;
      values[COL.bytes] = input.data[base + 2] as number;
      values[COL.consumers] = input.data[base + 3] as number;
      let reset = false;
      for (let k = 0; k < COUNTER_COLUMNS.length; k++) {
        const d = this.counter(id, k, input.data[base + 4 + k] as number);
        values[COUNTER_COLUMNS[k] as number] = Number.isNaN(dt) ? NaN : d.delta;
        reset ||= d.reset;
      }
      this.amqpPassive.delete(id);
      this.write(id, values, dt);
      const vhost = input.vhosts[i] as string;
      let sums = vhostSums.get(vhost);
      if (!sums) vhostSums.set(vhost, (sums = new Float64Array(COLUMNS).fill(NaN)));
      addInto(sums, values);
      addInto(brokerSums, values);
      this.detector.observe(
        at,
        { id, key, ready: values[COL.ready] as number, consumers: values[COL.consumers] as number, policy: input.policies[i] ?? null, delivered: values[COL.deliver] as number, reset },
        markers,
      );
    }
    for (const [vhost, sums] of vhostSums) this.write(this.scopes.idOf(vhostScope(vhost)), sums, dt);
    this.write(this.scopes.idOf(BROKER), brokerSums, dt);
    this.detector.finish(at, markers);
    this.addMarkers(markers);
    this.prune(at);
    return { gap };
  }

  /**
   * Counts read over AMQP for a queue the broker gave none for: they replace
   * the latest sample's ready and consumers of that queue.
   */
  patchLatest(queueKey: string, at: number, ready: number, consumers: number): boolean {
    if (this.lastAt !== at) return false;
    const id = this.scopes.idOf(queueScope(queueKey));
    this.full.set(id, COL.ready, ready);
    this.full.set(id, COL.consumers, consumers);
    this.accumulator.add(id, COL.ready, ready, 0);
    this.accumulator.add(id, COL.consumers, consumers, 0);
    this.amqpPassive.add(id);
    return true;
  }

  /** A scope's points over [from, to]: the minute tier where full resolution no longer reaches, full resolution after. */
  read(scopeKey: string, from: number, to: number): TierPoints[] {
    const id = this.scopes.find(scopeKey);
    if (id === undefined) return [];
    const fullFrom = this.full.firstTime ?? Infinity;
    const parts: TierPoints[] = [];
    if (from < fullFrom) parts.push({ tier: 'minute', ...this.minutes.read(id, from, Math.min(to, lastWholeMinuteBefore(fullFrom))) });
    if (to >= fullFrom) parts.push({ tier: 'full', ...this.full.read(id, Math.max(from, fullFrom), to) });
    return parts;
  }

  /** Visits a scope's points over [from, to] without building arrays (see Tier.visit), minute tier first. */
  visit(scopeKey: string, from: number, to: number, point: (tier: 'full' | 'minute', t: number, previous: number, values: Float64Array, at: number, stride: number) => void): void {
    const id = this.scopes.find(scopeKey);
    if (id === undefined) return;
    const fullFrom = this.full.firstTime ?? Infinity;
    if (from < fullFrom) this.minutes.visit(id, from, Math.min(to, lastWholeMinuteBefore(fullFrom)), (...args) => point('minute', ...args));
    if (to >= fullFrom) this.full.visit(id, Math.max(from, fullFrom), to, (...args) => point('full', ...args));
  }

  oldestAt(): number | null {
    return this.minutes.firstTime ?? this.full.firstTime;
  }

  /** Writes the minute in progress (before saving at exit). */
  flushMinute(): void {
    this.accumulator.flush(this.minutes);
  }

  /** What the store holds; the open chunks packed as if sealed unless `open` is false (the history log writes them apart). */
  state({ open = true }: { open?: boolean } = {}): HistoryState {
    const full = [...this.full.sealed];
    const openFull = open ? this.full.packOpen() : null;
    if (openFull) full.push(openFull);
    const minutes = [...this.minutes.sealed];
    const openMinutes = open ? this.minutes.packOpen() : null;
    if (openMinutes) minutes.push(openMinutes);
    return { keys: [...this.scopes.keys], full, minutes, gaps: this.gaps, markers: this.markers, statsAvailable: this.statsAvailable };
  }

  /** Bytes of typed arrays held (points only; the registry and markers are small beside them). */
  bytes(): number {
    return this.full.bytes() + this.minutes.bytes() + this.totals.byteLength;
  }

  /** Applies a new retention now. */
  setRetention(ms: number): void {
    this.retentionMs = ms;
    if (this.lastAt !== null) this.prune(this.lastAt);
  }

  private write(id: number, values: Float64Array, dt: number): void {
    for (let c = 0; c < COLUMNS; c++) {
      const v = values[c] as number;
      this.full.set(id, c, v);
      this.accumulator.add(id, c, v, dt);
    }
  }

  private startCountersAtZero(id: number): void {
    for (let k = 0; k < COUNTER_COLUMNS.length; k++) this.counter(id, k, 0);
  }

  /** The increase of counter k of scope id since the last sample, remembering the new total. */
  private counter(id: number, k: number, total: number): { delta: number; reset: boolean } {
    const at = id * COUNTER_COLUMNS.length + k;
    if (at >= this.totals.length) {
      const grown = new Float64Array(Math.max(at + 1, this.totals.length * 2, 4096)).fill(NaN);
      grown.set(this.totals);
      this.totals = grown;
    }
    const d = counterDelta(this.totals[at] as number, total);
    this.totals[at] = total;
    return d;
  }

  private addMarkers(markers: HistoryMarker[]): void {
    if (markers.length === 0) return;
    this.markers.push(...markers);
    if (this.markers.length > MAX_MARKERS) this.markers.splice(0, this.markers.length - MAX_MARKERS);
  }

  private prune(now: number): void {
    this.full.dropBefore(now - this.fullResolutionMs);
    const horizon = now - this.retentionMs;
    this.minutes.dropBefore(horizon);
    if (this.gaps.length > 0 && (this.gaps[0] as [number, number])[1] < horizon) this.gaps = this.gaps.filter(([, end]) => end >= horizon);
    if (this.markers.length > 0 && (this.markers[0] as HistoryMarker).t < horizon) this.markers = this.markers.filter((m) => m.t >= horizon);
    this.keepWithinBudget(now);
  }

  private keepWithinBudget(now: number): void {
    let over = this.full.packedBytes() + this.minutes.packedBytes() - this.memoryBudgetBytes;
    const oldFull = () => {
      const first = this.full.sealed[0];
      return first !== undefined && (first.times.at(-1) as number) < now - KEEP_FULL_AT_LEAST_MS;
    };
    while (over > 0 && oldFull()) over -= this.full.dropOldest();
    while (over > 0 && this.minutes.sealed.length > 0) over -= this.minutes.dropOldest();
    while (over > 0 && this.full.sealed.length > 0) over -= this.full.dropOldest();
  }
}

/** Sums column by column, ignoring NaN (a sum stays NaN until something is known). */
function addInto(sums: Float64Array, values: Float64Array): void {
  for (let c = 0; c < COLUMNS; c++) {
    const v = values[c] as number;
    if (Number.isNaN(v)) continue;
    const s = sums[c] as number;
    sums[c] = Number.isNaN(s) ? v : s + v;
  }
}

/**
 * The latest minute point (stamped with its minute's start) that ends by
 * `fullFrom`: a minute straddling the first full-resolution sample averages
 * samples that are also served at full resolution, and would draw a point
 * before the queue existed.
 */
function lastWholeMinuteBefore(fullFrom: number): number {
  return fullFrom - MINUTE_MS;
}

