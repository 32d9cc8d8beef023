// max_message_size: a body over the configured limit closes the channel with
// 406 and RabbitMQ's text; a body of exactly the limit is accepted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../electron/broker/logger.js';
import { startBroker, type RunningBroker } from '../../../electron/broker/main.js';
import { RawClient } from '../broker/support/raw-amqp.js';

let broker: RunningBroker;
beforeAll(async () => {
  broker = await startBroker({ amqpPort: 0, bind: '127.0.0.1', log: silentLogger, limits: { maxMessageSize: 1000 } });
});
afterAll(async () => {
  await broker.close();
});

function publishFrames(size: number): Buffer {
  const header = Buffer.alloc(14);
  header.writeUInt16BE(60, 0);
  header.writeBigUInt64BE(BigInt(size), 4);
  const frame = (type: number, payload: Buffer) => {
    const head = Buffer.alloc(7);
    head.writeUInt8(type, 0);
    head.writeUInt16BE(1, 1);
    head.writeUInt32BE(payload.length, 3);
    return Buffer.concat([head, payload, Buffer.from([0xce])]);
  };
  return Buffer.concat([frame(2, header), frame(3, Buffer.alloc(size, 120))]);
}

describe('max message size', () => {
  it('accepts a body of the configured size and refuses one byte more with 406', async () => {
    const c = await RawClient.open(broker.port);
    await c.handshake();
    await c.openChannel(1);
    c.sendMethod(1, 'queue.declare', { ticket: 0, queue: 'limit', passive: false, durable: false, exclusive: true, autoDelete: false, nowait: false, arguments: {} });
    await c.waitMethod('queue.declare-ok');
    c.sendMethod(1, 'basic.publish', { ticket: 0, exchange: '', routingKey: 'limit', mandatory: false, immediate: false });
    c.send(publishFrames(1000));
    c.sendMethod(1, 'basic.publish', { ticket: 0, exchange: '', routingKey: 'limit', mandatory: false, immediate: false });
    c.send(publishFrames(1001));
    const close = await c.waitMethod('channel.close');
    expect(close.args).toEqual({
      replyCode: 406, replyText: 'PRECONDITION_FAILED - message size 1001 is larger than configured max size 1000', classId: 60, methodId: 40,
    });
    const [queue] = [...broker.server.vhost('/')!.queues.values()].filter((q) => q.name === 'limit');
    expect(queue!.messageCount).toBe(1);
    c.close();
  });

  it('refuses a limit above 512 MiB, as RabbitMQ caps max_message_size there', async () => {
    await expect(startBroker({ amqpPort: 0, bind: '127.0.0.1', log: silentLogger, limits: { maxMessageSize: 536870913 } }))
      .rejects.toThrow('the maximum message size must be between 0 and 536870912 bytes (512 MiB), got 536870913');
  });
});
