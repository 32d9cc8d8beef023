import type { MessageProperties as AmqplibProperties } from 'amqplib';
import type { FieldTable } from '../../../../shared/model/workbench/field-value.js';
import type { MessageProperties, ReceivedProperties } from '../../../../shared/model/workbench/message.js';
import { fromAmqplibTable, toAmqplibTable } from './field-table.js';

const KEYS = [
  'contentType',
  'contentEncoding',
  'deliveryMode',
  'priority',
  'expiration',
  'messageId',
  'correlationId',
  'replyTo',
  'type',
  'userId',
  'appId',
  'timestamp',
] as const;

/** A delivery's properties as the workbench shows them; absent ones are left out, headers come typed. */
export function fromAmqplibProperties(properties: AmqplibProperties): { properties: ReceivedProperties; headers: FieldTable } {
  const out: Record<string, unknown> = {};
  const source = properties as unknown as Record<string, unknown>;
  for (const key of KEYS) {
    const value = source[key];
    if (value === undefined || value === null) continue;
    out[key] = key === 'expiration' ? String(value) : key === 'timestamp' && typeof value === 'object' && value instanceof Date ? Math.floor(value.getTime() / 1000) : value;
  }
  return { properties: out as ReceivedProperties, headers: fromAmqplibTable(properties.headers as Record<string, unknown> | undefined) };
}

/** The options amqplib's publish takes for these properties and headers. */
export function toAmqplibPublishOptions(properties: MessageProperties | ReceivedProperties, headers: FieldTable): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  for (const key of KEYS) {
    const value = (properties as Record<string, unknown>)[key];
    if (value !== undefined) options[key] = value;
  }
  options.headers = toAmqplibTable(headers);
  return options;
}
