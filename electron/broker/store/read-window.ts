// Read-ahead for paged-out messages. Paged entries are delivered mostly in
// record order, so one read fetches a window of the segment starting at the
// wanted record, and the records after it are decoded from memory: draining a
// paged queue costs one read per READ_AHEAD_BYTES, not one per message. One
// window (and one open file) per queue log; the buffers come from a pool that
// bounds how many exist, and a window without a buffer keeps no file open
// (window-pool.ts).
import { closeSync, openSync, readSync } from 'node:fs';
import { RECORD_HEADER, recordAt } from './record.js';
import type { WindowHolder, WindowPool } from './window-pool.js';

export const READ_AHEAD_BYTES = 512 * 1024;

/** An intact record's payload: b[start, end). Valid until the next read of the same window. */
export interface PayloadView {
  b: Buffer;
  start: number;
  end: number;
}

export class ReadWindow implements WindowHolder {
  private buf: Buffer | undefined;
  private fd = -1;
  private path = '';
  /** Segment whose bytes [start, end) are in buf[0, end - start); -1 for none. */
  private segment = -1;
  private start = 0;
  private end = 0;

  /** `onRead` is told of every read from a file (the journal counts them). */
  constructor(private readonly pool: WindowPool, private readonly onRead: () => void) {}

  /** The record at `offset` of segment `segment` (file `path`), or undefined when it is not intact. */
  payload(segment: number, path: string, offset: number): PayloadView | undefined {
    if (!this.holds(segment, offset)) this.fill(segment, path, offset);
    const buf = this.buf!;
    const at = offset - this.start;
    const length = this.end - this.start >= at + RECORD_HEADER ? buf.readUInt32BE(at + 4) : 0;
    if (this.end - offset < RECORD_HEADER + length) return this.single(path, offset, length);
    const end = recordAt(buf.subarray(0, this.end - this.start), at);
    return end < 0 ? undefined : { b: buf, start: at + RECORD_HEADER, end };
  }

  private holds(segment: number, offset: number): boolean {
    if (segment !== this.segment || offset < this.start || offset + RECORD_HEADER > this.end) return false;
    return offset + RECORD_HEADER + this.buf!.readUInt32BE(offset - this.start + 4) <= this.end;
  }

  private fill(segment: number, path: string, offset: number): void {
    this.open(path);
    this.buf = this.pool.take(this);
    this.segment = segment;
    this.start = offset;
    this.end = offset + readFully(this.fd, this.buf, offset);
    this.onRead();
  }

  /** A record larger than the window (or cut short) is read on its own. */
  private single(path: string, offset: number, length: number): PayloadView | undefined {
    this.open(path);
    const b = Buffer.allocUnsafe(RECORD_HEADER + length);
    const got = readFully(this.fd, b, offset);
    this.onRead();
    if (got < b.length) return undefined;
    const end = recordAt(b, 0);
    return end < 0 ? undefined : { b, start: RECORD_HEADER, end };
  }

  private open(path: string): void {
    if (this.path === path && this.fd >= 0) return;
    this.closeFile();
    this.fd = openSync(path, 'r');
    this.path = path;
  }

  /** The file at `path` is about to be deleted: stop holding it open. */
  forget(path: string): void {
    if (this.path === path) this.release();
  }

  /** Nothing paged is left: the buffer and the file go. */
  release(): void {
    this.closeFile();
    if (this.buf !== undefined) this.pool.give(this);
    this.buf = undefined;
  }

  /** The pool gave the buffer to another queue: the file is closed too (open files stay as few as windows), the next read opens and fills again. */
  evicted(): void {
    this.closeFile();
    this.buf = undefined;
  }

  private closeFile(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
    this.path = '';
    this.segment = -1;
  }
}

/** Reads from `position` until `b` is full or the file ends; returns the bytes read. */
function readFully(fd: number, b: Buffer, position: number): number {
  let n = 0;
  while (n < b.length) {
    const got = readSync(fd, b, n, b.length - n, position + n);
    if (got === 0) break;
    n += got;
  }
  return n;
}
