// The read-ahead buffers of every queue of a broker. Each queue reading paged
// messages holds one window, but at most `max` exist: a queue that needs one
// when all are taken gets the least recently filled one, and the queue it was
// taken from reads its next window again. Without a cap, a thousand durable
// queues draining paged messages would hold 512 KiB each.

/** A holder is told when its buffer is taken from it. */
export interface WindowHolder {
  evicted(): void;
}

export class WindowPool {
  /** Insertion order is recency: the first holder is the least recently filled. */
  private readonly held = new Map<WindowHolder, Buffer>();

  constructor(readonly max: number, readonly size: number) {}

  /** `holder`'s buffer (taken from the least recently used holder when `max` are out), now the most recent. */
  take(holder: WindowHolder): Buffer {
    let b = this.held.get(holder);
    if (b !== undefined) {
      this.held.delete(holder);
    } else if (this.held.size >= this.max) {
      const [victim, victimBuffer] = this.held.entries().next().value!;
      this.held.delete(victim);
      victim.evicted();
      b = victimBuffer;
    } else {
      b = Buffer.allocUnsafeSlow(this.size);
    }
    this.held.set(holder, b);
    return b;
  }

  /** `holder` needs no buffer any more. */
  give(holder: WindowHolder): void {
    this.held.delete(holder);
  }

  get inUse(): number {
    return this.held.size;
  }
}
