// A reusable growable buffer for building frames. One instance per module is
// enough because frames are built synchronously and copied out (`take`).
import { encodeFieldTable, type FieldTable } from './field-table.js';

export class WireWriter {
  private buf: Buffer;
  offset = 0;

  constructor(initialSize = 64 * 1024) {
    this.buf = Buffer.allocUnsafe(initialSize);
  }

  reset(): void {
    this.offset = 0;
  }

  private ensure(n: number): void {
    if (this.offset + n <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.offset + n));
    this.buf.copy(next, 0, 0, this.offset);
    this.buf = next;
  }

  u8(v: number): void {
    this.ensure(1);
    this.buf[this.offset++] = v;
  }
  u16(v: number): void {
    this.ensure(2);
    this.buf.writeUInt16BE(v, this.offset);
    this.offset += 2;
  }
  u32(v: number): void {
    this.ensure(4);
    this.buf.writeUInt32BE(v, this.offset);
    this.offset += 4;
  }
  u64(v: number | bigint): void {
    this.ensure(8);
    this.buf.writeBigUInt64BE(BigInt(v), this.offset);
    this.offset += 8;
  }
  patchU32(at: number, v: number): void {
    this.buf.writeUInt32BE(v, at);
  }
  shortstr(v: string): void {
    const len = Buffer.byteLength(v, 'utf8');
    if (len > 255) throw new RangeError(`short string longer than 255 bytes: ${v.slice(0, 40)}...`);
    this.ensure(1 + len);
    this.buf[this.offset] = len;
    this.buf.write(v, this.offset + 1, 'utf8');
    this.offset += 1 + len;
  }
  longstr(v: Buffer | string): void {
    const bytes = typeof v === 'string' ? Buffer.from(v, 'utf8') : v;
    this.u32(bytes.length);
    this.bytes(bytes);
  }
  table(v: FieldTable): void {
    this.bytes(encodeFieldTable(v));
  }
  bytes(v: Buffer): void {
    this.ensure(v.length);
    v.copy(this.buf, this.offset);
    this.offset += v.length;
  }
  /** A copy of what was written since the last reset. */
  take(): Buffer {
    return Buffer.from(this.buf.subarray(0, this.offset));
  }
}
