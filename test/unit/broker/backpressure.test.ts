// A consumer that stops reading must not make the broker buffer without
// bound: deliveries pause while the socket is backed up, the rest stay in
// the queue, other connections carry on, and everything arrives once the
// client reads again. Forced shutdown closes clients with 320.
import amqp from 'amqplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningBroker } from '../../../electron/broker/main.js';
import { amqpUrl, testBroker } from './support/broker.js';
import { RawClient } from './support/raw-amqp.js';
import { encodeContentHeaderFrame } from '../../../electron/broker/protocol/generated.js';

let broker: RunningBroker;
beforeAll(async () => {
  broker = await testBroker();
});
afterAll(async () => {
  await broker.close();
});

describe('backpressure', () => {
  it('pauses delivery to a client that stops reading', { timeout: 30_000 }, async () => {
    const conn = await amqp.connect(amqpUrl(broker));
    const ch = await conn.createConfirmChannel();
    const queue = 'bp-queue';
    await ch.assertQueue(queue);
    const total = 3000;
    const body = Buffer.alloc(16 * 1024, 7);
    for (let i = 0; i < total; i++) ch.sendToQueue(queue, body);
    await ch.waitForConfirms();
    const q = broker.server.vhosts.get('/')!.queues.get(queue)!;
    expect(q.messageCount).toBe(total);

    const slow = await RawClient.open(broker.port);
    await slow.handshake();
    await slow.openChannel(1);
    slow.socket.pause();
    slow.sendMethod(1, 'basic.consume', {
      ticket: 0, queue, consumerTag: 'slow', noLocal: false, noAck: true, exclusive: false, nowait: false, arguments: {},
    });
    await new Promise((r) => setTimeout(r, 500));
    // 48 MB of messages; only what fits the socket buffers left the queue.
    expect(q.messageCount).toBeGreaterThan(total / 2);

    const other = await conn.createChannel();
    const ok = await other.checkQueue(queue);
    expect(ok.consumerCount).toBe(1);

    slow.socket.resume();
    await slow.until(() => slow.frames.filter((f) => f.type === 3).length >= total, 20_000);
    expect(slow.frames.filter((f) => f.type === 3).length).toBe(total);
    expect(q.messageCount).toBe(0);
    slow.close();
    await conn.close();
  });
  it('returns direct replies to a client that stopped reading instead of buffering them without bound', { timeout: 30_000 }, async () => {
    const conn = await amqp.connect(amqpUrl(broker));
    const ch = await conn.createChannel();
    const rpc = (await ch.assertQueue('', { exclusive: true })).queue;

    const requester = await RawClient.open(broker.port);
    await requester.handshake();
    await requester.openChannel(1);
    requester.sendMethod(1, 'basic.consume', {
      ticket: 0, queue: 'amq.rabbitmq.reply-to', consumerTag: 'r', noLocal: false, noAck: true, exclusive: false, nowait: false, arguments: {},
    });
    await requester.waitMethod('basic.consume-ok');
    requester.sendMethod(1, 'basic.publish', { ticket: 0, exchange: '', routingKey: rpc, mandatory: false, immediate: false });
    requester.send(encodeContentHeaderFrame(1, 60, 1, { replyTo: 'amq.rabbitmq.reply-to' }));
    requester.send(Buffer.from([3, 0, 1, 0, 0, 0, 1, 65, 0xce]));
    await new Promise((r) => setTimeout(r, 100));
    const request = await ch.get(rpc, { noAck: true });
    const replyTo = request && request.properties.replyTo;
    expect(replyTo).toMatch(/^amq\.rabbitmq\.reply-to\./);
    requester.socket.pause();

    let returned = 0;
    ch.on('return', () => returned++);
    const body = Buffer.alloc(64 * 1024, 1);
    for (let i = 0; i < 600; i++) ch.publish('', replyTo as string, body, { mandatory: true });
    await new Promise((r) => setTimeout(r, 1000));
    // 600 x 64 KiB is 37.5 MiB: well past the 16 MiB the broker keeps pending for one client.
    expect(returned).toBeGreaterThan(200);
    requester.close();
    await conn.close();
  });
});

describe('forced shutdown', () => {
  it('closes client connections with 320 CONNECTION_FORCED', async () => {
    const b = await testBroker();
    const c = await RawClient.open(b.port);
    await c.handshake();
    const closing = b.close();
    const close = await c.waitMethod('connection.close');
    expect(close.args).toEqual({
      replyCode: 320, replyText: "CONNECTION_FORCED - broker forced connection closure with reason 'shutdown'", classId: 0, methodId: 0,
    });
    c.sendMethod(0, 'connection.close-ok', {});
    await closing;
    expect(await c.until(() => c.closed)).toBe(true);
  });
});
