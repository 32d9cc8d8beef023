import type { QueueRow } from '../../../shared/model/inventory.js';

const cache = new WeakMap<readonly QueueRow[], Map<string, QueueRow>>();

/** Queue rows by key (vhost + "\u0000" + name), built once per inventory update however many nodes read it. */
export function queueIndex(queues: readonly QueueRow[]): Map<string, QueueRow> {
  let index = cache.get(queues);
  if (!index) {
    index = new Map(queues.map((q) => [q.key, q]));
    cache.set(queues, index);
  }
  return index;
}

export const queueKey = (vhost: string, name: string): string => `${vhost}\u0000${name}`;
