// The embedded broker's own peek endpoint (RabbitMQ has none): the first
// messages of a queue read with nothing changed. Proven by what a consumer
// sees afterwards: the same messages, in the same order, none redelivered,
// and by the queue's counters, which do not move. Paged-out messages are
// read back from the store and left paged out.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import amqp, { type Channel, type ChannelModel } from 'amqplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthRegistry, registryAccessControl } from '../../../electron/broker/auth/index.js';
import { silentLogger } from '../../../electron/broker/logger.js';
import { startBroker, type RunningBroker } from '../../../electron/broker/main.js';
import { api, basic } from './http-support.js';

const e = encodeURIComponent;

describe('embedded broker: GET /api/queues/{vhost}/{name}/peek', () => {
  let broker: RunningBroker;
  let registry: AuthRegistry;
  let connection: ChannelModel;
  let channel: Channel;
  let dataDir: string;
  let n = 0;
  const queueName = () => `peek-${process.pid}-${++n}`;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'warren-peek-'));
    registry = AuthRegistry.withDefaults();
    // A budget of a few KiB: persistent messages beyond it are paged out to the store.
    broker = await startBroker({
      amqpPort: 0, httpPort: 0, bind: '127.0.0.1', log: silentLogger, registry, access: registryAccessControl(registry), dataDir,
      storage: { messageMemoryBudget: 4096 },
    });
    connection = await amqp.connect(broker.amqpUrl);
    channel = await connection.createChannel();
  });

  afterAll(async () => {
    await connection?.close();
    await broker?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const peek = (queue: string, query: string, auth?: string) => api(broker.httpUrl!, 'GET', `/api/queues/%2F/${e(queue)}/peek?${query}`, auth === undefined ? {} : { auth });
  const queueCounters = async (queue: string) => {
    const q = (await api(broker.httpUrl!, 'GET', `/api/queues/%2F/${e(queue)}`)).json as Record<string, unknown>;
    const stats = (q.message_stats ?? {}) as Record<string, unknown>;
    return { messages: q.messages, ready: q.messages_ready, unacked: q.messages_unacknowledged, redeliver: stats.redeliver ?? 0, get: stats.get ?? 0 };
  };

  async function consumeAll(queue: string, count: number): Promise<{ body: string; redelivered: boolean }[]> {
    const got: { body: string; redelivered: boolean }[] = [];
    for (let i = 0; i < count; i++) {
      const m = await channel.get(queue, { noAck: true });
      if (m === false) break;
      got.push({ body: m.content.toString(), redelivered: m.fields.redelivered });
    }
    return got;
  }

  it('returns the first N ready messages in order, in get’s shape, and changes nothing', async () => {
    const q = queueName();
    await channel.assertQueue(q, { durable: false });
    for (let i = 1; i <= 5; i++) channel.sendToQueue(q, Buffer.from(`m${i}`), { messageId: `id${i}`, headers: { n: i } });
    await channel.checkQueue(q);
    const before = await queueCounters(q);
    const answer = await peek(q, 'count=3');
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual([1, 2, 3].map((i) => ({
      payload_bytes: 2, redelivered: false, exchange: '', routing_key: q, message_count: 5,
      properties: { message_id: `id${i}`, headers: { n: i } }, payload: `m${i}`, payload_encoding: 'string',
    })));
    expect(await queueCounters(q)).toEqual(before);
    expect(await consumeAll(q, 10)).toEqual([1, 2, 3, 4, 5].map((i) => ({ body: `m${i}`, redelivered: false })));
  });

  it('reads paged-out persistent messages back from the store and leaves them for the consumer, in order', async () => {
    const q = queueName();
    await channel.assertQueue(q, { durable: true });
    const body = (i: number) => `${String(i).padStart(4, '0')}-${'x'.repeat(500)}`;
    for (let i = 0; i < 200; i++) channel.sendToQueue(q, Buffer.from(body(i)), { persistent: true });
    await channel.checkQueue(q);
    const pagedOut = async () => ((await api(broker.httpUrl!, 'GET', `/api/queues/%2F/${e(q)}`)).json as { messages_paged_out: number }).messages_paged_out;
    const pagedBefore = await pagedOut();
    expect(pagedBefore).toBeGreaterThan(150);
    const first = await peek(q, 'count=200&encoding=base64');
    expect(first.status).toBe(200);
    const bodies = (first.json as { payload: string; payload_encoding: string; redelivered: boolean }[]).map((m) => {
      expect(m.payload_encoding).toBe('base64');
      expect(m.redelivered).toBe(false);
      return Buffer.from(m.payload, 'base64').toString();
    });
    expect(bodies).toEqual(Array.from({ length: 200 }, (_, i) => body(i)));
    // Twice: a peek must not have made the paged messages resident or moved anything.
    expect((await peek(q, 'count=200&encoding=base64')).json).toEqual(first.json);
    expect(await pagedOut()).toBe(pagedBefore);
    const consumed = await consumeAll(q, 300);
    expect(consumed.map((m) => m.body)).toEqual(bodies);
    expect(consumed.every((m) => !m.redelivered)).toBe(true);
    await channel.deleteQueue(q);
  });

  it('keeps a requeued message’s redelivered flag as it is, and an unacked one out of the answer', async () => {
    const q = queueName();
    await channel.assertQueue(q, { durable: false });
    for (let i = 1; i <= 3; i++) channel.sendToQueue(q, Buffer.from(`m${i}`));
    await channel.checkQueue(q);
    const taken = await channel.get(q, { noAck: false });
    expect(taken).not.toBe(false);
    expect(((await peek(q, 'count=10')).json as { payload: string }[]).map((m) => m.payload)).toEqual(['m2', 'm3']);
    channel.nack(taken as amqp.GetMessage, false, true);
    await channel.checkQueue(q);
    expect(((await peek(q, 'count=10')).json as { payload: string; redelivered: boolean }[]).map((m) => [m.payload, m.redelivered])).toEqual([
      ['m1', true], ['m2', false], ['m3', false],
    ]);
  });

  it('truncates payloads on request and honours priorities in delivery order', async () => {
    const q = queueName();
    await channel.assertQueue(q, { durable: false, arguments: { 'x-max-priority': 5 } });
    channel.sendToQueue(q, Buffer.from('low-1'), { priority: 1 });
    channel.sendToQueue(q, Buffer.from('high'), { priority: 5 });
    channel.sendToQueue(q, Buffer.from('low-2'), { priority: 1 });
    await channel.checkQueue(q);
    const answer = (await peek(q, 'count=3&truncate=3')).json as { payload: string; payload_bytes: number }[];
    expect(answer.map((m) => [m.payload, m.payload_bytes])).toEqual([['hig', 4], ['low', 5], ['low', 5]]);
    expect((await consumeAll(q, 5)).map((m) => m.body)).toEqual(['high', 'low-1', 'low-2']);
  });

  it('refuses bad input and missing or forbidden queues with RabbitMQ-style bodies', async () => {
    const q = queueName();
    await channel.assertQueue(q, { durable: false });
    expect(await peek(q, 'count=x').then((a) => [a.status, a.json])).toEqual([400, { error: 'bad_request', reason: 'count must be an integer from 0 to 10000' }]);
    expect(await peek(q, 'count=1&encoding=hex').then((a) => [a.status, a.json])).toEqual([400, { error: 'bad_request', reason: 'Unsupported encoding. Please use auto or base64.' }]);
    expect(await peek('no-such-queue', 'count=1').then((a) => [a.status, a.json])).toEqual([404, { error: 'Object Not Found', reason: 'Not Found' }]);
    expect((await api(broker.httpUrl!, 'GET', `/api/queues/no-such-vhost/${e(q)}/peek?count=1`)).status).toBe(404);
    expect((await peek(q, 'count=1', 'Basic Z3Vlc3Q6d3Jvbmc=')).status).toBe(401);
    expect((await api(broker.httpUrl!, 'POST', `/api/queues/%2F/${e(q)}/peek?count=1`, { body: {} })).status).toBe(405);

    registry.addUser('peeker', 'secret', ['management']);
    registry.setPermissions('peeker', '/', { configure: '', write: '', read: '^nothing$' });
    const refused = await peek(q, 'count=1', basic('peeker', 'secret'));
    expect([refused.status, refused.json]).toEqual([403, { error: 'access_refused', reason: `access to queue '${q}' in vhost '/' refused for user 'peeker'` }]);
    registry.addUser('stranger', 'secret', ['management']);
    const noVhost = await peek(q, 'count=1', basic('stranger', 'secret'));
    expect([noVhost.status, noVhost.json]).toEqual([401, { error: 'not_authorised', reason: 'User not authorised to access virtual host' }]);
  });
});
