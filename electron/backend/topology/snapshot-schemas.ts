import { z } from 'zod';

/**
 * The management API rows the topology snapshot reads, tolerant the way
 * raw-schemas.ts is: names are required, flags and tables fall back, because
 * RabbitMQ versions and the embedded broker differ in what they omit.
 */
const flag = z.boolean().nullish().catch(null);
const text = z.string().nullish().catch(null);
/** Erlang's empty proplist serializes as [] in some versions, a map in others. */
const table = z
  .union([z.record(z.string(), z.unknown()), z.array(z.unknown()).transform((): Record<string, unknown> => ({}))])
  .nullish()
  .catch(null);

export const SnapshotExchange = z.object({
  name: z.string(),
  type: text,
  durable: flag,
  auto_delete: flag,
  internal: flag,
  arguments: table,
  policy: text,
});

export const SnapshotQueue = z.object({
  name: z.string(),
  type: text,
  durable: flag,
  auto_delete: flag,
  exclusive: flag,
  arguments: table,
  policy: text,
});

export const SnapshotBinding = z.object({
  source: z.string(),
  destination: z.string(),
  destination_type: z.string(),
  routing_key: z.string().catch(''),
  arguments: table,
  properties_key: text,
});

export const SnapshotPolicy = z.object({
  name: z.string(),
  pattern: z.string().catch(''),
  'apply-to': text,
  priority: z.number().nullish().catch(null),
  definition: table,
});
