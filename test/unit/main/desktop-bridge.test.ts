import { describe, expect, it } from 'vitest';
import { DESKTOP_COMMAND_CHANNEL } from '../../../shared/api/desktop.js';
import { createDesktopBridge } from '../../../electron/preload/desktop-bridge.js';

type Listener = (event: unknown, ...args: unknown[]) => void;

function fakeIpc() {
  const listeners = new Map<string, Set<Listener>>();
  return {
    invoke: async () => undefined,
    on(channel: string, listener: Listener) {
      (listeners.get(channel) ?? listeners.set(channel, new Set()).get(channel)!).add(listener);
    },
    removeListener(channel: string, listener: Listener) {
      listeners.get(channel)?.delete(listener);
    },
    emit(channel: string, payload: unknown) {
      for (const listener of listeners.get(channel) ?? []) listener({ sender: 'ipc event' }, payload);
    },
    channels: () => [...listeners.keys()],
  };
}

describe('the desktop bridge (window.warrenDesktop)', () => {
  it('listens on the one command channel and passes the payload only, never the IPC event', () => {
    const ipc = fakeIpc();
    const bridge = createDesktopBridge(ipc);
    expect(Object.keys(bridge)).toEqual(['onCommand']);
    expect(ipc.channels()).toEqual([DESKTOP_COMMAND_CHANNEL]);
    const got: unknown[][] = [];
    const stop = bridge.onCommand((...args: unknown[]) => got.push(args));
    ipc.emit(DESKTOP_COMMAND_CHANNEL, { kind: 'focus-filter' });
    stop();
    ipc.emit(DESKTOP_COMMAND_CHANNEL, { kind: 'export-definitions' });
    expect(got).toEqual([[{ kind: 'focus-filter' }]]);
  });

  it('keeps commands sent before the page subscribed (a file opened at launch), up to a few', () => {
    const ipc = fakeIpc();
    const bridge = createDesktopBridge(ipc);
    for (let i = 0; i < 20; i++) ipc.emit(DESKTOP_COMMAND_CHANNEL, { kind: 'navigate', route: `r${i}` });
    const got: unknown[] = [];
    bridge.onCommand((payload: unknown) => got.push(payload));
    expect(got).toHaveLength(16);
    expect(got[0]).toEqual({ kind: 'navigate', route: 'r0' });
  });

  it('refuses a listener that is not a function', () => {
    expect(() => createDesktopBridge(fakeIpc()).onCommand('x')).toThrow('The listener must be a function');
  });
});
