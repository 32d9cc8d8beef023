import { describe, expect, it } from 'vitest';
import type { InventoryDelta } from '../../../shared/inventory/delta.js';
import { consoleReducer } from '../../../renderer/state/consoleReducer.js';
import { initialConsoleState, type ConsoleState } from '../../../renderer/state/consoleState.js';
import { inventory, profile, queue, session } from './support/fakeClient.js';

const base = (): ConsoleState => ({ ...initialConsoleState(), loaded: true });

const withSnapshot = (seq: number, queues = [queue('a'), queue('b')]): ConsoleState =>
  consoleReducer(base(), { type: 'snapshot/loaded', seq, inventory: inventory({ queues }) });

const delta = (seq: number, upsert = [queue('a', { ready: seq })], remove: string[] = []): InventoryDelta => ({
  seq,
  full: false,
  at: 0,
  queues: { upsert, remove },
});

describe('consoleReducer', () => {
  it('applies a delta whose seq follows the last one', () => {
    const state = consoleReducer(withSnapshot(4), { type: 'delta/received', delta: delta(5) });
    expect(state.seq).toBe(5);
    expect(state.inventory.queues.map((q) => [q.name, q.ready])).toEqual([
      ['a', 5],
      ['b', 0],
    ]);
    expect(state.needsSnapshot).toBe(false);
  });

  it('keeps row order stable across updates', () => {
    let state = withSnapshot(1, [queue('c'), queue('a'), queue('b')]);
    state = consoleReducer(state, { type: 'delta/received', delta: delta(2, [queue('a', { ready: 9 })]) });
    expect(state.inventory.queues.map((q) => q.name)).toEqual(['c', 'a', 'b']);
  });

  it('asks for a snapshot on a gap and does not apply the out-of-order delta', () => {
    const before = withSnapshot(4);
    const state = consoleReducer(before, { type: 'delta/received', delta: delta(7) });
    expect(state.needsSnapshot).toBe(true);
    expect(state.seq).toBe(4);
    expect(state.inventory).toBe(before.inventory);
    expect(state.pendingDeltas.map((d) => d.seq)).toEqual([7]);
  });

  it('applies deltas that arrived while waiting, on top of the snapshot', () => {
    let state = consoleReducer(withSnapshot(4), { type: 'delta/received', delta: delta(7) });
    state = consoleReducer(state, { type: 'delta/received', delta: delta(8, [queue('b', { ready: 8 })]) });
    state = consoleReducer(state, { type: 'snapshot/loaded', seq: 7, inventory: inventory({ queues: [queue('a', { ready: 70 }), queue('b')] }) });
    expect(state.seq).toBe(8);
    expect(state.needsSnapshot).toBe(false);
    expect(state.pendingDeltas).toEqual([]);
    expect(state.inventory.queues.map((q) => [q.name, q.ready])).toEqual([
      ['a', 70],
      ['b', 8],
    ]);
  });

  it('ignores a stale delta it has already applied', () => {
    const before = withSnapshot(4);
    expect(consoleReducer(before, { type: 'delta/received', delta: delta(3) })).toBe(before);
  });

  it('takes a full delta whatever its seq, replacing the inventory', () => {
    const full: InventoryDelta = { seq: 0, full: true, at: 0, queues: { upsert: [queue('z')], remove: [] } };
    const state = consoleReducer(withSnapshot(40), { type: 'delta/received', delta: full });
    expect(state.seq).toBe(0);
    expect(state.inventory.queues.map((q) => q.name)).toEqual(['z']);
    expect(state.inventory.exchanges).toEqual([]);
  });

  it('removes rows named in a delta', () => {
    const state = consoleReducer(withSnapshot(1), { type: 'delta/received', delta: delta(2, [], [queue('a').key]) });
    expect(state.inventory.queues.map((q) => q.name)).toEqual(['b']);
  });

  it('buffers deltas before the first snapshot instead of applying them to nothing', () => {
    const state = consoleReducer(base(), { type: 'delta/received', delta: delta(3) });
    expect(state.seq).toBeNull();
    expect(state.needsSnapshot).toBe(true);
  });

  it('ignores an older snapshot when a newer full delta already arrived', () => {
    const full: InventoryDelta = { seq: 10, full: true, at: 0, queues: { upsert: [queue('new')], remove: [] } };
    const after = consoleReducer(base(), { type: 'delta/received', delta: full });
    expect(consoleReducer(after, { type: 'snapshot/loaded', seq: 9, inventory: inventory() })).toBe(after);
  });

  it('accepts any snapshot once one was requested (a restarted backend counts from 0)', () => {
    let state = consoleReducer(withSnapshot(50), { type: 'snapshot/requested' });
    state = consoleReducer(state, { type: 'snapshot/loaded', seq: 0, inventory: inventory({ queues: [queue('fresh')] }) });
    expect(state.seq).toBe(0);
    expect(state.inventory.queues.map((q) => q.name)).toEqual(['fresh']);
  });

  it('upserts and removes profiles', () => {
    let state = consoleReducer(base(), { type: 'profiles/loaded', profiles: [profile()] });
    state = consoleReducer(state, { type: 'profile/saved', profile: profile({ name: 'Renamed' }) });
    state = consoleReducer(state, { type: 'profile/saved', profile: profile({ id: 'p2', name: 'Second' }) });
    expect(state.profiles.map((p) => p.name)).toEqual(['Renamed', 'Second']);
    state = consoleReducer(state, { type: 'profile/removed', id: 'p1' });
    expect(state.profiles.map((p) => p.id)).toEqual(['p2']);
  });

  it('forgets the selected vhost when the session moves to another broker, not on status changes', () => {
    let state = consoleReducer({ ...base(), profiles: [profile()] }, { type: 'session/changed', session: session() });
    expect(state.vhost).toBeNull();
    state = consoleReducer(state, { type: 'vhost/selected', vhost: 'shop' });
    state = consoleReducer(state, { type: 'session/changed', session: session({ status: 'disconnected', error: 'refused' }) });
    expect(state.vhost).toBe('shop');
    state = consoleReducer(state, { type: 'session/changed', session: session({ profileId: 'p2' }) });
    expect(state.vhost).toBeNull();
  });

  it('keeps the last inventory when the session disconnects', () => {
    const before = withSnapshot(3);
    const state = consoleReducer(before, { type: 'session/changed', session: session({ status: 'disconnected', error: 'Connection refused' }) });
    expect(state.inventory).toBe(before.inventory);
  });

  it('starts on the vhost a profile’s URI names', () => {
    const shop = profile({ id: 'p2', amqpUri: 'amqp://localhost:5672/shop%2Fprod' });
    const state = consoleReducer({ ...base(), profiles: [profile(), shop] }, { type: 'session/changed', session: session({ profileId: 'p2' }) });
    expect(state.vhost).toBe('shop/prod');
  });
});
