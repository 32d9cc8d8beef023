import { z } from 'zod';
import { FieldTable } from './field-value.js';
import { ReceivedProperties, WireBytes } from './message.js';

const shortstr = z.string().max(255);
const id = z.string().min(1).max(64);

/** Where copied, moved or loaded messages go: a queue (through the default exchange) or an exchange. */
export const TransferTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('queue'), queue: z.string().min(1).max(255) }).strict(),
  z
    .object({
      kind: z.literal('exchange'),
      exchange: shortstr,
      /** Absent: each message keeps the routing key it was delivered with. */
      routingKey: shortstr.optional(),
    })
    .strict(),
]);
export type TransferTarget = z.infer<typeof TransferTarget>;

/**
 * Copy or move selected messages of a holder (a consumer's list, a browse). Each copy is
 * published with confirms; a move acks the original only after its copy was confirmed, so
 * an interruption loses nothing (at worst a message exists twice). Moving needs the
 * messages held unacked by a manual-ack consumer.
 */
export const TransferArgs = z
  .object({
    transferId: id,
    holderId: id,
    seqs: z.array(z.number().int().min(1)).min(1).max(100_000),
    target: TransferTarget,
    mode: z.enum(['copy', 'move']),
  })
  .strict();
export type TransferArgs = z.infer<typeof TransferArgs>;

export const TransferProgress = z.object({ transferId: z.string(), done: z.number().int(), total: z.number().int() });
export type TransferProgress = z.infer<typeof TransferProgress>;

export const TransferResult = z.object({
  transferId: z.string(),
  /** Confirmed at the target (and, for a move, acked at the source). */
  done: z.number().int(),
  failed: z.array(z.object({ seq: z.number().int(), reason: z.string() })),
  status: z.enum(['done', 'cancelled', 'refused']),
  refusal: z.string().optional(),
});
export type TransferResult = z.infer<typeof TransferResult>;

/** One message in a dump file (JSON lines, one message a line). */
export const DumpedMessage = z
  .object({
    exchange: z.string(),
    routingKey: z.string(),
    properties: ReceivedProperties,
    headers: FieldTable,
    body: WireBytes,
    redelivered: z.boolean().optional(),
    receivedAt: z.number().optional(),
  })
  .strict();
export type DumpedMessage = z.infer<typeof DumpedMessage>;

/** The selected messages (or all the holder keeps) as JSON lines, whole bodies included. */
export const DumpArgs = z.object({ holderId: id, seqs: z.array(z.number().int().min(1)).max(100_000).optional() }).strict();
export const DumpResult = z.object({ fileName: z.string(), jsonl: z.string(), count: z.number().int() });
export type DumpResult = z.infer<typeof DumpResult>;

/** Publishes a dump file uploaded with workbench.bodyUpload; every line is checked before the first publish. */
export const LoadArgs = z
  .object({
    transferId: id,
    uploadId: id,
    vhost: shortstr,
    /** Absent: each message goes back to the exchange and routing key it was dumped with. */
    target: TransferTarget.optional(),
  })
  .strict();
export type LoadArgs = z.infer<typeof LoadArgs>;

/** Each problem with its line number; nothing is published while any line is bad. */
export const LoadResult = z.object({
  transferId: z.string(),
  problems: z.array(z.object({ line: z.number().int(), message: z.string() })),
  published: z.number().int(),
  status: z.enum(['done', 'invalid', 'cancelled', 'refused']),
  refusal: z.string().optional(),
});
export type LoadResult = z.infer<typeof LoadResult>;

/**
 * Dead-lettered messages back where they died: each to the queue named by its newest
 * x-death entry, through the default exchange, with confirms; the dead-letter copy is
 * acked only after that. Messages without x-death stay in the dead-letter queue and are counted.
 */
export const SendBackArgs = z
  .object({
    transferId: id,
    vhost: shortstr,
    queue: shortstr,
    scope: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('all') }).strict(),
      z.object({ kind: z.literal('selection'), consumerId: id, seqs: z.array(z.number().int().min(1)).min(1).max(100_000) }).strict(),
    ]),
  })
  .strict();
export type SendBackArgs = z.infer<typeof SendBackArgs>;

export const SendBackResult = z.object({
  transferId: z.string(),
  sent: z.number().int(),
  /** Per origin queue, how many went back there. */
  byQueue: z.record(z.string(), z.number().int()),
  /** Left in the dead-letter queue, with why (no x-death header, origin queue gone…). */
  skipped: z.array(z.object({ reason: z.string(), count: z.number().int() })),
  status: z.enum(['done', 'cancelled', 'refused']),
  refusal: z.string().optional(),
});
export type SendBackResult = z.infer<typeof SendBackResult>;
