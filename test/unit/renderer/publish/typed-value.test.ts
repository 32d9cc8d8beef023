import { describe, expect, it } from 'vitest';
import type { FieldTable } from '../../../../shared/model/workbench/field-value.js';
import { nodesFromTable, parseTable, plainHeaders, retype, valueNode } from '../../../../renderer/workbench/typed-value.js';

describe('typed header rows → FieldTable', () => {
  it('keeps every AMQP type as typed, nested tables and arrays included', () => {
    const rows = [
      valueNode('tenant', 'string', 'eu-1'),
      valueNode('attempt', 'int', '3'),
      valueNode('ratio', 'float', '2'),
      valueNode('urgent', 'boolean', 'false'),
      valueNode('at', 'timestamp', '1767225600'),
      valueNode('raw', 'bytes', 'AAEC/w=='),
      valueNode('price', 'decimal', '-12.50'),
      valueNode('nothing', 'void'),
      valueNode('meta', 'table', '', [valueNode('source', 'string', 'web'), valueNode('tags', 'array', '', [valueNode('', 'string', 'a'), valueNode('', 'int', '7')])]),
    ];
    const { table, problems } = parseTable(rows);
    expect(problems.size).toBe(0);
    expect(table).toEqual({
      tenant: { type: 'string', value: 'eu-1' },
      attempt: { type: 'int', value: 3 },
      ratio: { type: 'float', value: 2 },
      urgent: { type: 'boolean', value: false },
      at: { type: 'timestamp', value: 1767225600 },
      raw: { type: 'bytes', value: 'AAEC/w==' },
      price: { type: 'decimal', value: { places: 2, digits: -1250 } },
      nothing: { type: 'void' },
      meta: {
        type: 'table',
        value: { source: { type: 'string', value: 'web' }, tags: { type: 'array', value: [{ type: 'string', value: 'a' }, { type: 'int', value: 7 }] } },
      },
    });
  });

  it('says what is wrong per row and leaves those rows out', () => {
    const bad = [
      valueNode('n', 'int', '1.5'),
      valueNode('big', 'int', '9007199254740993'),
      valueNode('f', 'float', 'abc'),
      valueNode('b64', 'bytes', 'not base64!'),
      valueNode('', 'string', 'orphan'),
      valueNode('dup', 'string', 'one'),
      valueNode('dup', 'string', 'two'),
      valueNode('ts', 'timestamp', '-5'),
    ];
    const { table, problems } = parseTable(bad);
    expect([...problems.values()]).toEqual([
      'a whole number, e.g. 42',
      'too large: at most ±9007199254740991',
      'a number, e.g. 1.5',
      'base64, e.g. AAEC/w==',
      'a header needs a name',
      "'dup' is already above: a table holds each name once",
      'seconds since 1970, e.g. 1767225600',
    ]);
    expect(table).toEqual({ dup: { type: 'string', value: 'one' } });
  });

  it('round-trips a consumed message’s headers: rows from a table parse back to the same table', () => {
    const headers: FieldTable = {
      'x-death': { type: 'array', value: [{ type: 'table', value: { count: { type: 'int', value: 2 }, queue: { type: 'string', value: 'orders' }, time: { type: 'timestamp', value: 1767225600 } } }] },
      price: { type: 'decimal', value: { places: 3, digits: 5 } },
      blob: { type: 'bytes', value: '/wA=' },
      half: { type: 'float', value: 0.5 },
    };
    expect(parseTable(nodesFromTable(headers)).table).toEqual(headers);
  });

  it('changing a row’s type keeps what still makes sense', () => {
    const row = valueNode('n', 'string', '42');
    expect(retype(row, 'int').text).toBe('42');
    expect(retype(row, 'boolean').text).toBe('true');
    expect(retype(row, 'table').text).toBe('');
    const table = valueNode('t', 'table', '', [valueNode('a', 'string', 'x')]);
    expect(retype(table, 'array').children).toHaveLength(1);
    expect(retype(table, 'string').children).toHaveLength(0);
  });

  it('gives shared/routing plain values to match headers exchanges with', () => {
    expect(plainHeaders({ a: { type: 'int', value: 1 }, b: { type: 'void' }, c: { type: 'bytes', value: 'AQI=' }, d: { type: 'array', value: [{ type: 'string', value: 'x' }] } })).toEqual({
      a: 1,
      b: null,
      c: Uint8Array.from([1, 2]),
      d: ['x'],
    });
  });
});
