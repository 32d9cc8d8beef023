import { describe, expect, it } from 'vitest';
import { decodeColumn, encodeColumn, encodedSize } from '../../../../electron/backend/history/chunk-codec.js';

function roundTrip(values: number[]): { back: number[]; size: number } {
  const input = Float64Array.from(values);
  const size = encodedSize(input, 0, 1, values.length);
  const view = new DataView(new ArrayBuffer(size));
  expect(encodeColumn(input, 0, 1, values.length, view, 0)).toBe(size);
  const out = new Float64Array(values.length);
  expect(decodeColumn(view, 0, values.length, out, 0)).toBe(size);
  return { back: Array.from(out), size };
}

describe('history chunk codec', () => {
  it('packs an idle column (one small repeated integer) in two bytes', () => {
    expect(roundTrip(new Array(30).fill(0))).toEqual({ back: new Array(30).fill(0), size: 2 });
    expect(roundTrip(new Array(30).fill(1e9)).size).toBe(9);
  });

  it('keeps every value exact in one or two bytes a value from a base, NaN included', () => {
    const small = [1000, 1001, NaN, 1200, 1254];
    expect(roundTrip(small)).toEqual({ back: small, size: 9 + 5 });
    const wide = [5, 60_000, NaN, 7];
    expect(roundTrip(wide)).toEqual({ back: wide, size: 9 + 8 });
  });

  it('falls back to float32 for fractions and wide ranges, and keeps an all-missing column in one byte', () => {
    const { back, size } = roundTrip([0.5, 1.25, NaN, 3e6 + 0.5]);
    expect(size).toBe(1 + 16);
    expect(back).toEqual([0.5, 1.25, NaN, 3e6 + 0.5]);
    expect(roundTrip([NaN, NaN])).toEqual({ back: [NaN, NaN], size: 1 });
  });

  it('reads a strided column (one of several interleaved)', () => {
    const rows = Float64Array.from([1, 10, 2, 20, 3, 30]);
    const view = new DataView(new ArrayBuffer(encodedSize(rows, 1, 2, 3)));
    encodeColumn(rows, 1, 2, 3, view, 0);
    const out = new Float64Array(3);
    decodeColumn(view, 0, 3, out, 0);
    expect(Array.from(out)).toEqual([10, 20, 30]);
  });
});
