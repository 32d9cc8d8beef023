// Bounds-checked primitive readers used by the generated method decoders.
import { DecodeError, UnrecoverableInputError } from './decode-error.js';
import { decodeFieldTable, TableDecodeError, UnknownFieldTypeError, type FieldTable } from './field-table.js';

function need(b: Buffer, o: number, n: number): void {
  if (o + n > b.length) throw new DecodeError('method frame truncated');
}

export function readU8(b: Buffer, o: number): number {
  need(b, o, 1);
  return b[o]!;
}
export function readU16(b: Buffer, o: number): number {
  need(b, o, 2);
  return b.readUInt16BE(o);
}
export function readU32(b: Buffer, o: number): number {
  need(b, o, 4);
  return b.readUInt32BE(o);
}
/** A 64-bit unsigned integer as a number; delivery tags and timestamps stay far below 2^53. */
export function readU64(b: Buffer, o: number): number {
  need(b, o, 8);
  return Number(b.readBigUInt64BE(o));
}
export function readShortstr(b: Buffer, o: number): [string, number] {
  const len = readU8(b, o);
  need(b, o + 1, len);
  return [b.toString('utf8', o + 1, o + 1 + len), o + 1 + len];
}
export function readLongstr(b: Buffer, o: number): [Buffer, number] {
  const len = readU32(b, o);
  need(b, o + 4, len);
  return [b.subarray(o + 4, o + 4 + len), o + 4 + len];
}
export function readTable(b: Buffer, o: number): [FieldTable, number] {
  try {
    return decodeFieldTable(b, o);
  } catch (err) {
    if (err instanceof UnknownFieldTypeError) throw new UnrecoverableInputError(err.message);
    if (err instanceof TableDecodeError) throw new DecodeError(err.message);
    throw err;
  }
}
