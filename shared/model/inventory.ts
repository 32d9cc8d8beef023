import { z } from 'zod';

/** Rates are messages per second as the broker reports them; null when it reports none. */
const rate = z.number().nullable();

export const OverviewModel = z.object({
  productName: z.string(),
  productVersion: z.string(),
  managementVersion: z.string().nullable(),
  /** Null for a broker that is not Erlang (Warren's embedded broker). */
  erlangVersion: z.string().nullable(),
  /** What a non-Erlang broker says it runs on ("Node.js v20.11.0"); null for RabbitMQ. */
  runtime: z.string().nullable(),
  clusterName: z.string().nullable(),
  node: z.string().nullable(),
  /** False when the broker reports no message statistics (RabbitMQ 4 with metrics off, or a fresh node). */
  statsAvailable: z.boolean(),
  totals: z.object({
    connections: z.number(),
    channels: z.number(),
    consumers: z.number(),
    exchanges: z.number(),
    queues: z.number(),
    messages: z.number(),
    messagesReady: z.number(),
    messagesUnacked: z.number(),
  }),
  rates: z.object({
    publish: rate,
    deliver: rate,
    ack: rate,
    redeliver: rate,
  }),
});
export type OverviewModel = z.infer<typeof OverviewModel>;

/** Short labels for the x-arguments a queue carries, shown as badges. */
export const QueueBadge = z.enum(['DLX', 'TTL', 'Exp', 'Lim', 'LimB', 'Pri', 'SAC', 'Lazy', 'Excl', 'AD', 'D']);
export type QueueBadge = z.infer<typeof QueueBadge>;

export const QueueRow = z.object({
  /** vhost + "\u0000" + name: unique across a broker. */
  key: z.string(),
  vhost: z.string(),
  name: z.string(),
  type: z.string(),
  state: z.string(),
  durable: z.boolean(),
  autoDelete: z.boolean(),
  exclusive: z.boolean(),
  ready: z.number(),
  unacked: z.number(),
  total: z.number(),
  consumers: z.number(),
  publishRate: rate,
  deliverRate: rate,
  policy: z.string().nullable(),
  arguments: z.record(z.string(), z.unknown()),
  badges: z.array(QueueBadge),
});
export type QueueRow = z.infer<typeof QueueRow>;

export const ExchangeRow = z.object({
  key: z.string(),
  vhost: z.string(),
  name: z.string(),
  type: z.string(),
  durable: z.boolean(),
  autoDelete: z.boolean(),
  internal: z.boolean(),
  arguments: z.record(z.string(), z.unknown()),
  /** Bindings where this exchange is the source. */
  bindingsOut: z.number(),
  /** Bindings where this exchange is the destination (exchange-to-exchange). */
  bindingsIn: z.number(),
  publishInRate: rate,
  publishOutRate: rate,
});
export type ExchangeRow = z.infer<typeof ExchangeRow>;

export const ConnectionRow = z.object({
  key: z.string(),
  name: z.string(),
  vhost: z.string(),
  user: z.string(),
  state: z.string(),
  protocol: z.string(),
  peer: z.string(),
  clientName: z.string().nullable(),
  clientProduct: z.string().nullable(),
  channels: z.number(),
  recvRate: rate,
  sendRate: rate,
  connectedAt: z.number().nullable(),
});
export type ConnectionRow = z.infer<typeof ConnectionRow>;

export const ChannelRow = z.object({
  key: z.string(),
  name: z.string(),
  connectionName: z.string(),
  number: z.number(),
  vhost: z.string(),
  user: z.string(),
  state: z.string(),
  consumers: z.number(),
  prefetch: z.number(),
  globalPrefetch: z.number(),
  unacked: z.number(),
  unconfirmed: z.number(),
  confirm: z.boolean(),
  transactional: z.boolean(),
  publishRate: rate,
  deliverRate: rate,
  ackRate: rate,
});
export type ChannelRow = z.infer<typeof ChannelRow>;

export const ConsumerRow = z.object({
  key: z.string(),
  vhost: z.string(),
  queue: z.string(),
  consumerTag: z.string(),
  channelName: z.string(),
  connectionName: z.string().nullable(),
  ackRequired: z.boolean(),
  exclusive: z.boolean(),
  prefetch: z.number(),
  active: z.boolean(),
  arguments: z.record(z.string(), z.unknown()),
});
export type ConsumerRow = z.infer<typeof ConsumerRow>;

export const VhostRow = z.object({
  key: z.string(),
  name: z.string(),
  messages: z.number(),
  messagesReady: z.number(),
  messagesUnacked: z.number(),
});
export type VhostRow = z.infer<typeof VhostRow>;

/** Everything the views show of one broker at one moment. */
export const Inventory = z.object({
  overview: OverviewModel.nullable(),
  vhosts: z.array(VhostRow),
  queues: z.array(QueueRow),
  exchanges: z.array(ExchangeRow),
  connections: z.array(ConnectionRow),
  channels: z.array(ChannelRow),
  consumers: z.array(ConsumerRow),
});
export type Inventory = z.infer<typeof Inventory>;

export const INVENTORY_COLLECTIONS = ['vhosts', 'queues', 'exchanges', 'connections', 'channels', 'consumers'] as const;
export type InventoryCollection = (typeof INVENTORY_COLLECTIONS)[number];

export const emptyInventory = (): Inventory => ({
  overview: null,
  vhosts: [],
  queues: [],
  exchanges: [],
  connections: [],
  channels: [],
  consumers: [],
});

/** The key rows are identified by within a broker. */
export const rowKey = (vhost: string, name: string): string => `${vhost}\u0000${name}`;
