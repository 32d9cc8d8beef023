import { useEffect, useState } from 'react';
import type { ApplyProgress } from '../../../shared/topology/change.js';
import { useClient } from '../../state/StoreProvider.js';

/** The latest definitions.progress event of the run `applyId` (null when none is running). */
export function useApplyProgress(applyId: string | null): ApplyProgress | null {
  const client = useClient();
  const [progress, setProgress] = useState<ApplyProgress | null>(null);
  useEffect(() => {
    setProgress(null);
    if (applyId === null) return undefined;
    return client.on('definitions.progress', (p) => {
      if (p.applyId === applyId) setProgress(p);
    });
  }, [client, applyId]);
  return progress;
}
