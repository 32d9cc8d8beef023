import { z } from 'zod';

/** One queue, named the way the management API and AMQP name it. */
export const QueueRef = z.object({ vhost: z.string().max(255), name: z.string().max(255) }).strict();
export type QueueRef = z.infer<typeof QueueRef>;

export const QueueDeleteArgs = QueueRef.extend({
  /** Refused by the broker while the queue holds messages. */
  ifEmpty: z.boolean().optional(),
  /** Refused by the broker while the queue has consumers. */
  ifUnused: z.boolean().optional(),
}).strict();
export type QueueDeleteArgs = z.infer<typeof QueueDeleteArgs>;

export const QueueMoveArgs = z
  .object({
    /** Chosen by the caller: progress events carry it, and queue.moveCancel names it. */
    moveId: z.string().min(1).max(64),
    vhost: z.string().max(255),
    source: z.string().max(255),
    target: z.string().min(1).max(255),
  })
  .strict();
export type QueueMoveArgs = z.infer<typeof QueueMoveArgs>;

export const QueueMoveProgress = z.object({
  moveId: z.string(),
  /** Messages published to the target, confirmed, and only then acked on the source. */
  moved: z.number(),
  /** The source's depth when the move started: more may arrive meanwhile and are moved too. */
  total: z.number(),
});
export type QueueMoveProgress = z.infer<typeof QueueMoveProgress>;

export const QueueMoveResult = z.object({
  moved: z.number(),
  /** 'done': the source was empty at the end; 'cancelled': stopped by queue.moveCancel. */
  outcome: z.enum(['done', 'cancelled']),
});
export type QueueMoveResult = z.infer<typeof QueueMoveResult>;
