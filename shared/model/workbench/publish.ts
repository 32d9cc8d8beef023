import { z } from 'zod';
import { FieldTable } from './field-value.js';
import { BodySource, MessageProperties, WireBytes } from './message.js';

const shortstr = z.string().max(255);
const id = z.string().min(1).max(64);

/** Once, N times, or at a rate for a duration. */
export const PublishRepeat = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('once') }).strict(),
  z.object({ mode: z.literal('count'), count: z.number().int().min(1).max(1_000_000) }).strict(),
  z.object({ mode: z.literal('rate'), perSecond: z.number().min(0.1).max(50_000), durationSeconds: z.number().min(1).max(24 * 3600) }).strict(),
]);
export type PublishRepeat = z.infer<typeof PublishRepeat>;

export const PublishMessage = z
  .object({
    vhost: shortstr,
    /** '' is the default exchange. */
    exchange: shortstr,
    routingKey: shortstr,
    properties: MessageProperties,
    headers: FieldTable,
    body: BodySource,
    /** Default true: an unroutable message comes back as basic.return instead of vanishing. */
    mandatory: z.boolean().default(true),
    /** Default true: each publish waits for the broker's ack or nack. */
    confirm: z.boolean().default(true),
    /**
     * Expands {{counter}} (1, 2, 3… per publish), {{uuid}} and {{now}} (ISO time) in the
     * routing key, string properties, string headers and a UTF-8 body.
     */
    templated: z.boolean().default(false),
  })
  .strict();
export type PublishMessage = z.infer<typeof PublishMessage>;
export type PublishMessageInput = z.input<typeof PublishMessage>;

export const PublishArgs = PublishMessage.extend({
  /** Chosen by the caller: progress events carry it, and workbench.publishCancel names it. */
  publishId: id,
  repeat: PublishRepeat,
}).strict();
export type PublishArgs = z.infer<typeof PublishArgs>;

/**
 * confirmed: acked by the broker and not returned. returned: basic.return (312 NO_ROUTE…).
 * nacked: the broker refused it (a full queue with reject-publish…). unconfirmed: sent
 * without confirms. refused: the broker closed the channel (404 no such exchange, 403…).
 */
export const PublishOutcomeKind = z.enum(['confirmed', 'returned', 'nacked', 'unconfirmed', 'refused']);
export type PublishOutcomeKind = z.infer<typeof PublishOutcomeKind>;

export const PublishOutcome = z.object({
  /** 1 for the first publish of the run. */
  n: z.number().int().min(1),
  outcome: PublishOutcomeKind,
  replyCode: z.number().int().optional(),
  replyText: z.string().optional(),
  routingKey: z.string(),
  messageId: z.string().optional(),
});
export type PublishOutcome = z.infer<typeof PublishOutcome>;

export const PublishCounts = z.object({
  sent: z.number().int(),
  confirmed: z.number().int(),
  returned: z.number().int(),
  nacked: z.number().int(),
  unconfirmed: z.number().int(),
});
export type PublishCounts = z.infer<typeof PublishCounts>;

export const PublishProgress = PublishCounts.extend({
  publishId: z.string(),
  /** What the run asked for: count, or rate × duration; null for once. */
  planned: z.number().int().nullable(),
  /** Publishes per second over the last second. */
  ratePerSecond: z.number(),
  elapsedMs: z.number(),
});
export type PublishProgress = z.infer<typeof PublishProgress>;

export const PublishResult = PublishCounts.extend({
  publishId: z.string(),
  /** done, cancelled by workbench.publishCancel, or stopped by a refusal (then `refusal` says why). */
  status: z.enum(['done', 'cancelled', 'refused']),
  refusal: z.object({ replyCode: z.number().int(), replyText: z.string() }).optional(),
  elapsedMs: z.number(),
  /** Publishes per second over the whole run. */
  achievedRate: z.number(),
  /** The first publishes' outcomes, one each (at most 100), and every return and nack after them (at most 100 more). */
  outcomes: z.array(PublishOutcome),
  /** The sent-messages history entry this run was saved as. */
  historyId: z.string(),
});
export type PublishResult = z.infer<typeof PublishResult>;

/** A chunk of a large body, sent before the publish that names its upload. */
export const BodyUploadArgs = z
  .object({
    uploadId: id,
    /** Must equal the bytes received so far: chunks arrive in order. */
    offset: z.number().int().min(0),
    chunk: WireBytes,
  })
  .strict();
export type BodyUploadArgs = z.infer<typeof BodyUploadArgs>;

/** A saved publish form. */
export const PublishTemplate = z
  .object({
    id,
    name: z.string().min(1).max(120),
    message: PublishMessage.omit({ body: true }).extend({ body: WireBytes }).strict(),
    repeat: PublishRepeat,
    savedAt: z.number(),
  })
  .strict();
export type PublishTemplate = z.infer<typeof PublishTemplate>;

/** A run that was sent, to look at and resend; bodies above the history's limit are kept truncated and marked. */
export const SentMessage = z.object({
  id: z.string(),
  sentAt: z.number(),
  message: PublishMessage.omit({ body: true }).extend({ body: WireBytes }),
  bodySize: z.number().int(),
  /** The body could not be kept whole (larger than the history keeps): resend needs the original. */
  bodyTruncated: z.boolean(),
  repeat: PublishRepeat,
  counts: PublishCounts,
  status: z.enum(['done', 'cancelled', 'refused']),
});
export type SentMessage = z.infer<typeof SentMessage>;
