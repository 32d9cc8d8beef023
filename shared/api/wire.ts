import { z } from 'zod';
import { ApiErrorBody } from './errors.js';

/**
 * The WebSocket envelope. Method arguments and event payloads are validated
 * separately against the contract, so a bad envelope and bad arguments give
 * different, specific errors.
 */
export const ClientMessage = z.object({
  type: z.literal('call'),
  id: z.number().int().nonnegative(),
  method: z.string().max(200),
  args: z.unknown(),
});
export type ClientMessage = z.infer<typeof ClientMessage>;

export const ServerMessage = z.union([
  z.object({ type: z.literal('result'), id: z.number(), ok: z.literal(true), result: z.unknown() }),
  z.object({ type: z.literal('result'), id: z.number().nullable(), ok: z.literal(false), error: ApiErrorBody }),
  z.object({ type: z.literal('event'), event: z.string(), payload: z.unknown() }),
]);
export type ServerMessage = z.infer<typeof ServerMessage>;

/** IPC channel names: one per method and one per event, never a generic channel. */
export const ipcMethodChannel = (method: string): string => `warren:call:${method}`;
export const ipcEventChannel = (event: string): string => `warren:event:${event}`;

/** Largest WebSocket message accepted from a page (1 MiB): requests are small. */
export const MAX_CLIENT_MESSAGE_BYTES = 1024 * 1024;
