import { useState } from 'react';
import type { QueueRow } from '../../../shared/model/inventory.js';
import { openInPublish } from '../../workbench/publish-draft.js';
import { newDraft } from '../../workbench/publish-form.js';
import { DeleteAction } from './DeleteAction.js';
import { MoveAction } from './MoveAction.js';
import { PurgeAction } from './PurgeAction.js';
import { browseHref } from '../consume/consume-routes.js';
import { SendBackAction } from '../consume/SendBackAction.js';

/** What can be done to the queue; the last outcome stays under the buttons until the next one. */
export function QueueActions({ queue }: { queue: QueueRow }) {
  const [outcome, setOutcome] = useState<{ message: string; failed: boolean } | null>(null);
  const report = (message: string, failed: boolean): void => setOutcome({ message, failed });
  return (
    <div className="queue-actions">
      <div className="queue-actions__row">
        <button
          type="button"
          className="button"
          title="Open the Publish view for this queue: default exchange, routing key = queue name"
          onClick={() => openInPublish(newDraft(queue.vhost, '', queue.name))}
        >
          Publish…
        </button>
        <a className="button" href={browseHref(queue.vhost, queue.name)} title="Read the first messages in the Consume view: peek, or get and requeue">
          Get messages…
        </a>
        <span className="queue-actions__gap" />
        <SendBackAction queue={queue} onOutcome={report} />
        <MoveAction queue={queue} onOutcome={report} />
        <PurgeAction queue={queue} onOutcome={report} />
        <DeleteAction queue={queue} onOutcome={report} />
      </div>
      {outcome ? (
        <p className={`queue-actions__outcome${outcome.failed ? ' is-failed' : ''}`} role={outcome.failed ? 'alert' : 'status'}>
          {outcome.message}
        </p>
      ) : null}
    </div>
  );
}
