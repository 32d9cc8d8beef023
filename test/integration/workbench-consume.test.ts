import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../electron/broker/logger.js';
import { startBroker } from '../../electron/broker/main.js';
import amqp from 'amqplib';
import { RABBITMQ_URL } from '../support/requirements.js';
import { type TcpProxy, createTcpProxy } from '../support/tcp-proxy.js';
import { createVhost, deleteVhost } from './support/rabbit-admin.js';
import type { ConsumerState, MessageBodyResult, SettleResult } from '../../shared/model/workbench/consume.js';
import { PREVIEW_BYTES, type ReceivedMessage } from '../../shared/model/workbench/message.js';
import { type Workbench, openWorkbench, targets, uniqueName, useWorkbench, waitFor } from './workbench-consume-harness.js';

for (const target of targets) {
  describe.skipIf(!target.available)(`workbench consumers on ${target.name}`, () => {
    const workbench = useWorkbench(target);
    let wb: Workbench;
    beforeAll(() => {
      wb = workbench();
    });

    const arrived = (consumerId: string, n: number) => waitFor(`${n} messages for ${consumerId}`, () => wb.messages(consumerId).length >= n && wb.messages(consumerId));

    it('a manual-ack consumer receives, nacks with requeue, and gets the redelivery marked redelivered', async () => {
      const queue = await wb.queue('nack');
      const started = await wb.consume({ source: { kind: 'queue', queue }, prefetch: 10 });
      expect(started).toMatchObject({ status: 'running', queue, ackMode: 'manual' });
      await wb.fill(queue, 1);
      const [first] = await arrived(started.consumerId, 1);
      expect(first).toMatchObject({ seq: 1, pending: true, redelivered: false, size: 2, preview: { encoding: 'utf8', data: 'm0' }, properties: { messageId: 'id-0' } });

      const nacked = await wb.call<SettleResult>('workbench.settle', { consumerId: started.consumerId, seqs: [1], action: 'nack', requeue: true });
      expect(nacked.settled).toEqual([1]);
      const messages = await arrived(started.consumerId, 2);
      expect(messages[1]).toMatchObject({ seq: 2, pending: true, redelivered: true, properties: { messageId: 'id-0' } });

      const again = await wb.call<SettleResult>('workbench.settle', { consumerId: started.consumerId, seqs: [1, 2, 99], action: 'ack' });
      expect(again.settled).toEqual([2]);
      expect(again.failed).toEqual([
        { seq: 1, reason: 'already nacked and requeued' },
        { seq: 99, reason: 'no message 99 was received' },
      ]);
      expect(again.state.pending).toBe(0);

      const stopped = await wb.call<ConsumerState>('workbench.consumeStop', { consumerId: started.consumerId });
      expect(stopped.status).toBe('stopped');
      expect(await wb.depth(queue)).toBe(0);
      const listed = await wb.call<{ messages: ReceivedMessage[] }>('workbench.list', { holderId: started.consumerId });
      expect(listed.messages.map((m) => [m.seq, m.pending])).toEqual([
        [1, false],
        [2, false],
      ]);
      expect((await wb.call<{ cleared: boolean }>('workbench.consumeClear', { consumerId: started.consumerId })).cleared).toBe(true);
    });

    it('stopping returns pending messages to the queue, and settling them afterwards says the broker requeued them', async () => {
      const queue = await wb.queue('stop');
      const started = await wb.consume({ source: { kind: 'queue', queue } });
      await wb.fill(queue, 3);
      await arrived(started.consumerId, 3);
      await wb.call('workbench.consumeStop', { consumerId: started.consumerId });
      await waitFor('the requeued messages', async () => (await wb.depth(queue)) === 3);
      const late = await wb.call<SettleResult>('workbench.settle', { consumerId: started.consumerId, seqs: [1], action: 'ack' });
      expect(late.failed).toEqual([{ seq: 1, reason: 'the channel closed and the broker requeued it' }]);
    });

    it('prefetch bounds the unacked deliveries: an ack lets the next one in', async () => {
      const queue = await wb.queue('prefetch');
      await wb.fill(queue, 5);
      const started = await wb.consume({ source: { kind: 'queue', queue }, prefetch: 2 });
      await arrived(started.consumerId, 2);
      expect(await wb.depth(queue)).toBe(3);
      await wb.call('workbench.settle', { consumerId: started.consumerId, seqs: [1], action: 'ack' });
      const third = await arrived(started.consumerId, 3);
      expect(third.map((m) => m.properties.messageId)).toEqual(['id-0', 'id-1', 'id-2']);
      expect(await wb.depth(queue)).toBe(2);
      await wb.call('workbench.consumeStop', { consumerId: started.consumerId });
    });

    it('pause cancels the subscription but keeps pending messages; resume consumes again', async () => {
      const queue = await wb.queue('pause');
      const started = await wb.consume({ source: { kind: 'queue', queue } });
      await wb.fill(queue, 1);
      await arrived(started.consumerId, 1);
      const paused = await wb.call<ConsumerState>('workbench.consumePause', { consumerId: started.consumerId, paused: true });
      expect(paused).toMatchObject({ status: 'paused', consumerTag: null, pending: 1 });
      await wb.fill(queue, 1);
      expect(await wb.depth(queue)).toBe(1);
      const resumed = await wb.call<ConsumerState>('workbench.consumePause', { consumerId: started.consumerId, paused: false });
      expect(resumed.status).toBe('running');
      await arrived(started.consumerId, 2);
      const settled = await wb.call<SettleResult>('workbench.settle', { consumerId: started.consumerId, seqs: [1, 2], action: 'ack' });
      expect(settled.settled).toEqual([1, 2]);
      await wb.call('workbench.consumeStop', { consumerId: started.consumerId });
      expect(await wb.depth(queue)).toBe(0);
    });

    it('taps a topic exchange with # through a temporary queue that goes away on stop', async () => {
      const exchange = await wb.exchange('tap', 'topic');
      const started = await wb.consume({ source: { kind: 'tap', exchange, bindingKey: '#' }, ackMode: 'auto' });
      expect(started.queue).toMatch(/^amq\.gen-/);
      wb.admin.publish(exchange, 'eu.orders.new', Buffer.from('{"id":1}'), { contentType: 'application/json', headers: { tenant: 'a', n: 3, ratio: 0.25 } });
      wb.admin.publish(exchange, 'us', Buffer.from('two'));
      await wb.admin.waitForConfirms();
      const [first, second] = await arrived(started.consumerId, 2);
      expect(first).toMatchObject({ exchange, routingKey: 'eu.orders.new', pending: false, properties: { contentType: 'application/json' } });
      expect(first?.headers).toEqual({ tenant: { type: 'string', value: 'a' }, n: { type: 'int', value: 3 }, ratio: { type: 'float', value: 0.25 } });
      expect(second).toMatchObject({ routingKey: 'us', preview: { data: 'two' } });
      const auto = await wb.call<SettleResult>('workbench.settle', { consumerId: started.consumerId, seqs: [1], action: 'ack' });
      expect(auto.failed[0]?.reason).toMatch(/auto-ack/);
      await wb.call('workbench.consumeStop', { consumerId: started.consumerId });
      await expect(wb.depth(started.queue)).rejects.toThrow(/404/);
    });

    it('consuming a missing queue is refused with the broker\'s 404 in words, and the next consume works', async () => {
      const missing = uniqueName('missing');
      await expect(wb.consume({ source: { kind: 'queue', queue: missing } })).rejects.toMatchObject({
        code: 'broker',
        message: `404 NOT_FOUND - no queue '${missing}' in vhost '/'`,
      });
      const queue = await wb.queue('after-404');
      const started = await wb.consume({ source: { kind: 'queue', queue }, ackMode: 'auto' });
      await wb.fill(queue, 2);
      await arrived(started.consumerId, 2);
      await wb.call('workbench.consumeStop', { consumerId: started.consumerId });
    });

    it('a consumer whose queue is deleted fails with a reason and a consumerState event', async () => {
      const queue = await wb.queue('deleted');
      const started = await wb.consume({ source: { kind: 'queue', queue } });
      await wb.admin.deleteQueue(queue);
      const failed = await waitFor('the failed state', () => wb.states.find((s) => s.consumerId === started.consumerId && s.status === 'failed'));
      expect(failed.error).toMatch(/cancelled the consumer/);
      const listed = await wb.call<{ consumers: ConsumerState[] }>('workbench.consumers');
      expect(listed.consumers.find((c) => c.consumerId === started.consumerId)?.status).toBe('failed');
    });

    it('an exclusive consumer on a queue another consumer holds exclusively fails with 403 ACCESS_REFUSED in words', async () => {
      const queue = await wb.queue('exclusive');
      const first = await wb.consume({ source: { kind: 'queue', queue }, exclusive: true });
      await expect(wb.consume({ source: { kind: 'queue', queue } })).rejects.toMatchObject({ message: expect.stringMatching(/^403 ACCESS_REFUSED/) });
      await wb.call('workbench.consumeStop', { consumerId: first.consumerId });
    });

    it('a 12 MiB body is previewed truncated, and read whole in slices', async () => {
      const queue = await wb.queue('huge');
      const started = await wb.consume({ source: { kind: 'queue', queue }, ackMode: 'auto' });
      const huge = Buffer.alloc(12 * 1024 * 1024, 'a');
      huge.write('{"start":true}', 0);
      await wb.fill(queue, 1, () => huge);
      const [message] = await arrived(started.consumerId, 1);
      expect(message).toMatchObject({ size: huge.length, truncated: true, preview: { encoding: 'utf8' } });
      expect(message?.preview.data.length).toBeLessThanOrEqual(PREVIEW_BYTES);
      expect(message?.preview.data.startsWith('{"start":true}')).toBe(true);
      const parts: Buffer[] = [];
      for (let offset = 0; offset < huge.length; offset += 4 * 1024 * 1024) {
        const slice = await wb.call<MessageBodyResult>('workbench.messageBody', { holderId: started.consumerId, seq: 1, offset });
        expect(slice.size).toBe(huge.length);
        parts.push(Buffer.from(slice.bytes.data, slice.bytes.encoding));
      }
      expect(Buffer.concat(parts).equals(huge)).toBe(true);
      await wb.call('workbench.consumeStop', { consumerId: started.consumerId });
    });

    it('a queue another connection declared exclusive is refused with 405 RESOURCE_LOCKED in words', async () => {
      const { queue } = await wb.admin.assertQueue('', { exclusive: true });
      await expect(wb.consume({ source: { kind: 'queue', queue } })).rejects.toMatchObject({
        code: 'broker',
        message: expect.stringMatching(new RegExp(`^405 RESOURCE_LOCKED - cannot obtain exclusive access to locked queue '${queue}' in vhost '/'`)),
      });
      await wb.admin.deleteQueue(queue);
    });

    it('keeps `keep` messages, drops and counts the oldest, and batches events', async () => {
      const queue = await wb.queue('bounded');
      const before = wb.eventCount();
      const started = await wb.consume({ source: { kind: 'queue', queue }, ackMode: 'auto', keep: 100 });
      await wb.fill(queue, 1000);
      const state = await waitFor('1000 received', async () => {
        const s = (await wb.call<{ consumers: ConsumerState[] }>('workbench.consumers')).consumers.find((c) => c.consumerId === started.consumerId);
        return s && s.received === 1000 && s;
      });
      expect(state.dropped).toBe(900);
      const listed = await wb.call<{ messages: ReceivedMessage[] }>('workbench.list', { holderId: started.consumerId });
      expect(listed.messages.map((m) => m.seq)).toEqual(Array.from({ length: 100 }, (_, i) => 901 + i));
      // 1,000 deliveries in far fewer events: one per 100 ms at most.
      expect(wb.eventCount() - before).toBeLessThan(100);
      await wb.call('workbench.consumeStop', { consumerId: started.consumerId });
    });
  });
}

describe('workbench consumers when the connection goes', () => {
  let proxy: TcpProxy;
  let wb: Workbench;
  beforeAll(async () => {
    const broker = await startBroker({ amqpPort: 0, httpPort: 0, bind: '127.0.0.1', log: silentLogger });
    proxy = await createTcpProxy({ host: '127.0.0.1', port: broker.port });
    wb = await openWorkbench({
      name: 'the embedded broker behind a proxy',
      available: true,
      start: async () => ({ amqpUri: `amqp://127.0.0.1:${proxy.port}`, managementUrl: broker.httpUrl as string, url: broker.amqpUrl, stop: () => broker.close() }),
    });
  });
  afterAll(async () => {
    await proxy?.stop();
    await wb?.close();
    expect(wb?.invalid ?? []).toEqual([]);
  });

  it('a lost connection fails the consumer with a clear reason; once reconnected a new consumer works', async () => {
    const queue = await wb.queue('lost');
    const started = await wb.consume({ source: { kind: 'queue', queue } });
    await wb.fill(queue, 2);
    await waitFor('2 delivered', () => wb.messages(started.consumerId).length === 2);
    await proxy.stop();
    const failed = await waitFor('the failed state', () => wb.states.find((s) => s.consumerId === started.consumerId && s.status === 'failed'));
    expect(failed.error).toMatch(/^Lost the AMQP connection to 127.0.0.1:\d+: the connection dropped.* The broker requeued any pending messages\.$/);
    expect(failed.pending).toBe(0);
    await proxy.start();
    await waitFor('the session to reconnect', async () => (await wb.call<{ status: string }>('session.state')).status === 'connected', 30_000);
    const again = await wb.consume({ consumerId: started.consumerId, source: { kind: 'queue', queue }, ackMode: 'auto' });
    expect(again.status).toBe('running');
    // The two unacked deliveries went back to the queue when the connection died.
    await waitFor('the 2 redelivered', () => wb.messages(started.consumerId).filter((m) => m.redelivered).length === 2);
  });

  it('disconnecting the session stops its consumers', async () => {
    const queue = await wb.queue('disconnect');
    const started = await wb.consume({ source: { kind: 'queue', queue } });
    await wb.call('session.disconnect');
    const ended = await waitFor('the consumer to end', async () => {
      const state = (await wb.call<{ consumers: ConsumerState[] }>('workbench.consumers')).consumers.find((c) => c.consumerId === started.consumerId);
      return state && state.status !== 'running' && state;
    });
    expect(ended.error).not.toBeNull();
  });
});

describe.skipIf(!targets[1]?.available)('workbench consumers in another vhost than the profile\'s (RabbitMQ)', () => {
  const vhost = uniqueName('consume-vhost');
  const workbench = useWorkbench(targets[1] as (typeof targets)[number]);
  beforeAll(() => createVhost(vhost));
  afterAll(() => deleteVhost(vhost));

  it('consumes there on a connection of its own, which disconnecting the session stops', async () => {
    const wb = workbench();
    const queue = uniqueName('elsewhere');
    const started = await wb.consume({ vhost, source: { kind: 'queue', queue } }).catch((err: Error) => err);
    expect(started).toMatchObject({ message: `404 NOT_FOUND - no queue '${queue}' in vhost '${vhost}'` });
    const connection = await amqp.connect(`${RABBITMQ_URL}/${encodeURIComponent(vhost)}`);
    try {
      const channel = await connection.createConfirmChannel();
      await channel.assertQueue(queue, { durable: false });
      const consumer = await wb.consume({ vhost, source: { kind: 'queue', queue } });
      channel.sendToQueue(queue, Buffer.from('hello'));
      await channel.waitForConfirms();
      await waitFor('the delivery', () => wb.messages(consumer.consumerId).length === 1);
      await wb.call('session.disconnect');
      const ended = await waitFor('the consumer to stop', () => wb.states.find((s) => s.consumerId === consumer.consumerId && s.status === 'stopped'));
      expect(ended.error).toMatch(/disconnected/);
      await waitFor('the message back in its queue', async () => (await channel.checkQueue(queue)).messageCount === 1);
    } finally {
      await connection.close();
    }
  });
});
