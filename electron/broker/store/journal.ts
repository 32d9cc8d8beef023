// Persistent messages (delivery_mode 2) of durable queues, after LavinMQ and
// RabbitMQ's classic queues v2: per queue, append-only segment files of
// CRC-checked message records, and beside each segment an acks file of small
// records saying which messages were delivered and which are gone. A segment
// whose messages are all gone is deleted. Group commit: message records are
// buffered, written and fdatasync'ed once per batch (one event-loop turn, or
// while the previous fsync runs), and every afterSync() waiting on that batch
// runs when its fsync is done. Beyond a broker-wide memory budget, entries
// are paged out and their messages read back on delivery (memory-budget.ts,
// stored-entry.ts, read-window.ts). Format: docs/storage.md.
import { createHash } from 'node:crypto';
import { closeSync, existsSync, fdatasync, fstatSync, fsyncSync, ftruncateSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { BrokerLogger } from '../logger.js';
import type { Message, QueueEntry } from '../message.js';
import type { Queue, QueueJournal } from '../queue.js';
import { DEFAULT_MESSAGE_MEMORY_BUDGET, MemoryBudget, messageCost } from './memory-budget.js';
import { MessageArena } from './message-arena.js';
import { READ_AHEAD_BYTES, ReadWindow } from './read-window.js';
import { decodePayload, encodeRecord, RECORD_HEADER, scanSegment, summarizePayload } from './record.js';
import { StoredEntry, type RecordReader } from './stored-entry.js';
import { WindowPool } from './window-pool.js';

export const QUEUES_DIR = 'queues';
export const ACK_RECORD = 5;
export const ACK_DELIVERED = 1;
export const ACK_REMOVED = 2;
const DEFAULT_SEGMENT_BYTES = 8 * 1024 * 1024;
/** Read-ahead windows in use at once across the broker's queues (16 × 512 KiB). */
const MAX_WINDOWS = 16;

export type SyncFn = (fd: number, done: (err: NodeJS.ErrnoException | null) => void) => void;

export interface JournalOptions {
  /** A segment takes new records until it is this big (default 8 MiB). */
  segmentBytes?: number;
  /** How a batch is made durable (default fs.fdatasync). */
  sync?: SyncFn;
  /** Bytes of stored messages kept in memory across all queues; beyond it entries are paged out (default 16 MiB). */
  messageMemoryBudget?: number;
}

/** The directory of a queue's files: a hash of vhost and name, so any name is a safe file name. */
export function queueDirName(vhost: string, name: string): string {
  return createHash('sha1').update(vhost).update('\0').update(name).digest('hex');
}

const segmentName = (no: number, ext: 'msgs' | 'acks') => `${String(no).padStart(8, '0')}.${ext}`;

class Segment {
  msgFd = -1;
  ackFd = -1;
  size = 0;
  /** Bytes in the file (size less what is still buffered). */
  written = 0;
  /** Written since the last fsync: the next group commit syncs it. */
  unsynced = false;
  records = 0;
  removed = 0;
  deleted = false;
  pendingMsgs: Buffer[] = [];
  /** Pairs of (kind, offset). */
  pendingAcks: number[] = [];

  constructor(readonly no: number, readonly msgPath: string, readonly ackPath: string) {}
}

/** One durable queue's files. */
class QueueLog implements QueueJournal, RecordReader {
  private readonly segments = new Map<number, Segment>();
  private current: Segment | undefined;
  private dropped = false;
  /** Number of the next segment to create (after the last one on disk). */
  private nextNo = 1;
  private readonly window: ReadWindow;
  /** Segments whose messages are all gone, deleted at the next group commit: a message just removed may still be read in this turn (dead-lettered, handed to basic.get). */
  private readonly emptied = new Set<Segment>();
  /** Entries in the ready list whose message is paged out, and their body bytes. */
  pagedMessages = 0;
  pagedBytes = 0;

  constructor(private readonly journal: Journal, readonly dir: string, private readonly queue: Queue) {
    this.window = new ReadWindow(journal.windows, () => journal.reads++);
  }

  private segment(no: number): Segment {
    return new Segment(no, join(this.dir, segmentName(no, 'msgs')), join(this.dir, segmentName(no, 'acks')));
  }

  /** Reads every segment and hands the live messages to the queue, in order; damage is cut or skipped and logged. */
  load(): void {
    mkdirSync(this.dir, { recursive: true });
    const numbers = readdirSync(this.dir)
      .filter((f) => /^\d{8}\.msgs$/.test(f))
      .map((f) => Number(f.slice(0, 8)))
      .sort((a, b) => a - b);
    let restored = 0;
    for (const no of numbers) restored += this.loadSegment(no);
    if (numbers.length > 0) {
      this.journal.logger.log('info', 'store.queue_restored', { queue: this.queue.resource, messages: restored, pagedOut: this.pagedMessages, segments: numbers.length });
    }
    this.nextNo = (numbers.at(-1) ?? 0) + 1;
  }

  private loadSegment(no: number): number {
    const seg = this.segment(no);
    const path = seg.msgPath;
    const buf = this.journal.readWhole(path);
    const scan = scanSegment(buf);
    const log = this.journal.logger;
    if (scan.tornAt !== undefined) {
      const fd = openSync(path, 'r+');
      try {
        ftruncateSync(fd, scan.tornAt);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      log.log('warn', 'store.torn_tail_cut', { queue: this.queue.resource, file: path, offset: scan.tornAt, bytesCut: buf.length - scan.tornAt });
    }
    if (scan.damaged.length > 0) {
      log.log('error', 'store.corrupt_records_skipped', {
        queue: this.queue.resource, file: path, damagedStretches: scan.damaged.length,
        lostBytes: scan.damaged.reduce((n, d) => n + d.bytes, 0), offsets: scan.damaged.map((d) => d.offset), intactRecords: scan.offsets.length,
      });
    }
    const delivered = new Set<number>();
    const removed = new Set<number>();
    if (existsSync(seg.ackPath)) {
      const acks = readFileSync(seg.ackPath);
      const whole = acks.length - (acks.length % ACK_RECORD);
      for (let o = 0; o < whole; o += ACK_RECORD) (acks[o] === ACK_REMOVED ? removed : delivered).add(acks.readUInt32BE(o + 1));
    }
    seg.size = seg.written = scan.tornAt ?? buf.length;
    seg.records = scan.offsets.length;
    this.segments.set(no, seg);
    let live = 0;
    for (let i = 0; i < scan.offsets.length; i++) {
      const offset = scan.offsets[i]!;
      const end = scan.ends[i]!;
      if (removed.has(offset)) {
        seg.removed++;
        continue;
      }
      const start = offset + RECORD_HEADER;
      let entry: StoredEntry;
      try {
        // Restored paged out: only the fields the queue needs are read, no message is decoded.
        const summary = summarizePayload(buf, start, end);
        entry = new StoredEntry(this, no, offset, this.queue.nextSeq(), delivered.has(offset), summary.expiresAt, summary.priority, summary.bodySize, null);
      } catch (err) {
        seg.removed++;
        log.log('error', 'store.undecodable_record_skipped', { queue: this.queue.resource, file: path, offset, error: err });
        continue;
      }
      this.queue.restore(entry);
      live++;
    }
    this.collect(seg);
    return live;
  }

  append(message: Message, seq: number, expiresAt: number, priority: number): QueueEntry {
    if (this.dropped) return { message, seq, redelivered: false, expiresAt, priority, bodySize: message.body.length };
    let seg = this.current;
    if (seg === undefined || seg.size >= this.journal.segmentBytes) {
      const previous = seg;
      seg = this.segment(this.nextNo++);
      this.segments.set(seg.no, seg);
      this.current = seg;
      if (previous) this.collect(previous);
    }
    const entry = new StoredEntry(this, seg.no, seg.size, seq, false, expiresAt, priority, message.body.length, message);
    const record = encodeRecord(message, expiresAt, priority);
    seg.size += record.length;
    seg.records++;
    seg.pendingMsgs.push(record);
    this.journal.dirty(this);
    return entry;
  }

  entered(entry: QueueEntry): void {
    if (!(entry instanceof StoredEntry)) return;
    if (entry.resident === null) {
      this.pagedMessages++;
      this.pagedBytes += entry.bodySize;
      return;
    }
    entry.charged = messageCost(entry.resident);
    this.journal.budget.used += entry.charged;
  }

  left(entry: QueueEntry): void {
    if (!(entry instanceof StoredEntry)) return;
    if (entry.charged === 0) {
      this.pagedMessages--;
      this.pagedBytes -= entry.bodySize;
      return;
    }
    this.journal.budget.used -= entry.charged;
    entry.charged = 0;
  }

  /**
   * An entry that stays in the ready list while the budget is spent gives up its message: the newest entries are
   * paged first. One that stays in memory moves its bytes to the arena.
   */
  settle(entry: QueueEntry): void {
    if (!(entry instanceof StoredEntry) || entry.charged === 0) return;
    if (!this.journal.budget.exceeded) {
      entry.resident = this.journal.arena.keep(entry.resident!);
      return;
    }
    this.journal.budget.used -= entry.charged;
    entry.charged = 0;
    entry.resident = null;
    this.pagedMessages++;
    this.pagedBytes += entry.bodySize;
  }

  /** A paged-out entry's message, from the read-ahead window (a record still buffered is written out first). */
  read(entry: StoredEntry): Message {
    const seg = this.segments.get(entry.segment);
    if (seg === undefined) throw new Error(`store: segment ${entry.segment} of ${this.queue.resource} is gone while it holds a message`);
    if (entry.offset >= seg.written) {
      this.writeMessages(seg);
      this.journal.dirty(this);
    }
    const view = this.window.payload(seg.no, seg.msgPath, entry.offset);
    if (view === undefined) throw new Error(`store: the record at ${seg.msgPath}:${entry.offset} (${this.queue.resource}) is damaged`);
    const { message } = decodePayload(view.b, view.start, view.end);
    if (this.pagedMessages === 0) this.window.release();
    return message;
  }

  peek(entry: QueueEntry): Message | undefined {
    if (!(entry instanceof StoredEntry) || entry.resident !== null) return entry.message;
    try {
      return this.read(entry);
    } catch {
      return undefined;
    }
  }

  readable(entry: QueueEntry): boolean {
    if (!(entry instanceof StoredEntry) || entry.resident !== null) return true;
    try {
      void entry.message;
      return true;
    } catch (err) {
      this.journal.logger.log('error', 'store.unreadable_record_dropped', {
        queue: this.queue.resource, segment: entry.segment, offset: entry.offset, bodyBytes: entry.bodySize, error: err,
      });
      return false;
    }
  }

  delivered(entry: QueueEntry): void {
    this.mark(entry, ACK_DELIVERED);
  }

  removed(entry: QueueEntry): void {
    const seg = this.mark(entry, ACK_REMOVED);
    if (seg && ++seg.removed >= seg.records) this.emptied.add(seg);
  }

  private mark(entry: QueueEntry, kind: number): Segment | undefined {
    if (this.dropped || !(entry instanceof StoredEntry)) return undefined;
    const seg = this.segments.get(entry.segment);
    if (seg === undefined || seg.deleted) return undefined;
    seg.pendingAcks.push(kind, entry.offset);
    this.journal.dirty(this);
    return seg;
  }

  /** A segment no longer written to whose messages are all gone: both files are deleted. */
  private collect(seg: Segment): void {
    if (seg === this.current || seg.removed < seg.records || seg.deleted) return;
    seg.deleted = true;
    this.segments.delete(seg.no);
    seg.pendingMsgs = [];
    seg.pendingAcks = [];
    this.journal.closeFd(seg.msgFd);
    this.journal.closeFd(seg.ackFd);
    this.window.forget(seg.msgPath);
    rmSync(seg.msgPath, { force: true });
    rmSync(seg.ackPath, { force: true });
  }

  /** Writes a segment's buffered records (not fsynced: the next group commit does it). */
  private writeMessages(seg: Segment): void {
    if (seg.pendingMsgs.length === 0) return;
    if (seg.msgFd < 0) seg.msgFd = openSync(seg.msgPath, 'a');
    seg.written += writeAll(seg.msgFd, seg.pendingMsgs);
    seg.pendingMsgs = [];
    seg.unsynced = true;
  }

  /** Writes what is buffered; returns the message files written since their last fsync (they need one before the confirms). */
  writePending(): number[] {
    const written: number[] = [];
    if (this.dropped) return written;
    for (const seg of this.emptied) this.collect(seg);
    this.emptied.clear();
    for (const seg of this.segments.values()) {
      this.writeMessages(seg);
      if (seg.unsynced) {
        seg.unsynced = false;
        written.push(seg.msgFd);
      }
      if (seg.pendingAcks.length > 0) {
        if (seg.ackFd < 0) seg.ackFd = openSync(seg.ackPath, 'a');
        const b = Buffer.allocUnsafe((seg.pendingAcks.length / 2) * ACK_RECORD);
        for (let i = 0, o = 0; i < seg.pendingAcks.length; i += 2, o += ACK_RECORD) {
          b[o] = seg.pendingAcks[i]!;
          b.writeUInt32BE(seg.pendingAcks[i + 1]!, o + 1);
        }
        writeAll(seg.ackFd, [b]);
        seg.pendingAcks = [];
      }
    }
    return written;
  }

  /** The queue was deleted: its files go with it. */
  drop(): void {
    if (this.dropped) return;
    this.dropped = true;
    for (const seg of this.segments.values()) {
      this.journal.closeFd(seg.msgFd);
      this.journal.closeFd(seg.ackFd);
    }
    this.segments.clear();
    this.window.release();
    this.journal.forget(this);
    rmSync(this.dir, { recursive: true, force: true });
  }

  afterSync(done: () => void): void {
    this.journal.afterSync(done);
  }

  closeAll(): void {
    for (const seg of this.segments.values()) {
      if (seg.msgFd >= 0) {
        fsyncSync(seg.msgFd);
        closeSync(seg.msgFd);
      }
      if (seg.ackFd >= 0) closeSync(seg.ackFd);
      seg.msgFd = seg.ackFd = -1;
    }
    this.window.release();
  }
}

/** Writes every byte of `parts`; returns how many. */
function writeAll(fd: number, parts: Buffer[]): number {
  const b = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
  let off = 0;
  while (off < b.length) off += writeSync(fd, b, off, b.length - off);
  return b.length;
}

/** All durable queues' logs of one data directory, with the group commit they share. */
export class Journal {
  readonly segmentBytes: number;
  /** Shared by every queue of the broker. */
  readonly budget: MemoryBudget;
  readonly arena = new MessageArena();
  readonly windows = new WindowPool(MAX_WINDOWS, READ_AHEAD_BYTES);
  private readonly sync: SyncFn;
  private readonly logs = new Map<Queue, QueueLog>();
  private readonly dirtyLogs = new Set<QueueLog>();
  private waiters: (() => void)[] = [];
  private scheduled = false;
  private syncing = false;
  private closeAfterSync: number[] = [];
  private idle: (() => void) | undefined;
  private closed = false;
  /** fsync rounds so far (each serves every confirm waiting on it). */
  syncs = 0;
  /** File reads of paged-out messages so far (each serves a whole read-ahead window). */
  reads = 0;
  private loadBuffer: Buffer | undefined;

  constructor(readonly dir: string, readonly logger: BrokerLogger, options: JournalOptions = {}) {
    this.segmentBytes = options.segmentBytes ?? DEFAULT_SEGMENT_BYTES;
    this.sync = options.sync ?? fdatasync;
    this.budget = new MemoryBudget(options.messageMemoryBudget ?? DEFAULT_MESSAGE_MEMORY_BUDGET);
    mkdirSync(join(dir, QUEUES_DIR), { recursive: true });
  }

  /**
   * A whole file, read into one buffer reused for every segment read at start (it is only scanned; nothing
   * keeps a slice of it), so loading many segments does not leave one garbage buffer per segment behind.
   */
  readWhole(path: string): Buffer {
    const fd = openSync(path, 'r');
    try {
      const size = fstatSync(fd).size;
      if (this.loadBuffer === undefined || this.loadBuffer.length < size) this.loadBuffer = Buffer.allocUnsafeSlow(size);
      let n = 0;
      while (n < size) {
        const got = readSync(fd, this.loadBuffer, n, size - n, n);
        if (got === 0) break;
        n += got;
      }
      return this.loadBuffer.subarray(0, n);
    } finally {
      closeSync(fd);
    }
  }

  /** Gives a durable queue its log and restores the messages stored for it. */
  attach(queue: Queue): void {
    const log = new QueueLog(this, join(this.dir, QUEUES_DIR, queueDirName(queue.vhost, queue.name)), queue);
    this.logs.set(queue, log);
    queue.useJournal(log);
    log.load();
  }

  /** After the definitions are restored: directories of queues that no longer exist are deleted, and start-up's read buffer goes. */
  removeOrphans(): void {
    this.loadBuffer = undefined;
    const live = new Set([...this.logs.values()].map((l) => l.dir));
    for (const name of readdirSync(join(this.dir, QUEUES_DIR))) {
      const path = join(this.dir, QUEUES_DIR, name);
      if (live.has(path)) continue;
      rmSync(path, { recursive: true, force: true });
      this.logger.log('info', 'store.orphan_queue_removed', { dir: path });
    }
  }

  forget(log: QueueLog): void {
    this.dirtyLogs.delete(log);
    for (const [q, l] of this.logs) if (l === log) this.logs.delete(q);
  }

  dirty(log: QueueLog): void {
    this.dirtyLogs.add(log);
    this.schedule();
  }

  /** Runs `done` once every record appended so far is written and fsynced. */
  afterSync(done: () => void): void {
    this.waiters.push(done);
    this.schedule();
  }

  closeFd(fd: number): void {
    if (fd < 0) return;
    if (this.syncing) this.closeAfterSync.push(fd);
    else closeSync(fd);
  }

  private schedule(): void {
    if (this.scheduled || this.syncing) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.scheduled = false;
    if (this.closed) return;
    const fds: number[] = [];
    for (const log of this.dirtyLogs) fds.push(...log.writePending());
    this.dirtyLogs.clear();
    const waiters = this.waiters;
    this.waiters = [];
    if (fds.length === 0) {
      for (const w of waiters) w();
      return;
    }
    this.syncing = true;
    let left = fds.length;
    for (const fd of fds) {
      this.sync(fd, (err) => {
        if (err) this.logger.log('error', 'store.fsync_failed', { dir: this.dir, error: err });
        if (--left > 0) return;
        this.syncs++;
        this.syncing = false;
        for (const c of this.closeAfterSync) closeSync(c);
        this.closeAfterSync = [];
        for (const w of waiters) w();
        const idle = this.idle;
        this.idle = undefined;
        if (idle) idle();
        else if (this.waiters.length > 0 || this.dirtyLogs.size > 0) this.schedule();
      });
    }
  }

  /** Writes and fsyncs what is buffered, then closes every file. */
  async close(): Promise<void> {
    if (this.syncing) await new Promise<void>((resolve) => (this.idle = resolve));
    this.closed = true;
    for (const log of this.dirtyLogs) log.writePending();
    this.dirtyLogs.clear();
    for (const log of this.logs.values()) log.closeAll();
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}
