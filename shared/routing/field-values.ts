import type { FieldValue } from './model.js';

/**
 * Equality of field values as RabbitMQ's headers exchange compares them:
 * Erlang `==` on the decoded terms (rabbit_exchange_type_headers.erl matches
 * on `PV == DV`). So the top-level AMQP type is ignored: integers of any
 * width and floats compare by numeric value (1 == 1.0), a longstr and a byte
 * array with the same bytes are equal, a string never equals a number, void
 * equals only void. Inside arrays and nested tables Erlang keeps each
 * element's type tag, so there the tags must agree too.
 *
 * Two value shapes are accepted: typed values `{ type: 'S', value: 'x' }`
 * (the embedded broker's codec, RabbitMQ's tags) and plain decoded values
 * (amqplib, the management API's JSON), where tags are unknown and nested
 * elements compare by value only.
 */
export function fieldValuesEqual(a: FieldValue, b: FieldValue): boolean {
  return looseEqual(unwrapFieldValue(a), unwrapFieldValue(b));
}

/** RabbitMQ's field type tags (rabbit_binary_parser.erl), which the embedded broker's codec also uses. */
export const FIELD_TYPE_NAMES: Readonly<Record<string, string>> = {
  t: 'bool',
  b: 'byte',
  B: 'unsignedbyte',
  s: 'short',
  u: 'unsignedshort',
  I: 'signedint',
  i: 'unsignedint',
  l: 'long',
  f: 'float',
  d: 'double',
  D: 'decimal',
  S: 'longstr',
  x: 'binary',
  A: 'array',
  T: 'timestamp',
  F: 'table',
  V: 'void',
};

export interface TypedFieldValue {
  readonly type: string;
  readonly value: unknown;
}

/** A `{ type, value }` pair whose type is one of RabbitMQ's tags. Checked without allocating: this runs per header per binding. */
export function isTypedFieldValue(v: FieldValue): v is TypedFieldValue {
  if (typeof v !== 'object' || v === null || Array.isArray(v) || v instanceof Uint8Array) return false;
  const o = v as Record<string, unknown>;
  if (typeof o.type !== 'string' || !Object.prototype.hasOwnProperty.call(FIELD_TYPE_NAMES, o.type) || !('value' in o)) return false;
  let keys = 0;
  for (const _ in o) keys++;
  return keys === 2;
}

/**
 * The RabbitMQ type name (longstr, signedint, ...) of a value: from its tag
 * when typed, else the type amqplib would put on the wire for the plain
 * value (the smallest signed integer type that fits, else double).
 */
export function fieldTypeName(v: FieldValue): string {
  if (isTypedFieldValue(v)) return FIELD_TYPE_NAMES[v.type] ?? v.type;
  if (typeof v === 'string') return 'longstr';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'bigint') return 'long';
  if (typeof v === 'number') {
    if (!Number.isInteger(v)) return 'double';
    if (v >= -0x80 && v < 0x80) return 'byte';
    if (v >= -0x8000 && v < 0x8000) return 'short';
    if (v >= -0x80000000 && v < 0x80000000) return 'signedint';
    return 'long';
  }
  if (v === null || v === undefined) return 'void';
  if (v instanceof Uint8Array) return 'binary';
  if (v instanceof Date) return 'timestamp';
  if (Array.isArray(v)) return 'array';
  return 'table';
}

/** The value without its type tag; plain values pass through. */
export function unwrapFieldValue(v: FieldValue): unknown {
  return isTypedFieldValue(v) ? v.value : v;
}

/** Void: a typed 'V', or null/undefined in plain form. */
export function isVoid(v: FieldValue): boolean {
  const u = unwrapFieldValue(v);
  return u === null || u === undefined;
}

function looseEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || a === undefined || b === null || b === undefined) {
    return (a === null || a === undefined) && (b === null || b === undefined);
  }
  if (isNumeric(a) && isNumeric(b)) return numericEqual(a, b);
  // Two different JS strings never have the same UTF-8 bytes; only string-vs-bytes needs encoding.
  if (typeof a === 'string' && typeof b === 'string') return false;
  if (isBinary(a) && isBinary(b)) return bytesEqual(toBytes(a), toBytes(b));
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => nestedEqual(item, b[i]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const ak = Object.keys(a);
    const bk = Object.keys(b);
    return ak.length === bk.length && ak.every((k, i) => k === bk[i] && nestedEqual(a[k], b[k]));
  }
  return false;
}

/** Elements of arrays and nested tables: tags must agree when both sides carry them. */
function nestedEqual(a: unknown, b: unknown): boolean {
  if (isTypedFieldValue(a) && isTypedFieldValue(b)) return a.type === b.type && looseEqual(a.value, b.value);
  return fieldValuesEqual(a, b);
}

function isNumeric(v: unknown): v is number | bigint {
  return typeof v === 'number' || typeof v === 'bigint';
}

function numericEqual(a: number | bigint, b: number | bigint): boolean {
  if (typeof a === typeof b) return a === b;
  // Mixed bigint/number: loose equality is exact here (1n == 1, 1n != 1.5).
  return a == b;
}

function isBinary(v: unknown): v is string | Uint8Array {
  return typeof v === 'string' || v instanceof Uint8Array;
}

const encoder = new TextEncoder();

function toBytes(v: string | Uint8Array): Uint8Array {
  return typeof v === 'string' ? encoder.encode(v) : v;
}

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}
