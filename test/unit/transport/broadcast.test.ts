import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ServerMessage } from '../../../shared/api/wire.js';
import { memoryLogger } from '../../../electron/backend/logger.js';
import { type EventSocket, createBroadcaster } from '../../../electron/web/broadcast.js';
import { fullInventoryDelta } from '../../../electron/web/host.js';
import { ApiError } from '../../../shared/api/errors.js';
import { InventoryDelta } from '../../../shared/inventory/delta.js';
import { emptyInventory } from '../../../shared/model/inventory.js';

class FakeSocket implements EventSocket {
  bufferedAmount = 0;
  readyState = 1;
  sent: ServerMessage[] = [];
  send(data: string) {
    this.sent.push(JSON.parse(data) as ServerMessage);
  }
  events() {
    return this.sent.map((m) => (m.type === 'event' ? `${m.event}#${(m.payload as { seq?: number; status?: string }).seq ?? (m.payload as { status: string }).status}` : m.type));
  }
}

const delta = (seq: number, full = false) => ({ seq, full, at: seq });
const fullResync = (seq: number): ServerMessage => ({ type: 'event', event: 'inventory.delta', payload: delta(seq, true) });

describe('the event broadcaster', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends every event to every open socket', () => {
    const b = createBroadcaster({ log: memoryLogger(), resync: async () => null });
    const one = new FakeSocket();
    const two = new FakeSocket();
    const closing = new FakeSocket();
    closing.readyState = 2;
    [one, two, closing].forEach((s) => b.add(s));
    b.publish('inventory.delta', delta(1));
    b.publish('session.state', { status: 'connected' });
    expect(one.events()).toEqual(['inventory.delta#1', 'session.state#connected']);
    expect(two.events()).toEqual(one.events());
    expect(closing.sent).toEqual([]);
    b.remove(two);
    b.publish('inventory.delta', delta(2));
    expect(two.events()).toHaveLength(2);
    b.close();
  });

  it('drops deltas for a congested socket, keeps the latest other events, and resyncs it once it drains', async () => {
    vi.useFakeTimers();
    const log = memoryLogger();
    const resync = vi.fn(async () => fullResync(4));
    const b = createBroadcaster({ log, resync, highWaterBytes: 1000, lowWaterBytes: 100, recheckMs: 50 });
    const slow = new FakeSocket();
    const fast = new FakeSocket();
    b.add(slow);
    b.add(fast);

    slow.bufferedAmount = 5000;
    b.publish('inventory.delta', delta(1));
    b.publish('session.state', { status: 'connecting' });
    b.publish('inventory.delta', delta(2));
    b.publish('session.state', { status: 'connected' });
    expect(slow.sent).toEqual([]);
    expect(fast.events()).toEqual(['inventory.delta#1', 'session.state#connecting', 'inventory.delta#2', 'session.state#connected']);
    expect(log.lines.join('\n')).toContain('socket congested');

    slow.bufferedAmount = 500; // below high water but not yet below low water: still held
    await vi.advanceTimersByTimeAsync(60);
    expect(slow.sent).toEqual([]);

    slow.bufferedAmount = 0;
    await vi.advanceTimersByTimeAsync(60);
    expect(slow.events()).toEqual(['session.state#connected', 'inventory.delta#4']);
    expect(resync).toHaveBeenCalledTimes(1);

    b.publish('inventory.delta', delta(5));
    expect(slow.events().at(-1)).toBe('inventory.delta#5');
    b.close();
  });

  it('sends deltas published during the resync after it, when they are newer', async () => {
    vi.useFakeTimers();
    let finish: (m: ServerMessage) => void = () => undefined;
    const b = createBroadcaster({ log: memoryLogger(), resync: () => new Promise((resolve) => (finish = resolve)), highWaterBytes: 10, lowWaterBytes: 5, recheckMs: 10 });
    const slow = new FakeSocket();
    b.add(slow);
    slow.bufferedAmount = 100;
    b.publish('inventory.delta', delta(1));
    slow.bufferedAmount = 0;
    await vi.advanceTimersByTimeAsync(20);
    b.publish('inventory.delta', delta(2)); // already in the snapshot
    b.publish('inventory.delta', delta(3)); // newer than the snapshot
    finish(fullResync(2));
    await vi.advanceTimersByTimeAsync(0);
    expect(slow.events()).toEqual(['inventory.delta#2', 'inventory.delta#3']);
    expect((slow.sent[0] as { payload: { full: boolean } }).payload.full).toBe(true);
    b.close();
  });

  it('skips the resync when there is nothing to resync', async () => {
    vi.useFakeTimers();
    const b = createBroadcaster({ log: memoryLogger(), resync: async () => null, highWaterBytes: 10, lowWaterBytes: 5, recheckMs: 10 });
    const slow = new FakeSocket();
    b.add(slow);
    slow.bufferedAmount = 100;
    b.publish('inventory.delta', delta(1));
    slow.bufferedAmount = 0;
    await vi.advanceTimersByTimeAsync(20);
    expect(slow.sent).toEqual([]);
    b.publish('inventory.delta', delta(2));
    expect(slow.events()).toEqual(['inventory.delta#2']);
    b.close();
  });
});

describe('the resync a drained socket gets', () => {
  const backendAnswering = (dispatch: () => Promise<unknown>) => ({ dispatch, subscribe: () => () => undefined, close: async () => undefined });

  it('is the whole snapshot as one full inventory delta with the snapshot seq', async () => {
    const message = await fullInventoryDelta(backendAnswering(async () => ({ seq: 41, inventory: emptyInventory() })));
    expect(message).toMatchObject({ type: 'event', event: 'inventory.delta', payload: { seq: 41, full: true, queues: { upsert: [], remove: [] } } });
    expect(InventoryDelta.safeParse((message as { payload: unknown }).payload).success).toBe(true);
  });

  it('is nothing while no broker is connected, and an error otherwise', async () => {
    expect(await fullInventoryDelta(backendAnswering(async () => Promise.reject(new ApiError('not_connected', 'no broker'))))).toBeNull();
    await expect(fullInventoryDelta(backendAnswering(async () => Promise.reject(new ApiError('internal', 'boom'))))).rejects.toThrow('boom');
  });
});
