import { z } from 'zod';

export const SessionStatus = z.enum(['idle', 'connecting', 'connected', 'disconnected']);
export type SessionStatus = z.infer<typeof SessionStatus>;

/** Where the console stands with the selected broker. */
export const SessionState = z.object({
  status: SessionStatus,
  profileId: z.string().nullable(),
  /** Why the broker is unreachable, in words a user can act on; never contains a password. */
  error: z.string().nullable(),
  /** When the next automatic retry happens (epoch ms), while disconnected. */
  retryAt: z.number().nullable(),
  /** When the last successful sample was taken (epoch ms). */
  lastSampleAt: z.number().nullable(),
  samplerIntervalMs: z.number(),
  samplerPaused: z.boolean(),
});
export type SessionState = z.infer<typeof SessionState>;
