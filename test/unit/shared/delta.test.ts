import { describe, expect, it } from 'vitest';
import { applyInventoryDelta, computeInventoryDelta, diffRows, InventoryDelta } from '../../../shared/inventory/delta.js';
import { emptyInventory, type Inventory, type QueueRow, rowKey } from '../../../shared/model/inventory.js';

const queue = (name: string, ready: number, vhost = '/'): QueueRow => ({
  key: rowKey(vhost, name),
  vhost,
  name,
  type: 'classic',
  state: 'running',
  durable: true,
  autoDelete: false,
  exclusive: false,
  ready,
  unacked: 0,
  total: ready,
  consumers: 0,
  publishRate: null,
  deliverRate: null,
  policy: null,
  arguments: { 'x-message-ttl': 1000 },
  badges: ['TTL'],
});

const withQueues = (queues: QueueRow[]): Inventory => ({ ...emptyInventory(), queues });

describe('diffRows', () => {
  it('reports only changed, added and removed rows', () => {
    const a = queue('a', 1);
    const b = queue('b', 2);
    const c = queue('c', 3);
    const d = diffRows([a, b, c], [a, { ...b, ready: 5, total: 5 }, queue('e', 0)]);
    expect(d.upsert.map((r) => r.name)).toEqual(['b', 'e']);
    expect(d.remove).toEqual([rowKey('/', 'c')]);
  });

  it('compares nested arguments by value, not identity', () => {
    const a = queue('a', 1);
    const copy = { ...a, arguments: { 'x-message-ttl': 1000 }, badges: ['TTL' as const] };
    expect(diffRows([a], [copy]).upsert).toEqual([]);
    const changed = { ...a, arguments: { 'x-message-ttl': 2000 } };
    expect(diffRows([a], [changed]).upsert).toEqual([changed]);
  });

  it('treats the same name in two vhosts as two rows', () => {
    const d = diffRows([queue('q', 1, '/')], [queue('q', 1, '/'), queue('q', 1, 'shop')]);
    expect(d.upsert.map((r) => r.vhost)).toEqual(['shop']);
  });
});

describe('computeInventoryDelta / applyInventoryDelta', () => {
  it('gives a full update when there is no previous inventory', () => {
    const next = withQueues([queue('a', 1)]);
    const delta = computeInventoryDelta(null, next, 1, 1000);
    expect(delta.full).toBe(true);
    expect(applyInventoryDelta(emptyInventory(), delta)).toEqual(next);
  });

  it('omits untouched collections and round-trips through apply', () => {
    const prev = withQueues([queue('a', 1), queue('b', 2), queue('c', 3)]);
    const next = withQueues([queue('a', 1), queue('b', 7), queue('d', 0)]);
    const delta = computeInventoryDelta(prev, next, 2, 2000);
    expect(delta.exchanges).toBeUndefined();
    expect(delta.overview).toBeUndefined();
    expect(InventoryDelta.parse(delta)).toEqual(delta);
    const applied = applyInventoryDelta(prev, delta);
    expect(applied.queues.map((q) => [q.name, q.ready])).toEqual([
      ['a', 1],
      ['b', 7],
      ['d', 0],
    ]);
  });

  it('keeps row order stable for updated rows', () => {
    const prev = withQueues([queue('z', 1), queue('a', 1)]);
    const next = withQueues([queue('a', 9), queue('z', 1)]);
    const applied = applyInventoryDelta(prev, computeInventoryDelta(prev, next, 2, 0));
    expect(applied.queues.map((q) => q.name)).toEqual(['z', 'a']);
  });

  it('is empty when nothing changed', () => {
    const inv = withQueues([queue('a', 1)]);
    const delta = computeInventoryDelta(inv, structuredClone(inv), 3, 0);
    expect(Object.keys(delta).sort()).toEqual(['at', 'full', 'seq']);
  });
});
