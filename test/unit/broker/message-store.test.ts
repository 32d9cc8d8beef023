import { describe, expect, it } from 'vitest';
import type { QueueEntry } from '../../../electron/broker/message.js';
import { MessageStore } from '../../../electron/broker/message-store.js';

const msg = { exchange: '', routingKey: 'q', properties: {}, propertiesBytes: Buffer.from([0, 0]), body: Buffer.from('xyz') };
const entry = (seq: number, priority = 0): QueueEntry => ({ message: msg, seq, redelivered: false, expiresAt: 0, priority, bodySize: msg.body.length });

describe('MessageStore', () => {
  it('delivers in order and requeues to the original position', () => {
    const s = new MessageStore();
    const e = [1, 2, 3, 4, 5].map((n) => entry(n));
    e.forEach((x) => s.push(x));
    const taken = [s.shift()!, s.shift()!, s.shift()!];
    s.requeue(taken[2]!);
    s.requeue(taken[0]!);
    s.requeue(taken[1]!);
    const order: number[] = [];
    while (s.length > 0) order.push(s.shift()!.seq);
    expect(order).toEqual([1, 2, 3, 4, 5]);
  });

  it('inserts a requeued entry between later ones', () => {
    const s = new MessageStore();
    [1, 2, 3].forEach((n) => s.push(entry(n)));
    const first = s.shift()!;
    const second = s.shift()!;
    s.requeue(second);
    s.push(entry(4));
    s.requeue(first);
    expect([...Array(4)].map(() => s.shift()!.seq)).toEqual([1, 2, 3, 4]);
  });

  it('serves higher priorities first, oldest first within a priority', () => {
    const s = new MessageStore(5);
    s.push(entry(1, 1));
    s.push(entry(2, 5));
    s.push(entry(3, 0));
    s.push(entry(4, 5));
    s.push(entry(5, 9));
    expect([...Array(5)].map(() => s.shift()!.seq)).toEqual([2, 4, 5, 1, 3]);
  });

  it('counts messages and body bytes', () => {
    const s = new MessageStore();
    s.push(entry(1));
    s.push(entry(2));
    expect([s.length, s.bytes]).toEqual([2, 6]);
    s.shift();
    expect([s.length, s.bytes]).toEqual([1, 3]);
    expect(s.clear()).toHaveLength(1);
    expect([s.length, s.bytes]).toEqual([0, 0]);
  });
});
