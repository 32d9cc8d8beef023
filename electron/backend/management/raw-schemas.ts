import { z } from 'zod';

/**
 * The RabbitMQ management API responses, as far as Warren reads them.
 * Identity fields (name, vhost) are required; everything statistical is
 * optional and falls back to null on an unexpected value, because brokers
 * routinely omit it: a queue created a moment ago has no stats yet, RabbitMQ 4
 * with metrics collection off reports none, `columns=` trims the rest.
 */
const count = z.number().nullish().catch(null);
const text = z.string().nullish().catch(null);
const flag = z.boolean().nullish().catch(null);
const detail = z.object({ rate: count }).nullish().catch(null);
/** Erlang's empty proplist serializes as [] in some versions, a map in others. */
const table = z
  .union([z.record(z.string(), z.unknown()), z.array(z.unknown()).transform((): Record<string, unknown> => ({}))])
  .nullish()
  .catch(null);

export const RawQueue = z.object({
  name: z.string(),
  vhost: z.string(),
  type: text,
  state: text,
  durable: flag,
  auto_delete: flag,
  exclusive: flag,
  messages: count,
  messages_ready: count,
  messages_unacknowledged: count,
  consumers: count,
  policy: text,
  arguments: table,
  effective_policy_definition: table,
  message_bytes: count,
  message_stats: z
    .object({ publish_details: detail, deliver_get_details: detail, publish: count, deliver_get: count, ack: count, redeliver: count })
    .nullish()
    .catch(null),
});
export type RawQueue = z.infer<typeof RawQueue>;

export const RawExchange = z.object({
  name: z.string(),
  vhost: z.string(),
  type: text,
  durable: flag,
  auto_delete: flag,
  internal: flag,
  arguments: table,
  message_stats: z.object({ publish_in_details: detail, publish_out_details: detail }).nullish().catch(null),
});
export type RawExchange = z.infer<typeof RawExchange>;

export const RawBinding = z.object({
  source: z.string(),
  vhost: z.string(),
  destination: z.string(),
  destination_type: z.string(),
  routing_key: z.string().catch(''),
  arguments: table,
});
export type RawBinding = z.infer<typeof RawBinding>;

export const RawConnection = z.object({
  name: z.string(),
  vhost: text,
  user: text,
  state: text,
  protocol: text,
  peer_host: text,
  peer_port: count,
  channels: count,
  connected_at: count,
  client_properties: z
    .object({ connection_name: text, product: text, version: text })
    .nullish()
    .catch(null),
  recv_oct_details: detail,
  send_oct_details: detail,
});
export type RawConnection = z.infer<typeof RawConnection>;

export const RawChannel = z.object({
  name: z.string(),
  number: count,
  vhost: text,
  user: text,
  state: text,
  consumer_count: count,
  prefetch_count: count,
  global_prefetch_count: count,
  messages_unacknowledged: count,
  messages_unconfirmed: count,
  confirm: flag,
  transactional: flag,
  connection_details: z.object({ name: text }).nullish().catch(null),
  message_stats: z
    .object({ publish_details: detail, deliver_get_details: detail, ack_details: detail })
    .nullish()
    .catch(null),
});
export type RawChannel = z.infer<typeof RawChannel>;

export const RawConsumer = z.object({
  consumer_tag: z.string(),
  queue: z.object({ name: z.string(), vhost: z.string() }),
  channel_details: z.object({ name: text, connection_name: text }).nullish().catch(null),
  ack_required: flag,
  exclusive: flag,
  prefetch_count: count,
  active: flag,
  arguments: table,
});
export type RawConsumer = z.infer<typeof RawConsumer>;

export const RawVhost = z.object({
  name: z.string(),
  messages: count,
  messages_ready: count,
  messages_unacknowledged: count,
});
export type RawVhost = z.infer<typeof RawVhost>;

export const RawOverview = z.object({
  product_name: text,
  product_version: text,
  rabbitmq_version: text,
  management_version: text,
  erlang_version: text,
  /** Warren's embedded broker: what it runs on, as it has no Erlang. */
  runtime: text,
  cluster_name: text,
  node: text,
  disable_stats: flag,
  object_totals: z
    .object({ connections: count, channels: count, consumers: count, exchanges: count, queues: count })
    .nullish()
    .catch(null),
  queue_totals: z
    .union([z.object({ messages: count, messages_ready: count, messages_unacknowledged: count }), z.array(z.unknown()).transform(() => null)])
    .nullish()
    .catch(null),
  message_stats: z
    .union([
      z.object({ publish_details: detail, deliver_get_details: detail, ack_details: detail, redeliver_details: detail }),
      z.array(z.unknown()).transform(() => null),
    ])
    .nullish()
    .catch(null),
});
export type RawOverview = z.infer<typeof RawOverview>;

export const RawPermission = z.object({ user: z.string(), vhost: z.string() });
export type RawPermission = z.infer<typeof RawPermission>;

export const RawWhoami = z.object({ name: z.string(), tags: z.union([z.array(z.string()), z.string()]).nullish().catch(null) });
export type RawWhoami = z.infer<typeof RawWhoami>;

/** The envelope of a paginated listing (`?page=N&page_size=M&pagination=true`). */
export const RawPage = z.object({
  items: z.array(z.unknown()),
  page: z.number(),
  page_count: z.number(),
  page_size: z.number(),
  total_count: z.number().nullish(),
  filtered_count: z.number().nullish(),
});
export type RawPage = z.infer<typeof RawPage>;
