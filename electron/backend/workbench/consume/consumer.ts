import type { ConsumeMessage, Message } from 'amqplib';
import { ApiError } from '../../../../shared/api/errors.js';
import type { ConsumeStartArgs, ConsumerState, SettleArgs, SettleResult } from '../../../../shared/model/workbench/consume.js';
import { toAmqplibTable } from '../codec/field-table.js';
import type { Holder } from '../held-messages.js';
import type { WorkbenchDeps } from '../workbench-deps.js';
import type { BodyBudget } from './body-budget.js';
import { brokerWords } from './broker-words.js';
import { createEventBatcher } from './event-batcher.js';
import { type KeptMessage, type Settlement, heldView, keptMessage, previewLimitFor, receivedView } from './kept-message.js';
import { createMessageBuffer } from './message-buffer.js';
import { openVhostChannel } from './vhost-channel.js';

export interface ConsumerContext {
  deps: Pick<WorkbenchDeps, 'session' | 'store' | 'hub' | 'log'>;
  budget: BodyBudget;
  now?: () => number;
}

export interface Consumer extends Holder {
  readonly profileId: string;
  state(): ConsumerState;
  pause(paused: boolean): Promise<ConsumerState>;
  /** Cancels and closes the channel; the broker requeues what is pending. `reason` is shown as the error. */
  stop(reason?: string): Promise<ConsumerState>;
  settle(seqs: number[], action: SettleArgs['action'], requeue: boolean): SettleResult;
  /** A pending message, for a move or a send-back; with why not when it is not pending. */
  pendingMessage(seq: number): KeptMessage | string;
  /** Lets go of every body (the list is forgotten). */
  forget(): void;
}

/** Closing a channel on a dead socket waits for a close-ok that never comes; past this the consumer counts as stopped anyway. */
const CLOSE_WITHIN_MS = 2000;

const LOST = 'The channel to the broker closed (the connection was lost, or Warren disconnected); the broker requeued any pending messages';
const CANCELLED = 'The broker cancelled the consumer: the queue was deleted, or is no longer available';

const settledWords: Record<Settlement, string> = {
  auto: 'acked automatically on delivery (auto-ack consumer)',
  ack: 'already acked',
  'nack-requeue': 'already nacked and requeued',
  nack: 'already nacked',
  'reject-requeue': 'already rejected and requeued',
  reject: 'already rejected',
  requeued: 'the channel closed and the broker requeued it',
};

/** One consumer on a channel of its own: a queue, or an exchange tapped through a temporary queue. */
export async function startConsumer(args: ConsumeStartArgs, ctx: ConsumerContext): Promise<Consumer> {
  const { hub, log } = ctx.deps;
  const now = ctx.now ?? Date.now;
  const opened = await openVhostChannel(ctx.deps, args.vhost, `consumer ${args.consumerId}`);
  const { channel } = opened;
  const manual = args.ackMode === 'manual';
  const buffer = createMessageBuffer<KeptMessage>(args.keep);
  let status: ConsumerState['status'] = 'running';
  let error: string | null = null;
  let consumerTag: string | null = null;
  let queue = args.source.kind === 'queue' ? args.source.queue : '';
  let received = 0;
  let stopping = false;
  let onClosed: () => void = () => undefined;
  const closed = new Promise<void>((resolve) => {
    onClosed = resolve;
  });

  const state = (): ConsumerState => ({
    consumerId: args.consumerId,
    vhost: args.vhost,
    source: args.source,
    queue,
    consumerTag,
    ackMode: args.ackMode,
    prefetch: args.prefetch,
    status,
    error,
    received,
    dropped: buffer.dropped,
    pending: buffer.pending,
    keep: args.keep,
  });

  const batcher = createEventBatcher<KeptMessage>((batch) => {
    // Messages dropped before the batch went out are not sent at all.
    const live = batch.filter((entry) => buffer.get(entry.seq) === entry);
    const limit = previewLimitFor(live.length);
    hub.emit('workbench.messages', { consumerId: args.consumerId, messages: live.map((entry) => receivedView(entry, limit)), state: state() });
  });

  const emitState = () => {
    batcher.flushNow();
    hub.emit('workbench.consumerState', state());
  };

  const release = (entries: KeptMessage[]) => {
    for (const entry of entries) ctx.budget.release(entry);
  };

  const onMessage = (msg: ConsumeMessage | null) => {
    if (msg === null) {
      if (stopping) return;
      status = 'failed';
      error = CANCELLED;
      consumerTag = null;
      log.warn('consumer cancelled by the broker', { consumerId: args.consumerId, queue });
      void channel.close().catch(() => undefined);
      emitState();
      return;
    }
    received += 1;
    const entry = keptMessage(buffer.nextSeq(), msg, manual, now());
    ctx.budget.hold(entry);
    release(buffer.add(entry));
    batcher.add(entry);
  };

  /** Why the session's connection went, once it has noticed (it hears of the loss just after its channels). */
  const sessionLoss = (): string | null => {
    try {
      const broker = ctx.deps.session.broker();
      return broker.profileId === opened.profileId && broker.amqp.status !== 'connected' ? broker.amqp.error : null;
    } catch {
      return null;
    }
  };

  const closedNow = () => {
    consumerTag = null;
    if (stopping) status = 'stopped';
    else if (status !== 'failed') {
      status = 'failed';
      const lost = sessionLoss();
      error = opened.closedWith() ?? (lost ? `${lost} The broker requeued any pending messages.` : LOST);
      log.warn('consumer channel closed', { consumerId: args.consumerId, queue, error });
    }
    emitState();
    void opened.release();
    onClosed();
  };

  channel.on('close', () => {
    // The broker requeues every unacked delivery of a closed channel.
    for (const entry of buffer.pendingEntries()) {
      entry.settled = 'requeued';
      release(buffer.unpin(entry.seq));
    }
    if (stopping || opened.closedWith() !== null) closedNow();
    else setImmediate(closedNow);
  });

  const subscribe = async () => {
    const options = {
      noAck: !manual,
      exclusive: args.exclusive,
      arguments: toAmqplibTable(args.arguments),
      ...(args.priority !== undefined ? { priority: args.priority } : {}),
    };
    consumerTag = (await channel.consume(queue, onMessage, options)).consumerTag;
  };

  const refusal = (err: unknown) => new ApiError('broker', opened.closedWith() ?? brokerWords(err));

  try {
    if (args.source.kind === 'tap') {
      // Not auto-delete: pausing cancels the consumer, which would delete an auto-delete queue.
      // Exclusive, so the broker removes it with the connection if Warren never gets to.
      const tap = await channel.assertQueue('', { exclusive: true, durable: false, autoDelete: false, arguments: { 'x-max-length': args.keep } });
      queue = tap.queue;
      await channel.bindQueue(queue, args.source.exchange, args.source.bindingKey, toAmqplibTable(args.source.bindingArguments ?? {}));
    }
    if (manual) await channel.prefetch(args.prefetch);
    await subscribe();
  } catch (err) {
    stopping = true;
    const refused = refusal(err);
    await opened.release();
    throw refused;
  }
  log.info('consumer started', { consumerId: args.consumerId, vhost: args.vhost, queue, ackMode: args.ackMode });

  const settleOne = (seq: number, action: SettleArgs['action'], requeue: boolean): string | null => {
    const entry = buffer.get(seq);
    if (!entry) return seq < 1 || received < seq ? `no message ${seq} was received` : 'no longer kept: it was dropped from the list';
    if (entry.settled !== null) return settledWords[entry.settled];
    const message = { fields: { deliveryTag: entry.deliveryTag } } as Message;
    try {
      if (action === 'ack') channel.ack(message);
      else if (action === 'nack') channel.nack(message, false, requeue);
      else channel.reject(message, requeue);
    } catch (err) {
      return `the channel is closed: ${brokerWords(err)}`;
    }
    entry.settled = action === 'ack' ? 'ack' : requeue ? `${action}-requeue` : action;
    release(buffer.unpin(seq));
    return null;
  };

  const closeChannel = async () => {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      channel.close().catch(() => undefined),
      closed,
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, CLOSE_WITHIN_MS);
      }),
    ]);
    clearTimeout(timer);
  };

  return {
    id: args.consumerId,
    kind: 'consumer',
    vhost: args.vhost,
    profileId: opened.profileId,
    state,
    get: (seq) => {
      const entry = buffer.get(seq);
      return entry ? heldView(entry) : undefined;
    },
    list(afterSeq, limit) {
      const entries = buffer.list(afterSeq, limit);
      const preview = previewLimitFor(entries.length);
      return entries.map((entry) => heldView(entry, preview));
    },

    async pause(paused) {
      if (status === 'stopped' || status === 'failed') throw new ApiError('invalid_args', `Consumer ${args.consumerId} has ${status}: start it again`);
      try {
        if (paused && status === 'running') {
          if (consumerTag !== null) await channel.cancel(consumerTag);
          consumerTag = null;
          status = 'paused';
        } else if (!paused && status === 'paused') {
          await subscribe();
          status = 'running';
        }
      } catch (err) {
        throw refusal(err);
      }
      emitState();
      return state();
    },

    async stop(reason) {
      if (status === 'stopped' || status === 'failed') return state();
      stopping = true;
      if (reason !== undefined) error = reason;
      try {
        if (consumerTag !== null) await channel.cancel(consumerTag);
        if (args.source.kind === 'tap') await channel.deleteQueue(queue);
      } catch {
        // The channel is closing or closed already: closing it is all that is left.
      }
      await closeChannel();
      status = 'stopped';
      consumerTag = null;
      log.info('consumer stopped', { consumerId: args.consumerId, queue, received });
      return state();
    },

    settle(seqs, action, requeue) {
      const settled: number[] = [];
      const failed: { seq: number; reason: string }[] = [];
      for (const seq of seqs) {
        const reason = manual || buffer.get(seq) === undefined ? settleOne(seq, action, requeue) : settledWords.auto;
        if (reason === null) settled.push(seq);
        else failed.push({ seq, reason });
      }
      return { settled, failed, state: state() };
    },

    pendingMessage(seq) {
      if (!manual) return 'moving needs a manual-ack consumer: this one acked every message on delivery';
      const entry = buffer.get(seq);
      if (!entry) return received < seq ? `no message ${seq} was received` : 'no longer kept: it was dropped from the list';
      if (entry.settled !== null) return settledWords[entry.settled];
      if (!entry.whole) return 'its body was dropped to stay within the backend memory budget';
      return entry;
    },

    forget() {
      batcher.close();
      release(buffer.clear());
    },
  };
}
