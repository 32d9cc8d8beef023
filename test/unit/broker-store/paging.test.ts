// Stored messages beyond the memory budget are paged out and read back on
// delivery: order, bodies, properties and redelivered flags survive it, reads
// go a window at a time (across segments too), a record still in the
// group-commit buffer is served, byte counts and length limits see paged
// entries, and a restart beyond the budget restores them paged.
import { readFileSync, writeFileSync, appendFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger, type BrokerLogger } from '../../../electron/broker/logger.js';
import { startBroker, type RunningBroker } from '../../../electron/broker/main.js';
import type { Message } from '../../../electron/broker/message.js';
import type { FieldTable } from '../../../electron/broker/protocol/field-table.js';
import { decodeBasicProperties, type BasicProperties } from '../../../electron/broker/protocol/generated.js';
import { encodeProperties } from '../../../electron/broker/properties.js';
import { Queue } from '../../../electron/broker/queue.js';
import { Journal, queueDirName, QUEUES_DIR, type JournalOptions } from '../../../electron/broker/store/journal.js';
import { messageCost, parseMessageMemoryBudget } from '../../../electron/broker/store/memory-budget.js';
import { scanSegment } from '../../../electron/broker/store/record.js';
import { connect, tempDir } from './support.js';

let running: RunningBroker[] = [];
let journals: Journal[] = [];
afterEach(async () => {
  await Promise.all(running.map((b) => b.close()));
  await Promise.all(journals.map((j) => j.close()));
  running = [];
  journals = [];
});

function message(body: string, extra: BasicProperties = {}): Message {
  const properties = { deliveryMode: 2, ...extra };
  const propertiesBytes = encodeProperties(properties);
  return { exchange: '', routingKey: 'q', properties: decodeBasicProperties(propertiesBytes, 0), propertiesBytes, body: Buffer.from(body) };
}

interface Setup { journal: Journal; queue: Queue; dead: string[] }

/** A durable queue with its journal on `dir`; dead-lettered bodies are collected. */
function durableQueue(dir: string, options: JournalOptions, args: FieldTable = {}, log: BrokerLogger = silentLogger): Setup {
  const journal = new Journal(dir, log, options);
  journals.push(journal);
  const dead: string[] = [];
  const queue = new Queue({ name: 'q', vhost: '/', durable: true, exclusiveOwner: null, autoDelete: false, arguments: args }, {
    deadLetter: (_q, m) => dead.push(m.body.toString()),
    deleteQueue() {},
  });
  journal.attach(queue);
  return { journal, queue, dead };
}

const synced = (q: Queue) => new Promise<void>((resolve) => q.journal!.afterSync(resolve));

function drain(q: Queue): { body: string; redelivered: boolean; messageId: string | undefined }[] {
  const out = [];
  for (let e = q.fetch(true); e; e = q.fetch(true)) out.push({ body: e.message.body.toString(), redelivered: e.redelivered, messageId: e.message.properties.messageId });
  return out;
}

/** What one 2-byte message with delivery mode 2 costs the budget. */
const COST = messageCost(message('xx'));

const bodies = (n: number) => Array.from({ length: n }, (_, i) => `m${String(i).padStart(2, '0')}`.slice(-2));

describe('paging stored messages out beyond the memory budget', () => {
  it('keeps the oldest within the budget, pages the newest out, and delivers all in order with bodies and properties', async () => {
    const cost = messageCost(message('xx', { messageId: 'id0' }));
    const { journal, queue } = durableQueue(tempDir(), { messageMemoryBudget: 3 * cost });
    const sent = bodies(10);
    sent.forEach((b, i) => queue.publish(message(b, { messageId: `id${i}` }), Date.now()));
    expect(queue.journal!.pagedMessages).toBe(7);
    expect(queue.journal!.pagedBytes).toBe(14);
    expect(journal.budget.used).toBe(3 * cost);
    await synced(queue);
    expect(drain(queue)).toEqual(sent.map((body, i) => ({ body, redelivered: false, messageId: `id${i}` })));
    expect(journal.budget.used).toBe(0);
    expect(queue.journal!.pagedMessages).toBe(0);
  });

  it('moves the bytes of messages kept in memory out of the shared Buffer pool, into chunks of their own', () => {
    const { queue } = durableQueue(tempDir(), {});
    for (const b of bodies(3)) queue.publish(message(b, { messageId: b }), Date.now());
    const kept = [queue.fetch(true)!, queue.fetch(true)!, queue.fetch(true)!].map((e) => e.message);
    expect(kept.map((m) => [m.body.toString(), m.properties.messageId])).toEqual(bodies(3).map((b) => [b, b]));
    expect(new Set(kept.map((m) => m.body.buffer)).size).toBe(1);
    expect(kept[0]!.body.buffer.byteLength).toBe(1024 * 1024);
  });

  it('reads a window at a time, across segment boundaries', async () => {
    const { journal, queue } = durableQueue(tempDir(), { messageMemoryBudget: 0, segmentBytes: 400 });
    const sent = Array.from({ length: 200 }, (_, i) => `body-${i}`);
    for (const b of sent) queue.publish(message(b), Date.now());
    await synced(queue);
    const segments = readdirSync(join(journal.dir, QUEUES_DIR, queueDirName('/', 'q'))).filter((f) => f.endsWith('.msgs')).length;
    expect(segments).toBeGreaterThan(10);
    expect(drain(queue).map((m) => m.body)).toEqual(sent);
    // One read per segment: every record after the first of a segment comes from the window.
    expect(journal.reads).toBe(segments);
  });

  it('shares capped read-ahead buffers between queues and releases them once nothing is paged', async () => {
    const dir = tempDir();
    const journal = new Journal(dir, silentLogger, { messageMemoryBudget: 0 });
    journals.push(journal);
    const queues = Array.from({ length: 20 }, (_, i) => {
      const q = new Queue({ name: `q${i}`, vhost: '/', durable: true, exclusiveOwner: null, autoDelete: false, arguments: {} }, { deadLetter() {}, deleteQueue() {} });
      journal.attach(q);
      for (const b of ['a1', 'a2']) q.publish(message(`${b}-${i}`), Date.now());
      return q;
    });
    await synced(queues[0]!);
    // One message from every queue in turn: 20 windows wanted, at most 16 held.
    expect(queues.map((q, i) => q.fetch(true)!.message.body.toString() === `a1-${i}`)).not.toContain(false);
    expect(journal.windows.inUse).toBe(16);
    expect(queues.map((q, i) => q.fetch(true)!.message.body.toString() === `a2-${i}`)).not.toContain(false);
    expect(journal.windows.inUse).toBe(0);
  });

  it('serves a record still in the group-commit buffer, and its confirm still waits for the fsync', async () => {
    const held: (() => void)[] = [];
    const { queue } = durableQueue(tempDir(), { messageMemoryBudget: 0, sync: (_fd, done) => held.push(() => done(null)) });
    queue.publish(message('p1', { messageId: 'x' }), Date.now());
    let confirmed = false;
    queue.journal!.afterSync(() => (confirmed = true));
    expect(queue.journal!.pagedMessages).toBe(1);
    const e = queue.fetch(false)!;
    expect(e.message.body.toString()).toBe('p1');
    expect(e.message.properties.messageId).toBe('x');
    await new Promise((r) => setImmediate(r));
    expect(held).toHaveLength(1);
    expect(confirmed).toBe(false);
    held.shift()!();
    expect(confirmed).toBe(true);
  });

  it('pages a requeued entry out again and delivers it once more, redelivered', async () => {
    const { journal, queue } = durableQueue(tempDir(), { messageMemoryBudget: COST });
    for (const b of ['aa', 'bb', 'cc']) queue.publish(message(b), Date.now());
    await synced(queue);
    const taken = [queue.fetch(false)!, queue.fetch(false)!];
    expect(taken.map((e) => e.message.body.toString())).toEqual(['aa', 'bb']);
    // Only 'aa' fitted the budget; 'bb', requeued first, takes the room 'aa' left, and 'aa' comes back paged.
    for (const e of taken.reverse()) queue.requeue(e);
    expect(queue.journal!.pagedMessages).toBe(2);
    expect(journal.budget.used).toBe(COST);
    expect(drain(queue)).toEqual([
      { body: 'aa', redelivered: true, messageId: undefined },
      { body: 'bb', redelivered: true, messageId: undefined },
      { body: 'cc', redelivered: false, messageId: undefined },
    ]);
    expect(journal.budget.used).toBe(0);
  });

  it('counts paged entries in message bytes and x-max-length-bytes, and dead-letters them with their bodies', async () => {
    const { queue, dead } = durableQueue(tempDir(), { messageMemoryBudget: 0 }, { 'x-max-length-bytes': { type: 'I', value: 10 }, 'x-dead-letter-exchange': { type: 'S', value: 'dlx' } });
    for (const b of bodies(8)) queue.publish(message(b), Date.now());
    expect(queue.messageCount).toBe(5);
    expect(queue.messageBytes).toBe(10);
    expect(queue.journal!.pagedBytes).toBe(10);
    expect(dead).toEqual(bodies(8).slice(0, 3));
    await synced(queue);
    expect(drain(queue).map((m) => m.body)).toEqual(bodies(8).slice(3));
  });

  it('frees the budget when a queue with resident entries is purged or deleted', () => {
    const { journal, queue } = durableQueue(tempDir(), { messageMemoryBudget: 2 * COST });
    for (const b of bodies(5)) queue.publish(message(b), Date.now());
    expect(journal.budget.used).toBe(2 * COST);
    expect(queue.purge()).toBe(5);
    expect(journal.budget.used).toBe(0);
    expect(queue.journal!.pagedMessages).toBe(0);
    for (const b of bodies(5)) queue.publish(message(b), Date.now());
    queue.markDeleted();
    expect(journal.budget.used).toBe(0);
  });
});

describe('restart', () => {
  it('restores every entry paged out, in order, with their redelivered flags', async () => {
    const dir = tempDir();
    const first = durableQueue(dir, {});
    const sent = bodies(50);
    for (const b of sent) first.queue.publish(message(b), Date.now());
    first.queue.fetch(false);
    first.queue.fetch(false);
    await first.journal.close();
    const second = durableQueue(dir, { messageMemoryBudget: 10 * COST });
    expect(second.queue.messageCount).toBe(50);
    expect(second.queue.messageBytes).toBe(100);
    expect(second.queue.journal!.pagedMessages).toBe(50);
    expect(second.journal.budget.used).toBe(0);
    expect(drain(second.queue).map((m) => [m.body, m.redelivered])).toEqual(sent.map((b, i) => [b, i < 2]));
  });

  it('still cuts a torn tail and skips a corrupt record when restoring paged out', async () => {
    const dir = tempDir();
    const first = durableQueue(dir, {});
    for (const b of ['r1', 'r2', 'r3', 'r4']) first.queue.publish(message(b), Date.now());
    await first.journal.close();
    const qdir = join(dir, QUEUES_DIR, queueDirName('/', 'q'));
    const file = join(qdir, readdirSync(qdir).find((f) => f.endsWith('.msgs'))!);
    const buf = readFileSync(file);
    const { ends } = scanSegment(buf);
    buf[ends[1]! - 1] = buf[ends[1]! - 1]! ^ 0xff;
    writeFileSync(file, buf);
    appendFileSync(file, buf.subarray(0, 20));
    const events: string[] = [];
    const second = durableQueue(dir, { messageMemoryBudget: 0 }, {}, { log: (_level, event) => events.push(event) });
    expect(second.queue.journal!.pagedMessages).toBe(3);
    expect(drain(second.queue).map((m) => m.body)).toEqual(['r1', 'r3', 'r4']);
    expect(events).toEqual(expect.arrayContaining(['store.torn_tail_cut', 'store.corrupt_records_skipped']));
  });
});

describe('a paged record damaged on disk after start', () => {
  it('is dropped as lost with a log line (not dead-lettered), and the messages after it are still delivered', async () => {
    const dir = tempDir();
    const events: { event: string; fields: unknown }[] = [];
    const log: BrokerLogger = { log: (_level, event, fields) => events.push({ event, fields }) };
    const { queue, dead } = durableQueue(dir, { messageMemoryBudget: 0 }, { 'x-dead-letter-exchange': { type: 'S', value: 'dlx' } }, log);
    for (const b of ['d1', 'd2', 'd3', 'd4']) queue.publish(message(b), Date.now());
    await synced(queue);
    const qdir = join(dir, QUEUES_DIR, queueDirName('/', 'q'));
    const file = join(qdir, readdirSync(qdir).find((f) => f.endsWith('.msgs'))!);
    const buf = readFileSync(file);
    const { ends } = scanSegment(buf);
    // The bodies of the second and the fourth record.
    buf[ends[1]! - 1] = buf[ends[1]! - 1]! ^ 0xff;
    buf[ends[3]! - 1] = buf[ends[3]! - 1]! ^ 0xff;
    writeFileSync(file, buf);
    const first = queue.fetch(true);
    expect(first?.message.body.toString()).toBe('d1');
    expect(queue.fetch(true)?.message.body.toString()).toBe('d3');
    expect(queue.fetch(true)).toBeUndefined();
    expect(queue.messageCount).toBe(0);
    expect(events.filter((e) => e.event === 'store.unreadable_record_dropped')).toHaveLength(2);
    expect(dead).toEqual([]);
  });
});

describe('paging through a client', () => {
  it('delivers paged messages to a consumer and requeues unacknowledged ones on channel close', async () => {
    const dir = tempDir();
    const broker = await startBroker({ amqpPort: 0, httpPort: 0, bind: '127.0.0.1', dataDir: dir, log: silentLogger, storage: { messageMemoryBudget: 4 * COST } });
    running.push(broker);
    const conn = await connect(broker.port);
    const pub = await conn.createConfirmChannel();
    await pub.assertQueue('q', { durable: true });
    const sent = Array.from({ length: 300 }, (_, i) => `c${i}`);
    for (const b of sent) pub.sendToQueue('q', Buffer.from(b), { persistent: true, headers: { n: b } });
    await pub.waitForConfirms();
    const view = await fetch(`${broker.httpUrl}/api/queues/%2F/q`, { headers: { authorization: `Basic ${Buffer.from('guest:guest').toString('base64')}` } });
    const row = await view.json() as Record<string, number>;
    const paged = row.messages_paged_out!;
    expect(paged).toBeGreaterThan(290);
    expect(row).toMatchObject({ messages: 300, messages_ram: 300 - paged, message_bytes: row.message_bytes_paged_out! + row.message_bytes_ram! });
    const ch = await conn.createChannel();
    await ch.prefetch(10);
    const firstTen = await new Promise<string[]>((resolve) => {
      const got: string[] = [];
      void ch.consume('q', (m) => {
        if (m && got.push(m.content.toString()) === 10) resolve(got);
      });
    });
    expect(firstTen).toEqual(sent.slice(0, 10));
    await ch.close();
    const again = await conn.createChannel();
    const out: { body: string; redelivered: boolean; header: unknown }[] = [];
    for (let m = await again.get('q', { noAck: true }); m; m = await again.get('q', { noAck: true })) {
      out.push({ body: m.content.toString(), redelivered: m.fields.redelivered, header: m.properties.headers?.n });
    }
    expect(out).toEqual(sent.map((b, i) => ({ body: b, redelivered: i < 10, header: b })));
    await conn.close();
  });
});

describe('--message-memory-budget', () => {
  it('takes bytes with information units and refuses anything else', () => {
    expect(parseMessageMemoryBudget('64MiB')).toBe(64 * 1024 * 1024);
    expect(parseMessageMemoryBudget('500MB')).toBe(500_000_000);
    expect(parseMessageMemoryBudget('0')).toBe(0);
    expect(() => parseMessageMemoryBudget('lots')).toThrow("expected an amount of memory such as 64MiB or 67108864, got 'lots'");
  });
});
