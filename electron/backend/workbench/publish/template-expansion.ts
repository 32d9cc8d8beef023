import type { FieldTable, FieldValue } from '../../../../shared/model/workbench/field-value.js';
import type { MessageProperties } from '../../../../shared/model/workbench/message.js';

/** What one publish's placeholders stand for. */
export interface TemplateValues {
  /** 1 for the run's first publish. */
  counter: number;
  uuid(): string;
  /** ISO 8601 time of this publish. */
  now(): string;
}

const PLACEHOLDER = /\{\{(counter|uuid|now)\}\}/g;

/** {{counter}}, {{uuid}} (a new one per occurrence) and {{now}} replaced; anything else left as typed. */
export function expandText(text: string, values: TemplateValues): string {
  if (!text.includes('{{')) return text;
  return text.replace(PLACEHOLDER, (_, name: string) => (name === 'counter' ? String(values.counter) : name === 'uuid' ? values.uuid() : values.now()));
}

function expandValue(value: FieldValue, values: TemplateValues): FieldValue {
  switch (value.type) {
    case 'string':
      return { type: 'string', value: expandText(value.value, values) };
    case 'table':
      return { type: 'table', value: expandHeaders(value.value, values) };
    case 'array':
      return { type: 'array', value: value.value.map((item) => expandValue(item, values)) };
    default:
      return value;
  }
}

/** String headers expanded, nested tables and arrays included; other types are not text and stay as they are. */
export function expandHeaders(headers: FieldTable, values: TemplateValues): FieldTable {
  const out: FieldTable = {};
  for (const [name, value] of Object.entries(headers)) out[name] = expandValue(value, values);
  return out;
}

const STRING_PROPERTIES = ['contentType', 'contentEncoding', 'expiration', 'messageId', 'correlationId', 'replyTo', 'type', 'userId', 'appId'] as const;

export function expandProperties(properties: MessageProperties, values: TemplateValues): MessageProperties {
  const out: MessageProperties = { ...properties };
  for (const key of STRING_PROPERTIES) {
    const value = out[key];
    if (value !== undefined) out[key] = expandText(value, values);
  }
  return out;
}
