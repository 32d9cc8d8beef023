// A published message as queues hold it. The raw property bytes are kept and
// forwarded untouched on delivery; `properties` is their decoded form for the
// few fields the broker itself reads (headers, expiration, priority, ...).
import type { BasicProperties } from './protocol/generated.js';

export interface Message {
  readonly exchange: string;
  readonly routingKey: string;
  readonly properties: BasicProperties;
  /** Property flags and property list exactly as they go on the wire. */
  readonly propertiesBytes: Buffer;
  readonly body: Buffer;
}

/**
 * One queue's hold on a message: ordering, redelivery and expiry are per queue.
 * A stored entry (electron/broker/store/stored-entry.ts) may have its message
 * paged out to disk; `message` then reads it back, so only `bodySize` and the
 * fields below are free to read on an entry still in the ready list.
 */
export interface QueueEntry {
  readonly message: Message;
  /** Enqueue order; a requeued entry goes back to its original position by it. */
  readonly seq: number;
  redelivered: boolean;
  /** Absolute expiry time in ms, or 0 for none. */
  readonly expiresAt: number;
  readonly priority: number;
  /** The body's length, known without the body (byte counts and length limits). */
  readonly bodySize: number;
}

/** Per-message TTL in ms from the expiration property, undefined when absent. */
export function messageTtl(properties: BasicProperties): number | undefined {
  if (properties.expiration === undefined) return undefined;
  return Number(properties.expiration);
}

/** RabbitMQ's check of the expiration property (rabbit_basic:parse_expiration). */
export function expirationError(expiration: string | undefined): string | undefined {
  if (expiration === undefined) return undefined;
  if (!/^-?\d+$/.test(expiration)) return `invalid expiration '${expiration}': no_integer`;
  const n = Number(expiration);
  if (n < 0) return `invalid expiration '${expiration}': {value_negative,${n}}`;
  return undefined;
}
