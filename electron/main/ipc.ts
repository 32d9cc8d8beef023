import { type EventName, METHOD_NAMES } from '../../shared/api/contract.js';
import { ApiError, type ApiErrorBody } from '../../shared/api/errors.js';
import { ipcEventChannel, ipcMethodChannel } from '../../shared/api/wire.js';
import type { Logger } from '../backend/logger.js';
import type { Backend } from '../backend/types.js';
import { toErrorBody } from '../web/error-body.js';
import type { SenderEvent } from './guards.js';

/** The parts of Electron's ipcMain and WebContents used here; tests route them in memory. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: SenderEvent, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

export interface EventTarget {
  isDestroyed(): boolean;
  send(channel: string, payload: unknown): void;
}

export type IpcReply = { ok: true; result: unknown } | { ok: false; error: ApiErrorBody };

/**
 * One handler per contract method, each on its own channel. Failures come back
 * as `{ ok: false, error }` data: an Error thrown out of ipcMain.handle reaches
 * the renderer as a bare message with Electron's prefix, losing code and issues.
 */
export function registerIpcHandlers(ipcMain: IpcMainLike, backend: Backend, isTrusted: (event: SenderEvent) => boolean, log: Logger): () => void {
  for (const method of METHOD_NAMES) {
    ipcMain.handle(ipcMethodChannel(method), async (event, args): Promise<IpcReply> => {
      if (!isTrusted(event)) {
        log.warn('refused IPC call from an untrusted frame', { method });
        return { ok: false, error: new ApiError('forbidden', 'This frame may not call the console API').toBody() };
      }
      try {
        return { ok: true, result: await backend.dispatch(method, args) };
      } catch (err) {
        return { ok: false, error: toErrorBody(err) };
      }
    });
  }
  return () => {
    for (const method of METHOD_NAMES) ipcMain.removeHandler(ipcMethodChannel(method));
  };
}

/** Backend events to one window, each on its own channel. */
export function forwardEvents(backend: Backend, target: EventTarget): () => void {
  return backend.subscribe((event: EventName, payload: unknown) => {
    if (!target.isDestroyed()) target.send(ipcEventChannel(event), payload);
  });
}
