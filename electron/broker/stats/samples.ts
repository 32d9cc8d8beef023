// Periodic samples of counters and lengths, from which the HTTP API derives
// `*_details` objects: the rate over the last sample interval, and on request
// (lengths_age/lengths_incr, msg_rates_age/msg_rates_incr, data_rates_age/
// data_rates_incr) the samples themselves with avg and avg_rate, as RabbitMQ's
// rabbit_mgmt_stats does. Samples are taken every `intervalMs` at aligned
// timestamps (RabbitMQ: every 5 s) and kept for `retainMs`.

export type SampleValues = Record<string, number>;

interface Ring {
  times: number[];
  values: SampleValues[];
}

export interface SampleRange {
  /** How far back, ms. */
  ageMs: number;
  /** Spacing between returned samples, ms. */
  incrMs: number;
}

export interface Details {
  rate: number;
  samples?: { sample: number; timestamp: number }[];
  avg?: number;
  avg_rate?: number;
}

export class Sampler {
  private readonly rings = new WeakMap<object, Ring>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly collect: () => Iterable<readonly [object, SampleValues]>,
    readonly intervalMs = 5000,
    private readonly retainMs = 600_000,
  ) {}

  start(): void {
    if (this.timer) return;
    this.sample(Date.now());
    this.timer = setInterval(() => this.sample(Date.now()), this.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Records one sample of every object the collector reports, at `now` rounded down to the interval. */
  sample(now: number): void {
    const t = Math.floor(now / this.intervalMs) * this.intervalMs;
    const keep = Math.ceil(this.retainMs / this.intervalMs) + 1;
    for (const [owner, values] of this.collect()) {
      let ring = this.rings.get(owner);
      if (!ring) {
        ring = { times: [], values: [] };
        this.rings.set(owner, ring);
      }
      const last = ring.values.at(-1);
      // Idle objects (most of a large broker's queues) share one values object across samples.
      const next = last && sameValues(last, values) ? last : { ...values };
      if (ring.times.at(-1) === t) {
        ring.values[ring.values.length - 1] = next;
        continue;
      }
      ring.times.push(t);
      ring.values.push(next);
      if (ring.times.length > keep) {
        ring.times.shift();
        ring.values.shift();
      }
    }
  }

  /** `{rate}` for `key` of `owner`, plus samples/avg/avg_rate when a range is asked for. */
  details(owner: object, key: string, range?: SampleRange): Details {
    const ring = this.rings.get(owner);
    const n = ring?.times.length ?? 0;
    let rate = 0;
    if (ring && n >= 2) {
      const dt = (ring.times[n - 1]! - ring.times[n - 2]!) / 1000;
      rate = dt > 0 ? ((ring.values[n - 1]![key] ?? 0) - (ring.values[n - 2]![key] ?? 0)) / dt : 0;
    }
    if (!range || !ring || n === 0) return range ? { rate, samples: [], avg: 0, avg_rate: 0 } : { rate };
    const newest = ring.times[n - 1]!;
    const samples: { sample: number; timestamp: number }[] = [];
    const incr = Math.max(this.intervalMs, Math.floor(range.incrMs / this.intervalMs) * this.intervalMs);
    for (let ts = newest; ts >= newest - range.ageMs; ts -= incr) {
      const i = lastIndexAtOrBefore(ring.times, ts);
      if (i < 0) break;
      samples.push({ sample: ring.values[i]![key] ?? 0, timestamp: ts });
    }
    const sum = samples.reduce((a, s) => a + s.sample, 0);
    const first = samples.at(-1);
    const last = samples[0];
    const span = first && last ? (last.timestamp - first.timestamp) / 1000 : 0;
    return {
      rate,
      samples,
      avg: samples.length > 0 ? sum / samples.length : 0,
      avg_rate: span > 0 ? (last!.sample - first!.sample) / span : 0,
    };
  }
}

/** Details of several objects added up (their samples share aligned timestamps). */
export function sumDetails(list: readonly Details[]): Details {
  if (list.length === 1) return list[0]!;
  const out: Details = { rate: list.reduce((n, d) => n + d.rate, 0) };
  if (list.length === 0 || list[0]!.samples === undefined) return out;
  const byTime = new Map<number, number>();
  for (const d of list) for (const s of d.samples ?? []) byTime.set(s.timestamp, (byTime.get(s.timestamp) ?? 0) + s.sample);
  out.samples = [...byTime].sort((a, b) => b[0] - a[0]).map(([timestamp, sample]) => ({ sample, timestamp }));
  out.avg = list.reduce((n, d) => n + (d.avg ?? 0), 0);
  out.avg_rate = list.reduce((n, d) => n + (d.avg_rate ?? 0), 0);
  return out;
}

function sameValues(a: SampleValues, b: SampleValues): boolean {
  const keys = Object.keys(b);
  if (Object.keys(a).length !== keys.length) return false;
  for (const k of keys) if (a[k] !== b[k]) return false;
  return true;
}

function lastIndexAtOrBefore(times: readonly number[], t: number): number {
  for (let i = times.length - 1; i >= 0; i--) if (times[i]! <= t) return i;
  return -1;
}
