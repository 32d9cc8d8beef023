import type { FieldValue } from '../../shared/model/workbench/field-value.js';

/** The AMQP type of a header value, as the detail pane labels it. */
export const FIELD_TYPE_LABELS: Record<FieldValue['type'], string> = {
  string: 'string',
  int: 'int',
  float: 'float',
  boolean: 'bool',
  timestamp: 'timestamp',
  bytes: 'bytes',
  decimal: 'decimal',
  void: 'void',
  table: 'table',
  array: 'array',
};

/** A header value in one line: strings quoted, timestamps as ISO dates, tables and arrays spelled out. */
export function formatFieldValue(value: FieldValue): string {
  switch (value.type) {
    case 'string':
      return JSON.stringify(value.value);
    case 'int':
    case 'float':
      return String(value.value);
    case 'boolean':
      return String(value.value);
    case 'timestamp':
      return new Date(value.value * 1000).toISOString();
    case 'bytes':
      return `0x${Array.from(atob(value.value), (c) => c.charCodeAt(0).toString(16).padStart(2, '0')).join('')}`;
    case 'decimal':
      return (value.value.digits / 10 ** value.value.places).toFixed(value.value.places);
    case 'void':
      return 'void';
    case 'table':
      return `{ ${Object.entries(value.value)
        .map(([k, v]) => `${k}: ${formatFieldValue(v)}`)
        .join(', ')} }`;
    case 'array':
      return `[${value.value.map(formatFieldValue).join(', ')}]`;
  }
}
