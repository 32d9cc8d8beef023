// A reusable growable buffer for building frames. One instance per module is
// enough because frames are built synchronously and copied out (`take`).
import { encodeFieldTable, type FieldTable } from './field-table.js';

/** A non-negative integer below 2^53 as 64 bits, without the cost of a BigInt (delivery tags, body sizes). */
export function writeU64(buf: Buffer, v: number, at: number): void {
  buf.writeUInt32BE(Math.floor(v / 0x100000000), at);
  buf.writeUInt32BE(v >>> 0, at + 4);
}

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
    if (typeof v === 'bigint') this.buf.writeBigUInt64BE(v, this.offset);
    else writeU64(this.buf, v, this.offset);
    this.offset += 8;
  }
  patchU32(at: number, v: number): void {
    this.buf.writeUInt32BE(v, at);
  }
  shortstr(v: string): void {
    // Names and keys are nearly always ASCII: copying char codes beats the UTF-8 encoder for short strings.
    const n = v.length;
    if (n <= 255) {
      this.ensure(1 + n);
      const b = this.buf;
      const start = this.offset + 1;
      let i = 0;
      for (; i < n; i++) {
        const c = v.charCodeAt(i);
        if (c > 0x7f) break;
        b[start + i] = c;
      }
      if (i === n) {
        b[this.offset] = n;
        this.offset = start + n;
        return;
      }
    }
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
