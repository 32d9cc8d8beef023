import { z } from 'zod';

/**
 * RabbitMQ's definitions format (GET /api/definitions and
 * /api/definitions/{vhost}, 3.x and 4.x). Objects pass extra fields through:
 * newer RabbitMQ versions add some (limits, metadata, default_queue_type),
 * and a file must not be refused for them.
 */
const str = z.string();
const args = z.record(z.string(), z.unknown());
/** 3.x writes tags as "a,b"; 3.9+ and 4.x as a list. */
const tags = z.union([z.string(), z.array(z.string())]);

export const RawVhost = z.looseObject({
  name: str,
  description: str.optional(),
  tags: tags.optional(),
  metadata: z.looseObject({ description: str.optional(), tags: tags.optional() }).optional(),
});
export const RawUser = z.looseObject({
  name: str,
  password_hash: str,
  hashing_algorithm: str.optional(),
  tags,
});
export const RawPermission = z.looseObject({ user: str, vhost: str, configure: str, write: str, read: str });
export const RawTopicPermission = z.looseObject({ user: str, vhost: str, exchange: str, write: str, read: str });
export const RawParameter = z.looseObject({ vhost: str.optional(), component: str, name: str, value: z.unknown() });
export const RawGlobalParameter = z.looseObject({ name: str, value: z.unknown() });
export const RawPolicy = z.looseObject({
  vhost: str.optional(),
  name: str,
  pattern: str,
  'apply-to': z.enum(['all', 'queues', 'exchanges', 'classic_queues', 'quorum_queues', 'streams']).optional(),
  definition: args,
  priority: z.number().int().optional(),
});
export const RawExchange = z.looseObject({
  vhost: str.optional(),
  name: str,
  type: str,
  durable: z.boolean(),
  auto_delete: z.boolean(),
  internal: z.boolean().optional(),
  arguments: args.optional(),
});
export const RawQueue = z.looseObject({
  vhost: str.optional(),
  name: str,
  /** RabbitMQ 3.13+ names the type here as well as in arguments.x-queue-type. */
  type: str.optional(),
  durable: z.boolean(),
  auto_delete: z.boolean(),
  arguments: args.optional(),
});
export const RawBinding = z.looseObject({
  vhost: str.optional(),
  source: str,
  destination: str,
  destination_type: z.enum(['queue', 'exchange']),
  routing_key: str,
  arguments: args.optional(),
});

export const RawDefinitions = z.looseObject({
  rabbit_version: str.optional(),
  rabbitmq_version: str.optional(),
  users: z.array(RawUser).optional(),
  vhosts: z.array(RawVhost).optional(),
  permissions: z.array(RawPermission).optional(),
  topic_permissions: z.array(RawTopicPermission).optional(),
  parameters: z.array(RawParameter).optional(),
  global_parameters: z.array(RawGlobalParameter).optional(),
  policies: z.array(RawPolicy).optional(),
  queues: z.array(RawQueue).optional(),
  exchanges: z.array(RawExchange).optional(),
  bindings: z.array(RawBinding).optional(),
});
export type RawDefinitions = z.infer<typeof RawDefinitions>;

/** The sections of a file, in RabbitMQ's own order. */
export const SECTIONS = [
  'users', 'vhosts', 'permissions', 'topic_permissions', 'parameters', 'global_parameters', 'policies', 'queues', 'exchanges', 'bindings',
] as const;
export type Section = (typeof SECTIONS)[number];
