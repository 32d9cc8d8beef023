// Persistent messages in durable queues: restored in order with their
// properties after a restart and after SIGKILL (every confirmed message),
// redelivered when delivered before; transient messages are not stored; torn
// tails are cut and corrupt records skipped, with a log line.
import { appendFileSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BrokerLogger } from '../../../electron/broker/logger.js';
import type { RunningBroker } from '../../../electron/broker/main.js';
import { silentLogger } from '../../../electron/broker/logger.js';
import { encodeProperties } from '../../../electron/broker/properties.js';
import { Queue } from '../../../electron/broker/queue.js';
import { Journal, queueDirName, QUEUES_DIR } from '../../../electron/broker/store/journal.js';
import { scanSegment } from '../../../electron/broker/store/record.js';
import { connect, start, startCli, tempDir, type CliBroker } from './support.js';

let running: RunningBroker[] = [];
let children: CliBroker[] = [];
afterEach(async () => {
  await Promise.all(running.map((b) => b.close()));
  await Promise.all(children.map((c) => c.kill('SIGKILL').catch(() => undefined)));
  running = [];
  children = [];
});

function capture(): { log: BrokerLogger; events: { level: string; event: string; fields?: Record<string, unknown> }[] } {
  const events: { level: string; event: string; fields?: Record<string, unknown> }[] = [];
  return { events, log: { log: (level, event, fields) => events.push({ level, event, fields }) } };
}

async function started(dir: string, log?: BrokerLogger): Promise<RunningBroker> {
  const b = await start(dir, { log });
  running.push(b);
  return b;
}

/** Publishes bodies to a queue through the default exchange on a confirm channel and waits for the confirms. */
async function publishConfirmed(port: number, queue: string, bodies: string[], persistent = true): Promise<void> {
  const conn = await connect(port);
  const ch = await conn.createConfirmChannel();
  await ch.assertQueue(queue, { durable: true });
  for (const b of bodies) ch.sendToQueue(queue, Buffer.from(b), { persistent });
  await ch.waitForConfirms();
  await conn.close();
}

async function drain(port: number, queue: string): Promise<{ body: string; redelivered: boolean }[]> {
  const conn = await connect(port);
  const ch = await conn.createChannel();
  const out: { body: string; redelivered: boolean }[] = [];
  for (let m = await ch.get(queue, { noAck: true }); m; m = await ch.get(queue, { noAck: true })) out.push({ body: m.content.toString(), redelivered: m.fields.redelivered });
  await conn.close();
  return out;
}

function segmentFile(dir: string, queue: string): string {
  const qdir = join(dir, QUEUES_DIR, queueDirName('/', queue));
  const msgs = readdirSync(qdir).filter((f) => f.endsWith('.msgs')).sort();
  return join(qdir, msgs.at(-1)!);
}

describe('persistent messages', () => {
  it('restores persistent messages of durable queues in order with their properties; transient ones are gone', async () => {
    const dir = tempDir();
    const first = await started(dir);
    const conn = await connect(first.port);
    const ch = await conn.createConfirmChannel();
    await ch.assertQueue('dq', { durable: true });
    await ch.assertQueue('tq', { durable: false });
    ch.sendToQueue('dq', Buffer.from('p1'), { persistent: true, contentType: 'text/plain', messageId: 'm1', headers: { n: 1, s: 'x' }, correlationId: 'c' });
    ch.sendToQueue('dq', Buffer.from('t1'), { persistent: false });
    ch.sendToQueue('dq', Buffer.from('p2'), { persistent: true, priority: 3, expiration: '600000' });
    ch.sendToQueue('dq', Buffer.from('p3'), { persistent: true });
    ch.sendToQueue('tq', Buffer.from('in-transient-queue'), { persistent: true });
    await ch.waitForConfirms();
    await conn.close();
    await first.close();

    const second = await started(dir);
    const c2 = await connect(second.port);
    const ch2 = await c2.createChannel();
    const m1 = await ch2.get('dq', { noAck: true });
    expect(m1 && m1.content.toString()).toBe('p1');
    expect(m1 && m1.properties).toMatchObject({ contentType: 'text/plain', messageId: 'm1', headers: { n: 1, s: 'x' }, correlationId: 'c', deliveryMode: 2 });
    expect(m1 && m1.fields).toMatchObject({ redelivered: false, exchange: '', routingKey: 'dq' });
    const m2 = await ch2.get('dq', { noAck: true });
    expect(m2 && m2.properties).toMatchObject({ priority: 3, expiration: '600000' });
    await c2.close();
    expect((await drain(second.port, 'dq')).map((m) => m.body)).toEqual(['p3']);
  });

  it('marks messages delivered before the restart as redelivered; acked ones are gone', async () => {
    const dir = tempDir();
    const first = await started(dir);
    await publishConfirmed(first.port, 'q', ['a', 'b', 'c', 'd']);
    const conn = await connect(first.port);
    const ch = await conn.createChannel();
    const a = await ch.get('q');
    const b = await ch.get('q');
    if (!a || !b) throw new Error('expected messages');
    ch.ack(a);
    await ch.checkQueue('q');
    // b stays unacked until the broker goes away.
    await first.close();
    const second = await started(dir);
    expect(await drain(second.port, 'q')).toEqual([
      { body: 'b', redelivered: true }, { body: 'c', redelivered: false }, { body: 'd', redelivered: false },
    ]);
  });

  it('keeps every confirmed message when the broker process is SIGKILLed right after the confirms', { timeout: 30_000 }, async () => {
    const dir = tempDir();
    const first = await startCli(dir);
    children.push(first);
    const bodies = Array.from({ length: 500 }, (_, i) => `m${i}`);
    await publishConfirmed(first.port, 'killed', bodies);
    await first.kill('SIGKILL');
    const second = await startCli(dir);
    children.push(second);
    expect((await drain(second.port, 'killed')).map((m) => m.body)).toEqual(bodies);
  });

  it('does not store transient messages at all', async () => {
    const dir = tempDir();
    const b = await started(dir);
    await publishConfirmed(b.port, 'q', ['x', 'y'], false);
    const qdir = join(dir, QUEUES_DIR, queueDirName('/', 'q'));
    expect(readdirSync(qdir)).toEqual([]);
    await b.close();
    const again = await started(dir);
    expect(await drain(again.port, 'q')).toEqual([]);
  });

  it('deletes the queue files with the queue', async () => {
    const dir = tempDir();
    const b = await started(dir);
    await publishConfirmed(b.port, 'q', ['x']);
    const conn = await connect(b.port);
    const ch = await conn.createChannel();
    await ch.deleteQueue('q');
    await conn.close();
    expect(readdirSync(join(dir, QUEUES_DIR))).toEqual([]);
  });

  it('cuts a torn tail on boot with a log line and keeps the records before it', async () => {
    const dir = tempDir();
    const first = await started(dir);
    await publishConfirmed(first.port, 'q', ['one', 'two', 'three']);
    await first.close();
    const file = segmentFile(dir, 'q');
    const size = statSync(file).size;
    // Half a record: a crash in the middle of a write.
    appendFileSync(file, readFileSync(file).subarray(0, 20));
    const { log, events } = capture();
    const second = await started(dir, log);
    expect(statSync(file).size).toBe(size);
    expect((await drain(second.port, 'q')).map((m) => m.body)).toEqual(['one', 'two', 'three']);
    // All three consumed: the segment, no longer written to, is deleted.
    expect(() => statSync(file)).toThrow(/ENOENT/);
    expect(events.find((e) => e.event === 'store.torn_tail_cut')?.fields).toMatchObject({ offset: size, bytesCut: 20 });
  });

  it('skips a corrupt record in the middle, loads the rest, and logs the loss', async () => {
    const dir = tempDir();
    const first = await started(dir);
    await publishConfirmed(first.port, 'q', ['r1', 'r2', 'r3', 'r4']);
    await first.close();
    const file = segmentFile(dir, 'q');
    const buf = readFileSync(file);
    const { offsets, ends } = scanSegment(buf);
    expect(offsets).toHaveLength(4);
    const at = ends[1]! - 1; // last body byte of r2: its CRC no longer matches
    buf[at] = buf[at]! ^ 0xff;
    writeFileSync(file, buf);
    const { log, events } = capture();
    const second = await started(dir, log);
    expect((await drain(second.port, 'q')).map((m) => m.body)).toEqual(['r1', 'r3', 'r4']);
    expect(events.find((e) => e.event === 'store.corrupt_records_skipped')?.fields).toMatchObject({
      damagedStretches: 1, lostBytes: offsets[2]! - offsets[1]!, intactRecords: 3,
    });
  });
});

describe('group commit', () => {
  it('confirms only after the fsync, and one fsync serves every confirm waiting on it', async () => {
    const held: (() => void)[] = [];
    const journal = new Journal(tempDir(), silentLogger, { sync: (_fd, done) => held.push(() => done(null)) });
    const host = { deadLetter() {}, deleteQueue() {} };
    const q = new Queue({ name: 'q', vhost: '/', durable: true, exclusiveOwner: null, autoDelete: false, arguments: {} }, host);
    journal.attach(q);
    const properties = { deliveryMode: 2 };
    const confirmed: number[] = [];
    for (let i = 1; i <= 10; i++) {
      q.publish({ exchange: '', routingKey: 'q', properties, propertiesBytes: encodeProperties(properties), body: Buffer.from(`m${i}`) }, Date.now());
      q.journal!.afterSync(() => confirmed.push(i));
    }
    await new Promise((r) => setImmediate(r));
    expect(held).toHaveLength(1); // one fsync for the whole batch
    expect(confirmed).toEqual([]); // nothing confirmed before it completes
    held.shift()!();
    expect(confirmed).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(journal.syncs).toBe(1);
    // A confirm registered while an fsync runs waits for the next one, which covers its record.
    q.publish({ exchange: '', routingKey: 'q', properties, propertiesBytes: encodeProperties(properties), body: Buffer.from('m11') }, Date.now());
    q.journal!.afterSync(() => confirmed.push(11));
    await new Promise((r) => setImmediate(r));
    expect(held).toHaveLength(1);
    expect(confirmed).toHaveLength(10);
    held.shift()!();
    expect(confirmed.at(-1)).toBe(11);
  });

  it('deletes fully acknowledged segments and keeps the current one', async () => {
    const dir = tempDir();
    const journal = new Journal(dir, silentLogger, { segmentBytes: 200 });
    const q = new Queue({ name: 'q', vhost: '/', durable: true, exclusiveOwner: null, autoDelete: false, arguments: {} }, { deadLetter() {}, deleteQueue() {} });
    journal.attach(q);
    const properties = { deliveryMode: 2 };
    for (let i = 0; i < 20; i++) q.publish({ exchange: '', routingKey: 'q', properties, propertiesBytes: encodeProperties(properties), body: Buffer.alloc(50, i) }, Date.now());
    await new Promise<void>((r) => q.journal!.afterSync(r));
    const qdir = join(dir, QUEUES_DIR, queueDirName('/', 'q'));
    const before = readdirSync(qdir).filter((f) => f.endsWith('.msgs'));
    expect(before.length).toBeGreaterThan(3);
    for (let i = 0; i < 15; i++) q.fetch(true);
    await new Promise<void>((r) => q.journal!.afterSync(r));
    const after = readdirSync(qdir).filter((f) => f.endsWith('.msgs'));
    expect(after.length).toBeLessThan(before.length);
    expect(after.at(-1)).toBe(before.at(-1));
    await journal.close();
    // What is left restores exactly the 5 unconsumed messages, in order.
    const q2 = new Queue({ name: 'q', vhost: '/', durable: true, exclusiveOwner: null, autoDelete: false, arguments: {} }, { deadLetter() {}, deleteQueue() {} });
    new Journal(dir, silentLogger).attach(q2);
    const bodies: number[] = [];
    for (let e = q2.fetch(true); e; e = q2.fetch(true)) bodies.push(e.message.body[0]!);
    expect(bodies).toEqual([15, 16, 17, 18, 19]);
  });
});
