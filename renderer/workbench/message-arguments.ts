import type { FieldTable, FieldValue } from '../../shared/model/workbench/field-value.js';

function toFieldValue(value: unknown, path: string): FieldValue {
  if (value === null) return { type: 'void' };
  if (typeof value === 'string') return { type: 'string', value };
  if (typeof value === 'boolean') return { type: 'boolean', value };
  if (typeof value === 'number') return Number.isInteger(value) ? { type: 'int', value } : { type: 'float', value };
  if (Array.isArray(value)) return { type: 'array', value: value.map((v, i) => toFieldValue(v, `${path}[${i}]`)) };
  if (typeof value === 'object') return { type: 'table', value: toFieldTable(value as Record<string, unknown>, path) };
  throw new Error(`${path} cannot be sent as an AMQP value`);
}

function toFieldTable(object: Record<string, unknown>, path: string): FieldTable {
  const table: FieldTable = {};
  for (const [key, value] of Object.entries(object)) table[key] = toFieldValue(value, `${path}.${key}`);
  return table;
}

/**
 * Consumer or binding arguments typed as a JSON object: whole numbers become
 * AMQP ints, other numbers floats, null void, objects tables. Empty text is no arguments.
 */
export function parseArguments(text: string): { ok: true; table: FieldTable } | { ok: false; error: string } {
  if (text.trim() === '') return { ok: true, table: {} };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `Arguments are not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return { ok: false, error: 'Arguments must be a JSON object, e.g. {"x-stream-offset": "first"}' };
  return { ok: true, table: toFieldTable(parsed as Record<string, unknown>, '$') };
}
