import { z } from 'zod';

/**
 * Alert rules a user sets per queue, evaluated by the backend on every
 * sample of the connected profile, so they hold whichever view is open.
 */
const seconds = z.number().int().min(0).max(7 * 24 * 3600);

export const AlertCondition = z.discriminatedUnion('kind', [
  /** Ready messages above `threshold` for `forSeconds`. */
  z.object({ kind: z.literal('readyAbove'), threshold: z.number().int().min(0), forSeconds: seconds }).strict(),
  /** No consumer on the queue for `forSeconds`. */
  z.object({ kind: z.literal('noConsumers'), forSeconds: seconds }).strict(),
  /** Unacknowledged messages rising (never falling) for `forSeconds`: consumers take messages and do not ack them. */
  z.object({ kind: z.literal('unackedGrowing'), forSeconds: seconds }).strict(),
]);
export type AlertCondition = z.infer<typeof AlertCondition>;

export const AlertRule = z
  .object({
    id: z.string().min(1).max(64),
    vhost: z.string().max(255),
    queue: z.string().max(255),
    condition: AlertCondition,
    enabled: z.boolean(),
  })
  .strict();
export type AlertRule = z.infer<typeof AlertRule>;

export const AlertState = z.object({
  ruleId: z.string(),
  firing: z.boolean(),
  /** Since when the condition has held (epoch ms); null while it does not. */
  since: z.number().nullable(),
  /** What holds or why it does not, in words: "ready 1,200 > 1,000 for 45 s", "queue not found". */
  text: z.string(),
});
export type AlertState = z.infer<typeof AlertState>;

export const AlertsResult = z.object({ rules: z.array(AlertRule), states: z.array(AlertState) });
export type AlertsResult = z.infer<typeof AlertsResult>;

export const AlertsSaveArgs = z.object({ rules: z.array(AlertRule).max(1000) }).strict();

/** Emitted when a rule starts or stops firing (and after a save): the states of every rule of the profile. */
export const AlertsChanged = z.object({ profileId: z.string(), states: z.array(AlertState) });
export type AlertsChanged = z.infer<typeof AlertsChanged>;
