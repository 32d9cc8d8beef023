import { rowKey } from '../../../shared/model/inventory.js';
import type { RawQueue } from './raw-schemas.js';

/** Numbers per queue: ready, unacked, bytes, consumers, then the publish, deliver_get, ack and redeliver totals. */
export const QUEUE_FIELDS = 8;

/**
 * The numbers of every queue in one sample, for the history store: columnar
 * (QUEUE_FIELDS per queue in `data`) because there may be 10,000 queues every
 * 2 s. NaN where the broker did not say: counts absent (metrics collection
 * disabled), or every counter when it keeps no statistics at all.
 */
export interface QueueNumbers {
  keys: string[];
  vhosts: string[];
  policies: (string | null)[];
  data: Float64Array;
}

const orNaN = (v: number | null | undefined) => v ?? NaN;

/**
 * With statistics on, a counter the broker leaves out has not moved yet:
 * RabbitMQ omits message_stats until a queue sees traffic, and the embedded
 * broker omits a group of counters until one of them moves. That is 0, so the
 * first messages after it still count.
 */
export function queueNumbers(queues: readonly RawQueue[], statsAvailable: boolean): QueueNumbers {
  const n = queues.length;
  const out: QueueNumbers = { keys: new Array(n), vhosts: new Array(n), policies: new Array(n), data: new Float64Array(n * QUEUE_FIELDS) };
  const counter = (v: number | null | undefined) => v ?? (statsAvailable ? 0 : NaN);
  for (let i = 0; i < n; i++) {
    const q = queues[i] as RawQueue;
    const s = q.message_stats;
    out.keys[i] = rowKey(q.vhost, q.name);
    out.vhosts[i] = q.vhost;
    out.policies[i] = q.policy ?? null;
    out.data.set(
      [
        orNaN(q.messages_ready),
        orNaN(q.messages_unacknowledged),
        orNaN(q.message_bytes),
        orNaN(q.consumers),
        counter(s?.publish),
        counter(s?.deliver_get),
        counter(s?.ack),
        counter(s?.redeliver),
      ],
      i * QUEUE_FIELDS,
    );
  }
  return out;
}
