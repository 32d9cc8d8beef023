// Ready messages of a queue, in delivery order. Requeued entries return to
// their original position (by enqueue sequence), as RabbitMQ's classic queues
// do. Priority queues keep one ordered list per priority level.
import type { QueueEntry } from './message.js';

/** A deque ordered by `seq`, with cheap push at the tail and requeue near the head. */
class OrderedDeque {
  private items: (QueueEntry | undefined)[] = [];
  private head = 0;

  get length(): number {
    return this.items.length - this.head;
  }

  peek(): QueueEntry | undefined {
    return this.items[this.head];
  }

  push(e: QueueEntry): void {
    this.items.push(e);
  }

  shift(): QueueEntry | undefined {
    if (this.head >= this.items.length) return undefined;
    const e = this.items[this.head];
    this.items[this.head++] = undefined;
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return e;
  }

  /** Inserts by seq; requeues usually land at the head, which costs nothing. */
  insert(e: QueueEntry): void {
    const first = this.items[this.head];
    if (first === undefined || e.seq < first.seq) {
      if (this.head > 0) this.items[--this.head] = e;
      else this.items.unshift(e);
      return;
    }
    let lo = this.head;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.items[mid]!.seq < e.seq) lo = mid + 1;
      else hi = mid;
    }
    this.items.splice(lo, 0, e);
  }

  *[Symbol.iterator](): IterableIterator<QueueEntry> {
    for (let i = this.head; i < this.items.length; i++) yield this.items[i]!;
  }

  clear(): QueueEntry[] {
    const all = [...this];
    this.items = [];
    this.head = 0;
    return all;
  }
}

/** Told of every entry entering and leaving the ready list: the store keeps its memory budget by it (electron/broker/store). */
export interface ReadyListener {
  entered(e: QueueEntry): void;
  left(e: QueueEntry): void;
}

export class MessageStore {
  /** Index = priority level; a non-priority queue has a single level. */
  private readonly levels: OrderedDeque[];
  private count = 0;
  private byteCount = 0;
  listener: ReadyListener | null = null;

  constructor(maxPriority = 0) {
    this.levels = Array.from({ length: maxPriority + 1 }, () => new OrderedDeque());
  }

  get length(): number {
    return this.count;
  }

  /** Sum of body sizes of ready messages (what x-max-length-bytes limits). */
  get bytes(): number {
    return this.byteCount;
  }

  private level(e: QueueEntry): OrderedDeque {
    return this.levels[Math.min(e.priority, this.levels.length - 1)]!;
  }

  push(e: QueueEntry): void {
    this.level(e).push(e);
    this.count++;
    this.byteCount += e.bodySize;
    this.listener?.entered(e);
  }

  requeue(e: QueueEntry): void {
    this.level(e).insert(e);
    this.count++;
    this.byteCount += e.bodySize;
    this.listener?.entered(e);
  }

  /** The next entry to deliver: highest priority first, then oldest. */
  peek(): QueueEntry | undefined {
    for (let p = this.levels.length - 1; p >= 0; p--) {
      const e = this.levels[p]!.peek();
      if (e) return e;
    }
    return undefined;
  }

  shift(): QueueEntry | undefined {
    for (let p = this.levels.length - 1; p >= 0; p--) {
      const level = this.levels[p]!;
      if (level.length > 0) {
        const e = level.shift()!;
        this.count--;
        this.byteCount -= e.bodySize;
        this.listener?.left(e);
        return e;
      }
    }
    return undefined;
  }

  /** Every ready entry in delivery order (highest priority first, then oldest), leaving the list as it is. */
  *inDeliveryOrder(): IterableIterator<QueueEntry> {
    for (let p = this.levels.length - 1; p >= 0; p--) yield* this.levels[p]!;
  }

  /** Heads of every level: where expired messages are looked for, as RabbitMQ only expires at the head. */
  heads(): QueueEntry[] {
    const out: QueueEntry[] = [];
    for (const l of this.levels) {
      const e = l.peek();
      if (e) out.push(e);
    }
    return out;
  }

  /** Removes the head of the level holding `e` (which must be a head). */
  removeHead(e: QueueEntry): void {
    const level = this.level(e);
    if (level.peek() !== e) throw new Error('removeHead: entry is not at the head of its level');
    level.shift();
    this.count--;
    this.byteCount -= e.bodySize;
    this.listener?.left(e);
  }

  clear(): QueueEntry[] {
    const all = this.levels.flatMap((l) => l.clear());
    this.count = 0;
    this.byteCount = 0;
    if (this.listener) for (const e of all) this.listener.left(e);
    return all;
  }
}
