import { describe, expect, it } from 'vitest';
import {
  explainHeadersMatch,
  fieldValuesEqual,
  headersMatch,
  parseXMatch,
  xMatchError,
  type FieldTable,
} from '../../../shared/routing/index.js';

/**
 * Vectors derived from rabbit_exchange_type_headers.erl (headers_match/5):
 * x-match itself never compared, other x- keys only in the -with-x modes,
 * void binding values mean presence, with nothing to compare `all` matches
 * and `any` does not. The conformance suite replays the same table against
 * RabbitMQ (test/conformance/headers-exchange.test.ts).
 */
const cases: [string, FieldTable, FieldTable | undefined, boolean][] = [
  ['all: every key equal', { 'x-match': 'all', a: '1', b: 2 }, { a: '1', b: 2, c: 'extra' }, true],
  ['all: one key missing', { 'x-match': 'all', a: '1', b: 2 }, { a: '1' }, false],
  ['all: one value different', { 'x-match': 'all', a: '1', b: 2 }, { a: '1', b: 3 }, false],
  ['all is the default when x-match is absent', { a: '1', b: 2 }, { a: '1' }, false],
  ['any: one key equal', { 'x-match': 'any', a: '1', b: 2 }, { b: 2 }, true],
  ['any: none equal', { 'x-match': 'any', a: '1', b: 2 }, { a: '2', b: 3 }, false],
  ['all with no keys matches everything', { 'x-match': 'all' }, undefined, true],
  ['empty arguments match everything', {}, { z: 1 }, true],
  ['any with no keys matches nothing', { 'x-match': 'any' }, { a: '1' }, false],
  ['all ignores x- keys', { 'x-match': 'all', 'x-a': '1', b: 'y' }, { b: 'y' }, true],
  ['any ignores x- keys (only x- keys: no match)', { 'x-match': 'any', 'x-a': '1' }, { 'x-a': '1' }, false],
  ['all-with-x compares x- keys', { 'x-match': 'all-with-x', 'x-a': '1', b: 'y' }, { b: 'y' }, false],
  ['all-with-x with x- keys present', { 'x-match': 'all-with-x', 'x-a': '1', b: 'y' }, { b: 'y', 'x-a': '1' }, true],
  ['any-with-x matches on an x- key', { 'x-match': 'any-with-x', 'x-a': '1', b: 'y' }, { 'x-a': '1' }, true],
  ['void value means presence', { 'x-match': 'all', a: null }, { a: 'anything' }, true],
  ['void value: absent header', { 'x-match': 'all', a: null }, { b: 'anything' }, false],
  ['a void header equals a void binding value', { 'x-match': 'all', a: null }, { a: null }, true],
  ['no headers at all with all and a key', { 'x-match': 'all', a: '1' }, undefined, false],
  ['an unknown x-match counts as all', { 'x-match': 'bogus', a: '1' }, { a: '1' }, true],
  ['string never equals number', { a: '1' }, { a: 1 }, false],
  ['integer equals float of same value', { a: 1 }, { a: 1.0 }, true],
  ['bigint equals number of same value', { a: 5n }, { a: 5 }, true],
  ['booleans', { a: true }, { a: true }, true],
  ['boolean is not a number', { a: true }, { a: 1 }, false],
  ['keys are case sensitive', { A: '1' }, { a: '1' }, false],
];

describe('headersMatch', () => {
  it.each(cases)('%s', (_name, args, headers, expected) => {
    expect(headersMatch(args, headers)).toBe(expected);
    expect(explainHeadersMatch(args, headers).matched).toBe(expected);
  });

  it('compares typed values (the broker codec) ignoring the top-level tag, like Erlang ==', () => {
    const args = { 'x-match': { type: 'S', value: 'all' }, n: { type: 'I', value: 7 }, s: { type: 'S', value: 'v' } };
    expect(headersMatch(args, { n: { type: 'l', value: 7 }, s: { type: 'x', value: new TextEncoder().encode('v') } })).toBe(true);
    expect(headersMatch(args, { n: { type: 'd', value: 7.0 }, s: { type: 'S', value: 'v' } })).toBe(true);
    expect(headersMatch(args, { n: { type: 'S', value: '7' }, s: { type: 'S', value: 'v' } })).toBe(false);
    expect(headersMatch({ a: { type: 'V', value: null } }, { a: { type: 'I', value: 1 } })).toBe(true);
  });

  it('treats a typed x-match that is not a longstr as all', () => {
    expect(parseXMatch({ 'x-match': { type: 'x', value: new TextEncoder().encode('any') } })).toBe('all');
    expect(parseXMatch({ 'x-match': { type: 'S', value: 'any-with-x' } })).toBe('any-with-x');
  });
});

describe('fieldValuesEqual inside arrays and tables', () => {
  it('requires matching tags for nested typed elements, as Erlang compares {Type, Value}', () => {
    const a = { type: 'A', value: [{ type: 'I', value: 1 }] };
    expect(fieldValuesEqual(a, { type: 'A', value: [{ type: 'I', value: 1 }] })).toBe(true);
    expect(fieldValuesEqual(a, { type: 'A', value: [{ type: 'l', value: 1 }] })).toBe(false);
  });
  it('reads an object as a typed value only when it is exactly { type: <RabbitMQ tag>, value }', () => {
    expect(fieldValuesEqual({ type: 'S', value: 'x' }, 'x')).toBe(true);
    expect(fieldValuesEqual({ type: 'S', value: 'x', extra: 1 }, 'x')).toBe(false);
    expect(fieldValuesEqual({ type: 'nope', value: 'x' }, 'x')).toBe(false);
  });

  it('compares nested tables in key order', () => {
    expect(fieldValuesEqual({ x: 1, y: 2 }, { x: 1, y: 2 })).toBe(true);
    expect(fieldValuesEqual({ x: 1, y: 2 }, { y: 2, x: 1 })).toBe(false);
    expect(fieldValuesEqual([1, 'a'], [1, 'a'])).toBe(true);
    expect(fieldValuesEqual([1, 'a'], [1, 'b'])).toBe(false);
  });
});

describe('xMatchError', () => {
  it('accepts the four modes and an absent x-match', () => {
    for (const m of ['all', 'any', 'all-with-x', 'any-with-x']) expect(xMatchError({ 'x-match': m })).toBeNull();
    expect(xMatchError({ a: 1 })).toBeNull();
    expect(xMatchError(undefined)).toBeNull();
  });
  it("words a bad value and a bad type as RabbitMQ's validate_binding does", () => {
    expect(xMatchError({ 'x-match': 'some' })).toBe(
      'Invalid x-match field value <<"some">>; expected all, any, all-with-x, or any-with-x',
    );
    expect(xMatchError({ 'x-match': { type: 'I', value: 3 } })).toBe(
      'Invalid x-match field type signedint (value 3); expected longstr',
    );
    // Plain values are typed as amqplib encodes them; RabbitMQ answered this text to amqplib's x-match: 1.
    expect(xMatchError({ 'x-match': 1 })).toBe('Invalid x-match field type byte (value 1); expected longstr');
    expect(xMatchError({ 'x-match': 1000 })).toBe('Invalid x-match field type short (value 1000); expected longstr');
  });
});

describe('explainHeadersMatch', () => {
  it('gives a verdict per binding argument', () => {
    const e = explainHeadersMatch({ 'x-match': 'any', 'x-t': '1', a: '1', b: null, c: 'z' }, { a: '2', b: 0 });
    expect(e.mode).toBe('any');
    expect(e.matched).toBe(true);
    expect(e.keys.map((k) => [k.key, k.verdict])).toEqual([
      ['x-match', 'ignored'],
      ['x-t', 'ignored'],
      ['a', 'different'],
      ['b', 'present'],
      ['c', 'missing'],
    ]);
  });
});
