import { describe, expect, it } from 'vitest';
import { ConfirmBatcher } from '../../../electron/broker/publisher-confirms.js';

const tick = () => new Promise<void>((r) => queueMicrotask(r));

describe('ConfirmBatcher', () => {
  it('sends one ack with multiple=true for acks settled in the same tick', async () => {
    const sent: unknown[] = [];
    const b = new ConfirmBatcher((...a) => sent.push(a));
    b.ack(1);
    b.ack(2);
    b.ack(3);
    expect(sent).toEqual([]);
    await tick();
    expect(sent).toEqual([['basic.ack', 3, true]]);
    b.ack(4);
    await tick();
    expect(sent).toEqual([['basic.ack', 3, true], ['basic.ack', 4, false]]);
  });

  it('flushes pending acks before a nack, keeping the order', async () => {
    const sent: unknown[] = [];
    const b = new ConfirmBatcher((...a) => sent.push(a));
    b.ack(1);
    b.ack(2);
    b.nack(3);
    b.ack(4);
    await tick();
    expect(sent).toEqual([['basic.ack', 2, true], ['basic.nack', 3, false], ['basic.ack', 4, false]]);
  });
});
