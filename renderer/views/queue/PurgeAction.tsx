import { useState } from 'react';
import type { QueueRow } from '../../../shared/model/inventory.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { formatCount } from '../../format/numbers.js';
import { errorMessage } from '../../state/consoleStore.js';
import { useClient } from '../../state/StoreProvider.js';

/** Purge, after a confirmation that says how many messages go. */
export function PurgeAction({ queue, onOutcome }: { queue: QueueRow; onOutcome: (message: string, failed: boolean) => void }) {
  const client = useClient();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const purge = async (): Promise<void> => {
    setAsking(false);
    setBusy(true);
    try {
      await client.call('queue.purge', { vhost: queue.vhost, name: queue.name });
      onOutcome(`Purged “${queue.name}”.`, false);
    } catch (error) {
      onOutcome(`Purge failed: ${errorMessage(error)}`, true);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" className="button button--danger-ghost" disabled={busy} onClick={() => setAsking(true)}>
        Purge…
      </button>
      <ConfirmDialog open={asking} title={`Purge ${queue.name}?`} confirmLabel={`Purge ${formatCount(queue.ready)} messages`} danger onConfirm={() => void purge()} onCancel={() => setAsking(false)}>
        <p>
          Deletes the <strong>{formatCount(queue.ready)}</strong> ready messages in <strong>{queue.name}</strong> (vhost {queue.vhost}). They cannot be
          recovered.
        </p>
        {queue.unacked > 0 ? <p className="muted">The {formatCount(queue.unacked)} unacknowledged messages stay with their consumers.</p> : null}
      </ConfirmDialog>
    </>
  );
}
