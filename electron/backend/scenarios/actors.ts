import { randomUUID } from 'node:crypto';
import type { Channel } from 'amqplib';
import { fib } from './catalogue.js';
import type { ActorSpec, ConsumerSpec, ProducerSpec, RpcClientSpec, RpcServerSpec } from './scenario-spec.js';

export interface ActorCounts {
  sent: number;
  received: number;
}

export interface ActorContext {
  /** The actor's own channel: the broker closing it fails the scenario (the runner listens). */
  channel: Channel;
  counts: ActorCounts;
  /** Counts moved: the runner reports them at its next tick. */
  changed(): void;
  /** Something the actor cannot carry on from (a cancelled consumer, a closed channel). */
  fail(err: unknown): void;
}

export interface RunningActor {
  /** Stops timers; the runner closes the channels and the connection, which requeues anything unacked. */
  stop(): void;
}

/** Replies a client still waits for, at most: a server that stopped answering must not grow memory. */
const MAX_WAITING_CALLS = 1000;
/** fib beyond this is no longer an exact number: larger requests are answered for this. */
const MAX_FIB_ARGUMENT = 78;

const publishing = (ctx: ActorContext, ratePerSecond: number, step: () => void): RunningActor => {
  const timer = setInterval(() => {
    try {
      step();
    } catch (err) {
      ctx.fail(err);
    }
  }, 1000 / ratePerSecond);
  return { stop: () => clearInterval(timer) };
};

function producer(spec: ProducerSpec, ctx: ActorContext): RunningActor {
  let n = 0;
  return publishing(ctx, spec.ratePerSecond, () => {
    const key = spec.key(n);
    ctx.channel.publish(spec.exchange, key, Buffer.from(spec.body(n, key)), { persistent: spec.persistent, contentType: 'text/plain', appId: 'warren-scenario' });
    n++;
    ctx.counts.sent++;
    ctx.changed();
  });
}

async function consumer(spec: ConsumerSpec, ctx: ActorContext): Promise<RunningActor> {
  const { channel } = ctx;
  const work = spec.workMs;
  const working = new Set<NodeJS.Timeout>();
  if (spec.prefetch !== undefined) await channel.prefetch(spec.prefetch);
  await channel.consume(
    spec.queue,
    (msg) => {
      if (msg === null) {
        ctx.fail(new Error(`The broker cancelled the consumer on “${spec.queue}” (the queue was deleted?)`));
        return;
      }
      ctx.counts.received++;
      ctx.changed();
      if (work === undefined) return;
      const timer = setTimeout(() => {
        working.delete(timer);
        try {
          channel.ack(msg);
        } catch (err) {
          ctx.fail(err);
        }
      }, work);
      working.add(timer);
    },
    { noAck: work === undefined },
  );
  return {
    stop: () => {
      for (const timer of working) clearTimeout(timer);
      working.clear();
    },
  };
}

async function rpcServer(spec: RpcServerSpec, ctx: ActorContext): Promise<RunningActor> {
  const { channel } = ctx;
  await channel.prefetch(1);
  await channel.consume(spec.queue, (msg) => {
    if (msg === null) {
      ctx.fail(new Error(`The broker cancelled the server’s consumer on “${spec.queue}”`));
      return;
    }
    ctx.counts.received++;
    const n = Math.max(0, Math.min(MAX_FIB_ARGUMENT, Math.trunc(Number(msg.content.toString())) || 0));
    const { replyTo, correlationId } = msg.properties as { replyTo?: string; correlationId?: string };
    if (replyTo) {
      channel.sendToQueue(replyTo, Buffer.from(String(fib(n))), { ...(correlationId ? { correlationId } : {}), contentType: 'text/plain', appId: 'warren-scenario' });
      ctx.counts.sent++;
    }
    channel.ack(msg);
    ctx.changed();
  });
  return { stop: () => undefined };
}

async function rpcClient(spec: RpcClientSpec, ctx: ActorContext): Promise<RunningActor> {
  const { channel } = ctx;
  const { queue: callback } = await channel.assertQueue('', { exclusive: true, autoDelete: true });
  const waiting = new Set<string>();
  await channel.consume(
    callback,
    (msg) => {
      const id = msg?.properties.correlationId as string | undefined;
      if (id === undefined || !waiting.delete(id)) return;
      ctx.counts.received++;
      ctx.changed();
    },
    { noAck: true },
  );
  let n = 0;
  return publishing(ctx, spec.ratePerSecond, () => {
    const id = randomUUID();
    if (waiting.size >= MAX_WAITING_CALLS) waiting.delete(waiting.values().next().value as string);
    waiting.add(id);
    channel.sendToQueue(spec.queue, Buffer.from(String(spec.argument(n++))), { correlationId: id, replyTo: callback, contentType: 'text/plain', appId: 'warren-scenario' });
    ctx.counts.sent++;
    ctx.changed();
  });
}

export async function startActor(spec: ActorSpec, ctx: ActorContext): Promise<RunningActor> {
  switch (spec.kind) {
    case 'producer':
      return producer(spec, ctx);
    case 'consumer':
      return consumer(spec, ctx);
    case 'rpc-server':
      return rpcServer(spec, ctx);
    case 'rpc-client':
      return rpcClient(spec, ctx);
  }
}
