import { useMemo } from 'react';
import { deadLetterQueues } from '../../../shared/topology/dead-letter-queues.js';
import { useTopologySnapshot } from '../topology/useTopologySnapshot.js';
import type { DeadLetterInfo } from './SendBackDialog.js';

/** Whether `queue` is a dead-letter queue of its vhost (some queue's dead-letter exchange routes to it), and from which queues. */
export function useDeadLetterInfo(vhost: string, queue: string): DeadLetterInfo | null {
  const { snapshot } = useTopologySnapshot(vhost);
  const deadLetter = useMemo(() => (snapshot ? deadLetterQueues(snapshot) : null), [snapshot]);
  const origins = deadLetter?.get(queue);
  return useMemo(() => (origins ? { vhost, queue, origins: [...new Set(origins.map((o) => o.queue))] } : null), [origins, vhost, queue]);
}
