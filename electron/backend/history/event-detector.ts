import type { HistoryMarker } from '../../../shared/model/history.js';

interface QueueState {
  ready: number;
  consumers: number;
  policy: string | null;
}

export interface QueueObservation {
  key: string;
  ready: number;
  consumers: number;
  policy: string | null;
  /** Deliveries and acks since the previous sample (NaN: unknown). */
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
 */
export class EventDetector {
  private previous = new Map<string, QueueState>();
  private next = new Map<string, QueueState>();
  private primed = false;

  observe(at: number, q: QueueObservation, out: HistoryMarker[]): void {
    const before = this.previous.get(q.key);
    this.next.set(q.key, { ready: q.ready, consumers: q.consumers, policy: q.policy });
    const name = nameOf(q.key);
    if (!before) {
      if (this.primed) out.push({ t: at, kind: 'created', queue: q.key, text: `Queue ${name} appeared` });
      return;
    }
    this.previous.delete(q.key);
    if (q.reset) out.push({ t: at, kind: 'reset', queue: q.key, text: 'Counters went back: the broker restarted or the queue was declared again' });
    if (!Number.isNaN(q.consumers) && !Number.isNaN(before.consumers) && q.consumers !== before.consumers) {
      out.push({ t: at, kind: 'consumers', queue: q.key, text: `Consumers ${count(before.consumers)} → ${count(q.consumers)}` });
    }
    if (q.policy !== before.policy) {
      out.push({ t: at, kind: 'policy', queue: q.key, text: `Policy ${before.policy ?? 'none'} → ${q.policy ?? 'none'}` });
    }
    if (before.ready > 0 && q.ready === 0 && !q.reset && !Number.isNaN(q.delivered) && q.delivered < before.ready) {
      out.push({
        t: at,
        kind: 'purge',
        queue: q.key,
        text: `Ready ${count(before.ready)} → 0 with ${count(q.delivered)} delivered: purged or expired`,
      });
    }
  }

  /** Ends a sample: queues not observed in it were deleted. */
  finish(at: number, out: HistoryMarker[]): void {
    if (this.primed) {
      for (const key of this.previous.keys()) out.push({ t: at, kind: 'deleted', queue: key, text: `Queue ${nameOf(key)} disappeared` });
    }
    this.previous = this.next;
    this.next = new Map();
    this.primed = true;
  }
}
