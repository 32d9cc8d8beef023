import type { Channel } from 'amqplib';
import type { BrowsedMessage } from './held-browse-message.js';

/**
 * The first `count` ready messages by basic.get with manual ack, then all of them nacked with
 * requeue in one go: the broker puts them back where they were, marked redelivered. Works on
 * any broker; while other consumers are active they may take the messages in between.
 */
export async function getAndRequeue(channel: Channel, queue: string, count: number): Promise<BrowsedMessage[]> {
  const read: BrowsedMessage[] = [];
  let last: Parameters<Channel['nack']>[0] | undefined;
  try {
    while (read.length < count) {
      const got = await channel.get(queue, { noAck: false });
      if (got === false) break;
      last = got;
      read.push({ exchange: got.fields.exchange, routingKey: got.fields.routingKey, redelivered: got.fields.redelivered, properties: got.properties, body: got.content });
    }
  } finally {
    // A channel the broker closed has requeued them already; nacking it would throw.
    if (last !== undefined) {
      try {
        channel.nack(last, true, true);
      } catch {
        // Closed meanwhile: the broker requeued everything unacked when it closed the channel.
      }
    }
  }
  return read;
}
