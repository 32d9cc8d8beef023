import { z } from 'zod';
import { ReceivedMessage } from './message.js';

const shortstr = z.string().max(255);

/**
 * requeue: basic.get N messages and requeue them (RabbitMQ and any broker): they come back
 * marked redelivered, and their order may change when other consumers are active.
 * peek: the embedded broker reads them without any side effect (its own HTTP API).
 */
export const BrowseMode = z.enum(['requeue', 'peek']);
export type BrowseMode = z.infer<typeof BrowseMode>;

export const BrowseArgs = z
  .object({
    /** Names the browse's messages for workbench.messageBody and surgery, like a consumerId. */
    browseId: z.string().min(1).max(64),
    vhost: shortstr,
    queue: shortstr,
    count: z.number().int().min(1).max(10_000),
    mode: BrowseMode,
  })
  .strict();
export type BrowseArgs = z.infer<typeof BrowseArgs>;

export const BrowseResult = z.object({
  browseId: z.string(),
  mode: BrowseMode,
  messages: z.array(ReceivedMessage),
  /** Messages in the queue when it was read (ready only). */
  queueDepth: z.number().int().nullable(),
  /** What reading did to the queue, in words, for the page to show next to the list. */
  sideEffects: z.string(),
});
export type BrowseResult = z.infer<typeof BrowseResult>;

/** Whether the connected broker can peek (the embedded broker can; RabbitMQ cannot). */
export const BrowseCapabilities = z.object({ peek: z.boolean() });
export type BrowseCapabilities = z.infer<typeof BrowseCapabilities>;
