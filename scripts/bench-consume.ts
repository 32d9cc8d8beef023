/**
 * `npx tsx scripts/bench-consume.ts [count]`: the backend side of consuming into the live list.
 *
 * Fills a queue on RabbitMQ (RABBITMQ_URL) with `count` small messages (default 100,000),
 * then starts an auto-ack workbench consumer through the real backend and measures how fast
 * it takes them, how long the event loop stalls meanwhile, and how many 'workbench.messages'
 * events it sends and how large (serialized as the web transport does). A second run does the
 * same with a manual-ack consumer (prefetch 2,000) that acks each batch as it arrives.
 * Prints figures; asserts nothing. The browser side is measured by the renderer's benchmark.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import amqp from 'amqplib';
import { createBackend } from '../electron/backend/backend.js';
import { memoryLogger } from '../electron/backend/logger.js';
import type { EventPayload } from '../shared/api/contract.js';
import { RABBITMQ_MANAGEMENT_URL, RABBITMQ_URL } from '../test/support/requirements.js';
import { tempDataDir } from '../test/unit/backend/backend-fixture.js';

const COUNT = Number(process.argv[2] ?? 100_000);
const say = (line: string) => process.stdout.write(line + '\n');

async function fill(connection: amqp.ChannelModel, queue: string): Promise<void> {
  const channel = await connection.createConfirmChannel();
  await channel.assertQueue(queue, { durable: false });
  const body = Buffer.from(JSON.stringify({ order: 0, item: 'x'.repeat(150) }));
  for (let i = 0; i < COUNT; i++) {
    if (!channel.sendToQueue(queue, body, { messageId: `m${i}`, contentType: 'application/json', headers: { n: i } })) await new Promise((r) => channel.once('drain', r));
    if (i % 5000 === 4999) await channel.waitForConfirms();
  }
  await channel.waitForConfirms();
  await channel.close();
}

async function main() {
  const data = await tempDataDir();
  const url = new URL(RABBITMQ_URL);
  const backend = await createBackend({ dataDir: data.dir, transport: 'web', version: 'bench', log: memoryLogger(), session: { httpTimeoutMs: 10_000 } });
  const call = <T>(method: string, args: unknown = {}) => backend.dispatch(method, args) as Promise<T>;
  const profile = await call<{ id: string }>('profiles.save', {
    name: 'bench',
    amqpUri: `amqp://${url.hostname}:${url.port || 5672}`,
    managementUrl: RABBITMQ_MANAGEMENT_URL,
    username: decodeURIComponent(url.username || 'guest'),
    password: decodeURIComponent(url.password || 'guest'),
  });
  await call('session.connect', { id: profile.id });
  const connection = await amqp.connect(RABBITMQ_URL);

  for (const ackMode of ['auto', 'manual'] as const) {
    const queue = `warren-bench-consume-${ackMode}-${Date.now()}`;
    await fill(connection, queue);
    let events = 0;
    let largest = 0;
    let bytes = 0;
    let received = 0;
    let done: () => void = () => undefined;
    const finished = new Promise<void>((resolve) => {
      done = resolve;
    });
    const consumerId = `bench-${ackMode}`;
    const unsubscribe = backend.subscribe((event, payload) => {
      if (event !== 'workbench.messages') return;
      const batch = payload as EventPayload<'workbench.messages'>;
      const size = JSON.stringify({ type: 'event', event, payload }).length;
      events += 1;
      bytes += size;
      largest = Math.max(largest, size);
      received = batch.state.received;
      if (ackMode === 'manual' && batch.messages.length > 0) {
        void call('workbench.settle', { consumerId, seqs: batch.messages.map((m) => m.seq), action: 'ack' });
      }
      if (received >= COUNT) done();
    });
    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    const started = performance.now();
    await call('workbench.consumeStart', { consumerId, vhost: '/', source: { kind: 'queue', queue }, ackMode, prefetch: 2000 });
    await finished;
    const seconds = (performance.now() - started) / 1000;
    delay.disable();
    unsubscribe();
    await call('workbench.consumeStop', { consumerId });
    await call('workbench.consumeClear', { consumerId });
    const channel = await connection.createChannel();
    await channel.deleteQueue(queue);
    await channel.close();
    say(`${ackMode} ack: ${COUNT.toLocaleString('en')} messages in ${seconds.toFixed(2)} s = ${Math.round(COUNT / seconds).toLocaleString('en')} msg/s`);
    say(`  event loop delay p99 ${(delay.percentile(99) / 1e6).toFixed(1)} ms, max ${(delay.max / 1e6).toFixed(1)} ms`);
    say(`  ${events} message events (${(events / seconds).toFixed(1)}/s), largest ${(largest / 1024).toFixed(0)} KiB, ${(bytes / 1024 / 1024).toFixed(1)} MiB in all`);
  }
  await connection.close();
  await backend.close();
  await data.cleanup();
}

await main();
