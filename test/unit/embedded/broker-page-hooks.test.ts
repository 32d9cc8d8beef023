// @vitest-environment happy-dom
import { act, renderHook, waitFor } from '@testing-library/react';
import { createElement, type ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { type EmbeddedLogLine, EmbeddedSettings, type EmbeddedState } from '../../../shared/model/embedded.js';
import { useEmbeddedProfileSync } from '../../../renderer/broker/useEmbeddedProfileSync.js';
import { useLogTail } from '../../../renderer/broker/useEmbedded.js';
import { createConsoleStore, type ConsoleStore } from '../../../renderer/state/consoleStore.js';
import { StoreProvider } from '../../../renderer/state/StoreProvider.js';
import { FakeClient, profile, session } from '../renderer/support/fakeClient.js';

const line = (seq: number): EmbeddedLogLine => ({ seq, at: 0, level: 'info', source: 'broker', text: `line ${seq}` });
const wrapper = (store: ConsoleStore) => ({ children }: { children: ReactNode }) => createElement(StoreProvider, { store, children });

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
});

describe('the Broker page log tail', () => {
  it('starts from the backend tail, appends pushed lines, and fills a gap by asking for what it missed', async () => {
    const client = new FakeClient();
    const backendTail = [line(1), line(2)];
    client.handle('embedded.logs', ({ afterSeq }) => ({ lines: backendTail.filter((l) => l.seq > (afterSeq ?? 0)) }));
    const store = createConsoleStore(client);
    const { result } = renderHook(() => useLogTail(), { wrapper: wrapper(store) });
    await waitFor(() => expect(result.current.map((l) => l.seq)).toEqual([1, 2]));

    backendTail.push(line(3));
    act(() => client.emit('embedded.log', line(3)));
    expect(result.current.map((l) => l.seq)).toEqual([1, 2, 3]);

    // Lines 4 and 5 were dropped on the way (a congested socket): line 6 reveals the gap.
    backendTail.push(line(4), line(5), line(6));
    act(() => client.emit('embedded.log', line(6)));
    await waitFor(() => expect(result.current.map((l) => l.seq)).toEqual([1, 2, 3, 4, 5, 6]));
    expect(client.callsOf('embedded.logs')).toEqual([{ afterSeq: 0 }, { afterSeq: 3 }]);

    // A repeat is ignored.
    act(() => client.emit('embedded.log', line(6)));
    expect(result.current).toHaveLength(6);
  });
});

describe('the built-in profile appearing after the page loaded', () => {
  it('reads the profiles again once the embedded broker names a profile the page does not know', async () => {
    const client = new FakeClient();
    let profiles = [profile({ id: 'mine' })];
    client.handle('profiles.list', () => profiles);
    client.handle('session.state', () => session({ status: 'idle', profileId: null }));
    client.handle('inventory.snapshot', () => {
      throw new Error('not connected');
    });
    const store = createConsoleStore(client);
    cleanups.push(store.start());
    renderHook(() => useEmbeddedProfileSync(), { wrapper: wrapper(store) });
    await waitFor(() => expect(store.getState().loaded).toBe(true));
    expect(client.callsOf('profiles.list')).toHaveLength(1);

    profiles = [...profiles, profile({ id: 'embedded-broker', name: 'Embedded broker', builtIn: true })];
    const embedded: EmbeddedState = {
      status: 'running',
      reason: null,
      pid: 4242,
      amqpUrl: 'amqp://127.0.0.1:40001',
      httpUrl: 'http://127.0.0.1:40002',
      amqpPort: 40001,
      httpPort: 40002,
      portNote: null,
      startedAt: 0,
      rssBytes: null,
      dataDir: '/data/broker',
      restarts: 0,
      restartAt: null,
      profileId: 'embedded-broker',
      settings: EmbeddedSettings.parse({}),
    };
    act(() => client.emit('embedded.state', embedded));
    await waitFor(() => expect(store.getState().profiles.map((p) => p.id)).toEqual(['mine', 'embedded-broker']));

    // Known now: more states read nothing more.
    act(() => client.emit('embedded.state', embedded));
    expect(client.callsOf('profiles.list')).toHaveLength(2);
  });
});
