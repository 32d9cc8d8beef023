import { useEffect, useState } from 'react';
import type { QueueRow } from '../../../shared/model/inventory.js';
import { SendBackDialog } from './SendBackDialog.js';
import { TaskStrip } from './TaskStrip.js';
import { useDeadLetterInfo } from './useDeadLetterInfo.js';
import { useTransferTask } from './useTransferTask.js';

/**
 * On a dead-letter queue's page: send every message back to the queue it
 * died in, after a confirmation naming those queues. Other queues show nothing.
 */
export function SendBackAction({ queue, onOutcome }: { queue: QueueRow; onOutcome: (message: string, failed: boolean) => void }) {
  const info = useDeadLetterInfo(queue.vhost, queue.name);
  const task = useTransferTask();
  const [open, setOpen] = useState(false);
  const { outcome, report } = task;

  useEffect(() => {
    if (outcome === null) return;
    onOutcome([outcome.message, ...(outcome.details ?? [])].join(' '), outcome.failed);
    report(null);
  }, [outcome, onOutcome, report]);

  if (info === null) return null;
  if (task.running) return <TaskStrip task={task} />;
  return (
    <>
      <button
        type="button"
        className="button"
        disabled={queue.ready === 0}
        title={queue.ready === 0 ? 'No ready messages to send back' : `Dead-letter queue of ${info.origins.join(', ')}: send each message back to the queue it died in`}
        onClick={() => setOpen(true)}
      >
        Send back all…
      </button>
      {open ? <SendBackDialog info={info} scope={{ kind: 'all' }} task={task} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
