import { describe, expect, it } from 'vitest';
import { createMessageBuffer } from '../../../../electron/backend/workbench/consume/message-buffer.js';

interface Entry {
  seq: number;
  pending: boolean;
}

const fill = (keep: number, pendings: boolean[]) => {
  const buffer = createMessageBuffer<Entry>(keep);
  const dropped: number[] = [];
  for (const pending of pendings) for (const d of buffer.add({ seq: buffer.nextSeq(), pending })) dropped.push(d.seq);
  return { buffer, dropped };
};
const seqs = (entries: Entry[]) => entries.map((e) => e.seq);

describe('message buffer', () => {
  it('keeps the newest `keep` messages, dropping and counting the oldest', () => {
    const { buffer, dropped } = fill(3, [false, false, false, false, false]);
    expect(seqs(buffer.list())).toEqual([3, 4, 5]);
    expect(dropped).toEqual([1, 2]);
    expect(buffer.dropped).toBe(2);
  });

  it('never drops a pending message: the oldest one not pending goes instead', () => {
    const { buffer } = fill(3, [true, false, true, false, false, false]);
    expect(seqs(buffer.list())).toEqual([1, 3, 6]);
    expect(buffer.pending).toBe(2);
    expect(buffer.dropped).toBe(3);
  });

  it('grows past `keep` while everything is pending, and shrinks back as messages are settled, oldest first', () => {
    const { buffer } = fill(2, [true, true, true, true]);
    expect(buffer.size).toBe(4);
    expect(seqs(buffer.unpin(3))).toEqual([3]);
    expect(seqs(buffer.unpin(1))).toEqual([1]);
    expect(seqs(buffer.list())).toEqual([2, 4]);
    expect(buffer.pending).toBe(2);
    // A settled message older than the rest is the next to go.
    buffer.unpin(2);
    expect(seqs(buffer.add({ seq: buffer.nextSeq(), pending: false }))).toEqual([2]);
  });

  it('unpinning twice or an unknown seq changes nothing', () => {
    const { buffer } = fill(5, [true]);
    buffer.unpin(1);
    buffer.unpin(1);
    buffer.unpin(42);
    expect(buffer.pending).toBe(0);
    expect(buffer.size).toBe(1);
  });

  it('lists after a seq, with a limit, and finds pending entries', () => {
    const { buffer } = fill(10, [false, true, false, true, false]);
    expect(seqs(buffer.list(2, 2))).toEqual([3, 4]);
    expect(seqs(buffer.pendingEntries())).toEqual([2, 4]);
    expect(buffer.get(4)?.pending).toBe(true);
  });

  it('stays cheap with many pending messages in front (no scan per delivery)', () => {
    const buffer = createMessageBuffer<Entry>(10_000);
    const started = performance.now();
    for (let i = 0; i < 10_000; i++) buffer.add({ seq: buffer.nextSeq(), pending: true });
    for (let i = 0; i < 100_000; i++) buffer.add({ seq: buffer.nextSeq(), pending: false });
    expect(buffer.size).toBe(10_000);
    expect(buffer.pending).toBe(10_000);
    // 100,000 deliveries past 10,000 pinned ones: a scan per delivery would take seconds.
    expect(performance.now() - started).toBeLessThan(1500);
  });

  it('clear returns everything and starts over', () => {
    const { buffer } = fill(3, [true, false]);
    expect(seqs(buffer.clear())).toEqual([1, 2]);
    expect(buffer.size).toBe(0);
    expect(buffer.pending).toBe(0);
  });
});
