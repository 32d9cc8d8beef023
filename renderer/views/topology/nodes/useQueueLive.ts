import { useSyncExternalStore } from 'react';
import type { QueueRow } from '../../../../shared/model/inventory.js';
import { useConsole } from '../../../state/StoreProvider.js';
import { queueIndex, queueKey } from '../live-index.js';
import { useTopologyContext } from '../topology-context.js';

/**
 * A queue node's live numbers, straight from the sampler's inventory: the
 * node re-renders when its own row changes, and the graph is never laid out
 * again for a count.
 */
export function useQueueLive(name: string): { row: QueueRow | undefined; growing: boolean } {
  const { vhost, growth } = useTopologyContext();
  const key = queueKey(vhost, name);
  const row = useConsole((s) => queueIndex(s.inventory.queues).get(key));
  const growing = useSyncExternalStore(growth.subscribe, () => growth.isGrowing(key));
  return { row, growing };
}
