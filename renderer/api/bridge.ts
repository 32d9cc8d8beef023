import { z } from 'zod';
import { ApiErrorBody } from '../../shared/api/errors.js';

/**
 * What the Electron preload exposes as `window.warren`. Replies are plain
 * envelopes because an Error thrown across contextBridge loses its fields.
 */
export interface WarrenBridge {
  call(method: string, args: unknown): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

export const IpcReply = z.union([
  z.object({ ok: z.literal(true), result: z.unknown() }),
  z.object({ ok: z.literal(false), error: ApiErrorBody }),
]);
export type IpcReply = z.infer<typeof IpcReply>;

export function findBridge(scope: object): WarrenBridge | null {
  const candidate = (scope as { warren?: Partial<WarrenBridge> }).warren;
  return candidate && typeof candidate.call === 'function' && typeof candidate.on === 'function' ? (candidate as WarrenBridge) : null;
}
