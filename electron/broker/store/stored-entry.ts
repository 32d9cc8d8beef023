// A queue entry whose message is in the queue's segment files. Its message may
// be paged out (dropped from memory) while the entry waits in the ready list;
// the entry then keeps only what the queue needs without the body (order,
// redelivery, expiry, priority, body size) and where the record is, and
// `message` reads the record back. One flat object per entry, no separate
// reference object: a million paged entries cost about 100 bytes each.
import type { Message, QueueEntry } from '../message.js';

/** Reads a stored entry's record back from its segment. */
export interface RecordReader {
  read(entry: StoredEntry): Message;
}

export class StoredEntry implements QueueEntry {
  /** Bytes charged to the memory budget: nonzero exactly while it is resident in a ready list. */
  charged = 0;

  constructor(
    readonly reader: RecordReader,
    readonly segment: number,
    /** Byte offset of the record in the segment. */
    readonly offset: number,
    readonly seq: number,
    public redelivered: boolean,
    readonly expiresAt: number,
    readonly priority: number,
    readonly bodySize: number,
    /** The message while it is in memory; null while paged out. */
    public resident: Message | null,
  ) {}

  /** Read back on first use once paged out, and kept while the entry is delivered and unacknowledged. */
  get message(): Message {
    return (this.resident ??= this.reader.read(this));
  }
}
