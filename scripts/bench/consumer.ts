// One consumer on its own connection: manual acks under a prefetch limit.
// Each delivery is acked on its own (multiple = false), like RabbitMQ
// PerfTest's default; batching acks with multiple = true would flatter both
// brokers and hide per-message ack cost, so neither broker gets it.
import type { Channel } from 'amqplib';
import { decodeBody } from './body.js';
import type { DeliveryLedger } from './ledger.js';
import type { Topology } from './topology.js';

/** Starts consuming from the given queue indexes; resolves once the broker has registered every consumer. */
export async function startConsumer(
  ch: Channel,
  topology: Topology,
  queueIndexes: number[],
  prefetch: number,
  ledger: DeliveryLedger,
  fail: (error: unknown) => void,
): Promise<void> {
  await ch.prefetch(prefetch);
  for (const q of queueIndexes) {
    // With a fanout exchange each queue holds its own copy of every message.
    const copy = topology.copies > 1 ? q : 0;
    await ch.consume(topology.queues[q]!, (msg) => {
      if (msg === null) {
        fail(new Error(`the broker cancelled the consumer on ${topology.queues[q]}`));
        return;
      }
      const at = performance.now();
      try {
        const stamp = decodeBody(msg.content);
        ledger.recordDelivery(copy, stamp.producer, stamp.seq, at - stamp.sentAt, at);
        ch.ack(msg);
      } catch (err) {
        fail(err);
      }
    });
  }
}
