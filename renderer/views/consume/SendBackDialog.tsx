import type { ReceivedMessage } from '../../../shared/model/workbench/message.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { formatCount } from '../../format/numbers.js';
import { useClient } from '../../state/StoreProvider.js';
import { originQueue } from '../../workbench/message-x-death.js';
import type { useTransferTask } from './useTransferTask.js';

/** A dead-letter queue and the queues that dead-letter into it (from arguments and policies). */
export type DeadLetterInfo = { vhost: string; queue: string; origins: readonly string[] };

export type SendBackScope = { kind: 'all' } | { kind: 'selection'; consumerId: string; seqs: number[]; messages: readonly ReceivedMessage[] };

const quoted = (names: readonly string[]): string => names.map((n) => `“${n}”`).join(', ');

/** Counts of the selected messages per origin queue (their newest x-death), and how many have none. */
export function originsOf(messages: readonly ReceivedMessage[]): { byQueue: [string, number][]; without: number } {
  const byQueue = new Map<string, number>();
  let without = 0;
  for (const message of messages) {
    const origin = originQueue(message.headers);
    if (origin === null) without += 1;
    else byQueue.set(origin, (byQueue.get(origin) ?? 0) + 1);
  }
  return { byQueue: [...byQueue].sort((a, b) => b[1] - a[1]), without };
}

/**
 * Confirms a send-back naming where the messages go, then runs it: each
 * message to the queue its newest x-death names, with confirms, its
 * dead-letter copy acked only after; the outcome lists what went where and what stayed.
 */
export function SendBackDialog({
  info,
  scope,
  task,
  onClose,
  onDone,
}: {
  info: DeadLetterInfo;
  scope: SendBackScope;
  task: ReturnType<typeof useTransferTask>;
  onClose: () => void;
  /** After the backend acked what it sent back: the consumer's list can catch up. */
  onDone?: () => Promise<void>;
}) {
  const client = useClient();
  const selection = scope.kind === 'selection' ? originsOf(scope.messages) : null;
  const title = scope.kind === 'all' ? `Send back every message in “${info.queue}”?` : `Send back ${formatCount(scope.seqs.length)} selected ${scope.seqs.length === 1 ? 'message' : 'messages'}?`;

  const confirm = (): void => {
    onClose();
    const total = scope.kind === 'selection' ? scope.seqs.length : 0;
    void task.run('Send back', total, async (transferId) => {
      const result = await client.call('workbench.sendBack', {
        transferId,
        vhost: info.vhost,
        queue: info.queue,
        scope: scope.kind === 'all' ? { kind: 'all' } : { kind: 'selection', consumerId: scope.consumerId, seqs: scope.seqs },
      });
      await onDone?.();
      if (result.status === 'refused') return { message: `Send back refused: ${result.refusal ?? 'the broker refused'}`, failed: true };
      const where = Object.entries(result.byQueue)
        .sort((a, b) => b[1] - a[1])
        .map(([queue, n]) => `${formatCount(n)} to “${queue}”`);
      const skipped = result.skipped.map((s) => `${formatCount(s.count)} stayed in “${info.queue}”: ${s.reason}`);
      const cancelled = result.status === 'cancelled' ? ' before Cancel' : '';
      return {
        message: `Sent back ${formatCount(result.sent)} ${result.sent === 1 ? 'message' : 'messages'}${cancelled}${where.length > 0 ? `: ${where.join(', ')}` : ''}.`,
        failed: false,
        details: skipped,
      };
    });
  };

  return (
    <ConfirmDialog open title={title} confirmLabel="Send back" onCancel={onClose} onConfirm={confirm}>
      <p className="consume-dialog__note">
        Each message is published back to the queue it was dead-lettered from (its newest x-death entry) through the default exchange, with a publisher confirm; its
        copy in “{info.queue}” is acked only after that. Messages without x-death, or whose origin queue is gone, stay here.
      </p>
      {selection ? (
        <ul className="consume-dialog__list" aria-label="Origin queues">
          {selection.byQueue.map(([queue, n]) => (
            <li key={queue}>
              {formatCount(n)} back to “{queue}”
            </li>
          ))}
          {selection.without > 0 ? <li>{formatCount(selection.without)} without x-death: they stay</li> : null}
        </ul>
      ) : (
        <p className="consume-dialog__note">
          {info.origins.length > 0 ? <>Queues that dead-letter here: {quoted(info.origins)}.</> : 'No queue of this vhost is set to dead-letter here now; the x-death headers still say where each message came from.'}
        </p>
      )}
    </ConfirmDialog>
  );
}
