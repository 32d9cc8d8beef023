import { useState } from 'react';
import type { SettleArgs } from '../../../shared/model/workbench/consume.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { formatCount } from '../../format/numbers.js';
import { errorMessage } from '../../state/consoleStore.js';
import { useClient } from '../../state/StoreProvider.js';
import { saveText } from '../definitions/save-text.js';
import { fetchWhole, holderSlices } from '../../workbench/message-body.js';
import { bytesToWire } from '../../workbench/message-bytes.js';
import type { MessageLog } from '../../workbench/message-log.js';
import { republishDraft } from '../../workbench/message-republish.js';
import { openInPublish } from '../../workbench/publish-draft.js';
import type { ConsumeStore } from './consume-store.js';
import { LoadDialog } from './LoadDialog.js';
import { SendBackDialog, type DeadLetterInfo } from './SendBackDialog.js';
import { describeTarget, EMPTY_TARGET, targetOf, TransferTargetFields, type TargetDraft } from './TransferTargetFields.js';
import type { useTransferTask } from './useTransferTask.js';

type Dialog = { kind: 'transfer'; mode: 'copy' | 'move' } | { kind: 'load' } | { kind: 'sendBack'; scope: 'all' | 'selection' } | null;

export type MessageActionsProps = {
  holderId: string;
  vhost: string;
  log: MessageLog;
  /** The selected seqs, oldest first. */
  selected: number[];
  store: ConsumeStore;
  /** A manual-ack consumer whose channel is open: its pending messages can be settled and moved. */
  settleable: boolean;
  /** The consumer is on a dead-letter queue: its messages can be sent back. */
  deadLetter: DeadLetterInfo | null;
  task: ReturnType<typeof useTransferTask>;
};

const messages = (n: number): string => `${formatCount(n)} ${n === 1 ? 'message' : 'messages'}`;

const SETTLE_WORDS: Record<string, string> = { ack: 'Acked', nack: 'Nacked', reject: 'Rejected' };

/** What can be done to the selected messages: settle, copy or move, republish, save, load, send back. */
export function MessageActions({ holderId, vhost, log, selected, store, settleable, deadLetter, task }: MessageActionsProps) {
  const client = useClient();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [target, setTarget] = useState<TargetDraft>(EMPTY_TARGET);
  const pending = selected.filter((seq) => log.get(seq)?.pending === true);
  const busy = task.running !== null;
  const count = selected.length;

  const settle = async (action: SettleArgs['action'], requeue: boolean): Promise<void> => {
    try {
      const result = await store.settle({ consumerId: holderId, seqs: pending, action, requeue });
      const how = action === 'ack' ? '' : requeue ? ' back to the queue' : ' (dropped or dead-lettered)';
      const failed = result.failed.map((f) => `#${f.seq}: ${f.reason}`);
      task.report({
        message: `${SETTLE_WORDS[action]} ${messages(result.settled.length)}${how}${failed.length > 0 ? `; ${formatCount(failed.length)} could not be` : ''}.`,
        failed: failed.length > 0,
        details: failed,
      });
    } catch (error) {
      task.report({ message: `Not settled: ${errorMessage(error)}`, failed: true });
    }
  };

  const transfer = (mode: 'copy' | 'move'): void => {
    const draft = target;
    const seqs = mode === 'move' ? pending : selected;
    setDialog(null);
    void task.run(mode === 'copy' ? 'Copy' : 'Move', seqs.length, async (transferId) => {
      const result = await client.call('workbench.transfer', { transferId, holderId, seqs, target: targetOf(draft), mode });
      if (mode === 'move') await store.refresh(holderId);
      const where = describeTarget(draft);
      if (result.status === 'refused') return { message: `${mode === 'copy' ? 'Copy' : 'Move'} refused: ${result.refusal ?? 'the broker refused'}`, failed: true };
      const verb = mode === 'copy' ? 'Copied' : 'Moved';
      const failed = result.failed.map((f) => `#${f.seq}: ${f.reason}`);
      const cancelled = result.status === 'cancelled' ? ' before Cancel; the rest stay where they were' : '';
      return { message: `${verb} ${messages(result.done)} to ${where}${cancelled}${failed.length > 0 ? `; ${formatCount(failed.length)} failed` : ''}.`, failed: failed.length > 0, details: failed };
    });
  };

  const republish = async (): Promise<void> => {
    const message = log.get(selected[0] as number);
    if (!message) return;
    try {
      const body = message.truncated ? bytesToWire(await fetchWhole(holderSlices(client, holderId, message.seq), message.size)) : message.preview;
      openInPublish(republishDraft(vhost, message, body).draft);
    } catch (error) {
      task.report({ message: `Could not open it in Publish: ${errorMessage(error)}`, failed: true });
    }
  };

  const dump = async (all: boolean): Promise<void> => {
    try {
      const result = await client.call('workbench.dump', all ? { holderId } : { holderId, seqs: selected });
      saveText(result.jsonl, result.fileName);
      task.report({ message: `Saved ${messages(result.count)} as ${result.fileName}.`, failed: false });
    } catch (error) {
      task.report({ message: `Not saved: ${errorMessage(error)}`, failed: true });
    }
  };

  return (
    <div className="consume-actions" role="toolbar" aria-label="Message actions">
      <span className="consume-actions__count num" aria-live="polite">
        {count === 0 ? 'None selected' : `${formatCount(count)} selected`}
      </span>
      {settleable ? (
        <span className="consume-actions__group">
          <button type="button" className="button button--small" disabled={pending.length === 0} onClick={() => void settle('ack', false)} title="Ack: the broker deletes them">
            Ack
          </button>
          <button type="button" className="button button--small" disabled={pending.length === 0} onClick={() => void settle('nack', true)} title="Nack with requeue: back to the queue, redelivered">
            Nack + requeue
          </button>
          <button type="button" className="button button--small" disabled={pending.length === 0} onClick={() => void settle('nack', false)} title="Nack without requeue: dropped, or dead-lettered if the queue has a dead-letter exchange">
            Nack
          </button>
          <button type="button" className="button button--small" disabled={pending.length === 0} onClick={() => void settle('reject', false)} title="Reject without requeue: dropped or dead-lettered">
            Reject
          </button>
          <button type="button" className="button button--small button--danger-ghost" disabled={pending.length === 0} onClick={() => void settle('ack', false)} title="Delete from the queue (an ack)">
            Delete
          </button>
        </span>
      ) : null}
      <span className="consume-actions__group">
        <button type="button" className="button button--small" disabled={count === 0 || busy} onClick={() => setDialog({ kind: 'transfer', mode: 'copy' })}>
          Copy to…
        </button>
        <button
          type="button"
          className="button button--small"
          disabled={!settleable || pending.length === 0 || busy}
          title={settleable ? 'Published to the target with confirms, then acked here' : 'Moving needs messages held unacked by a manual-ack consumer'}
          onClick={() => setDialog({ kind: 'transfer', mode: 'move' })}
        >
          Move to…
        </button>
        <button type="button" className="button button--small" disabled={count !== 1} title="Opens this message in the Publish form" onClick={() => void republish()}>
          Edit &amp; republish
        </button>
      </span>
      <span className="consume-actions__group">
        <button type="button" className="button button--small" disabled={log.messages.length === 0} onClick={() => void dump(count === 0)} title="JSON lines, whole bodies included">
          {count === 0 ? 'Save all as JSON lines' : 'Save selected as JSON lines'}
        </button>
        <button type="button" className="button button--small" disabled={busy} onClick={() => setDialog({ kind: 'load' })}>
          Load from file…
        </button>
      </span>
      {deadLetter ? (
        <span className="consume-actions__group">
          {settleable ? (
            <button type="button" className="button button--small" disabled={pending.length === 0 || busy} onClick={() => setDialog({ kind: 'sendBack', scope: 'selection' })}>
              Send back selected
            </button>
          ) : null}
          <button type="button" className="button button--small" disabled={busy} onClick={() => setDialog({ kind: 'sendBack', scope: 'all' })}>
            Send back all
          </button>
        </span>
      ) : null}

      <ConfirmDialog
        open={dialog?.kind === 'transfer'}
        title={dialog?.kind === 'transfer' && dialog.mode === 'move' ? `Move ${messages(pending.length)}` : `Copy ${messages(count)}`}
        confirmLabel={dialog?.kind === 'transfer' && dialog.mode === 'move' ? 'Move' : 'Copy'}
        onCancel={() => setDialog(null)}
        onConfirm={() => {
          if (dialog?.kind === 'transfer' && target.name.trim() !== '') transfer(dialog.mode);
        }}
      >
        <p className="consume-dialog__note">
          {dialog?.kind === 'transfer' && dialog.mode === 'move'
            ? 'Each message is published to the target with a publisher confirm and acked here only once confirmed: Cancel or a lost connection loses none (at worst one is in both places).'
            : 'Copies are published with publisher confirms; the originals stay as they are.'}
        </p>
        <TransferTargetFields vhost={vhost} value={target} onChange={setTarget} />
        {target.name.trim() === '' ? <p className="consume-form__problem">Name the target {target.kind} to {dialog?.kind === 'transfer' && dialog.mode === 'move' ? 'move' : 'copy'} to.</p> : null}
      </ConfirmDialog>

      {dialog?.kind === 'load' ? <LoadDialog vhost={vhost} task={task} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'sendBack' && deadLetter ? (
        <SendBackDialog
          info={deadLetter}
          scope={dialog.scope === 'all' ? { kind: 'all' } : { kind: 'selection', consumerId: holderId, seqs: pending, messages: pending.map((seq) => log.get(seq)).filter((m) => m !== undefined) }}
          task={task}
          onClose={() => setDialog(null)}
          onDone={() => store.refresh(holderId)}
        />
      ) : null}
    </div>
  );
}
