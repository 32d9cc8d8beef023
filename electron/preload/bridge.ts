import { isEventName, isMethodName } from '../../shared/api/contract.js';
import { ApiError } from '../../shared/api/errors.js';
import { ipcEventChannel, ipcMethodChannel } from '../../shared/api/wire.js';

/** The parts of Electron's ipcRenderer the bridge uses. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/**
 * `window.warren`: the contract's methods and events and nothing else. Names
 * are checked here too, so a compromised page cannot reach any other channel
 * through the bridge; ipcRenderer itself never crosses into the page, nor does
 * the IPC event object (it references the sender).
 */
export function createBridge(ipc: IpcRendererLike) {
  return {
    call(method: unknown, args: unknown): Promise<unknown> {
      if (!isMethodName(method)) {
        return Promise.resolve({ ok: false, error: new ApiError('unknown_method', `Unknown method: ${String(method).slice(0, 100)}`).toBody() });
      }
      return ipc.invoke(ipcMethodChannel(method), args);
    },
    on(event: unknown, listener: unknown): () => void {
      if (!isEventName(event)) throw new Error(`Unknown event: ${String(event).slice(0, 100)}`);
      if (typeof listener !== 'function') throw new Error('The listener must be a function');
      const channel = ipcEventChannel(event);
      const forward = (_event: unknown, payload: unknown) => (listener as (payload: unknown) => void)(payload);
      ipc.on(channel, forward);
      return () => {
        ipc.removeListener(channel, forward);
      };
    },
  };
}
