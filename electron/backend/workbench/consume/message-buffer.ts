import { createSeqHeap } from './seq-heap.js';

export interface Buffered {
  readonly seq: number;
  /** A manual-ack delivery not yet settled: the broker still holds it for us, so it is never dropped. */
  pending: boolean;
}

export interface MessageBuffer<T extends Buffered> {
  /** The seq the next message gets (from 1). */
  nextSeq(): number;
  /** Adds a message; returns those dropped to stay within `keep` (oldest not pending first). */
  add(entry: T): T[];
  get(seq: number): T | undefined;
  /** Marks a pending message settled; it may then be dropped, and the dropped ones are returned. */
  unpin(seq: number): T[];
  /** Oldest first, after `afterSeq`. */
  list(afterSeq?: number, limit?: number): T[];
  pendingEntries(): T[];
  readonly size: number;
  readonly dropped: number;
  readonly pending: number;
  /** Forgets everything; returns what it held. */
  clear(): T[];
}

/**
 * The messages a consumer keeps, at most `keep` of them: beyond that the oldest message that is
 * not pending is dropped and counted. Pending ones are pinned, so the list can exceed `keep`
 * by as many messages as the broker has delivered unacked. Every operation but list is
 * O(log n) or better, so 20,000 deliveries a second stay cheap however long the list is.
 */
export function createMessageBuffer<T extends Buffered>(keep: number): MessageBuffer<T> {
  // A Map iterates in insertion order, which is seq order: seqs only grow.
  const entries = new Map<number, T>();
  // Seqs of the entries that may be dropped, oldest on top.
  const droppable = createSeqHeap();
  let seq = 0;
  let dropped = 0;
  let pending = 0;

  const trim = (): T[] => {
    const out: T[] = [];
    while (entries.size > keep && droppable.size > 0) {
      const oldest = droppable.pop() as number;
      const entry = entries.get(oldest);
      if (!entry) continue;
      entries.delete(oldest);
      dropped += 1;
      out.push(entry);
    }
    return out;
  };

  return {
    nextSeq: () => ++seq,
    add(entry) {
      entries.set(entry.seq, entry);
      if (entry.pending) pending += 1;
      else droppable.push(entry.seq);
      return trim();
    },
    get: (s) => entries.get(s),
    unpin(s) {
      const entry = entries.get(s);
      if (!entry || !entry.pending) return [];
      entry.pending = false;
      pending -= 1;
      droppable.push(s);
      return trim();
    },
    list(afterSeq = 0, limit = Number.POSITIVE_INFINITY) {
      const out: T[] = [];
      for (const entry of entries.values()) {
        if (out.length >= limit) break;
        if (entry.seq > afterSeq) out.push(entry);
      }
      return out;
    },
    pendingEntries() {
      const out: T[] = [];
      if (pending === 0) return out;
      for (const entry of entries.values()) if (entry.pending) out.push(entry);
      return out;
    },
    get size() {
      return entries.size;
    },
    get dropped() {
      return dropped;
    },
    get pending() {
      return pending;
    },
    clear() {
      const all = [...entries.values()];
      entries.clear();
      droppable.clear();
      pending = 0;
      return all;
    },
  };
}
