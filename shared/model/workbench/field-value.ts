import { z } from 'zod';

/**
 * An AMQP field-table value with its type kept, so headers survive a round
 * trip (consume, edit, republish) without a number turning into a string or
 * a byte array into text. amqplib encodes `{ '!': type, value }` with these
 * types; plain JSON cannot tell an int from a float or bytes from text.
 */
export type FieldValue =
  | { type: 'string'; value: string }
  | { type: 'int'; value: number }
  | { type: 'float'; value: number }
  | { type: 'boolean'; value: boolean }
  /** Seconds since the epoch, as AMQP timestamps are. */
  | { type: 'timestamp'; value: number }
  /** Base64. */
  | { type: 'bytes'; value: string }
  | { type: 'decimal'; value: { places: number; digits: number } }
  | { type: 'void' }
  | { type: 'table'; value: FieldTable }
  | { type: 'array'; value: FieldValue[] };

export type FieldTable = { [name: string]: FieldValue };

const MAX_DEPTH_NOTE = 'nested tables and arrays are limited to what one AMQP frame can carry';

export const FieldValue: z.ZodType<FieldValue> = z.lazy(() =>
  z.discriminatedUnion('type', [
    z.object({ type: z.literal('string'), value: z.string() }).strict(),
    z.object({ type: z.literal('int'), value: z.number().int() }).strict(),
    z.object({ type: z.literal('float'), value: z.number() }).strict(),
    z.object({ type: z.literal('boolean'), value: z.boolean() }).strict(),
    z.object({ type: z.literal('timestamp'), value: z.number().int().min(0) }).strict(),
    z.object({ type: z.literal('bytes'), value: z.string().base64() }).strict(),
    z.object({ type: z.literal('decimal'), value: z.object({ places: z.number().int().min(0).max(255), digits: z.number().int() }).strict() }).strict(),
    z.object({ type: z.literal('void') }).strict(),
    z.object({ type: z.literal('table'), value: FieldTable }).strict(),
    z.object({ type: z.literal('array'), value: z.array(FieldValue).max(10_000, MAX_DEPTH_NOTE) }).strict(),
  ]),
);

export const FieldTable: z.ZodType<FieldTable> = z.lazy(() => z.record(z.string().max(255), FieldValue));
