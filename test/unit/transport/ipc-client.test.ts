import { describe, expect, it } from 'vitest';
import type { WarrenBridge } from '../../../renderer/api/bridge.js';
import { findBridge } from '../../../renderer/api/bridge.js';
import { createIpcClient } from '../../../renderer/api/ipc-client.js';

function fakeBridge(reply: unknown) {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const bridge: WarrenBridge = {
    call: async () => reply,
    on(event, listener) {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event)!.add(listener);
      return () => listeners.get(event)!.delete(listener);
    },
  };
  return { bridge, listeners };
}

describe('the IPC client', () => {
  it('treats a reply that is not an envelope as an internal error', async () => {
    const client = createIpcClient(fakeBridge({ result: 'no ok flag' }).bridge);
    await expect(client.call('app.info', {})).rejects.toMatchObject({ code: 'internal', message: 'The backend sent a malformed reply for app.info' });
  });

  it('checks results against the contract', async () => {
    const client = createIpcClient(fakeBridge({ ok: true, result: [{ id: 1 }] }).bridge);
    await expect(client.call('profiles.list', {})).rejects.toMatchObject({ code: 'internal', message: 'The backend sent a malformed result for profiles.list' });
  });

  it('rebuilds ApiErrors, and a malformed error body as internal', async () => {
    await expect(createIpcClient(fakeBridge({ ok: false, error: { code: 'forbidden', message: 'no' } }).bridge).call('app.info', {})).rejects.toMatchObject({
      code: 'forbidden',
      message: 'no',
    });
    await expect(createIpcClient(fakeBridge({ ok: false, error: { code: 'teapot' } }).bridge).call('app.info', {})).rejects.toMatchObject({ code: 'internal' });
  });

  it('holds one bridge subscription per event, released with the last listener and on close', () => {
    const { bridge, listeners } = fakeBridge(null);
    const client = createIpcClient(bridge);
    const offA = client.on('session.state', () => undefined);
    const offB = client.on('session.state', () => undefined);
    expect(listeners.get('session.state')!.size).toBe(1);
    offA();
    expect(listeners.get('session.state')!.size).toBe(1);
    offB();
    expect(listeners.get('session.state')!.size).toBe(0);
    client.on('inventory.delta', () => undefined);
    client.close();
    expect(listeners.get('inventory.delta')!.size).toBe(0);
    expect(client.status()).toBe('closed');
  });

  it('is chosen only when the page has a complete bridge', () => {
    expect(findBridge({})).toBeNull();
    expect(findBridge({ warren: { call: () => undefined } })).toBeNull();
    const { bridge } = fakeBridge(null);
    expect(findBridge({ warren: bridge })).toBe(bridge);
  });
});
