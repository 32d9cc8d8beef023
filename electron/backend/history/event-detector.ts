import type { HistoryMarker } from '../../../shared/model/history.js';

export interface QueueObservation {
  /** The queue's scope id in the store, and its QueueRow key. */
  id: number;
  key: string;
  ready: number;
  consumers: number;
  policy: string | null;
  /** Deliveries since the previous sample (NaN: unknown). */
  delivered: number;
  /** A counter of this queue went backwards since the previous sample. */
  reset: boolean;
}

const count = (n: number) => (Number.isNaN(n) ? '?' : n.toLocaleString('en-US'));
const nameOf = (key: string) => key.slice(key.indexOf('\u0000') + 1);

/**
 * What Warren saw happen to queues between two consecutive samples of one
 * run. It says only what the numbers show: ready falling to zero with fewer
 * deliveries than messages may be a purge or an expiry (TTL, max-length
 * drops look the same from outside), so that is what the marker says.
 * The previous sample is kept in arrays indexed by scope id: at 10,000
 * queues every 2 s, an object per queue per sample is what would cost.
 */
export class EventDetector {
  private ready = new Float64Array(0);
  private consumers = new Float64Array(0);
  private policies: (string | null)[] = [];
  /** The sample number each scope was last seen in. */
  private seenIn = new Float64Array(0);
  private sample = 0;
  private previousIds: { id: number; key: string }[] = [];
  private currentIds: { id: number; key: string }[] = [];

  begin(): void {
    this.sample++;
  }

  observe(at: number, q: QueueObservation, out: HistoryMarker[]): void {
    if (q.id >= this.seenIn.length) this.grow(q.id + 1);
    const { id, key } = q;
    const primed = this.sample > 1;
    const wasThere = this.seenIn[id] === this.sample - 1;
    if (!wasThere) {
      if (primed) out.push({ t: at, kind: 'created', queue: key, text: `Queue ${nameOf(key)} appeared` });
    } else {
      const readyBefore = this.ready[id] as number;
      const consumersBefore = this.consumers[id] as number;
      const policyBefore = this.policies[id] ?? null;
      if (q.reset) out.push({ t: at, kind: 'reset', queue: key, text: 'Counters went back: the broker restarted or the queue was declared again' });
      if (!Number.isNaN(q.consumers) && !Number.isNaN(consumersBefore) && q.consumers !== consumersBefore) {
        out.push({ t: at, kind: 'consumers', queue: key, text: `Consumers ${count(consumersBefore)} → ${count(q.consumers)}` });
      }
      if (q.policy !== policyBefore) out.push({ t: at, kind: 'policy', queue: key, text: `Policy ${policyBefore ?? 'none'} → ${q.policy ?? 'none'}` });
      if (readyBefore > 0 && q.ready === 0 && !q.reset && !Number.isNaN(q.delivered) && q.delivered < readyBefore) {
        out.push({ t: at, kind: 'purge', queue: key, text: `Ready ${count(readyBefore)} → 0 with ${count(q.delivered)} delivered: purged or expired` });
      }
    }
    this.ready[id] = q.ready;
    this.consumers[id] = q.consumers;
    this.policies[id] = q.policy;
    this.seenIn[id] = this.sample;
    this.currentIds.push({ id, key });
  }

  /** Ends a sample: queues of the previous one not observed in it were deleted. */
  finish(at: number, out: HistoryMarker[]): void {
    for (const { id, key } of this.previousIds) {
      if (this.seenIn[id] !== this.sample) out.push({ t: at, kind: 'deleted', queue: key, text: `Queue ${nameOf(key)} disappeared` });
    }
    this.previousIds = this.currentIds;
    this.currentIds = [];
  }

  private grow(needed: number): void {
    const size = Math.max(needed, this.seenIn.length * 2, 1024);
    const grow = (a: Float64Array) => {
      const b = new Float64Array(size);
      b.set(a);
      return b;
    };
    this.ready = grow(this.ready);
    this.consumers = grow(this.consumers);
    this.seenIn = grow(this.seenIn);
  }
}
