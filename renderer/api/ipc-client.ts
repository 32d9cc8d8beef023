import { type EventName, isEventName, isMethodName } from '../../shared/api/contract.js';
import { ApiError } from '../../shared/api/errors.js';
import { IpcReply, type WarrenBridge } from './bridge.js';
import { checkedResult, createEventRouter, errorFromBody } from './checked.js';
import type { TransportStatus, WarrenClient } from './types.js';

/**
 * The Electron transport: the preload's `window.warren`. IPC has no link to
 * lose, so the status is "open" until the client is closed.
 */
export function createIpcClient(bridge: WarrenBridge): WarrenClient {
  const router = createEventRouter();
  const detach = new Map<EventName, () => void>();
  let status: TransportStatus = 'open';
  const statusListeners = new Set<(status: TransportStatus) => void>();

  return {
    transport: 'electron',
    async call(method, args) {
      if (status === 'closed') throw new ApiError('not_connected', 'The console client is closed');
      if (!isMethodName(method)) throw new ApiError('unknown_method', `Unknown method: ${String(method)}`);
      let raw: unknown;
      try {
        raw = await bridge.call(method, args);
      } catch (err) {
        // IPC refuses what structured clone cannot copy (functions, DOM nodes) before main sees it.
        throw new ApiError('bad_request', `Could not send ${method}: ${err instanceof Error ? err.message : String(err)}`);
      }
      const reply = IpcReply.safeParse(raw);
      if (!reply.success) throw new ApiError('internal', `The backend sent a malformed reply for ${method}`);
      if (!reply.data.ok) throw errorFromBody(reply.data.error);
      return checkedResult(method, reply.data.result);
    },
    on(event, listener) {
      if (!isEventName(event)) throw new ApiError('bad_request', `Unknown event: ${String(event)}`);
      const remove = router.add(event, listener);
      // One bridge subscription per event, shared by every local listener.
      if (!detach.has(event)) detach.set(event, bridge.on(event, (payload) => router.emit(event, payload)));
      return () => {
        remove();
        if (router.count(event) === 0) {
          detach.get(event)?.();
          detach.delete(event);
        }
      };
    },
    status: () => status,
    onStatus(listener) {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
    close() {
      if (status === 'closed') return;
      status = 'closed';
      for (const off of detach.values()) off();
      detach.clear();
      for (const listener of statusListeners) listener(status);
    },
  };
}
