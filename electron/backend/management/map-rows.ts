import {
  type ChannelRow,
  type ConnectionRow,
  type ConsumerRow,
  type ExchangeRow,
  type OverviewModel,
  type QueueRow,
  type VhostRow,
  rowKey,
} from '../../../shared/model/inventory.js';
import { queueBadges } from './queue-badges.js';
import type {
  RawBinding,
  RawChannel,
  RawConnection,
  RawConsumer,
  RawExchange,
  RawOverview,
  RawQueue,
  RawVhost,
} from './raw-schemas.js';

/** From the management API's shapes to the rows the views show. Pure functions. */

const n = (value: number | null | undefined): number => value ?? 0;
const rate = (detail: { rate?: number | null | undefined } | null | undefined): number | null => detail?.rate ?? null;

export function toQueueRow(q: RawQueue): QueueRow {
  const ready = n(q.messages_ready);
  const unacked = n(q.messages_unacknowledged);
  const args = q.arguments ?? {};
  const durable = q.durable ?? false;
  const autoDelete = q.auto_delete ?? false;
  const exclusive = q.exclusive ?? false;
  return {
    key: rowKey(q.vhost, q.name),
    vhost: q.vhost,
    name: q.name,
    // Before its first stats emission a queue has no type or state: classic and running are what RabbitMQ then reports.
    type: q.type ?? (typeof args['x-queue-type'] === 'string' ? args['x-queue-type'] : 'classic'),
    state: q.state ?? 'running',
    durable,
    autoDelete,
    exclusive,
    ready,
    unacked,
    total: q.messages ?? ready + unacked,
    consumers: n(q.consumers),
    publishRate: rate(q.message_stats?.publish_details),
    deliverRate: rate(q.message_stats?.deliver_get_details),
    policy: q.policy ?? null,
    arguments: args,
    badges: queueBadges({ durable, autoDelete, exclusive, arguments: args, effectivePolicy: q.effective_policy_definition ?? {} }),
  };
}

/** Binding counts per exchange key: out = as source, in = as destination (exchange-to-exchange). */
export function countBindings(bindings: readonly RawBinding[]): { out: Map<string, number>; in: Map<string, number> } {
  const out = new Map<string, number>();
  const into = new Map<string, number>();
  for (const b of bindings) {
    const source = rowKey(b.vhost, b.source);
    out.set(source, (out.get(source) ?? 0) + 1);
    if (b.destination_type === 'exchange') {
      const destination = rowKey(b.vhost, b.destination);
      into.set(destination, (into.get(destination) ?? 0) + 1);
    }
  }
  return { out, in: into };
}

export function toExchangeRow(e: RawExchange, counts: ReturnType<typeof countBindings>): ExchangeRow {
  const key = rowKey(e.vhost, e.name);
  return {
    key,
    vhost: e.vhost,
    name: e.name,
    type: e.type ?? 'direct',
    durable: e.durable ?? false,
    autoDelete: e.auto_delete ?? false,
    internal: e.internal ?? false,
    arguments: e.arguments ?? {},
    bindingsOut: counts.out.get(key) ?? 0,
    bindingsIn: counts.in.get(key) ?? 0,
    publishInRate: rate(e.message_stats?.publish_in_details),
    publishOutRate: rate(e.message_stats?.publish_out_details),
  };
}

export function toConnectionRow(c: RawConnection): ConnectionRow {
  const product = c.client_properties?.product ?? null;
  const version = c.client_properties?.version ?? null;
  return {
    key: c.name,
    name: c.name,
    vhost: c.vhost ?? '',
    user: c.user ?? '',
    state: c.state ?? 'unknown',
    protocol: c.protocol ?? '',
    peer: c.peer_host ? `${c.peer_host}:${c.peer_port ?? ''}` : '',
    clientName: c.client_properties?.connection_name ?? null,
    clientProduct: product ? (version ? `${product} ${version}` : product) : null,
    channels: n(c.channels),
    recvRate: rate(c.recv_oct_details),
    sendRate: rate(c.send_oct_details),
    connectedAt: c.connected_at ?? null,
  };
}

export function toChannelRow(c: RawChannel): ChannelRow {
  return {
    key: c.name,
    name: c.name,
    connectionName: c.connection_details?.name ?? '',
    number: n(c.number),
    vhost: c.vhost ?? '',
    user: c.user ?? '',
    state: c.state ?? 'unknown',
    consumers: n(c.consumer_count),
    prefetch: n(c.prefetch_count),
    globalPrefetch: n(c.global_prefetch_count),
    unacked: n(c.messages_unacknowledged),
    unconfirmed: n(c.messages_unconfirmed),
    confirm: c.confirm ?? false,
    transactional: c.transactional ?? false,
    publishRate: rate(c.message_stats?.publish_details),
    deliverRate: rate(c.message_stats?.deliver_get_details),
    ackRate: rate(c.message_stats?.ack_details),
  };
}

export function toConsumerRow(c: RawConsumer): ConsumerRow {
  const channelName = c.channel_details?.name ?? '';
  return {
    // A consumer tag is unique per channel, not per broker.
    key: `${channelName}\u0000${c.consumer_tag}`,
    vhost: c.queue.vhost,
    queue: c.queue.name,
    consumerTag: c.consumer_tag,
    channelName,
    connectionName: c.channel_details?.connection_name ?? null,
    ackRequired: c.ack_required ?? false,
    exclusive: c.exclusive ?? false,
    prefetch: n(c.prefetch_count),
    // Absent on brokers without single-active-consumer support: every consumer is then active.
    active: c.active ?? true,
    arguments: c.arguments ?? {},
  };
}

export function toVhostRow(v: RawVhost): VhostRow {
  return {
    key: v.name,
    name: v.name,
    messages: n(v.messages),
    messagesReady: n(v.messages_ready),
    messagesUnacked: n(v.messages_unacknowledged),
  };
}

export function toOverview(o: RawOverview): OverviewModel {
  const totals = o.object_totals;
  const queueTotals = o.queue_totals;
  const stats = o.message_stats;
  return {
    productName: o.product_name ?? 'RabbitMQ',
    productVersion: o.product_version ?? o.rabbitmq_version ?? 'unknown',
    managementVersion: o.management_version ?? null,
    erlangVersion: o.erlang_version ?? null,
    runtime: o.runtime ?? null,
    clusterName: o.cluster_name ?? null,
    node: o.node ?? null,
    statsAvailable: o.disable_stats !== true && stats != null,
    totals: {
      connections: n(totals?.connections),
      channels: n(totals?.channels),
      consumers: n(totals?.consumers),
      exchanges: n(totals?.exchanges),
      queues: n(totals?.queues),
      messages: n(queueTotals?.messages),
      messagesReady: n(queueTotals?.messages_ready),
      messagesUnacked: n(queueTotals?.messages_unacknowledged),
    },
    rates: {
      publish: rate(stats?.publish_details),
      deliver: rate(stats?.deliver_get_details),
      ack: rate(stats?.ack_details),
      redeliver: rate(stats?.redeliver_details),
    },
  };
}
