import type { GetMessage, MessageProperties as AmqplibProperties } from 'amqplib';
import type { SendBackArgs, SendBackResult } from '../../../../shared/model/workbench/surgery.js';
import { fromAmqplibTable } from '../codec/field-table.js';
import type { WorkbenchDeps } from '../workbench-deps.js';
import { type Outgoing, publishAll, republishOptions } from './confirmed-publish.js';
import type { Consumer } from './consumer.js';
import { brokerWords } from './broker-words.js';
import { progressReporter } from './progress.js';
import { type VhostChannel, missing, openVhostChannel } from './vhost-channel.js';
import { xDeathOrigin } from './x-death-origin.js';

/** Messages taken from the dead-letter queue before their copies' confirms are awaited. */
const GET_BATCH = 200;

/** A dead-lettered message on its way back: where to, and how to settle its dead-letter copy. */
interface Candidate {
  properties: AmqplibProperties;
  content: Buffer;
  /** Acks the dead-letter copy once the copy at its origin is confirmed. */
  ack(): string | null;
}

/** Sends one batch back; returns the candidates that stay in the dead-letter queue. */
type SendBatch = <C extends Candidate>(batch: C[]) => Promise<C[]>;

/** What sending a selection or a whole queue back shares: how to send a batch, what was counted, where progress goes. */
interface SendBackRun {
  sendBatch: SendBatch;
  counts: ReturnType<typeof tally>;
  transferId: string;
  deps: WorkbenchDeps;
  signal: AbortSignal;
}

function tally() {
  const skipped = new Map<string, number>();
  const byQueue: Record<string, number> = {};
  return {
    skip(reason: string, count = 1) {
      skipped.set(reason, (skipped.get(reason) ?? 0) + count);
    },
    sent(queue: string) {
      byQueue[queue] = (byQueue[queue] ?? 0) + 1;
    },
    result(transferId: string, status: SendBackResult['status']): SendBackResult {
      const sent = Object.values(byQueue).reduce((a, b) => a + b, 0);
      return { transferId, sent, byQueue, skipped: [...skipped].map(([reason, count]) => ({ reason, count })), status };
    },
  };
}

/**
 * Sends dead-lettered messages back to the queue they died in (their newest x-death entry),
 * through the default exchange with confirms; each dead-letter copy is acked only after its
 * copy is confirmed. Messages without x-death, or whose origin queue is gone, stay where they are.
 */
export async function runSendBack(args: SendBackArgs, deps: WorkbenchDeps, consumer: Consumer | undefined, signal: AbortSignal): Promise<SendBackResult> {
  const counts = tally();
  const { transferId } = args;
  if (args.scope.kind === 'selection' && !consumer) {
    return { ...counts.result(transferId, 'refused'), refusal: `No consumer ${args.scope.consumerId}: sending back a selection needs a manual-ack consumer on the dead-letter queue` };
  }
  const origins = new Map<string, string | null>();
  const publisher = await openVhostChannel(deps, args.vhost, 'send back');
  try {
    const originOf = async (properties: AmqplibProperties): Promise<{ queue: string } | { skip: string }> => {
      const origin = xDeathOrigin(fromAmqplibTable(properties.headers as Record<string, unknown> | undefined));
      if ('skip' in origin) return origin;
      if (!origins.has(origin.queue)) origins.set(origin.queue, await missing(deps, args.vhost, { queue: origin.queue }));
      const absent = origins.get(origin.queue);
      return absent ? { skip: `origin queue gone (${absent})` } : origin;
    };

    const sendBatch: SendBatch = async <C extends Candidate>(batch: C[]): Promise<C[]> => {
      const stay: C[] = [];
      const going: { candidate: C; queue: string; out: Outgoing }[] = [];
      for (const candidate of batch) {
        const origin = await originOf(candidate.properties);
        if ('skip' in origin) {
          counts.skip(origin.skip);
          stay.push(candidate);
          continue;
        }
        const out = { exchange: '', routingKey: origin.queue, content: candidate.content, options: republishOptions(candidate.properties as unknown as Record<string, unknown>) };
        going.push({ candidate, queue: origin.queue, out });
      }
      await publishAll(
        publisher,
        going,
        (g, outcome) => {
          if (outcome !== null) {
            counts.skip(outcome);
            stay.push(g.candidate);
            return;
          }
          const failed = g.candidate.ack();
          if (failed) counts.skip(`sent back, but the dead-letter copy was not acked (${failed}): it exists twice`);
          counts.sent(g.queue);
        },
      );
      return stay;
    };

    const run: SendBackRun = { sendBatch, counts, transferId, deps, signal };
    if (args.scope.kind === 'selection') return await sendSelection(args.scope.seqs, consumer as Consumer, run);
    const absent = await missing(deps, args.vhost, { queue: args.queue });
    if (absent) return { ...counts.result(transferId, 'refused'), refusal: absent };
    return await sendAll(args.queue, publisher, run);
  } finally {
    await publisher.release();
  }
}

async function sendSelection(seqs: number[], consumer: Consumer, { sendBatch, counts, transferId, deps, signal }: SendBackRun): Promise<SendBackResult> {
  const report = progressReporter(deps.hub, transferId, seqs.length);
  const candidates: Candidate[] = [];
  for (const seq of seqs) {
    const entry = consumer.pendingMessage(seq);
    if (typeof entry === 'string') counts.skip(entry);
    else candidates.push({ properties: entry.properties, content: entry.body, ack: () => consumer.settle([seq], 'ack', false).failed[0]?.reason ?? null });
  }
  let handled = 0;
  report(0, true);
  for (let i = 0; i < candidates.length; i += GET_BATCH) {
    if (signal.aborted) return counts.result(transferId, 'cancelled');
    const batch = candidates.slice(i, i + GET_BATCH);
    // Those that stay remain pending in the consumer's list, for the user to settle.
    await sendBatch(batch);
    handled += batch.length;
    report(handled);
  }
  report(handled, true);
  return counts.result(transferId, 'done');
}

/**
 * Takes messages with basic.get and manual ack until the queue is empty or as many as it held
 * at the start were handled (messages sent back from it and dead-lettered again must not loop).
 * Those that stay are held unacked meanwhile, so basic.get moves past them, and are requeued at the end.
 */
async function sendAll(queue: string, publisher: VhostChannel, { sendBatch, counts, transferId, deps, signal }: SendBackRun): Promise<SendBackResult> {
  const { channel } = publisher;
  let depth: number;
  try {
    depth = (await channel.checkQueue(queue)).messageCount;
  } catch (err) {
    return { ...counts.result(transferId, 'refused'), refusal: publisher.closedWith() ?? brokerWords(err) };
  }
  const report = progressReporter(deps.hub, transferId, depth);
  const staying: GetMessage[] = [];
  let handled = 0;
  report(0, true);
  try {
    while (handled < depth && !signal.aborted) {
      const batch: (Candidate & { message: GetMessage })[] = [];
      while (batch.length < GET_BATCH && handled + batch.length < depth) {
        const message = await channel.get(queue, { noAck: false });
        if (message === false) break;
        batch.push({ message, properties: message.properties, content: message.content, ack: () => settle(() => channel.ack(message)) });
      }
      if (batch.length === 0) break;
      for (const stay of await sendBatch(batch)) staying.push(stay.message);
      handled += batch.length;
      report(handled);
    }
  } finally {
    for (const message of staying) settle(() => channel.nack(message, false, true));
  }
  report(handled, true);
  return counts.result(transferId, signal.aborted ? 'cancelled' : 'done');
}

function settle(action: () => void): string | null {
  try {
    action();
    return null;
  } catch (err) {
    return brokerWords(err);
  }
}
