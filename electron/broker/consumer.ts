// A consumer as its queue sees it; the channel decides whether it may take
// another message (prefetch, flow, socket backpressure) and performs delivery.
import type { QueueEntry } from './message.js';
import type { FieldTable } from './protocol/field-table.js';
import type { Queue } from './queue.js';

export interface ConsumerOwner {
  /** Whether `consumer` can take one more message now. */
  canDeliver(consumer: Consumer): boolean;
  deliver(consumer: Consumer, queue: Queue, entry: QueueEntry): void;
  /** The queue went away: tell the client (if it announced consumer_cancel_notify) and forget the consumer. */
  queueDeleted(consumer: Consumer): void;
}

export interface Consumer {
  readonly tag: string;
  readonly owner: ConsumerOwner;
  readonly queue: Queue;
  readonly noAck: boolean;
  readonly exclusive: boolean;
  /** x-priority: higher-priority consumers get messages while they have capacity. */
  readonly priority: number;
  /** Per-consumer prefetch (basic.qos global=false when consuming); 0 = unlimited. */
  readonly prefetch: number;
  unacked: number;
  /** basic.consume arguments, as the management API lists them. */
  readonly arguments: FieldTable;
}
