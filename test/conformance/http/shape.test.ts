import amqp, { type ChannelModel } from 'amqplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RABBITMQ_MANAGEMENT_URL, rabbitAvailable } from '../../support/requirements.js';
import { AuthRegistry } from '../../../electron/broker/auth/index.js';
import { silentLogger } from '../../../electron/broker/logger.js';
import { startBroker, type RunningBroker } from '../../../electron/broker/main.js';
import { api, basic, shapeDifferences, shapeOf } from './http-support.js';

/**
 * The same topology is built on RabbitMQ and on the embedded broker, over
 * AMQP plus a few HTTP writes; then every read endpoint the console and the
 * issue name is requested from both, and the answers must have the same
 * field names and JSON types. Fields RabbitMQ reports that the embedded
 * broker cannot measure are listed in RABBIT_ONLY; nothing else may differ.
 */
const RABBIT_ONLY = new Set([
  // Erlang process and storage internals
  'garbage_collection', 'memory', 'reductions', 'reductions_details', 'backing_queue_status',
  'messages_persistent', 'message_bytes_persistent', 'head_message_timestamp',
  // connection socket counters and raft internals
  'recv_cnt', 'send_cnt', 'send_pend', 'pending_raft_commands',
  // audit and misc
  'user_who_performed_action',
  // overview internals
  'statistics_db_event_queue', 'churn_rates', 'erlang_version', 'erlang_full_version', 'release_series_support_status',
  'socket_opts', 'ssl_opts', 'cowboy_opts',
  // disk statistics: this broker keeps messages in memory
  'disk_reads', 'disk_reads_details', 'disk_writes', 'disk_writes_details',
]);

/** The embedded broker's own overview field, in place of the Erlang RabbitMQ runs on (rabbit-only above). */
const EMBEDDED_ONLY = new Set(['runtime']);

/** Present only in some rows, on both brokers: timing decides idle_since, the client decides user_provided_name. */
const CONDITIONAL = new Set([
  'idle_since',
  // Only on connections whose client gives a connection_name, on both brokers; other suites' connections may.
  'user_provided_name',
]);

const rabbit = (await rabbitAvailable()) ? RABBITMQ_MANAGEMENT_URL : null;
const vhost = `warren-shape-${process.pid}-${Date.now().toString(36)}`;
const V = encodeURIComponent(vhost);

interface Side {
  http: string;
  amqpUrl: string;
  conns: ChannelModel[];
}

async function buildTopology(side: Side): Promise<void> {
  expect((await api(side.http, 'PUT', `/api/vhosts/${V}`)).status).toBe(201);
  expect((await api(side.http, 'PUT', `/api/permissions/${V}/guest`, { body: { configure: '.*', write: '.*', read: '.*' } })).status).toBe(204);
  expect((await api(side.http, 'PUT', `/api/policies/${V}/shape-pol`, {
    body: { pattern: '^shape\\.q$', 'apply-to': 'queues', priority: 1, definition: { 'max-length': 100 } },
  })).status).toBe(201);
  const conn = await amqp.connect(`${side.amqpUrl}/${V}`);
  side.conns.push(conn);
  const ch = await conn.createConfirmChannel();
  await ch.assertExchange('shape.topic', 'topic', { durable: true });
  await ch.assertExchange('shape.fan', 'fanout', { durable: true });
  await ch.bindExchange('shape.fan', 'shape.topic', 'e.#');
  await ch.assertQueue('shape.q', { durable: true, arguments: { 'x-message-ttl': 60000 } });
  await ch.assertQueue('shape.idle', { durable: true });
  await ch.bindQueue('shape.q', 'shape.topic', 'a.#');
  for (let i = 0; i < 3; i++) ch.publish('shape.topic', 'a.b', Buffer.from(`m${i}`), { contentType: 'text/plain' });
  ch.publish('shape.topic', 'nowhere', Buffer.from('lost'));
  await ch.waitForConfirms();
  const getter = await conn.createChannel();
  const got = await getter.get('shape.q', { noAck: false });
  if (got) getter.ack(got);
  const consumer = await conn.createChannel();
  await consumer.prefetch(1);
  await new Promise<void>((resolve) => {
    void consumer.consume('shape.q', () => resolve(), { noAck: false, consumerTag: 'shape-consumer' });
  });
}

/** RabbitMQ emits stats every 5 s: wait until the queue's counters are there. */
async function statsReady(http: string): Promise<void> {
  const end = Date.now() + 20_000;
  for (;;) {
    const q = (await api(http, 'GET', `/api/queues/${V}/shape.q`)).json as { message_stats?: { deliver_get?: number; ack?: number } };
    const ch = (await api(http, 'GET', `/api/vhosts/${V}/channels`)).json as { message_stats?: unknown }[];
    const queues = (await api(http, 'GET', `/api/queues/${V}`)).json as { state?: string; messages?: number }[];
    const vh = (await api(http, 'GET', `/api/vhosts/${V}`)).json as { messages?: number; recv_oct?: number };
    const conns = (await api(http, 'GET', `/api/vhosts/${V}/connections`)).json as { recv_oct?: number }[];
    if ((q.message_stats?.deliver_get ?? 0) >= 2 && (q.message_stats?.ack ?? 0) >= 1 && ch.length >= 3 && ch.every((c) => c.message_stats)
      && queues.every((x) => x.state !== undefined && x.messages !== undefined) && vh.messages !== undefined && vh.recv_oct !== undefined
      && conns.length > 0 && conns.every((c) => c.recv_oct !== undefined)) return;
    if (Date.now() > end) throw new Error('statistics did not appear within 20 s');
    await new Promise((r) => setTimeout(r, 500));
  }
}

describe.skipIf(rabbit === null)('management API shapes: RabbitMQ versus embedded', () => {
  let broker: RunningBroker;
  const sides: { rabbitmq: Side; embedded: Side } = {
    rabbitmq: { http: rabbit ?? '', amqpUrl: 'amqp://guest:guest@127.0.0.1:5672', conns: [] },
    embedded: { http: '', amqpUrl: '', conns: [] },
  };

  beforeAll(async () => {
    broker = await startBroker({ amqpPort: 0, httpPort: 0, bind: '127.0.0.1', log: silentLogger, registry: AuthRegistry.withDefaults() });
    sides.embedded.http = broker.httpUrl!;
    sides.embedded.amqpUrl = broker.amqpUrl.replace('amqp://', 'amqp://guest:guest@');
    await Promise.all([buildTopology(sides.rabbitmq), buildTopology(sides.embedded)]);
    await Promise.all([statsReady(sides.rabbitmq.http), statsReady(sides.embedded.http)]);
  }, 60_000);

  afterAll(async () => {
    for (const side of Object.values(sides)) {
      for (const c of side.conns) await c.close().catch(() => undefined);
      if (side.http) await api(side.http, 'DELETE', `/api/vhosts/${V}`);
    }
    await broker?.close();
  });

  async function connectionName(http: string): Promise<string> {
    const list = (await api(http, 'GET', `/api/vhosts/${V}/connections`)).json as { name: string }[];
    return list[0]!.name;
  }

  const endpoints = [
    '/api/overview',
    '/api/overview?lengths_age=60&lengths_incr=5&msg_rates_age=60&msg_rates_incr=5',
    '/api/whoami',
    `/api/vhosts/${V}`,
    `/api/queues/${V}`,
    `/api/queues/${V}/shape.q`,
    `/api/queues/${V}/shape.q?lengths_age=60&lengths_incr=5&msg_rates_age=60&msg_rates_incr=5`,
    `/api/queues/${V}/shape.idle`,
    `/api/queues/${V}/shape.q/bindings`,
    `/api/queues/${V}?page=1&page_size=1&name=shape&sort=name&sort_reverse=true`,
    `/api/queues/${V}?columns=name,messages,message_stats.publish_details.rate`,
    `/api/exchanges/${V}`,
    `/api/exchanges/${V}/shape.topic`,
    `/api/exchanges/${V}/shape.topic/bindings/source`,
    `/api/exchanges/${V}/shape.fan/bindings/destination`,
    `/api/bindings/${V}`,
    `/api/bindings/${V}/e/shape.topic/q/shape.q`,
    `/api/bindings/${V}/e/shape.topic/q/shape.q/a.%23`,
    `/api/vhosts/${V}/connections`,
    `/api/vhosts/${V}/channels`,
    `/api/consumers/${V}`,
    `/api/vhosts/${V}/permissions`,
    `/api/permissions/${V}/guest`,
    `/api/users/guest`,
    `/api/policies/${V}`,
    `/api/policies/${V}/shape-pol`,
    `/api/definitions/${V}`,
    // Broker-wide lists: RabbitMQ's also hold other suites' objects; shapes are compared over all rows.
    '/api/vhosts',
    '/api/queues',
    '/api/exchanges',
    '/api/bindings',
    '/api/connections',
    '/api/channels',
    '/api/consumers',
    '/api/users',
    '/api/permissions',
    '/api/policies',
    '/api/definitions',
  ];

  for (const path of endpoints) {
    it(`GET ${path}`, async () => {
      const [r, e] = await Promise.all([api(sides.rabbitmq.http, 'GET', path), api(sides.embedded.http, 'GET', path)]);
      expect(e.status).toBe(r.status);
      expect(shapeDifferences(shapeOf(r.json), shapeOf(e.json), RABBIT_ONLY, new Set([...CONDITIONAL, ...EMBEDDED_ONLY]))).toEqual([]);
    });
  }

  it('GET /api/connections/{name} and /api/channels/{name}', async () => {
    for (const kind of ['connections', 'channels'] as const) {
      const answers = await Promise.all([sides.rabbitmq, sides.embedded].map(async (side) => {
        const list = (await api(side.http, 'GET', `/api/vhosts/${V}/${kind}`)).json as { name: string }[];
        const name = kind === 'connections' ? await connectionName(side.http) : list.map((c) => c.name).sort()[0]!;
        return api(side.http, 'GET', `/api/${kind}/${encodeURIComponent(name)}`);
      }));
      expect(answers[1]!.status).toBe(answers[0]!.status);
      expect(shapeDifferences(shapeOf(answers[0]!.json), shapeOf(answers[1]!.json), RABBIT_ONLY, CONDITIONAL)).toEqual([]);
    }
  });

  it('GET /api/connections/{name}: a client-given connection name is shown as user_provided_name', async () => {
    const named = `warren-shape-named-${process.pid}`;
    const answers = await Promise.all([sides.rabbitmq, sides.embedded].map(async (side) => {
      const conn = await amqp.connect(`${side.amqpUrl}/${V}`, { clientProperties: { connection_name: named } });
      side.conns.push(conn);
      let row: { name: string; user_provided_name?: string } | undefined;
      // RabbitMQ's management database learns of a new connection a moment later.
      for (let i = 0; i < 50 && !row; i++) {
        const list = (await api(side.http, 'GET', `/api/vhosts/${V}/connections`)).json as { name: string; user_provided_name?: string }[];
        row = list.find((c) => c.user_provided_name === named);
        if (!row) await new Promise((r) => setTimeout(r, 200));
      }
      return row;
    }));
    expect(answers[0]?.user_provided_name).toBe(named);
    expect(answers[1]?.user_provided_name).toBe(named);
  });

  it('GET /api/nodes: every field the embedded broker reports is a RabbitMQ node field of the same type', async () => {
    const [r, e] = await Promise.all([api(sides.rabbitmq.http, 'GET', '/api/nodes'), api(sides.embedded.http, 'GET', '/api/nodes')]);
    expect(e.status).toBe(200);
    const rabbitFields = new Set(Object.keys((r.json as object[])[0]!));
    expect(shapeDifferences(shapeOf(r.json), shapeOf(e.json), rabbitFields)).toEqual([]);
  });

  describe('bad input: same status, same body', () => {
    const cases: { name: string; method: string; path: string; body?: unknown; rawBody?: string; auth?: string | null }[] = [
      { name: 'unknown path', method: 'GET', path: '/api/nope' },
      { name: 'unknown top-level path', method: 'GET', path: '/nope' },
      { name: 'wrong method', method: 'POST', path: '/api/overview' },
      { name: 'wrong method on a queue', method: 'POST', path: `/api/queues/${V}/shape.q` },
      { name: 'bad JSON', method: 'PUT', path: `/api/queues/${V}/shape.bad`, rawBody: '{bad' },
      { name: 'JSON that is not an object', method: 'PUT', path: '/api/users/warren-shape-nobody', rawBody: '[1]' },
      { name: 'user without tags', method: 'PUT', path: '/api/users/warren-shape-nobody', body: { password: 'x' } },
      { name: 'missing auth', method: 'GET', path: '/api/overview', auth: null },
      { name: 'wrong password', method: 'GET', path: '/api/overview', auth: basic('guest', 'wrong') },
      { name: 'unknown user', method: 'GET', path: '/api/overview', auth: basic('warren-nobody', 'x') },
      { name: 'unknown vhost', method: 'GET', path: '/api/queues/warren-no-such-vhost' },
      { name: 'unknown vhost, named queue', method: 'GET', path: '/api/queues/warren-no-such-vhost/q' },
      { name: 'unknown queue', method: 'GET', path: `/api/queues/${V}/nope` },
      { name: 'unknown exchange', method: 'GET', path: `/api/exchanges/${V}/nope` },
      { name: 'unknown user', method: 'GET', path: '/api/users/warren-nobody' },
      { name: 'unknown vhost GET', method: 'GET', path: '/api/vhosts/warren-no-such-vhost' },
      { name: 'page out of range', method: 'GET', path: `/api/queues/${V}?page=9&page_size=100` },
      { name: 'bad page number', method: 'GET', path: `/api/queues/${V}?page=0` },
      { name: 'page size too large', method: 'GET', path: `/api/queues/${V}?page=1&page_size=501` },
    ];
    for (const c of cases) {
      it(c.name, async () => {
        const opts = { body: c.body, rawBody: c.rawBody, auth: c.auth };
        const [r, e] = await Promise.all([api(sides.rabbitmq.http, c.method, c.path, opts), api(sides.embedded.http, c.method, c.path, opts)]);
        expect({ status: e.status, body: e.json, allow: e.headers.get('allow'), auth: e.headers.get('www-authenticate') })
          .toEqual({ status: r.status, body: r.json, allow: r.headers.get('allow'), auth: r.headers.get('www-authenticate') });
      });
    }

    it('insufficient tags: 401 with RabbitMQ\'s reason for each tag level', async () => {
      for (const side of [sides.rabbitmq, sides.embedded]) {
        await api(side.http, 'PUT', '/api/users/warren-shape-none', { body: { password: 'p', tags: '' } });
        await api(side.http, 'PUT', '/api/users/warren-shape-mgmt', { body: { password: 'p', tags: 'management' } });
      }
      try {
        const probes: [string, string][] = [
          ['warren-shape-none', '/api/overview'],
          ['warren-shape-mgmt', '/api/users'],
          ['warren-shape-mgmt', '/api/nodes'],
          ['warren-shape-mgmt', `/api/queues/${V}`],
          ['warren-shape-mgmt', '/api/queues'],
          ['warren-shape-mgmt', '/api/vhosts'],
          ['warren-shape-mgmt', '/api/whoami'],
        ];
        for (const [user, path] of probes) {
          const [r, e] = await Promise.all([sides.rabbitmq, sides.embedded].map((s) => api(s.http, 'GET', path, { auth: basic(user, 'p') })));
          expect({ path, status: e!.status, body: e!.json }).toEqual({ path, status: r!.status, body: r!.json });
        }
      } finally {
        for (const side of [sides.rabbitmq, sides.embedded]) {
          await api(side.http, 'DELETE', '/api/users/warren-shape-none');
          await api(side.http, 'DELETE', '/api/users/warren-shape-mgmt');
        }
      }
    });
  });
});
