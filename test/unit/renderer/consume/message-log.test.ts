import { describe, expect, it } from 'vitest';
import { MessageLog } from '../../../../renderer/workbench/message-log.js';
import { message } from './messages.js';

const batch = (from: number, to: number, pendingEvery = 0) =>
  Array.from({ length: to - from + 1 }, (_, i) => message(from + i, `body ${from + i}`, { pending: pendingEvery > 0 && (from + i) % pendingEvery === 0 }));
const seqs = (list: readonly { seq: number }[]) => list.map((m) => m.seq);

describe('MessageLog', () => {
  it('keeps the newest `keep` messages, counting the dropped', () => {
    const log = new MessageLog(100);
    expect(log.append(batch(1, 80))).toEqual([]);
    const dropped = log.append(batch(81, 130));
    expect(dropped).toEqual(seqs(batch(1, 30)));
    expect(log.messages.length).toBe(100);
    expect(log.messages[0]?.seq).toBe(31);
    expect(log.dropped).toBe(30);
    expect(log.has(30)).toBe(false);
    expect(log.get(31)?.routingKey).toBe('order.31');
  });

  it('never drops a pending manual-ack message', () => {
    const log = new MessageLog(100);
    log.append(batch(1, 100, 10));
    log.append(batch(101, 150));
    expect(log.messages.length).toBe(100);
    expect(seqs(log.messages).slice(0, 5)).toEqual([10, 20, 30, 40, 50]);
    expect(log.messages.every((m, i, all) => i === 0 || (all[i - 1] as { seq: number }).seq < m.seq)).toBe(true);
    expect(log.dropped).toBe(50);
  });

  it('skips seqs it already holds, so a reloaded list and live events can overlap', () => {
    const log = new MessageLog(100);
    log.append(batch(1, 10));
    log.append(batch(5, 12));
    expect(seqs(log.messages)).toEqual(seqs(batch(1, 12)));
  });

  it('filters incrementally: a batch is tested message by message, once', () => {
    const log = new MessageLog(100);
    log.append(batch(1, 10));
    let tested = 0;
    log.setFilter((m) => {
      tested += 1;
      return m.seq % 2 === 0;
    });
    expect(tested).toBe(10);
    expect(seqs(log.visible)).toEqual([2, 4, 6, 8, 10]);
    log.append(batch(11, 14));
    expect(tested).toBe(14);
    expect(seqs(log.visible)).toEqual([2, 4, 6, 8, 10, 12, 14]);
    log.append(batch(15, 104));
    expect(log.visible[0]?.seq).toBe(6);
    log.setFilter(null);
    expect(log.visible).toBe(log.messages);
  });

  it('replaces only the messages that changed, in both views, keeping the others as they were', () => {
    const log = new MessageLog(100);
    log.append(batch(1, 5, 1));
    log.setFilter((m) => m.seq > 2);
    const before = log.messages;
    const version = log.version;
    log.update([3, 99], (m) => ({ ...m, pending: false }));
    expect(log.version).toBe(version + 1);
    expect(log.get(3)?.pending).toBe(false);
    expect(log.visible[0]?.pending).toBe(false);
    expect(log.messages[0]).toBe(before[0]);
    expect(log.messages[3]).toBe(before[3]);
    log.update([3], (m) => m);
    expect(log.version).toBe(version + 1);
  });

  it('tells subscribers about each change and empties on clear', () => {
    const log = new MessageLog(100);
    let calls = 0;
    const stop = log.subscribe(() => (calls += 1));
    log.append(batch(1, 3));
    log.clear();
    stop();
    log.append(batch(4, 5));
    expect(calls).toBe(2);
    expect(seqs(log.messages)).toEqual([4, 5]);
    expect(log.dropped).toBe(0);
  });
});
