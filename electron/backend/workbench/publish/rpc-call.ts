import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { ConfirmChannel, ConsumeMessage, Message } from 'amqplib';
import type { RpcArgs, RpcResult } from '../../../../shared/model/workbench/rpc.js';
import { toAmqplibPublishOptions } from '../codec/properties.js';
import { type ChannelRefusal, refusalOf } from './channel-refusal.js';

/** RabbitMQ's pseudo-queue for replies without a queue: consumed (no-ack) on the channel that publishes the request. */
export const DIRECT_REPLY_TO = 'amq.rabbitmq.reply-to';

export interface RpcOutcome {
  result: Omit<RpcResult, 'reply'>;
  /** The reply as it arrived, when one did. */
  reply: ConsumeMessage | null;
  replyAt: number | null;
}

/**
 * One request/reply call on its own channel: the reply consumer is set up first (direct reply-to,
 * or a server-named exclusive auto-delete queue), then the request goes out mandatory and
 * confirmed with a fresh correlation id; the first delivery carrying that id is the reply.
 * A return, a refusal (the channel closed by the broker, or the request nacked) or the timeout ends the call too.
 */
export async function callRpc(channel: ConfirmChannel, args: RpcArgs, body: Buffer, alive: () => boolean): Promise<RpcOutcome> {
  const correlationId = randomUUID();
  let refusal: ChannelRefusal | null = null;
  let closed = false;
  type Ending = 'reply' | 'returned' | 'nacked' | 'timeout' | 'closed';
  let finish: ((how: Ending) => void) | null = null;
  const ended = new Promise<Ending>((resolve) => {
    finish = resolve;
  });
  let reply: ConsumeMessage | null = null;
  let replyAt: number | null = null;
  let returned: Message | null = null;

  const onError = (err: Error & { code?: unknown }) => {
    refusal = refusalOf(err) ?? refusal;
  };
  const onClose = () => {
    closed = true;
    finish?.('closed');
  };
  const onReturn = (message: Message) => {
    if (message.properties.correlationId !== correlationId) return;
    returned = message;
    finish?.('returned');
  };
  channel.on('error', onError);
  channel.on('close', onClose);
  channel.on('return', onReturn);

  const refused = (started: number): RpcOutcome => {
    const r = refusal as ChannelRefusal | null;
    if (r === null) throw new Error('The channel closed before the call ended: the connection to the broker was lost');
    return { result: { callId: args.callId, outcome: 'refused', correlationId, replyTo: '', roundTripMs: performance.now() - started, ...r }, reply: null, replyAt: null };
  };

  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  let watch: NodeJS.Timeout | undefined;
  try {
    let replyTo = DIRECT_REPLY_TO;
    try {
      if (args.replyMode === 'temporary') replyTo = (await channel.assertQueue('', { exclusive: true, autoDelete: true, durable: false })).queue;
      await channel.consume(
        replyTo,
        (message) => {
          if (message === null || message.properties.correlationId !== correlationId || reply !== null) return;
          reply = message;
          replyAt = Date.now();
          finish?.('reply');
        },
        { noAck: true, exclusive: args.replyMode === 'temporary' },
      );
    } catch (err) {
      if (closed || refusal !== null) return refused(started);
      throw err;
    }

    const sentAt = performance.now();
    const options = { ...toAmqplibPublishOptions(args.properties, args.headers), replyTo, correlationId, mandatory: true };
    try {
      // A nack (a queue that rejects publishes when full) means no service will see the request: no use waiting.
      channel.publish(args.exchange, args.routingKey, body, options, (err) => {
        if (err instanceof Error && err.message === 'message nacked') finish?.('nacked');
      });
    } catch (err) {
      if (closed || refusal !== null) return refused(started);
      throw err;
    }
    timer = setTimeout(() => finish?.('timeout'), args.timeoutMs);
    // The session can go (disconnect, another profile) while a long call waits; it ends with it.
    watch = setInterval(() => {
      if (!alive()) finish?.('closed');
    }, 250);
    const how = await ended;
    const roundTripMs = performance.now() - sentAt;
    const base = { callId: args.callId, correlationId, replyTo, roundTripMs };
    if (how === 'closed') {
      if (!alive()) throw new Error('The call was stopped: its session ended (the broker disconnected, another profile chosen, or Warren closing)');
      return refused(started);
    }
    if (how === 'returned') {
      const fields = (returned as Message | null)?.fields as unknown as { replyCode: number; replyText: string };
      return { result: { ...base, outcome: 'returned', replyCode: fields.replyCode, replyText: fields.replyText }, reply: null, replyAt: null };
    }
    if (how === 'nacked') return { result: { ...base, outcome: 'refused', replyText: 'The broker did not take the request (basic.nack): a queue it was routed to refuses messages, e.g. full with x-overflow reject-publish' }, reply: null, replyAt: null };
    if (how === 'timeout') return { result: { ...base, outcome: 'timeout' }, reply: null, replyAt: null };
    return { result: { ...base, outcome: 'reply' }, reply, replyAt };
  } finally {
    clearTimeout(timer);
    clearInterval(watch);
    channel.off('error', onError);
    channel.off('close', onClose);
    channel.off('return', onReturn);
  }
}
