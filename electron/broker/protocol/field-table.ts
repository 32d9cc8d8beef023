// AMQP field tables as RabbitMQ encodes them (RabbitMQ's type tags, which
// differ from the 0-9-1 spec's errata for 's', 'u', 'l', 'x').
// Values keep their wire type so that a decode/encode round trip is exact and
// RabbitMQ's type-aware argument equivalence checks can be reproduced.
import { isUtf8 } from 'node:buffer';

export type FieldType =
  | 't' | 'b' | 'B' | 's' | 'u' | 'I' | 'i' | 'l' | 'f' | 'd' | 'D' | 'S' | 'x' | 'A' | 'T' | 'F' | 'V';

export interface Decimal {
  scale: number;
  value: number;
}

export type FieldValue =
  | { type: 't'; value: boolean }
  | { type: 'b' | 'B' | 's' | 'u' | 'I' | 'i' | 'f' | 'd'; value: number }
  // int64 and timestamps: a number when it is exactly representable, else a bigint.
  | { type: 'l' | 'T'; value: number | bigint }
  | { type: 'D'; value: Decimal }
  // A long string: text when the bytes are valid UTF-8, else the raw bytes.
  | { type: 'S'; value: string | Buffer }
  | { type: 'x'; value: Buffer }
  | { type: 'A'; value: FieldValue[] }
  | { type: 'F'; value: FieldTable }
  | { type: 'V'; value: null };

export type FieldTable = Record<string, FieldValue>;

export class TableDecodeError extends Error {}

/** A type tag RabbitMQ does not know: its reader cannot continue at all. */
export class UnknownFieldTypeError extends TableDecodeError {}

function int64(buf: Buffer, offset: number): number | bigint {
  const v = buf.readBigInt64BE(offset);
  return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
}

function uint64(buf: Buffer, offset: number): number | bigint {
  const v = buf.readBigUInt64BE(offset);
  return v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
}

function need(buf: Buffer, offset: number, n: number): void {
  if (offset + n > buf.length) throw new TableDecodeError('field table truncated');
}

/** Decodes one tagged value at `offset`; returns the value and the offset after it. */
export function decodeFieldValue(buf: Buffer, offset: number): [FieldValue, number] {
  need(buf, offset, 1);
  const tag = String.fromCharCode(buf[offset]!);
  let o = offset + 1;
  switch (tag) {
    case 't': need(buf, o, 1); return [{ type: 't', value: buf[o] !== 0 }, o + 1];
    case 'b': need(buf, o, 1); return [{ type: 'b', value: buf.readInt8(o) }, o + 1];
    case 'B': need(buf, o, 1); return [{ type: 'B', value: buf.readUInt8(o) }, o + 1];
    case 's': need(buf, o, 2); return [{ type: 's', value: buf.readInt16BE(o) }, o + 2];
    case 'u': need(buf, o, 2); return [{ type: 'u', value: buf.readUInt16BE(o) }, o + 2];
    case 'I': need(buf, o, 4); return [{ type: 'I', value: buf.readInt32BE(o) }, o + 4];
    case 'i': need(buf, o, 4); return [{ type: 'i', value: buf.readUInt32BE(o) }, o + 4];
    case 'l': need(buf, o, 8); return [{ type: 'l', value: int64(buf, o) }, o + 8];
    case 'T': need(buf, o, 8); return [{ type: 'T', value: uint64(buf, o) }, o + 8];
    case 'f': need(buf, o, 4); return [{ type: 'f', value: buf.readFloatBE(o) }, o + 4];
    case 'd': need(buf, o, 8); return [{ type: 'd', value: buf.readDoubleBE(o) }, o + 8];
    case 'D': need(buf, o, 5); return [{ type: 'D', value: { scale: buf[o]!, value: buf.readInt32BE(o + 1) } }, o + 5];
    case 'S': {
      need(buf, o, 4);
      const len = buf.readUInt32BE(o);
      o += 4;
      need(buf, o, len);
      const bytes = buf.subarray(o, o + len);
      return [{ type: 'S', value: isUtf8(bytes) ? bytes.toString('utf8') : Buffer.from(bytes) }, o + len];
    }
    case 'x': {
      need(buf, o, 4);
      const len = buf.readUInt32BE(o);
      o += 4;
      need(buf, o, len);
      return [{ type: 'x', value: Buffer.from(buf.subarray(o, o + len)) }, o + len];
    }
    case 'A': {
      need(buf, o, 4);
      const end = o + 4 + buf.readUInt32BE(o);
      need(buf, o, end - o);
      o += 4;
      const items: FieldValue[] = [];
      while (o < end) {
        const [v, next] = decodeFieldValue(buf, o);
        items.push(v);
        o = next;
      }
      if (o !== end) throw new TableDecodeError('field array overruns its length');
      return [{ type: 'A', value: items }, o];
    }
    case 'F': {
      const [table, next] = decodeFieldTable(buf, o);
      return [{ type: 'F', value: table }, next];
    }
    case 'V': return [{ type: 'V', value: null }, o];
    default: throw new UnknownFieldTypeError(`unknown field type '${tag}'`);
  }
}

/** Decodes a length-prefixed table at `offset`. */
export function decodeFieldTable(buf: Buffer, offset: number): [FieldTable, number] {
  need(buf, offset, 4);
  const end = offset + 4 + buf.readUInt32BE(offset);
  need(buf, offset, end - offset);
  let o = offset + 4;
  const table: FieldTable = {};
  while (o < end) {
    const keyLen = buf[o]!;
    need(buf, o + 1, keyLen);
    const key = buf.toString('utf8', o + 1, o + 1 + keyLen);
    const [v, next] = decodeFieldValue(buf, o + 1 + keyLen);
    table[key] = v;
    o = next;
  }
  if (o !== end) throw new TableDecodeError('field table overruns its length');
  return [table, end];
}

function longstrBytes(v: string | Buffer): Buffer {
  return typeof v === 'string' ? Buffer.from(v, 'utf8') : v;
}

/** Appends the encoding of one tagged value to `out`. */
export function encodeFieldValue(v: FieldValue, out: Buffer[]): number {
  const head = Buffer.allocUnsafe(9);
  head[0] = v.type.charCodeAt(0);
  switch (v.type) {
    case 't': head[1] = v.value ? 1 : 0; out.push(head.subarray(0, 2)); return 2;
    case 'b': head.writeInt8(v.value, 1); out.push(head.subarray(0, 2)); return 2;
    case 'B': head.writeUInt8(v.value, 1); out.push(head.subarray(0, 2)); return 2;
    case 's': head.writeInt16BE(v.value, 1); out.push(head.subarray(0, 3)); return 3;
    case 'u': head.writeUInt16BE(v.value, 1); out.push(head.subarray(0, 3)); return 3;
    case 'I': head.writeInt32BE(v.value, 1); out.push(head.subarray(0, 5)); return 5;
    case 'i': head.writeUInt32BE(v.value, 1); out.push(head.subarray(0, 5)); return 5;
    case 'f': head.writeFloatBE(v.value, 1); out.push(head.subarray(0, 5)); return 5;
    case 'd': head.writeDoubleBE(v.value, 1); out.push(head); return 9;
    case 'l': head.writeBigInt64BE(BigInt(v.value), 1); out.push(head); return 9;
    case 'T': head.writeBigUInt64BE(BigInt(v.value), 1); out.push(head); return 9;
    case 'D': head[1] = v.value.scale; head.writeInt32BE(v.value.value, 2); out.push(head.subarray(0, 6)); return 6;
    case 'S':
    case 'x': {
      const bytes = longstrBytes(v.value);
      head.writeUInt32BE(bytes.length, 1);
      out.push(head.subarray(0, 5), bytes);
      return 5 + bytes.length;
    }
    case 'A': {
      out.push(head.subarray(0, 5));
      let size = 0;
      for (const item of v.value) size += encodeFieldValue(item, out);
      head.writeUInt32BE(size, 1);
      return 5 + size;
    }
    case 'F': {
      out.push(head.subarray(0, 1));
      return 1 + encodeFieldTableParts(v.value, out);
    }
    case 'V': out.push(head.subarray(0, 1)); return 1;
  }
}

function encodeFieldTableParts(table: FieldTable, out: Buffer[]): number {
  const sizeBuf = Buffer.allocUnsafe(4);
  out.push(sizeBuf);
  let size = 0;
  for (const key of Object.keys(table)) {
    const keyBytes = Buffer.from(key, 'utf8');
    if (keyBytes.length > 255) throw new RangeError(`field table key too long: ${key.slice(0, 40)}...`);
    out.push(Buffer.of(keyBytes.length), keyBytes);
    size += 1 + keyBytes.length + encodeFieldValue(table[key]!, out);
  }
  sizeBuf.writeUInt32BE(size, 0);
  return 4 + size;
}

/** Encodes a table with its 4-byte length prefix. */
export function encodeFieldTable(table: FieldTable): Buffer {
  const parts: Buffer[] = [];
  encodeFieldTableParts(table, parts);
  return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
}

// Convenience constructors, used where the broker builds tables itself.
export const longstr = (value: string | Buffer): FieldValue => ({ type: 'S', value });
export const bool = (value: boolean): FieldValue => ({ type: 't', value });
export const long = (value: number | bigint): FieldValue => ({ type: 'l', value });
export const timestamp = (value: number | bigint): FieldValue => ({ type: 'T', value });
export const table = (value: FieldTable): FieldValue => ({ type: 'F', value });
export const array = (value: FieldValue[]): FieldValue => ({ type: 'A', value });

/** The numeric value of an integer-typed field, or undefined for any other type. */
export function integerValue(v: FieldValue | undefined): number | undefined {
  if (!v) return undefined;
  switch (v.type) {
    case 'b': case 'B': case 's': case 'u': case 'I': case 'i': return v.value;
    case 'l': case 'T': return Number(v.value);
    default: return undefined;
  }
}

/** The text of a long-string field, or undefined for any other type. */
export function stringValue(v: FieldValue | undefined): string | undefined {
  if (!v || v.type !== 'S') return undefined;
  return typeof v.value === 'string' ? v.value : v.value.toString('utf8');
}
