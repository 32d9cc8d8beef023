import { useState } from 'react';
import type { QueueRow } from '../../../shared/model/inventory.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { formatCount } from '../../format/numbers.js';
import { hrefOf } from '../../navigation/routes.js';
import { errorMessage } from '../../state/consoleStore.js';
import { useClient } from '../../state/StoreProvider.js';

/** Delete, with the broker's if-empty and if-unused guards on by default: it refuses rather than lose messages. */
export function DeleteAction({ queue, onOutcome }: { queue: QueueRow; onOutcome: (message: string, failed: boolean) => void }) {
  const client = useClient();
  const [asking, setAsking] = useState(false);
  const [ifEmpty, setIfEmpty] = useState(true);
  const [ifUnused, setIfUnused] = useState(true);
  const remove = async (): Promise<void> => {
    setAsking(false);
    try {
      await client.call('queue.delete', { vhost: queue.vhost, name: queue.name, ifEmpty, ifUnused });
      window.location.hash = hrefOf('queues');
    } catch (error) {
      onOutcome(`Delete refused: ${errorMessage(error)}`, true);
    }
  };
  return (
    <>
      <button type="button" className="button button--danger-ghost" onClick={() => setAsking(true)}>
        Delete…
      </button>
      <ConfirmDialog open={asking} title={`Delete ${queue.name}?`} confirmLabel="Delete queue" danger onConfirm={() => void remove()} onCancel={() => setAsking(false)}>
        <p>
          Deletes the queue <strong>{queue.name}</strong> (vhost {queue.vhost}) with its bindings
          {queue.total > 0 ? (
            <>
              {' '}
              and its <strong>{formatCount(queue.total)}</strong> messages
            </>
          ) : null}
          .
        </p>
        <label className="check">
          <input type="checkbox" checked={ifEmpty} onChange={(e) => setIfEmpty(e.target.checked)} /> Only if empty (the broker refuses while it holds messages)
        </label>
        <label className="check">
          <input type="checkbox" checked={ifUnused} onChange={(e) => setIfUnused(e.target.checked)} /> Only if unused (the broker refuses while it has consumers)
        </label>
      </ConfirmDialog>
    </>
  );
}
