// One benchmark run: declare the queues, start the consumers, let the
// producers go, wait until every owed message has arrived (or the time cap),
// then delete what was declared. Any failure stops the run and is thrown
// after the cleanup.
import type { EventEmitter } from 'node:events';
import amqp, { type Channel, type ChannelModel, type ConfirmChannel } from 'amqplib';
import { RunFailure, unlessAborted } from './abort.js';
import { startConsumer } from './consumer.js';
import { DeliveryLedger } from './ledger.js';
import type { BenchOptions } from './options.js';
import { emptyTally, runProducer } from './producer.js';
import { summariseRun, type BenchResult } from './result.js';
import { splitEvenly } from './stats.js';
import { benchTopology, queuesForConsumer, type Topology } from './topology.js';

/** After publishing stops, how long owed messages still have to arrive. */
export const DRAIN_GRACE_MS = 10_000;
const POLL_MS = 10;
/** Connecting, declaring and consuming; also the limit on deleting the queues afterwards. */
export const SETUP_LIMIT_MS = 30_000;
const CLOSE_LIMIT_MS = 5_000;

// A failed cleanup must not hide the run's own outcome, but it is still worth knowing.
const warn = (message: string) => process.stderr.write(`bench: ${message}\n`);

async function pollUntil(done: () => boolean, signal: AbortSignal): Promise<boolean> {
  while (!signal.aborted) {
    if (done()) return true;
    await unlessAborted(new Promise((resolve) => setTimeout(resolve, POLL_MS)), signal);
  }
  return false;
}

async function declare(ch: Channel, t: Topology, durable: boolean): Promise<void> {
  if (t.exchange !== '') await ch.assertExchange(t.exchange, 'fanout', { durable, autoDelete: false });
  for (const q of t.queues) {
    await ch.assertQueue(q, { durable, autoDelete: false, exclusive: false });
    if (t.exchange !== '') await ch.bindQueue(q, t.exchange, '');
  }
}

async function removeDeclared(url: string, t: Topology): Promise<void> {
  // A fresh connection: the run's own may be the one the broker closed.
  const conn = await amqp.connect(url);
  try {
    const ch = await conn.createChannel();
    for (const q of t.queues) await ch.deleteQueue(q);
    if (t.exchange !== '') await ch.deleteExchange(t.exchange);
  } finally {
    await conn.close().catch(() => {});
  }
}

export async function runBench(o: BenchOptions, interrupt?: AbortSignal): Promise<BenchResult> {
  const topology = benchTopology(`${process.pid}.${Date.now().toString(36)}`, o.queues, o.fanout);
  const planned = splitEvenly(o.count, o.producers);
  const ledger = new DeliveryLedger(planned, topology.copies);
  const run = new RunFailure();
  interrupt?.addEventListener('abort', () => run.fail(new Error('interrupted')), { once: true });
  const connections: ChannelModel[] = [];
  let finishing = false;
  let hardStop: NodeJS.Timeout | undefined;

  const watch = (emitter: EventEmitter, what: string) => {
    emitter.on('error', (err: Error) => run.fail(new Error(`${what}: ${err.message}`)));
    emitter.on('close', () => {
      if (!finishing) run.fail(new Error(`${what} closed unexpectedly`));
    });
  };
  const connect = async (what: string) => {
    const conn = await amqp.connect(o.url);
    connections.push(conn);
    watch(conn, `${what} connection`);
    return conn;
  };

  // Set before the first declaration so a setup that fails half-way still deletes what it made.
  let mayHaveDeclared = false;
  const setUp = async () => {
    const setup = await connect('setup');
    const setupCh = await setup.createChannel();
    watch(setupCh, 'setup channel');
    mayHaveDeclared = true;
    await declare(setupCh, topology, o.persistent);
    for (let c = 0; c < o.consumers; c++) {
      const ch = await (await connect(`consumer ${c}`)).createChannel();
      watch(ch, `consumer ${c} channel`);
      await startConsumer(ch, topology, queuesForConsumer(c, o.consumers, o.queues), o.prefetch, ledger, (e) => run.fail(e));
    }
    const producerChannels: (Channel | ConfirmChannel)[] = [];
    for (let p = 0; p < o.producers; p++) {
      const conn = await connect(`producer ${p}`);
      const ch = o.confirm ? await conn.createConfirmChannel() : await conn.createChannel();
      watch(ch, `producer ${p} channel`);
      producerChannels.push(ch);
    }
    const server = setup.connection.serverProperties;
    return { server: `${String(server.product)} ${String(server.version)}`, producerChannels };
  };

  // A broker that stops answering during setup must not hang the run either.
  const setupTimer = setTimeout(() => run.fail(new Error(`setup did not finish within ${SETUP_LIMIT_MS / 1000} s`)), SETUP_LIMIT_MS);
  try {
    const ready = setUp();
    if (!(await unlessAborted(ready, run.signal))) throw run.error ?? new Error('stopped during setup');
    clearTimeout(setupTimer);
    const { server, producerChannels } = await ready;

    const start = performance.now();
    const publishUntil = start + o.durationSeconds * 1000;
    hardStop = setTimeout(() => run.stop(), o.durationSeconds * 1000 + DRAIN_GRACE_MS);
    const tallies = planned.map(() => emptyTally());
    await Promise.all(
      producerChannels.map((ch, id) =>
        runProducer(ch, o.confirm, topology, { id, count: planned[id]!, size: o.size, persistent: o.persistent, publishUntil }, ledger, tallies[id]!, run.signal).catch(
          (err: unknown) => run.fail(err),
        ),
      ),
    );
    await pollUntil(() => ledger.mayBeComplete && ledger.missing() === 0, run.signal);
    const end = performance.now();
    if (run.error) throw run.error;
    return summariseRun(server, o.confirm, o.count, tallies, ledger, { start, end });
  } finally {
    finishing = true;
    clearTimeout(hardStop);
    clearTimeout(setupTimer);
    // A connection the broker already closed rejects; one it no longer answers on is left behind after a while.
    await Promise.all(connections.map((conn) => unlessAborted(conn.close(), AbortSignal.timeout(CLOSE_LIMIT_MS)).catch(() => {})));
    if (mayHaveDeclared) {
      try {
        if (!(await unlessAborted(removeDeclared(o.url, topology), AbortSignal.timeout(SETUP_LIMIT_MS)))) {
          warn(`cleanup did not finish within ${SETUP_LIMIT_MS / 1000} s; queues named ${topology.queues[0]}… may remain`);
        }
      } catch (err) {
        warn(`cleanup failed: ${(err as Error).message}`);
      }
    }
  }
}
