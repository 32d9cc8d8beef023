import { useMemo, useState } from 'react';
import type { QueueRow } from '../../../shared/model/inventory.js';
import { formatCount } from '../../format/numbers.js';
import { errorMessage } from '../../state/consoleStore.js';
import { useClient, useConsole } from '../../state/StoreProvider.js';
import { useMoveProgress } from './useMoveProgress.js';

/**
 * Move all messages to another queue of the same vhost. The backend moves
 * them over AMQP with confirms, so Cancel (or a lost connection) leaves every
 * message in one queue or the other.
 */
export function MoveAction({ queue, onOutcome }: { queue: QueueRow; onOutcome: (message: string, failed: boolean) => void }) {
  const client = useClient();
  const queues = useConsole((s) => s.inventory.queues);
  const targets = useMemo(
    () => queues.filter((q) => q.vhost === queue.vhost && q.name !== queue.name).map((q) => q.name).sort((a, b) => a.localeCompare(b)),
    [queues, queue.vhost, queue.name],
  );
  const [target, setTarget] = useState('');
  const [moveId, setMoveId] = useState<string | null>(null);
  const progress = useMoveProgress(moveId);

  const start = async (): Promise<void> => {
    const id = crypto.randomUUID();
    setMoveId(id);
    try {
      const result = await client.call('queue.move', { moveId: id, vhost: queue.vhost, source: queue.name, target });
      const what = `${formatCount(result.moved)} ${result.moved === 1 ? 'message' : 'messages'} to “${target}”`;
      onOutcome(result.outcome === 'done' ? `Moved ${what}.` : `Cancelled after moving ${what}; the rest stay in “${queue.name}”.`, false);
    } catch (error) {
      onOutcome(`Move stopped: ${errorMessage(error)}`, true);
    } finally {
      setMoveId(null);
    }
  };
  const cancel = (): void => {
    if (moveId !== null) void client.call('queue.moveCancel', { moveId });
  };

  if (moveId !== null) {
    const total = Math.max(progress?.total ?? 0, progress?.moved ?? 0);
    return (
      <div className="queue-move" role="status" aria-label="Move progress">
        <span>Moving to “{target}”</span>
        <progress max={total || 1} value={progress?.moved ?? 0} />
        <span className="num">
          {formatCount(progress?.moved ?? 0)} / {formatCount(total)}
        </span>
        <button type="button" className="button button--small" onClick={cancel}>
          Cancel
        </button>
      </div>
    );
  }
  return (
    <div className="queue-move">
      <label className="queue-move__label">
        Move all to
        <select className="select" value={target} onChange={(e) => setTarget(e.target.value)} aria-label="Target queue">
          <option value="">Choose a queue…</option>
          {targets.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="button" disabled={target === '' || queue.total === 0} onClick={() => void start()} title={queue.total === 0 ? 'The queue is empty' : undefined}>
        Move
      </button>
    </div>
  );
}
