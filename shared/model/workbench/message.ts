import { z } from 'zod';
import { FieldTable } from './field-value.js';

const shortstr = z.string().max(255);

/** The basic properties a publish can set and a delivery carries; headers separately, typed. */
export const MessageProperties = z
  .object({
    contentType: shortstr,
    contentEncoding: shortstr,
    /** 1 transient, 2 persistent. */
    deliveryMode: z.union([z.literal(1), z.literal(2)]),
    priority: z.number().int().min(0).max(255),
    /** Per-message TTL in milliseconds, as a decimal string (AMQP carries it as a shortstr). */
    expiration: z.string().regex(/^\d{1,10}$/, 'expiration is a whole number of milliseconds'),
    messageId: shortstr,
    correlationId: shortstr,
    replyTo: shortstr,
    type: shortstr,
    /** Checked by RabbitMQ against the connection's user. */
    userId: shortstr,
    appId: shortstr,
    /** Seconds since the epoch. */
    timestamp: z.number().int().min(0),
  })
  .partial()
  .strict();
export type MessageProperties = z.infer<typeof MessageProperties>;

/** Largest inline body a request may carry; larger ones go up in chunks first (workbench.bodyUpload). */
export const MAX_INLINE_BODY_BYTES = 512 * 1024;
/** Largest body Warren publishes: RabbitMQ's default max_message_size is 128 MiB. */
export const MAX_BODY_BYTES = 128 * 1024 * 1024;
/** Bodies shown in a list or detail pane are cut to this; the rest is fetched on demand. */
export const PREVIEW_BYTES = 64 * 1024;

/** Bytes as text when they are valid UTF-8, as base64 otherwise: binary bodies are never mangled. */
export const WireBytes = z
  .object({
    encoding: z.enum(['utf8', 'base64']),
    data: z.string(),
  })
  .strict();
export type WireBytes = z.infer<typeof WireBytes>;

/** A body to publish: inline, or one uploaded earlier in chunks. */
export const BodySource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('inline'), bytes: WireBytes }).strict(),
  z.object({ kind: z.literal('upload'), uploadId: z.string().min(1).max(64) }).strict(),
]);
export type BodySource = z.infer<typeof BodySource>;

/** Properties as other clients sent them: looser than what Warren publishes, so no delivery is refused for display. */
export const ReceivedProperties = z
  .object({
    contentType: z.string(),
    contentEncoding: z.string(),
    deliveryMode: z.number().int(),
    priority: z.number().int(),
    expiration: z.string(),
    messageId: z.string(),
    correlationId: z.string(),
    replyTo: z.string(),
    type: z.string(),
    userId: z.string(),
    appId: z.string(),
    timestamp: z.number(),
  })
  .partial();
export type ReceivedProperties = z.infer<typeof ReceivedProperties>;

/** A message as the workbench shows it: a delivery, a browsed message, or a reply. */
export const ReceivedMessage = z.object({
  /** Position in the consumer's (or browse's) list, from 1; names the message in later calls. */
  seq: z.number().int().min(1),
  receivedAt: z.number(),
  exchange: z.string(),
  routingKey: z.string(),
  redelivered: z.boolean(),
  /** Present while a manual-ack delivery waits for ack, nack or reject. */
  pending: z.boolean(),
  properties: ReceivedProperties,
  headers: FieldTable,
  /** The whole body's size in bytes. */
  size: z.number().int().min(0),
  /** At most PREVIEW_BYTES of the body; `truncated` says whether that is all of it. */
  preview: WireBytes,
  truncated: z.boolean(),
});
export type ReceivedMessage = z.infer<typeof ReceivedMessage>;
