import type { TransferArgs, TransferResult } from '../../../../shared/model/workbench/surgery.js';
import type { WorkbenchDeps } from '../workbench-deps.js';
import { type Outgoing, republishOptions } from './confirmed-publish.js';
import type { Consumer } from './consumer.js';
import { publishReported } from './reported-publish.js';
import { addressFor, missingTarget } from './transfer-target.js';

interface Item {
  seq: number;
  out: Outgoing;
}

/**
 * Copies or moves messages a holder keeps. Each copy is published with confirms (mandatory);
 * a move acks the original only once its copy is confirmed, so an interruption loses
 * nothing: at worst a message is both at the target and back in its queue.
 */
export async function runTransfer(args: TransferArgs, deps: WorkbenchDeps, consumer: Consumer | undefined, signal: AbortSignal): Promise<TransferResult> {
  const { transferId } = args;
  const refused = (refusal: string): TransferResult => ({ transferId, done: 0, failed: [], status: 'refused', refusal });
  const holder = deps.held.get(args.holderId);
  if (!holder) return refused(`Nothing holds messages under ${args.holderId}: its list was cleared`);
  if (args.mode === 'move' && (holder.kind !== 'consumer' || !consumer)) {
    return refused(`Moving takes messages a manual-ack consumer holds unacked; ${holder.kind === 'browse' ? 'a browsed message' : 'an RPC reply'} can only be copied`);
  }

  const failed: { seq: number; reason: string }[] = [];
  const items: Item[] = [];
  for (const seq of args.seqs) {
    let raw: { fields: Record<string, unknown>; properties: Record<string, unknown> };
    let body: Buffer;
    if (args.mode === 'move' && consumer) {
      const entry = consumer.pendingMessage(seq);
      if (typeof entry === 'string') {
        failed.push({ seq, reason: entry });
        continue;
      }
      raw = { fields: entry.fields as unknown as Record<string, unknown>, properties: entry.properties as unknown as Record<string, unknown> };
      body = entry.body;
    } else {
      const held = holder.get(seq);
      if (!held) {
        failed.push({ seq, reason: 'no longer kept: it was dropped from the list' });
        continue;
      }
      if (held.body === null) {
        failed.push({ seq, reason: 'its body was dropped to stay within the backend memory budget' });
        continue;
      }
      raw = held.raw;
      body = held.body;
    }
    const { exchange, routingKey } = addressFor(args.target, String(raw.fields['routingKey'] ?? ''));
    items.push({ seq, out: { exchange, routingKey, content: body, options: republishOptions(raw.properties) } });
  }

  const absent = await missingTarget(deps, holder.vhost, args.target);
  if (absent) return refused(absent);

  let done = 0;
  const status = await publishReported(deps, { transferId, vhost: holder.vhost, purpose: 'transfer', signal, done: () => done }, items, (item, outcome) => {
    if (outcome !== null) {
      failed.push({ seq: item.seq, reason: outcome });
      return;
    }
    if (args.mode === 'move' && consumer) {
      const ack = consumer.settle([item.seq], 'ack', false).failed[0];
      // Copied, but the original could not be acked: it stays in its queue as well.
      if (ack) {
        failed.push({ seq: item.seq, reason: `copied, but the original was not acked (${ack.reason}): it exists twice` });
        return;
      }
    }
    done += 1;
  });
  deps.log.info('transfer ended', { transferId, mode: args.mode, done, failed: failed.length, status });
  return { transferId, done, failed, status };
}
