/**
 * Packs one column of up to 65,535 values into bytes, choosing per column the
 * smallest exact form: most queues are idle, so most columns of a chunk are
 * one repeated small integer (two bytes for the whole chunk), and busy ones
 * move within a small range (one or two bytes a value from a base). NaN
 * (no data) survives every form. Values that are neither (averages, large
 * byte counts) fall back to float32, which is exact below 2^24.
 */

const ALL_NAN = 0;
const CONST_U8 = 1;
const CONST_F64 = 2;
const U8 = 3;
const U16 = 4;
const F32 = 5;

const NAN_U8 = 0xff;
const NAN_U16 = 0xffff;

export interface ColumnPlan {
  kind: number;
  base: number;
  size: number;
}

/** The form `encodeColumn` will write these values in, and its size in bytes. */
export function planColumn(values: Float64Array, start: number, stride: number, n: number): ColumnPlan {
  let min = Infinity;
  let max = -Infinity;
  let integers = true;
  let present = 0;
  for (let i = 0; i < n; i++) {
    const v = values[start + i * stride] as number;
    if (Number.isNaN(v)) continue;
    present++;
    if (v < min) min = v;
    if (v > max) max = v;
    if (integers && !Number.isInteger(v)) integers = false;
  }
  if (present === 0) return { kind: ALL_NAN, base: 0, size: 1 };
  if (present === n && min === max) {
    return integers && min >= 0 && min <= 255 ? { kind: CONST_U8, base: min, size: 2 } : { kind: CONST_F64, base: min, size: 9 };
  }
  if (integers && max - min < NAN_U8) return { kind: U8, base: min, size: 9 + n };
  if (integers && max - min < NAN_U16) return { kind: U16, base: min, size: 9 + 2 * n };
  return { kind: F32, base: 0, size: 1 + 4 * n };
}

export function encodedSize(values: Float64Array, start: number, stride: number, n: number): number {
  return planColumn(values, start, stride, n).size;
}

/** Writes values[start + i*stride], i < n, at `offset` (in the form planned, when given); returns the offset after them. */
export function encodeColumn(values: Float64Array, start: number, stride: number, n: number, out: DataView, offset: number, planned?: ColumnPlan): number {
  const { kind, base } = planned ?? planColumn(values, start, stride, n);
  out.setUint8(offset++, kind);
  if (kind === ALL_NAN) return offset;
  if (kind === CONST_U8) {
    out.setUint8(offset, base);
    return offset + 1;
  }
  if (kind !== F32) {
    out.setFloat64(offset, base, true);
    offset += 8;
  }
  if (kind === CONST_F64) return offset;
  for (let i = 0; i < n; i++) {
    const v = values[start + i * stride] as number;
    if (kind === U8) out.setUint8(offset++, Number.isNaN(v) ? NAN_U8 : v - base);
    else if (kind === U16) {
      out.setUint16(offset, Number.isNaN(v) ? NAN_U16 : v - base, true);
      offset += 2;
    } else {
      out.setFloat32(offset, v, true);
      offset += 4;
    }
  }
  return offset;
}

/** Reads a column written by encodeColumn into target[targetStart + i], i < n; returns the offset after it. */
export function decodeColumn(input: DataView, offset: number, n: number, target: Float64Array, targetStart: number): number {
  const kind = input.getUint8(offset++);
  if (kind === ALL_NAN) {
    target.fill(NaN, targetStart, targetStart + n);
    return offset;
  }
  if (kind === CONST_U8) {
    target.fill(input.getUint8(offset), targetStart, targetStart + n);
    return offset + 1;
  }
  if (kind === F32) {
    for (let i = 0; i < n; i++, offset += 4) target[targetStart + i] = input.getFloat32(offset, true);
    return offset;
  }
  const base = input.getFloat64(offset, true);
  offset += 8;
  if (kind === CONST_F64) {
    target.fill(base, targetStart, targetStart + n);
    return offset;
  }
  if (kind === U8) {
    for (let i = 0; i < n; i++) {
      const raw = input.getUint8(offset++);
      target[targetStart + i] = raw === NAN_U8 ? NaN : base + raw;
    }
    return offset;
  }
  if (kind === U16) {
    for (let i = 0; i < n; i++, offset += 2) {
      const raw = input.getUint16(offset, true);
      target[targetStart + i] = raw === NAN_U16 ? NaN : base + raw;
    }
    return offset;
  }
  throw new Error(`unknown column encoding ${kind}`);
}
