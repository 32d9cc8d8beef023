import amqp, { type Channel, type ChannelModel } from 'amqplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AmqpSession, createAmqpSession } from '../../electron/backend/amqp/amqp-session.js';
import { memoryLogger } from '../../electron/backend/logger.js';
import { routeHandlers } from '../../electron/backend/route/route-handlers.js';
import type { ConnectedBroker } from '../../electron/backend/session/session-controller.js';
import { silentLogger } from '../../electron/broker/logger.js';
import { startBroker } from '../../electron/broker/main.js';
import type { RouteConfirmArgs } from '../../shared/model/route-probe.js';
import { type RouteTopology, routeModelOf } from '../../shared/topology/route-model.js';
import { predictRoute } from '../../shared/topology/route-prediction.js';
import { RABBITMQ_MANAGEMENT_URL, rabbitAvailable } from '../support/requirements.js';
import { RABBIT_PASSWORD, RABBIT_URI, RABBIT_USER, uniqueName } from './support/rabbit-admin.js';

const rabbit = await rabbitAvailable();

/**
 * The route explainer's prediction against what the broker really does:
 * one topology declared over AMQP, and for each message the predicted
 * outcome and queues next to route.confirm's outcome and the queues that
 * really received the probe. The same vectors on the embedded broker and
 * RabbitMQ.
 */
function topologyOf(p: string) {
  const n = (s: string) => `${p}.${s}`;
  const exchanges = [
    { name: n('orders'), type: 'topic', internal: false, arguments: { 'alternate-exchange': n('unrouted') } },
    { name: n('unrouted'), type: 'fanout', internal: false, arguments: {} },
    { name: n('events'), type: 'topic', internal: false, arguments: {} },
    { name: n('audit'), type: 'fanout', internal: true, arguments: {} },
    { name: n('reports'), type: 'headers', internal: false, arguments: {} },
    { name: n('direct'), type: 'direct', internal: false, arguments: {} },
    // Its alternate exchange comes from the policy below.
    { name: n('by-policy'), type: 'direct', internal: false, arguments: {} },
  ];
  const queues = ['q.unrouted', 'q.audit', 'q.paid', 'q.vip', 'q.pdf', 'q.any'].map((q) => ({ name: n(q) }));
  const bind = (source: string, destination: string, routingKey: string, destinationType: 'queue' | 'exchange' = 'queue', args: Record<string, unknown> = {}) => ({
    source: n(source),
    destination: n(destination),
    destinationType,
    routingKey,
    arguments: args,
  });
  const bindings = [
    bind('unrouted', 'q.unrouted', ''),
    bind('orders', 'events', 'order.#', 'exchange'),
    bind('events', 'audit', 'order.paid.*', 'exchange'),
    bind('audit', 'q.audit', ''),
    bind('orders', 'q.paid', 'order.paid.#'),
    bind('orders', 'q.vip', 'order.*.vip'),
    bind('reports', 'q.pdf', '', 'queue', { 'x-match': 'all', format: 'pdf', type: 'report' }),
    bind('reports', 'q.any', '', 'queue', { 'x-match': 'any', format: 'csv', lang: 'en' }),
    bind('direct', 'q.paid', 'paid'),
  ];
  const policy = { name: n('ae'), pattern: `^${p.replace(/\./g, '\\.')}\\.by-policy$`, applyTo: 'exchanges' as const, priority: 0, definition: { 'alternate-exchange': n('unrouted') } };
  const topology: RouteTopology = { exchanges, queues, bindings, policies: [policy] };
  return { topology, n };
}

async function management(base: string, user: string, password: string, method: string, path: string, body?: unknown): Promise<Response> {
  const auth = Buffer.from(`${user}:${password}`).toString('base64');
  return fetch(new URL(path, base), {
    method,
    headers: { authorization: `Basic ${auth}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

async function declare(ch: Channel, topology: RouteTopology): Promise<void> {
  for (const x of topology.exchanges) await ch.assertExchange(x.name, x.type, { durable: false, internal: x.internal, arguments: x.arguments });
  for (const q of topology.queues) await ch.assertQueue(q.name, { durable: false });
  for (const b of topology.bindings) {
    if (b.destinationType === 'queue') await ch.bindQueue(b.destination, b.source, b.routingKey, b.arguments);
    else await ch.bindExchange(b.destination, b.source, b.routingKey, b.arguments);
  }
}

const targets = [
  {
    name: 'the embedded broker',
    available: true,
    async start() {
      const broker = await startBroker({ amqpPort: 0, httpPort: 0, bind: '127.0.0.1', log: silentLogger });
      return { uri: `amqp://127.0.0.1:${broker.port}`, http: broker.httpUrl as string, username: 'guest', password: 'guest', stop: () => broker.close() };
    },
  },
  {
    name: 'RabbitMQ',
    available: rabbit,
    start: async () => ({ uri: RABBIT_URI, http: RABBITMQ_MANAGEMENT_URL, username: RABBIT_USER, password: RABBIT_PASSWORD, stop: async () => undefined }),
  },
];

for (const target of targets) {
  describe.skipIf(!target.available)(`route predictions agree with ${target.name}`, () => {
    const { topology, n } = topologyOf(uniqueName('agree'));
    let stop: () => Promise<void>;
    let admin: ChannelModel;
    let ch: Channel;
    let session: AmqpSession;
    let confirm: (args: RouteConfirmArgs) => ReturnType<ReturnType<typeof routeHandlers>['route.confirm']>;
    let http: (method: string, path: string, body?: unknown) => Promise<Response>;
    const policy = topology.policies[0] as RouteTopology['policies'][number];
    const policyPath = `/api/policies/%2F/${encodeURIComponent(policy.name)}`;

    beforeAll(async () => {
      const started = await target.start();
      stop = started.stop;
      admin = await amqp.connect({ hostname: '127.0.0.1', port: Number(new URL(started.uri).port), username: started.username, password: started.password });
      ch = await admin.createChannel();
      await declare(ch, topology);
      http = (method, path, body) => management(started.http, started.username, started.password, method, path, body);
      const put = await http('PUT', policyPath, { pattern: policy.pattern, definition: policy.definition, 'apply-to': policy.applyTo, priority: policy.priority });
      expect(put.status).toBeLessThan(300);
      const credentials = { amqpUri: started.uri, managementUrl: 'http://127.0.0.1:1', username: started.username, password: started.password, tls: { skipVerify: false } };
      session = createAmqpSession({ endpoint: { ...credentials, tls: { rejectUnauthorized: true } }, log: memoryLogger() });
      await session.ready();
      const broker = { profileId: 'p', amqp: session } as unknown as ConnectedBroker;
      confirm = routeHandlers({ broker: () => broker }, { credentials: async () => credentials }, memoryLogger())['route.confirm'];
    });

    afterAll(async () => {
      await http('DELETE', policyPath);
      for (const q of topology.queues) await ch.deleteQueue(q.name);
      for (const x of topology.exchanges) await ch.deleteExchange(x.name);
      await admin.close();
      await session.close();
      await stop();
    });

    /** The queues holding a message now, emptied again for the next vector. */
    async function reached(): Promise<string[]> {
      const names: string[] = [];
      for (const q of topology.queues) {
        if ((await ch.checkQueue(q.name)).messageCount > 0) names.push(q.name);
        await ch.purgeQueue(q.name);
      }
      return names.sort();
    }

    const vectors: [string, string, string, Record<string, string | string[]>][] = [
      ['topic with # and an e2e hop into an internal exchange', 'orders', 'order.paid.eu', {}],
      ['topic with *', 'orders', 'order.x.vip', {}],
      ['the alternate exchange when nothing matches', 'orders', 'invoice', {}],
      ['the alternate exchange a policy gives', 'by-policy', 'anything', {}],
      ['a matching e2e binding keeps the AE unused though nothing is reached', 'orders', 'order.shipped', {}],
      ['CC keys routed with the key', 'orders', 'invoice', { CC: ['order.paid.x'] }],
      ['headers x-match all', 'reports', '', { format: 'pdf', type: 'report' }],
      ['headers x-match any', 'reports', '', { lang: 'en' }],
      ['headers x-match all with a header missing', 'reports', '', { format: 'pdf' }],
      ['direct, equal key', 'direct', 'paid', {}],
      ['direct, other key', 'direct', 'nope', {}],
      ['the default exchange to a queue by name', '', 'q.paid', {}],
      ['an internal exchange', 'audit', '', {}],
      ['a missing exchange', 'missing', 'x', {}],
    ];

    for (const [what, exchange, key, headers] of vectors) {
      it(what, async () => {
        const x = exchange === '' ? '' : n(exchange);
        const routingKey = exchange === '' ? n(key) : key;
        const prediction = predictRoute(routeModelOf(topology), { exchange: x, routingKey, headers });
        const result = await confirm({ vhost: '/', exchange: x, routingKey, headers });
        expect(result.outcome).toBe(prediction.outcome);
        if (prediction.refusal) expect(result.replyCode).toBe(prediction.refusal.code);
        expect(await reached()).toEqual([...prediction.queues].sort());
      });
    }
  });
}
