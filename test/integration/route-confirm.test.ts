import amqp, { type ChannelModel } from 'amqplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AmqpSession, createAmqpSession } from '../../electron/backend/amqp/amqp-session.js';
import { memoryLogger } from '../../electron/backend/logger.js';
import type { ProfileCredentials } from '../../electron/backend/profiles/profile-store.js';
import { routeHandlers } from '../../electron/backend/route/route-handlers.js';
import type { ConnectedBroker } from '../../electron/backend/session/session-controller.js';
import { silentLogger } from '../../electron/broker/logger.js';
import { type RunningBroker, startBroker } from '../../electron/broker/main.js';
import type { RouteConfirmArgs } from '../../shared/model/route-probe.js';
import { rabbitAvailable } from '../support/requirements.js';
import { RABBIT_PASSWORD, RABBIT_URI, RABBIT_USER, createVhost, deleteVhost, uniqueName } from './support/rabbit-admin.js';

const rabbit = await rabbitAvailable();

interface Target {
  name: string;
  available: boolean;
  start(): Promise<{ uri: string; username: string; password: string; stop(): Promise<void> }>;
}

const targets: Target[] = [
  {
    name: 'the embedded broker',
    available: true,
    async start() {
      const broker: RunningBroker = await startBroker({ amqpPort: 0, bind: '127.0.0.1', log: silentLogger });
      return { uri: `amqp://127.0.0.1:${broker.port}`, username: 'guest', password: 'guest', stop: () => broker.close() };
    },
  },
  {
    name: 'RabbitMQ',
    available: rabbit,
    async start() {
      return { uri: RABBIT_URI, username: RABBIT_USER, password: RABBIT_PASSWORD, stop: async () => undefined };
    },
  },
];

for (const target of targets) {
  describe.skipIf(!target.available)(`route.confirm against ${target.name}`, () => {
    const exchange = uniqueName('route-x');
    const queue = uniqueName('route-q');
    let stop: () => Promise<void>;
    let admin: ChannelModel;
    let session: AmqpSession;
    let confirm: (args: RouteConfirmArgs) => ReturnType<ReturnType<typeof routeHandlers>['route.confirm']>;
    let credentials: ProfileCredentials;

    beforeAll(async () => {
      const started = await target.start();
      stop = started.stop;
      const url = new URL(started.uri);
      admin = await amqp.connect({ protocol: 'amqp', hostname: url.hostname, port: Number(url.port), username: started.username, password: started.password });
      const ch = await admin.createChannel();
      await ch.assertExchange(exchange, 'direct', { durable: false, autoDelete: false });
      await ch.assertQueue(queue, { durable: false });
      await ch.bindQueue(queue, exchange, 'hit');
      await ch.close();
      credentials = { amqpUri: started.uri, managementUrl: 'http://127.0.0.1:1', username: started.username, password: started.password, tls: { skipVerify: false } };
      session = createAmqpSession({ endpoint: { ...credentials, tls: { rejectUnauthorized: true } }, log: memoryLogger() });
      await session.ready();
      const broker = { profileId: 'p', amqp: session } as unknown as ConnectedBroker;
      confirm = routeHandlers({ broker: () => broker }, { credentials: async () => credentials }, memoryLogger())['route.confirm'];
    });

    afterAll(async () => {
      const ch = await admin.createChannel();
      await ch.deleteQueue(queue);
      await ch.deleteExchange(exchange);
      await admin.close();
      await session.close();
      await stop();
    });

    it('a routable probe is routed, and arrives marked as a probe', async () => {
      const result = await confirm({ vhost: '/', exchange, routingKey: 'hit', headers: { tenant: 'a' } });
      expect(result.outcome).toBe('routed');
      const ch = await admin.createChannel();
      const got = await ch.get(queue, { noAck: true });
      await ch.close();
      expect(got && got.properties.messageId).toBe(result.messageId);
      expect(got && got.properties.headers).toMatchObject({ 'x-warren-route-probe': true, tenant: 'a' });
      expect(got && got.content.toString()).toMatch(/Warren route probe/);
    });

    it('an unroutable probe comes back as returned with 312 NO_ROUTE', async () => {
      const result = await confirm({ vhost: '/', exchange, routingKey: 'miss', headers: {} });
      expect(result).toMatchObject({ outcome: 'returned', replyCode: 312, replyText: 'NO_ROUTE' });
    });

    it('a probe a full queue rejects (overflow reject-publish) is routed, then nacked', async () => {
      const full = uniqueName('route-full');
      const ch = await admin.createChannel();
      await ch.assertQueue(full, { durable: false, arguments: { 'x-max-length': 0, 'x-overflow': 'reject-publish' } });
      await ch.bindQueue(full, exchange, 'full');
      try {
        expect((await confirm({ vhost: '/', exchange, routingKey: 'full', headers: {} })).outcome).toBe('nacked');
      } finally {
        await ch.deleteQueue(full);
        await ch.close();
      }
    });

    it('a missing exchange is refused with the broker\'s 404, and the session carries on', async () => {
      const missing = uniqueName('missing');
      const result = await confirm({ vhost: '/', exchange: missing, routingKey: 'x', headers: {} });
      expect(result).toMatchObject({ outcome: 'refused', replyCode: 404 });
      expect(result.replyText).toContain(missing);
      expect(session.status).toBe('connected');
      expect((await confirm({ vhost: '/', exchange, routingKey: 'hit', headers: {} })).outcome).toBe('routed');
      const ch = await admin.createChannel();
      await ch.purgeQueue(queue);
      await ch.close();
    });
  });
}

describe.skipIf(!rabbit)('route.confirm into another vhost than the profile\'s', () => {
  const vhost = uniqueName('route-vhost');
  let session: AmqpSession;

  beforeAll(async () => {
    await createVhost(vhost);
    session = createAmqpSession({ endpoint: { amqpUri: RABBIT_URI, username: RABBIT_USER, password: RABBIT_PASSWORD, tls: { rejectUnauthorized: true } }, log: memoryLogger() });
    await session.ready();
  });

  afterAll(async () => {
    await session.close();
    await deleteVhost(vhost);
  });

  it('opens a short-lived connection to that vhost', async () => {
    const credentials: ProfileCredentials = { amqpUri: RABBIT_URI, managementUrl: 'http://127.0.0.1:1', username: RABBIT_USER, password: RABBIT_PASSWORD, tls: { skipVerify: false } };
    const confirm = routeHandlers({ broker: () => ({ profileId: 'p', amqp: session }) as unknown as ConnectedBroker }, { credentials: async () => credentials }, memoryLogger())[
      'route.confirm'
    ];
    const queue = 'probe-target';
    const admin = await amqp.connect({ hostname: '127.0.0.1', username: RABBIT_USER, password: RABBIT_PASSWORD, vhost });
    const ch = await admin.createChannel();
    await ch.assertQueue(queue);
    // The queue exists in the other vhost only: routed there proves the probe went to that vhost.
    expect((await confirm({ vhost, exchange: '', routingKey: queue, headers: {} })).outcome).toBe('routed');
    expect((await confirm({ vhost: '/', exchange: '', routingKey: queue, headers: {} })).outcome).toBe('returned');
    expect((await ch.checkQueue(queue)).messageCount).toBe(1);
    await admin.close();
  });
});
