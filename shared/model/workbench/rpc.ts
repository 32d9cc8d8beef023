import { z } from 'zod';
import { FieldTable } from './field-value.js';
import { BodySource, MessageProperties, ReceivedMessage } from './message.js';

const shortstr = z.string().max(255);

export const RpcArgs = z
  .object({
    /** Names the call: workbench.messageBody reads the reply's whole body with it. */
    callId: z.string().min(1).max(64),
    vhost: shortstr,
    exchange: shortstr,
    routingKey: shortstr,
    /** reply-to and correlation-id are set by Warren. */
    properties: MessageProperties.omit({ replyTo: true, correlationId: true }),
    headers: FieldTable,
    body: BodySource,
    /** direct: amq.rabbitmq.reply-to (no queue declared); temporary: an exclusive auto-delete queue for this call. */
    replyMode: z.enum(['direct', 'temporary']),
    timeoutMs: z.number().int().min(100).max(600_000),
  })
  .strict();
export type RpcArgs = z.infer<typeof RpcArgs>;

export const RpcResult = z.object({
  callId: z.string(),
  /** reply: a message with our correlation id came back; returned: no queue took the request; refused: the broker closed the channel, or nacked the request (then without a reply code). */
  outcome: z.enum(['reply', 'timeout', 'returned', 'refused']),
  correlationId: z.string(),
  replyTo: z.string(),
  /** From publish to reply (or to the timeout). */
  roundTripMs: z.number(),
  reply: ReceivedMessage.nullable(),
  replyCode: z.number().int().optional(),
  replyText: z.string().optional(),
});
export type RpcResult = z.infer<typeof RpcResult>;
