// Connection-level methods after the handshake.
import amqp from 'amqplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningBroker } from '../../../electron/broker/main.js';
import { amqpUrl, testBroker } from './support/broker.js';
import { RawClient } from './support/raw-amqp.js';

let broker: RunningBroker;
beforeAll(async () => {
  broker = await testBroker();
});
afterAll(async () => {
  await broker.close();
});

describe('connection methods', () => {
  it('answers connection.update-secret with update-secret-ok, as RabbitMQ 3.10 does', async () => {
    const c = await RawClient.open(broker.port);
    await c.handshake();
    c.sendMethod(0, 'connection.update-secret', { newSecret: Buffer.from('anything'), reason: 'rotation' });
    await c.waitMethod('connection.update-secret-ok');
    expect(c.closed).toBe(false);
    c.close();
  });

  it('closes with close-ok when the client closes', async () => {
    const c = await RawClient.open(broker.port);
    await c.handshake();
    c.sendMethod(0, 'connection.close', { replyCode: 200, replyText: 'bye', classId: 0, methodId: 0 });
    await c.waitMethod('connection.close-ok');
    expect(await c.until(() => c.closed)).toBe(true);
  });

  it('announces RabbitMQ capabilities in connection.start', async () => {
    const c = await RawClient.open(broker.port);
    await c.handshake();
    const start = await c.waitMethod('connection.start');
    expect([start.args.versionMajor, start.args.versionMinor]).toEqual([0, 9]);
    expect(start.args.mechanisms.toString()).toBe('AMQPLAIN PLAIN');
    const caps = start.args.serverProperties.capabilities;
    expect(caps?.type === 'F' && Object.keys(caps.value)).toEqual([
      'publisher_confirms', 'exchange_exchange_bindings', 'basic.nack', 'consumer_cancel_notify', 'connection.blocked',
      'consumer_priorities', 'authentication_failure_close', 'per_consumer_qos', 'direct_reply_to',
    ]);
    const tune = await c.waitMethod('connection.tune');
    expect(tune.args).toEqual({ channelMax: 2047, frameMax: 131072, heartbeat: 60 });
    c.close();
  });

  it('forgets closed connections and deletes their exclusive queues, whether closed cleanly or dropped', async () => {
    for (let i = 0; i < 30; i++) {
      const conn = await amqp.connect(amqpUrl(broker));
      const ch = await conn.createChannel();
      const q = await ch.assertQueue('', { exclusive: true });
      await ch.consume(q.queue, () => undefined);
      await ch.consume('amq.rabbitmq.reply-to', () => undefined, { noAck: true });
      ch.sendToQueue(q.queue, Buffer.from('x'), { replyTo: 'amq.rabbitmq.reply-to' });
      if (i % 2 === 0) await conn.close();
      else (conn as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
    }
    await new Promise((r) => setTimeout(r, 100));
    expect(broker.server.connections.size).toBe(0);
    expect([...broker.server.vhosts.get('/')!.queues.keys()].filter((n) => n.startsWith('amq.gen-'))).toEqual([]);
  });
});
