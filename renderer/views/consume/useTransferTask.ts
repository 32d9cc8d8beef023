import { useCallback, useEffect, useState } from 'react';
import type { TransferProgress } from '../../../shared/model/workbench/surgery.js';
import { errorMessage } from '../../state/consoleStore.js';
import { useClient } from '../../state/StoreProvider.js';

export type RunningTask = { transferId: string; label: string; total: number; progress: TransferProgress | null };
export type TaskOutcome = { message: string; failed: boolean; details?: string[] };

/**
 * One long operation at a time (copy, move, load, send back): its progress
 * from 'workbench.transferProgress', a Cancel, and the outcome in words.
 */
export function useTransferTask() {
  const client = useClient();
  const [running, setRunning] = useState<RunningTask | null>(null);
  const [outcome, setOutcome] = useState<TaskOutcome | null>(null);
  const transferId = running?.transferId ?? null;

  useEffect(() => {
    if (transferId === null) return undefined;
    return client.on('workbench.transferProgress', (progress) => {
      if (progress.transferId === transferId) setRunning((r) => (r && r.transferId === transferId ? { ...r, progress } : r));
    });
  }, [client, transferId]);

  const run = useCallback(async (label: string, total: number, work: (transferId: string) => Promise<TaskOutcome>): Promise<void> => {
    const id = crypto.randomUUID();
    setOutcome(null);
    setRunning({ transferId: id, label, total, progress: null });
    try {
      setOutcome(await work(id));
    } catch (error) {
      setOutcome({ message: `${label} stopped: ${errorMessage(error)}`, failed: true });
    } finally {
      setRunning(null);
    }
  }, []);

  const cancel = useCallback(() => {
    if (transferId !== null) void client.call('workbench.transferCancel', { transferId });
  }, [client, transferId]);

  return { running, outcome, run, cancel, report: setOutcome };
}
