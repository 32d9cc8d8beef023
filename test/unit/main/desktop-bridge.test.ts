import { describe, expect, it } from 'vitest';
import { DESKTOP_COMMAND_CHANNEL, DESKTOP_THEME_CHANNEL } from '../../../shared/api/desktop.js';
import { createDesktopBridge } from '../../../electron/preload/desktop-bridge.js';

type Listener = (event: unknown, ...args: unknown[]) => void;

function fakeIpc() {
  const listeners = new Map<string, Set<Listener>>();
  const invoked: unknown[][] = [];
  return {
    invoked,
    invoke: async (...args: unknown[]) => {
      invoked.push(args);
    },
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
    expect(Object.keys(bridge)).toEqual(['onCommand', 'setTheme']);
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

  it('asks main for a theme on its own channel, only system, light or dark', () => {
    const ipc = fakeIpc();
    const bridge = createDesktopBridge(ipc);
    bridge.setTheme('dark');
    expect(() => bridge.setTheme('sepia')).toThrow('Unknown theme: sepia (system, light or dark)');
    expect(() => bridge.setTheme({ toString: 'x' })).toThrow('Unknown theme: object (system, light or dark)');
    expect(ipc.invoked).toEqual([[DESKTOP_THEME_CHANNEL, 'dark']]);
  });

  it('refuses a listener that is not a function', () => {
    expect(() => createDesktopBridge(fakeIpc()).onCommand('x')).toThrow('The listener must be a function');
  });
});
