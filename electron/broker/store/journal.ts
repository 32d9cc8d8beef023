// Persistent messages (delivery_mode 2) of durable queues, after LavinMQ and
// RabbitMQ's classic queues v2: per queue, append-only segment files of
// CRC-checked message records, and beside each segment an acks file of small
// records saying which messages were delivered and which are gone. A segment
// whose messages are all gone is deleted. Group commit: message records are
// buffered, written and fdatasync'ed once per batch (one event-loop turn, or
// while the previous fsync runs), and every afterSync() waiting on that batch
// runs when its fsync is done. Format: docs/storage.md.
import { createHash } from 'node:crypto';
import { closeSync, existsSync, fdatasync, fsyncSync, ftruncateSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { BrokerLogger } from '../logger.js';
import type { Message, QueueEntry } from '../message.js';
import { decodeBasicProperties } from '../protocol/generated.js';
import type { Queue, QueueJournal } from '../queue.js';
import { crc32 } from './crc32.js';

export const QUEUES_DIR = 'queues';
/** 'WMSG': starts every message record, so a reader can find the next record after a damaged one. */
export const RECORD_MAGIC = 0x574d5347;
/** magic u32, payload length u32, crc32(payload) u32. */
export const RECORD_HEADER = 12;
export const ACK_RECORD = 5;
export const ACK_DELIVERED = 1;
export const ACK_REMOVED = 2;
const DEFAULT_SEGMENT_BYTES = 8 * 1024 * 1024;

export type SyncFn = (fd: number, done: (err: NodeJS.ErrnoException | null) => void) => void;

export interface JournalOptions {
  /** A segment takes new records until it is this big (default 8 MiB). */
  segmentBytes?: number;
  /** How a batch is made durable (default fs.fdatasync). */
  sync?: SyncFn;
}

/** The directory of a queue's files: a hash of vhost and name, so any name is a safe file name. */
export function queueDirName(vhost: string, name: string): string {
  return createHash('sha1').update(vhost).update('\0').update(name).digest('hex');
}

const segmentName = (no: number, ext: 'msgs' | 'acks') => `${String(no).padStart(8, '0')}.${ext}`;

/** payload: expiresAt f64, priority u8, exchange shortstr, routing key shortstr, properties u32-length + bytes, body. */
export function encodeRecord(entry: QueueEntry): Buffer {
  const m = entry.message;
  const exchangeLen = Buffer.byteLength(m.exchange);
  const keyLen = Buffer.byteLength(m.routingKey);
  const payloadLen = 8 + 1 + 1 + exchangeLen + 1 + keyLen + 4 + m.propertiesBytes.length + m.body.length;
  const b = Buffer.allocUnsafe(RECORD_HEADER + payloadLen);
  b.writeUInt32BE(RECORD_MAGIC, 0);
  b.writeUInt32BE(payloadLen, 4);
  let o = RECORD_HEADER;
  b.writeDoubleBE(entry.expiresAt, o); o += 8;
  b[o++] = entry.priority;
  b[o++] = exchangeLen;
  o += b.write(m.exchange, o);
  b[o++] = keyLen;
  o += b.write(m.routingKey, o);
  b.writeUInt32BE(m.propertiesBytes.length, o); o += 4;
  o += m.propertiesBytes.copy(b, o);
  m.body.copy(b, o);
  b.writeUInt32BE(crc32(b, RECORD_HEADER, b.length), 8);
  return b;
}

export interface DecodedRecord { message: Message; expiresAt: number; priority: number }

export function decodePayload(b: Buffer, start: number, end: number): DecodedRecord {
  let o = start;
  const expiresAt = b.readDoubleBE(o); o += 8;
  const priority = b[o++]!;
  const exchangeLen = b[o++]!;
  const exchange = b.toString('utf8', o, o + exchangeLen); o += exchangeLen;
  const keyLen = b[o++]!;
  const routingKey = b.toString('utf8', o, o + keyLen); o += keyLen;
  const propsLen = b.readUInt32BE(o); o += 4;
  const propertiesBytes = Buffer.from(b.subarray(o, o + propsLen)); o += propsLen;
  if (o > end) throw new RangeError('record fields overrun the record');
  const body = Buffer.from(b.subarray(o, end));
  return { message: { exchange, routingKey, properties: decodeBasicProperties(propertiesBytes, 0), propertiesBytes, body }, expiresAt, priority };
}

/** A whole, intact record at `o`: its payload end, else -1. */
function recordAt(b: Buffer, o: number): number {
  if (o + RECORD_HEADER > b.length || b.readUInt32BE(o) !== RECORD_MAGIC) return -1;
  const end = o + RECORD_HEADER + b.readUInt32BE(o + 4);
  if (end > b.length || crc32(b, o + RECORD_HEADER, end) !== b.readUInt32BE(o + 8)) return -1;
  return end;
}

export interface ScannedSegment {
  /** Offsets and payload ends of the intact records, in order. */
  records: { offset: number; end: number }[];
  /** Damaged stretches followed by intact records: each lost at least one record. */
  damaged: { offset: number; bytes: number }[];
  /** Where a damaged or incomplete tail starts (the file is cut there), or undefined. */
  tornAt?: number;
}

/** Reads a segment's records; after damage it resynchronises on the next intact record (magic, length and CRC). */
export function scanSegment(b: Buffer): ScannedSegment {
  const out: ScannedSegment = { records: [], damaged: [] };
  let o = 0;
  while (o < b.length) {
    const end = recordAt(b, o);
    if (end >= 0) {
      out.records.push({ offset: o, end });
      o = end;
      continue;
    }
    let next = b.indexOf(MAGIC_BYTES, o + 1);
    while (next >= 0 && recordAt(b, next) < 0) next = b.indexOf(MAGIC_BYTES, next + 1);
    if (next < 0) {
      out.tornAt = o;
      return out;
    }
    out.damaged.push({ offset: o, bytes: next - o });
    o = next;
  }
  return out;
}

const MAGIC_BYTES = Buffer.from([0x57, 0x4d, 0x53, 0x47]);

class Segment {
  msgFd = -1;
  ackFd = -1;
  size = 0;
  records = 0;
  removed = 0;
  deleted = false;
  pendingMsgs: Buffer[] = [];
  /** Pairs of (kind, offset). */
  pendingAcks: number[] = [];

  constructor(readonly no: number) {}
}

/** One durable queue's files. */
class QueueLog implements QueueJournal {
  private readonly segments = new Map<number, Segment>();
  private current: Segment | undefined;
  private dropped = false;
  /** Number of the next segment to create (after the last one on disk). */
  private nextNo = 1;

  constructor(private readonly journal: Journal, readonly dir: string, private readonly queue: Queue) {}

  /** Reads every segment and hands the live messages to the queue, in order; damage is cut or skipped and logged. */
  load(): void {
    mkdirSync(this.dir, { recursive: true });
    const numbers = readdirSync(this.dir)
      .filter((f) => /^\d{8}\.msgs$/.test(f))
      .map((f) => Number(f.slice(0, 8)))
      .sort((a, b) => a - b);
    let restored = 0;
    for (const no of numbers) restored += this.loadSegment(no);
    if (numbers.length > 0) this.journal.logger.log('info', 'store.queue_restored', { queue: this.queue.resource, messages: restored, segments: numbers.length });
    this.nextNo = (numbers.at(-1) ?? 0) + 1;
  }

  private loadSegment(no: number): number {
    const path = join(this.dir, segmentName(no, 'msgs'));
    const buf = readFileSync(path);
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
        lostBytes: scan.damaged.reduce((n, d) => n + d.bytes, 0), offsets: scan.damaged.map((d) => d.offset), intactRecords: scan.records.length,
      });
    }
    const delivered = new Set<number>();
    const removed = new Set<number>();
    const ackPath = join(this.dir, segmentName(no, 'acks'));
    if (existsSync(ackPath)) {
      const acks = readFileSync(ackPath);
      const whole = acks.length - (acks.length % ACK_RECORD);
      for (let o = 0; o < whole; o += ACK_RECORD) (acks[o] === ACK_REMOVED ? removed : delivered).add(acks.readUInt32BE(o + 1));
    }
    const seg = new Segment(no);
    seg.size = scan.tornAt ?? buf.length;
    seg.records = scan.records.length;
    this.segments.set(no, seg);
    let live = 0;
    for (const r of scan.records) {
      if (removed.has(r.offset)) {
        seg.removed++;
        continue;
      }
      let decoded: DecodedRecord;
      try {
        decoded = decodePayload(buf, r.offset + RECORD_HEADER, r.end);
      } catch (err) {
        seg.removed++;
        log.log('error', 'store.undecodable_record_skipped', { queue: this.queue.resource, file: path, offset: r.offset, error: err });
        continue;
      }
      this.queue.restore(decoded.message, delivered.has(r.offset), decoded.expiresAt, decoded.priority, { segment: no, offset: r.offset });
      live++;
    }
    this.collect(seg);
    return live;
  }

  append(entry: QueueEntry): void {
    if (this.dropped) return;
    let seg = this.current;
    if (seg === undefined || seg.size >= this.journal.segmentBytes) {
      const previous = seg;
      seg = new Segment(this.nextNo++);
      this.segments.set(seg.no, seg);
      this.current = seg;
      if (previous) this.collect(previous);
    }
    const record = encodeRecord(entry);
    entry.stored = { segment: seg.no, offset: seg.size };
    seg.size += record.length;
    seg.records++;
    seg.pendingMsgs.push(record);
    this.journal.dirty(this);
  }

  delivered(entry: QueueEntry): void {
    this.mark(entry, ACK_DELIVERED);
  }

  removed(entry: QueueEntry): void {
    const seg = this.mark(entry, ACK_REMOVED);
    if (seg) {
      seg.removed++;
      this.collect(seg);
    }
  }

  private mark(entry: QueueEntry, kind: number): Segment | undefined {
    const ref = entry.stored;
    if (this.dropped || ref === undefined) return undefined;
    const seg = this.segments.get(ref.segment);
    if (seg === undefined || seg.deleted) return undefined;
    seg.pendingAcks.push(kind, ref.offset);
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
    for (const ext of ['msgs', 'acks'] as const) rmSync(join(this.dir, segmentName(seg.no, ext)), { force: true });
  }

  /** Writes what is buffered; returns the message files written (they need an fsync before the confirms). */
  writePending(): number[] {
    const written: number[] = [];
    if (this.dropped) return written;
    for (const seg of this.segments.values()) {
      if (seg.pendingMsgs.length > 0) {
        if (seg.msgFd < 0) seg.msgFd = openSync(join(this.dir, segmentName(seg.no, 'msgs')), 'a');
        writeAll(seg.msgFd, seg.pendingMsgs);
        seg.pendingMsgs = [];
        written.push(seg.msgFd);
      }
      if (seg.pendingAcks.length > 0) {
        if (seg.ackFd < 0) seg.ackFd = openSync(join(this.dir, segmentName(seg.no, 'acks')), 'a');
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
  }
}

function writeAll(fd: number, parts: Buffer[]): void {
  const b = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
  let off = 0;
  while (off < b.length) off += writeSync(fd, b, off, b.length - off);
}

/** All durable queues' logs of one data directory, with the group commit they share. */
export class Journal {
  readonly segmentBytes: number;
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

  constructor(readonly dir: string, readonly logger: BrokerLogger, options: JournalOptions = {}) {
    this.segmentBytes = options.segmentBytes ?? DEFAULT_SEGMENT_BYTES;
    this.sync = options.sync ?? fdatasync;
    mkdirSync(join(dir, QUEUES_DIR), { recursive: true });
  }

  /** Gives a durable queue its log and restores the messages stored for it. */
  attach(queue: Queue): void {
    const log = new QueueLog(this, join(this.dir, QUEUES_DIR, queueDirName(queue.vhost, queue.name)), queue);
    this.logs.set(queue, log);
    queue.journal = log;
    log.load();
  }

  /** After the definitions are restored: directories of queues that no longer exist are deleted. */
  removeOrphans(): void {
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
