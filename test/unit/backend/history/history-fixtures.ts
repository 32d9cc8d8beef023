import type { HistoryInput } from '../../../../electron/backend/history/history-input.js';
import { QUEUE_FIELDS } from '../../../../electron/backend/management/queue-numbers.js';
import { rowKey } from '../../../../shared/model/inventory.js';

export interface QueueSample {
  vhost?: string;
  name: string;
  ready: number;
  unacked?: number;
  bytes?: number;
  consumers?: number;
  publish?: number;
  deliver?: number;
  ack?: number;
  redeliver?: number;
  policy?: string | null;
}

/** One sample of the given queues, as the sampler hands it to the history store. */
export function sampleOf(at: number, queues: QueueSample[], options: { intervalMs?: number; statsAvailable?: boolean } = {}): HistoryInput {
  const data = new Float64Array(queues.length * QUEUE_FIELDS);
  queues.forEach((q, i) => {
    data.set([q.ready, q.unacked ?? 0, q.bytes ?? 0, q.consumers ?? 0, q.publish ?? 0, q.deliver ?? 0, q.ack ?? 0, q.redeliver ?? 0], i * QUEUE_FIELDS);
  });
  return {
    at,
    intervalMs: options.intervalMs ?? 2000,
    statsAvailable: options.statsAvailable ?? true,
    keys: queues.map((q) => rowKey(q.vhost ?? '/', q.name)),
    vhosts: queues.map((q) => q.vhost ?? '/'),
    policies: queues.map((q) => q.policy ?? null),
    data,
  };
}
