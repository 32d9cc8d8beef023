import amqp, { type ChannelModel } from 'amqplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RABBITMQ_MANAGEMENT_URL, rabbitAvailable } from '../../support/requirements.js';
import { AuthRegistry } from '../../../electron/broker/auth/index.js';
import { silentLogger } from '../../../electron/broker/logger.js';
import { startBroker, type RunningBroker } from '../../../electron/broker/main.js';
import { createManagementClient } from '../../../electron/backend/management/management-client.js';
import { fetchRawInventory } from '../../../electron/backend/management/fetch-inventory.js';
import { parseInventory } from '../../../electron/backend/management/parse-inventory.js';
import { sampleOnce } from '../../../electron/backend/sampler/sample-once.js';
import { checkHttp } from '../../../electron/backend/connection-test/check-http.js';
import type { Inventory } from '../../../shared/model/inventory.js';
import { api } from './http-support.js';

/**
 * "The console's views work identically": Warren's own sampler (the code the
 * app runs) reads the embedded broker's management API without error, paged
 * and unpaged, and the inventory it builds for a topology is the same as the
 * one it builds from RabbitMQ for the same topology (rates and connection
 * addresses aside, which differ by nature).
 */
const rabbit = (await rabbitAvailable()) ? RABBITMQ_MANAGEMENT_URL : null;
const vhost = `warren-views-${process.pid}-${Date.now().toString(36)}`;
const V = encodeURIComponent(vhost);

interface Side {
  http: string;
  amqpUrl: string;
  conns: ChannelModel[];
}

async function build(side: Side): Promise<void> {
  await api(side.http, 'PUT', `/api/vhosts/${V}`);
  await api(side.http, 'PUT', `/api/policies/${V}/views-ttl`, { body: { pattern: '^work', 'apply-to': 'queues', definition: { 'message-ttl': 600000 } } });
  const conn = await amqp.connect(`${side.amqpUrl}/${V}`, { clientProperties: { connection_name: 'views-test' } });
  side.conns.push(conn);
  const ch = await conn.createConfirmChannel();
  await ch.assertExchange('logs', 'fanout', { durable: false });
  await ch.assertExchange('topics', 'topic', { durable: true });
  await ch.assertQueue('work', { durable: true, arguments: { 'x-max-length': 1000 } });
  await ch.assertQueue('logs.a', { durable: false, autoDelete: true });
  await ch.bindQueue('logs.a', 'logs', '');
  await ch.bindQueue('work', 'topics', 'job.*');
  for (let i = 0; i < 5; i++) ch.publish('topics', 'job.x', Buffer.from(`job ${i}`));
  await ch.waitForConfirms();
  const worker = await conn.createChannel();
  await worker.prefetch(2);
  let seen = 0;
  await new Promise<void>((resolve) => {
    void worker.consume('work', () => {
      if (++seen === 2) resolve();
    }, { noAck: false, consumerTag: 'worker-1' });
  });
}

type Comparable = Record<string, unknown>;

function comparable(inv: Inventory): Comparable {
  const mine = <T extends { vhost: string }>(rows: T[]) => rows.filter((r) => r.vhost === vhost);
  const sortBy = <T>(rows: T[], key: (r: T) => string) => [...rows].sort((a, b) => key(a).localeCompare(key(b)));
  return {
    queues: sortBy(mine(inv.queues), (q) => q.name).map(({ publishRate: _p, deliverRate: _d, ...rest }) => rest),
    exchanges: sortBy(mine(inv.exchanges), (x) => x.name).map(({ publishInRate: _i, publishOutRate: _o, ...rest }) => rest),
    vhosts: inv.vhosts.filter((v) => v.name === vhost),
    channels: sortBy(mine(inv.channels), (c) => String(c.number)).map((c) => ({
      number: c.number, user: c.user, state: c.state, consumers: c.consumers, prefetch: c.prefetch, globalPrefetch: c.globalPrefetch,
      unacked: c.unacked, unconfirmed: c.unconfirmed, confirm: c.confirm, transactional: c.transactional,
    })),
    consumers: mine(inv.consumers).map((c) => ({
      queue: c.queue, consumerTag: c.consumerTag, ackRequired: c.ackRequired, exclusive: c.exclusive, prefetch: c.prefetch, active: c.active, arguments: c.arguments,
    })),
    connections: mine(inv.connections).map((c) => ({ user: c.user, state: c.state, protocol: c.protocol, clientName: c.clientName, clientProduct: c.clientProduct, channels: c.channels })),
  };
}

function client(baseUrl: string) {
  return createManagementClient({ baseUrl, username: 'guest', password: 'guest', tls: { rejectUnauthorized: true }, timeoutMs: 10_000 });
}

describe('the console sampler on the embedded broker', () => {
  let broker: RunningBroker;
  const embedded: Side = { http: '', amqpUrl: '', conns: [] };
  const rabbitSide: Side = { http: rabbit ?? '', amqpUrl: 'amqp://guest:guest@127.0.0.1:5672', conns: [] };

  beforeAll(async () => {
    broker = await startBroker({ amqpPort: 0, httpPort: 0, bind: '127.0.0.1', log: silentLogger, registry: AuthRegistry.withDefaults() });
    embedded.http = broker.httpUrl!;
    embedded.amqpUrl = broker.amqpUrl.replace('amqp://', 'amqp://guest:guest@');
    await Promise.all([build(embedded), ...(rabbit ? [build(rabbitSide)] : [])]);
  }, 60_000);

  afterAll(async () => {
    for (const side of [embedded, rabbitSide]) {
      for (const c of side.conns) await c.close().catch(() => undefined);
      if (side.http) await api(side.http, 'DELETE', `/api/vhosts/${V}`);
    }
    await broker?.close();
  });

  it('samples without error, with the counts of the topology', async () => {
    const { inventory } = await sampleOnce(client(embedded.http), null, 1);
    const work = inventory.queues.find((q) => q.vhost === vhost && q.name === 'work')!;
    expect(work).toMatchObject({ ready: 3, unacked: 2, total: 5, consumers: 1, policy: 'views-ttl', durable: true });
    expect(inventory.overview?.productName).toBe('Warren');
    expect(inventory.consumers.some((c) => c.vhost === vhost && c.consumerTag === 'worker-1' && c.prefetch === 2)).toBe(true);
  });

  it('passes the console\'s connection test (management half)', async () => {
    const target = { baseUrl: embedded.http, username: 'guest', password: 'guest', tls: { rejectUnauthorized: true }, timeoutMs: 10_000 };
    const check = await checkHttp(target, vhost);
    expect(check).toMatchObject({ ok: true, detail: expect.stringMatching(/^Warren \d+\.\d+\.\d+ \(management 3\.10\.8\), user guest \[administrator\]$/) });
    expect(await checkHttp(target, 'no-such-vhost')).toMatchObject({ ok: false });
  });

  it('reads paged listings the same as unpaged ones', async () => {
    const c = client(embedded.http);
    const paged = parseInventory(await fetchRawInventory(c, { queues: true, exchanges: true, connections: true, channels: true }));
    const unpaged = parseInventory(await fetchRawInventory(c, { queues: false, exchanges: false, connections: false, channels: false }));
    expect(comparable(paged)).toEqual(comparable(unpaged));
  });

  it.skipIf(rabbit === null)('builds the same inventory as from RabbitMQ for the same topology', async () => {
    const end = Date.now() + 20_000;
    let r: Comparable;
    let e: Comparable;
    // RabbitMQ's counts arrive with its 5 s statistics.
    for (;;) {
      const pair = await Promise.all([rabbitSide, embedded].map(async (s) => comparable((await sampleOnce(client(s.http), null, 1)).inventory)));
      r = pair[0]!;
      e = pair[1]!;
      if (JSON.stringify(r) === JSON.stringify(e) || Date.now() > end) break;
      await new Promise((res) => setTimeout(res, 500));
    }
    expect(e!).toEqual(r!);
  }, 30_000);
});
