import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromAmqplibTable, fromAmqplibValue, toAmqplibTable } from '../../../../electron/backend/workbench/codec/field-table.js';
import { FieldTable as FieldTableSchema, type FieldTable } from '../../../../shared/model/workbench/field-value.js';

/**
 * amqplib's own field-table codec, the one that puts headers on the wire: its package exports
 * hide it, so it is loaded by file. A round trip through it is a round trip through the wire format.
 */
const require = createRequire(import.meta.url);
const codec = require(path.join(path.dirname(require.resolve('amqplib')), 'lib', 'codec.js')) as {
  encodeTable(buffer: Buffer, value: unknown, offset: number): number;
  decodeFields(slice: Buffer): Record<string, unknown>;
};
function overTheWire(table: FieldTable): FieldTable {
  const buffer = Buffer.alloc(64 * 1024);
  const size = codec.encodeTable(buffer, toAmqplibTable(table), 0);
  return fromAmqplibTable(codec.decodeFields(buffer.subarray(4, size)));
}

describe('field-table codec', () => {
  it('every type survives a round trip through the wire format', () => {
    const table: FieldTable = {
      s: { type: 'string', value: 'héllo' },
      small: { type: 'int', value: -5 },
      short: { type: 'int', value: 30_000 },
      int: { type: 'int', value: -2_000_000_000 },
      long: { type: 'int', value: 9_007_199_254_740_991 },
      f: { type: 'float', value: 1.25 },
      negative: { type: 'float', value: -0.001 },
      yes: { type: 'boolean', value: true },
      no: { type: 'boolean', value: false },
      ts: { type: 'timestamp', value: 1_700_000_000 },
      bytes: { type: 'bytes', value: Buffer.from([0, 1, 2, 255, 254]).toString('base64') },
      empty: { type: 'bytes', value: '' },
      dec: { type: 'decimal', value: { places: 3, digits: 123_456 } },
      none: { type: 'void' },
      nested: {
        type: 'table',
        value: {
          inner: { type: 'table', value: { deepest: { type: 'string', value: 'x' } } },
          list: { type: 'array', value: [{ type: 'int', value: 1 }, { type: 'float', value: 2.5 }, { type: 'array', value: [{ type: 'boolean', value: true }] }, { type: 'table', value: { k: { type: 'void' } } }] },
        },
      },
      emptyArray: { type: 'array', value: [] },
      emptyTable: { type: 'table', value: {} },
    };
    expect(FieldTableSchema.safeParse(table).success).toBe(true);
    expect(overTheWire(table)).toEqual(table);
  });

  it('a float stays a double on the wire even when whole; read back, a whole double is indistinguishable from an int', () => {
    const table = toAmqplibTable({ whole: { type: 'float', value: 2 } });
    expect(table).toEqual({ whole: { '!': 'double', value: 2 } });
    const buffer = Buffer.alloc(64);
    const size = codec.encodeTable(buffer, table, 0);
    // 'd' is the double tag: 4 bytes of table size, 1 of key length, the key, then the tag.
    expect(String.fromCharCode(buffer[4 + 1 + 'whole'.length] as number)).toBe('d');
    expect(overTheWire({ whole: { type: 'float', value: 2 } })).toEqual({ whole: { type: 'int', value: 2 } });
    expect(size).toBe(4 + 1 + 5 + 1 + 8);
  });

  it('reads what other clients send: Dates as timestamps, bigints and unknown objects as tables', () => {
    expect(fromAmqplibValue(new Date(1_700_000_000_500))).toEqual({ type: 'timestamp', value: 1_700_000_000 });
    expect(fromAmqplibValue(BigInt(42))).toEqual({ type: 'int', value: 42 });
    expect(fromAmqplibValue(undefined)).toEqual({ type: 'void' });
    expect(fromAmqplibValue({ a: 1 })).toEqual({ type: 'table', value: { a: { type: 'int', value: 1 } } });
    expect(fromAmqplibTable(null)).toEqual({});
  });
});
