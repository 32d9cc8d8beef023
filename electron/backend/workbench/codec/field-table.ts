import type { FieldTable, FieldValue } from '../../../../shared/model/workbench/field-value.js';

/** What amqplib decodes a field value to (and accepts to encode one). */
type AmqplibValue = unknown;
type TypeTagged = { '!': string; value: unknown };

const isTypeTagged = (value: unknown): value is TypeTagged => typeof value === 'object' && value !== null && Object.hasOwn(value, '!');

/**
 * amqplib's decoded headers → typed values. amqplib keeps no integer/float distinction beyond the
 * value itself, so a double that holds a whole number (2.0) reads back as an int.
 */
export function fromAmqplibValue(value: AmqplibValue): FieldValue {
  if (value === null || value === undefined) return { type: 'void' };
  if (typeof value === 'string') return { type: 'string', value };
  if (typeof value === 'boolean') return { type: 'boolean', value };
  if (typeof value === 'number') return Number.isInteger(value) ? { type: 'int', value } : { type: 'float', value };
  if (typeof value === 'bigint') return { type: 'int', value: Number(value) };
  if (Buffer.isBuffer(value)) return { type: 'bytes', value: value.toString('base64') };
  if (value instanceof Date) return { type: 'timestamp', value: Math.floor(value.getTime() / 1000) };
  if (Array.isArray(value)) return { type: 'array', value: value.map(fromAmqplibValue) };
  if (isTypeTagged(value)) {
    if (value['!'] === 'timestamp' && typeof value.value === 'number') return { type: 'timestamp', value: value.value };
    if (value['!'] === 'decimal' && typeof value.value === 'object' && value.value !== null) {
      const { places, digits } = value.value as { places: number; digits: number };
      return { type: 'decimal', value: { places, digits } };
    }
    return fromAmqplibValue(value.value);
  }
  if (typeof value === 'object') return { type: 'table', value: fromAmqplibTable(value as Record<string, unknown>) };
  return { type: 'string', value: String(value) };
}

export function fromAmqplibTable(table: Record<string, unknown> | undefined | null): FieldTable {
  const out: FieldTable = {};
  if (!table) return out;
  for (const [key, value] of Object.entries(table)) out[key] = fromAmqplibValue(value);
  return out;
}

/** Typed values → what amqplib encodes with exactly that type (floats stay doubles even when whole). */
export function toAmqplibValue(value: FieldValue): AmqplibValue {
  switch (value.type) {
    case 'string':
    case 'boolean':
      return value.value;
    case 'int':
      // amqplib picks the smallest signed integer type that holds the value.
      return value.value;
    case 'float':
      return { '!': 'double', value: value.value };
    case 'timestamp':
      return { '!': 'timestamp', value: value.value };
    case 'bytes':
      return Buffer.from(value.value, 'base64');
    case 'decimal':
      return { '!': 'decimal', value: value.value };
    case 'void':
      return null;
    case 'table':
      return toAmqplibTable(value.value);
    case 'array':
      return value.value.map(toAmqplibValue);
  }
}

export function toAmqplibTable(table: FieldTable): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(table)) out[key] = toAmqplibValue(value);
  return out;
}
