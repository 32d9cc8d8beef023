import { useEffect, useState } from 'react';
import type { QueueMoveProgress } from '../../../shared/model/queue-actions.js';
import { useClient } from '../../state/StoreProvider.js';

/** The latest queue.moveProgress event of the move `moveId` (null before the first, or when none runs). */
export function useMoveProgress(moveId: string | null): QueueMoveProgress | null {
  const client = useClient();
  const [progress, setProgress] = useState<QueueMoveProgress | null>(null);
  useEffect(() => {
    setProgress(null);
    if (moveId === null) return undefined;
    return client.on('queue.moveProgress', (p) => {
      if (p.moveId === moveId) setProgress(p);
    });
  }, [client, moveId]);
  return progress;
}
