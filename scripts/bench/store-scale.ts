/**
 * `npm run bench:store [-- --count 1000000] [--budget BYTES]`: the embedded
 * broker's memory with a large durable queue, and its restart. Starts the
 * broker in its own process on a fresh data directory, publishes --count
 * persistent 16-byte messages with confirms to one durable queue, reads the
 * broker's resident memory, stops it (SIGTERM), starts it again on the same
 * directory and times the ready line, the first delivery and the queue's
 * message count; then drains the queue and checks that every message came
 * back once, in order. Targets (issue 4 item 2): RSS ≤ 300 MB with 1,000,000
 * messages, ready to serve in ≤ 5 s after a restart. An empty broker's ready
 * time is measured first: what the restart costs beyond starting at all.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import amqp from 'amqplib';
import { encodeBody } from './body.js';
import { startEmbeddedBroker, type EmbeddedBroker } from './embedded-broker.js';
import { formatCount, formatMiB } from './format.js';
import { machineLine } from './machine.js';
import { readStatusField } from './proc-memory.js';
import { ConfirmWindow } from './window.js';

const QUEUE = 'bench.store-scale';
const BODY_BYTES = 16;
const CONFIRM_WINDOW = 5_000;
const PREFETCH = 5_000;
const RSS_TARGET = 300 * 1000 * 1000;
const READY_TARGET_MS = 5_000;
/** Lets the broker finish its last group commit and the heap settle before RSS is read. */
const SETTLE_MS = 2_000;

const say = (line = '') => process.stdout.write(line + '\n');
const progress = (line: string) => process.stderr.write(line + '\n');

const { values } = parseArgs({ options: { count: { type: 'string' }, budget: { type: 'string' } }, strict: true });
const count = Number(values.count ?? 1_000_000);
if (!Number.isInteger(count) || count < 1) {
  process.stderr.write('usage: npm run bench:store -- [--count N] [--budget BYTES]\n');
  process.exit(2);
}
const brokerArgs = values.budget === undefined ? [] : ['--message-memory-budget', values.budget];

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const verdict = (ok: boolean) => (ok ? 'ok' : 'MISSED');

/** Publishes `count` messages with confirms, keeping CONFIRM_WINDOW in flight and honouring the socket's backpressure. */
async function publish(url: string): Promise<void> {
  const conn = await amqp.connect(url);
  const ch = await conn.createConfirmChannel();
  await ch.assertQueue(QUEUE, { durable: true });
  const window = new ConfirmWindow(CONFIRM_WINDOW);
  let nacked = 0;
  for (let seq = 0; seq < count; seq++) {
    await window.acquire();
    const ok = ch.sendToQueue(QUEUE, encodeBody(BODY_BYTES, { producer: 0, seq, sentAt: 0 }), { persistent: true }, (err) => {
      if (err) nacked++;
      window.release();
    });
    if (!ok) await new Promise((resolve) => ch.once('drain', resolve));
    if (seq % 100_000 === 99_999) progress(`  published ${formatCount(seq + 1)}`);
  }
  await window.drained();
  await conn.close();
  if (nacked > 0) throw new Error(`${nacked} messages were nacked`);
}

interface Restart {
  readyMs: number;
  firstMessageMs: number;
  countMs: number;
  reported: number;
}

/** Starts the broker on the existing data and times what a client sees first. */
async function restart(dataDir: string): Promise<{ broker: EmbeddedBroker; times: Restart; conn: amqp.ChannelModel; ch: amqp.Channel }> {
  const t0 = performance.now();
  const broker = await startEmbeddedBroker(dataDir, brokerArgs);
  const readyMs = performance.now() - t0;
  const conn = await amqp.connect(broker.amqpUrl);
  const ch = await conn.createChannel();
  const { messageCount } = await ch.checkQueue(QUEUE);
  const countMs = performance.now() - t0;
  const first = await ch.get(QUEUE, { noAck: false });
  const firstMessageMs = performance.now() - t0;
  if (!first) throw new Error('the queue gave no message after the restart');
  ch.nack(first, false, true);
  return { broker, conn, ch, times: { readyMs, firstMessageMs, countMs, reported: messageCount } };
}

/** Consumes everything, acking in batches; returns how many arrived and the first order problem seen. */
async function drain(ch: amqp.Channel): Promise<{ received: number; problem: string | undefined }> {
  await ch.prefetch(PREFETCH);
  let expected = 0;
  let problem: string | undefined;
  return new Promise((resolve) => {
    void ch.consume(QUEUE, (msg) => {
      if (!msg) return;
      const seq = msg.content.readUInt32BE(4);
      if (seq !== expected && problem === undefined) problem = `expected message ${expected}, got ${seq}`;
      expected++;
      if (expected % 1_000 === 0 || expected === count) ch.ack(msg, true);
      if (expected % 250_000 === 0) progress(`  drained ${formatCount(expected)}`);
      if (expected === count) resolve({ received: expected, problem });
    });
  });
}

/** Time to the ready line of a broker on an empty data directory. */
async function emptyStart(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'warren-store-empty-'));
  try {
    const t0 = performance.now();
    const broker = await startEmbeddedBroker(dir, brokerArgs);
    const ms = performance.now() - t0;
    await broker.stop();
    return ms;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const dataDir = mkdtempSync(join(tmpdir(), 'warren-store-scale-'));
say(`command   npm run bench:store -- --count ${count}${values.budget === undefined ? '' : ` --budget ${values.budget}`}`);
say(`machine   ${machineLine()}`);
try {
  const emptyReadyMs = await emptyStart();
  const first = await startEmbeddedBroker(dataDir, brokerArgs);
  progress(`publishing ${formatCount(count)} persistent ${BODY_BYTES} B messages with confirms to durable queue ${QUEUE}`);
  const t0 = performance.now();
  await publish(first.amqpUrl);
  const publishMs = performance.now() - t0;
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  const rss = readStatusField(first.pid, 'VmRSS');
  const peak = first.peakRss();
  await first.stop();

  progress('restarting on the same data directory');
  const { broker, conn, ch, times } = await restart(dataDir);
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  const rssAfter = readStatusField(broker.pid, 'VmRSS');
  const t1 = performance.now();
  const { received, problem } = await drain(ch);
  const drainMs = performance.now() - t1;
  await conn.close();
  await broker.stop();

  say();
  say(`published ${formatCount(count)} in ${seconds(publishMs)} (${formatCount(count / (publishMs / 1000))} msg/s, confirmed)`);
  say(`broker RSS with ${formatCount(count)} queued      ${formatMiB(rss)} (peak ${formatMiB(peak)})   target ≤ ${RSS_TARGET / 1e6} MB: ${verdict(rss !== null && rss <= RSS_TARGET)}`);
  say(`empty broker: ready line           ${seconds(emptyReadyMs)}`);
  say(`restart: ready line                ${seconds(times.readyMs)}   target ≤ ${READY_TARGET_MS / 1000} s: ${verdict(times.readyMs <= READY_TARGET_MS)}`);
  say(`restart: queue reports ${formatCount(times.reported)}  ${seconds(times.countMs)}   ${verdict(times.reported === count)}`);
  say(`restart: first message received    ${seconds(times.firstMessageMs)}   target ≤ ${READY_TARGET_MS / 1000} s: ${verdict(times.firstMessageMs <= READY_TARGET_MS)}`);
  say(`broker RSS after restart           ${formatMiB(rssAfter)}   target ≤ ${RSS_TARGET / 1e6} MB: ${verdict(rssAfter !== null && rssAfter <= RSS_TARGET)}`);
  say(`drained ${formatCount(received)} in ${seconds(drainMs)} (${formatCount(received / (drainMs / 1000))} msg/s), ${problem ?? 'every message once, in order'}`);
  if (broker.problems.length > 0 || first.problems.length > 0) say(`broker warnings: ${[...first.problems, ...broker.problems].join('\n')}`);
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
