// AMQP field tables to JSON and back, as rabbit_mgmt_format does: JSON
// integers become signed 64-bit longs, other numbers doubles, strings long
// strings, objects tables, arrays arrays, null void.
import type { FieldTable, FieldValue } from '../protocol/field-table.js';

export function fieldValueToJson(v: FieldValue): unknown {
  switch (v.type) {
    case 'F': return fieldTableToJson(v.value);
    case 'A': return v.value.map(fieldValueToJson);
    case 'S': return typeof v.value === 'string' ? v.value : v.value.toString('utf8');
    case 'x': return v.value.toString('utf8');
    case 'V': return null;
    case 'D': return v.value.value / 10 ** v.value.scale;
    case 'l': case 'T': return typeof v.value === 'bigint' ? Number(v.value) : v.value;
    default: return v.value;
  }
}

/** Sets a key as an own property, so a key named "__proto__" stays data and never becomes a prototype. */
function put<T>(o: Record<string, T>, k: string, v: T): void {
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
}

export function fieldTableToJson(t: FieldTable): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(t)) put(out, k, fieldValueToJson(v));
  return out;
}

export function jsonToFieldValue(v: unknown): FieldValue {
  if (v === null || v === undefined) return { type: 'V', value: null };
  if (typeof v === 'boolean') return { type: 't', value: v };
  if (typeof v === 'number') return Number.isInteger(v) ? { type: 'l', value: v } : { type: 'd', value: v };
  if (typeof v === 'string') return { type: 'S', value: v };
  if (Array.isArray(v)) return { type: 'A', value: v.map(jsonToFieldValue) };
  return { type: 'F', value: jsonToFieldTable(v as Record<string, unknown>) };
}

export function jsonToFieldTable(o: Record<string, unknown>): FieldTable {
  const out: FieldTable = {};
  for (const [k, v] of Object.entries(o)) put(out, k, jsonToFieldValue(v));
  return out;
}
