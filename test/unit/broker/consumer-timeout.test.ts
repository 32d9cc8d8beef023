// RabbitMQ's consumer_timeout: a channel that holds a delivery
// unacknowledged for too long is closed with 406, and the message requeued.
import amqp from 'amqplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../electron/broker/logger.js';
import { startBroker, type RunningBroker } from '../../../electron/broker/main.js';

let broker: RunningBroker;
beforeAll(async () => {
  broker = await startBroker({ amqpPort: 0, bind: '127.0.0.1', log: silentLogger, limits: { consumerTimeoutMs: 300 } });
});
afterAll(async () => {
  await broker.close();
});

describe('delivery acknowledgement timeout', () => {
  it('closes the channel with 406 and requeues the message', async () => {
    const conn = await amqp.connect(`amqp://guest:guest@127.0.0.1:${broker.port}`);
    const ch = await conn.createChannel();
    const q = (await ch.assertQueue('', { exclusive: true })).queue;
    const closed = new Promise<string>((resolve) => ch.once('error', (e: Error) => resolve(e.message)));
    await ch.consume(q, () => undefined);
    ch.sendToQueue(q, Buffer.from('slow'));
    expect(await closed).toContain(
      'PRECONDITION_FAILED - delivery acknowledgement on channel 1 timed out. Timeout value used: 300 ms. This timeout value can be configured, see consumers doc guide to learn more',
    );
    const other = await conn.createChannel();
    const m = await other.get(q, { noAck: true });
    expect(m && [m.content.toString(), m.fields.redelivered]).toEqual(['slow', true]);
    await conn.close();
  });

  it('leaves channels alone that acknowledge in time', async () => {
    const conn = await amqp.connect(`amqp://guest:guest@127.0.0.1:${broker.port}`);
    const ch = await conn.createChannel();
    let failed = false;
    ch.on('error', () => (failed = true));
    const q = (await ch.assertQueue('', { exclusive: true })).queue;
    await ch.consume(q, (m) => m && setTimeout(() => ch.ack(m), 50));
    for (let i = 0; i < 5; i++) {
      ch.sendToQueue(q, Buffer.from(String(i)));
      await new Promise((r) => setTimeout(r, 150));
    }
    expect(failed).toBe(false);
    await conn.close();
  });
});
