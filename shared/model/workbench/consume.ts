import { z } from 'zod';
import { FieldTable } from './field-value.js';
import { ReceivedMessage, WireBytes } from './message.js';

const shortstr = z.string().max(255);
const id = z.string().min(1).max(64);

/** A queue to consume from, or an exchange to tap through a temporary exclusive auto-delete queue. */
export const ConsumeSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('queue'), queue: shortstr }).strict(),
  z
    .object({
      kind: z.literal('tap'),
      exchange: z.string().min(1).max(255),
      /** '#' taps everything a topic exchange routes; ignored by fanout. */
      bindingKey: shortstr,
      /** Binding arguments, for a headers exchange (x-match…). */
      bindingArguments: FieldTable.optional(),
    })
    .strict(),
]);
export type ConsumeSource = z.infer<typeof ConsumeSource>;

export const ConsumeStartArgs = z
  .object({
    /** Chosen by the caller: message events carry it, and every later call names it. */
    consumerId: id,
    vhost: shortstr,
    source: ConsumeSource,
    ackMode: z.enum(['auto', 'manual']),
    prefetch: z.number().int().min(0).max(65_535),
    exclusive: z.boolean().default(false),
    /** x-priority: higher-priority consumers get messages first. */
    priority: z.number().int().min(-1_000_000).max(1_000_000).optional(),
    arguments: FieldTable.default({}),
    /** Messages kept in the list; older ones are dropped and counted. */
    keep: z.number().int().min(100).max(100_000).default(10_000),
  })
  .strict();
export type ConsumeStartArgs = z.infer<typeof ConsumeStartArgs>;
export type ConsumeStartInput = z.input<typeof ConsumeStartArgs>;

export const ConsumerState = z.object({
  consumerId: z.string(),
  vhost: z.string(),
  source: ConsumeSource,
  /** The queue consumed: for a tap, the temporary queue's server-named name. */
  queue: z.string(),
  consumerTag: z.string().nullable(),
  ackMode: z.enum(['auto', 'manual']),
  prefetch: z.number().int(),
  status: z.enum(['running', 'paused', 'stopped', 'failed']),
  /** Why it stopped or failed, in the broker's words (404 NOT_FOUND…, or the connection was lost). */
  error: z.string().nullable(),
  received: z.number().int(),
  /** Dropped from the list because it holds `keep` messages; a pending manual-ack message is never dropped. */
  dropped: z.number().int(),
  /** Manual ack: delivered, not yet acked, nacked or rejected. */
  pending: z.number().int(),
  keep: z.number().int(),
});
export type ConsumerState = z.infer<typeof ConsumerState>;

/** New deliveries, in batches (at most every 100 ms), so 20,000 a second do not flood the page. */
export const ConsumeMessages = z.object({
  consumerId: z.string(),
  messages: z.array(ReceivedMessage),
  state: ConsumerState,
});
export type ConsumeMessages = z.infer<typeof ConsumeMessages>;

/** Ack, nack or reject one message or a selection (manual ack mode). */
export const SettleArgs = z
  .object({
    consumerId: id,
    seqs: z.array(z.number().int().min(1)).min(1).max(100_000),
    action: z.enum(['ack', 'nack', 'reject']),
    /** For nack and reject: back to the queue (redelivered) or dropped / dead-lettered. */
    requeue: z.boolean().default(false),
  })
  .strict();
export type SettleArgs = z.infer<typeof SettleArgs>;

export const SettleResult = z.object({
  settled: z.array(z.number().int()),
  /** Messages that could not be settled, each with why (already settled, channel closed and the broker requeued it…). */
  failed: z.array(z.object({ seq: z.number().int(), reason: z.string() })),
  state: ConsumerState,
});
export type SettleResult = z.infer<typeof SettleResult>;

/** A slice of one message's whole body (bodies beyond the preview are read in slices of up to 4 MiB). */
export const MessageBodyArgs = z
  .object({
    /** The consumerId, browseId or RPC callId the message came with. */
    holderId: id,
    seq: z.number().int().min(1),
    offset: z.number().int().min(0).default(0),
    length: z.number().int().min(1).max(4 * 1024 * 1024).default(4 * 1024 * 1024),
  })
  .strict();
export type MessageBodyArgs = z.infer<typeof MessageBodyArgs>;

export const MessageBodyResult = z.object({ size: z.number().int(), offset: z.number().int(), bytes: WireBytes });
export type MessageBodyResult = z.infer<typeof MessageBodyResult>;
