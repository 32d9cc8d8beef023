// The JSON objects of the management API, with RabbitMQ 3.10's field names
// and types. Statistics RabbitMQ reports that this broker cannot measure
// (Erlang memory, reductions, garbage collection, backing queue internals,
// persistence counters) are left out, as RabbitMQ leaves out stats it lacks.
import type { Channel } from '../channel.js';
import type { Connection } from '../connection.js';
import type { Consumer } from '../consumer.js';
import type { Queue } from '../queue.js';
import type { Exchange, VirtualHost } from '../vhost.js';
import type { RoutingBinding } from '../../../shared/routing/index.js';
import type { FieldTable } from '../protocol/field-table.js';
import { queueTypeOf } from '../policy/policies.js';
import { BROKER_VERSION } from '../server-properties.js';
import { countersOf, lastActivityOf } from '../stats/message-stats.js';
import type { SampleRange } from '../stats/samples.js';
import { fieldTableToJson } from './json-table.js';
import { bindingPropertiesKey } from './properties-key.js';
import type { ManagementState } from './state.js';
import type { Row } from './listing.js';

/** Sample ranges asked for with lengths_age/_incr, msg_rates_age/_incr, data_rates_age/_incr. */
export interface Ranges {
  lengths?: SampleRange;
  msgRates?: SampleRange;
  dataRates?: SampleRange;
}

export function rangesFrom(query: URLSearchParams): Ranges {
  const range = (prefix: string): SampleRange | undefined => {
    const age = Number(query.get(`${prefix}_age`));
    const incr = Number(query.get(`${prefix}_incr`));
    return age > 0 && incr > 0 ? { ageMs: age * 1000, incrMs: incr * 1000 } : undefined;
  };
  return { lengths: range('lengths'), msgRates: range('msg_rates'), dataRates: range('data_rates') };
}

/** RabbitMQ's idle_since format: 2026-11-22T10:16:51.780+00:00. */
export function formatTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+00:00');
}

export function argumentsJson(t: FieldTable): Record<string, unknown> {
  return fieldTableToJson(t);
}

function messageStats(state: ManagementState, owner: object, ranges: Ranges): Row | undefined {
  const counters = countersOf(owner);
  const keys = Object.keys(counters).sort();
  if (keys.length === 0) return undefined;
  const out: Row = {};
  for (const k of keys) {
    out[k] = counters[k];
    out[`${k}_details`] = state.sampler.details(owner, k, ranges.msgRates);
  }
  return out;
}

function withStats(row: Row, stats: Row | undefined): Row {
  if (stats) row.message_stats = stats;
  return row;
}

/** Live numbers of a queue, sampled for rates and used by the views. */
export interface QueueNumbers {
  messages: number;
  messages_ready: number;
  messages_unacknowledged: number;
  message_bytes: number;
  message_bytes_ready: number;
  message_bytes_unacknowledged: number;
}

/** Unacknowledged bytes per queue, from every open channel. */
export function unackedBytesByQueue(state: ManagementState): Map<Queue, number> {
  const out = new Map<Queue, number>();
  for (const conn of state.server.connections) {
    for (const ch of conn.info().channels) {
      for (const u of ch.info().unacked) out.set(u.queue, (out.get(u.queue) ?? 0) + u.bytes);
    }
  }
  return out;
}

export function queueNumbers(q: Queue, unackedBytes: Map<Queue, number>): QueueNumbers {
  const unackedB = unackedBytes.get(q) ?? 0;
  return {
    messages: q.messageCount + q.unackedCount,
    messages_ready: q.messageCount,
    messages_unacknowledged: q.unackedCount,
    message_bytes: q.messageBytes + unackedB,
    message_bytes_ready: q.messageBytes,
    message_bytes_unacknowledged: unackedB,
  };
}

/**
 * consumer_utilisation / consumer_capacity, measured at the moment of the
 * request: 0 without consumers; 1 when nothing waits for a consumer; otherwise
 * the share of consumers that could take a message now.
 */
function consumerCapacity(q: Queue): number {
  const consumers = q.consumerList();
  if (consumers.length === 0) return 0;
  if (q.messageCount === 0) return 1;
  return consumers.filter((c) => c.owner.canDeliver(c)).length / consumers.length;
}

export function queueView(state: ManagementState, q: Queue, ranges: Ranges, unackedBytes: Map<Queue, number>): Row {
  const n = queueNumbers(q, unackedBytes);
  // Stored messages beyond the memory budget are on disk only (docs/storage.md); paged entries are always ready ones.
  const paged = q.journal?.pagedMessages ?? 0;
  const pagedBytes = q.journal?.pagedBytes ?? 0;
  const capacity = consumerCapacity(q);
  const consumers = q.consumerList();
  const policy = state.policies.match(q.vhost, 'queue', q.name, queueTypeOf(q));
  const d = (key: keyof QueueNumbers) => state.sampler.details(q, key, ranges.lengths);
  const row: Row = {
    arguments: argumentsJson(q.arguments),
    auto_delete: q.autoDelete,
    consumer_capacity: capacity,
    consumer_utilisation: capacity,
    consumers: consumers.length,
    durable: q.durable,
    // RabbitMQ shows the whole definition of the policy in force, including keys that do not apply to queues.
    effective_policy_definition: { ...(policy?.definition ?? {}) },
    exclusive: q.exclusiveOwner !== null,
    exclusive_consumer_tag: consumers.find((c) => c.exclusive)?.tag ?? null,
    message_bytes: n.message_bytes,
    message_bytes_paged_out: pagedBytes,
    message_bytes_ram: n.message_bytes - pagedBytes,
    message_bytes_ready: n.message_bytes_ready,
    message_bytes_unacknowledged: n.message_bytes_unacknowledged,
    messages: n.messages,
    messages_details: d('messages'),
    messages_paged_out: paged,
    messages_ram: n.messages - paged,
    messages_ready: n.messages_ready,
    messages_ready_details: d('messages_ready'),
    messages_ready_ram: n.messages_ready - paged,
    messages_unacknowledged: n.messages_unacknowledged,
    messages_unacknowledged_details: d('messages_unacknowledged'),
    messages_unacknowledged_ram: n.messages_unacknowledged,
    name: q.name,
    node: state.node,
    operator_policy: null,
    policy: policy?.name ?? null,
    // Classic queues here are never mirrored.
    recoverable_slaves: null,
    single_active_consumer_tag: q.settings.singleActiveConsumer ? (consumers[0]?.tag ?? null) : null,
    state: 'running',
    // Quorum queues imported from definitions run as classic queues here but keep and report their type.
    type: queueTypeOf(q),
    vhost: q.vhost,
  };
  addIdleSince(state, row, lastActivityOf(q) ?? state.startedAt);
  return withStats(row, messageStats(state, q, ranges));
}

/**
 * idle_since, as RabbitMQ reports it: only for a queue or channel that has
 * seen no publish, delivery or acknowledgement for a statistics interval.
 */
function addIdleSince(state: ManagementState, row: Row, lastActive: number): void {
  if (Date.now() - lastActive >= state.sampler.intervalMs) row.idle_since = formatTimestamp(lastActive);
}

export function exchangeView(state: ManagementState, vhost: VirtualHost, x: Exchange, ranges: Ranges): Row {
  const row: Row = {
    arguments: argumentsJson(x.arguments),
    auto_delete: x.autoDelete,
    durable: x.durable,
    internal: x.internal,
    name: x.name,
    type: x.type,
    vhost: vhost.name,
  };
  const policy = state.policies.match(vhost.name, 'exchange', x.name);
  if (policy) row.policy = policy.name;
  return withStats(row, messageStats(state, x, ranges));
}

export function bindingView(vhost: string, b: RoutingBinding): Row {
  const args = (b.arguments ?? {}) as FieldTable;
  return {
    source: b.source,
    vhost,
    destination: b.destination,
    destination_type: b.destinationType,
    routing_key: b.routingKey,
    arguments: argumentsJson(args),
    properties_key: bindingPropertiesKey(b.routingKey, args),
  };
}

/** Every binding of a vhost: the default exchange's implicit ones first, as RabbitMQ lists them. */
export function vhostBindings(vhost: VirtualHost): RoutingBinding[] {
  const implicit: RoutingBinding[] = [...vhost.queues.keys()].map((name) => ({
    source: '', destination: name, destinationType: 'queue', routingKey: name, arguments: {},
  }));
  return [...implicit, ...vhost.routing.toModel().bindings];
}

function hostPort(host: string, port: number): string {
  return `${host.includes(':') ? `[${host}]` : host}:${port}`;
}

export function connectionName(info: ReturnType<Connection['info']>): string {
  return `${hostPort(info.peerHost, info.peerPort)} -> ${hostPort(info.host, info.port)}`;
}

export function connectionView(state: ManagementState, conn: Connection, ranges: Ranges): Row {
  const info = conn.info();
  const d = (key: 'recv_oct' | 'send_oct') => state.sampler.details(conn, key, ranges.dataRates);
  const clientProperties = fieldTableToJson(info.clientProperties) as Record<string, unknown>;
  // RabbitMQ shows the name a client gives its connection (client property connection_name) as user_provided_name.
  const provided = clientProperties['connection_name'];
  return {
    auth_mechanism: info.authMechanism,
    channel_max: info.channelMax,
    channels: info.channels.length,
    client_properties: clientProperties,
    ...(typeof provided === 'string' ? { user_provided_name: provided } : {}),
    connected_at: info.connectedAt,
    frame_max: info.frameMax,
    host: info.host,
    name: connectionName(info),
    node: state.node,
    peer_cert_issuer: null,
    peer_cert_subject: null,
    peer_cert_validity: null,
    peer_host: info.peerHost,
    peer_port: info.peerPort,
    port: info.port,
    protocol: 'AMQP 0-9-1',
    recv_oct: info.recvOct,
    recv_oct_details: d('recv_oct'),
    send_oct: info.sendOct,
    send_oct_details: d('send_oct'),
    ssl: false,
    ssl_cipher: null,
    ssl_hash: null,
    ssl_key_exchange: null,
    ssl_protocol: null,
    // rabbit_reader's i(state): an open connection is running, blocking (an alarm is in effect) or blocked (it published since).
    state: info.state === 'open' ? info.throttle : info.state === 'closing' || info.state === 'closed' ? 'closing' : 'starting',
    timeout: info.heartbeat,
    type: 'network',
    user: info.user ?? '',
    user_who_performed_action: info.user ?? '',
    vhost: info.vhost ?? '',
  };
}

export function channelName(conn: Connection, ch: Channel): string {
  return `${connectionName(conn.info())} (${ch.id})`;
}

export function channelView(state: ManagementState, conn: Connection, ch: Channel, ranges: Ranges): Row {
  const c = conn.info();
  const info = ch.info();
  const row: Row = {
    acks_uncommitted: info.acksUncommitted,
    confirm: info.confirm,
    connection_details: { name: connectionName(c), peer_host: c.peerHost, peer_port: c.peerPort },
    consumer_count: info.consumers.length,
    global_prefetch_count: info.globalPrefetchCount,
    messages_unacknowledged: info.messagesUnacknowledged,
    messages_uncommitted: info.messagesUncommitted,
    messages_unconfirmed: 0,
    name: channelName(conn, ch),
    node: state.node,
    number: info.number,
    prefetch_count: info.prefetchCount,
    state: 'running',
    transactional: info.transactional,
    user: c.user ?? '',
    user_who_performed_action: c.user ?? '',
    vhost: c.vhost ?? '',
  };
  addIdleSince(state, row, lastActivityOf(ch) ?? c.connectedAt);
  return withStats(row, messageStats(state, ch, ranges));
}

export function consumerView(state: ManagementState, conn: Connection, ch: Channel, c: Consumer): Row {
  const info = conn.info();
  const consumers = c.queue.consumerList();
  return {
    arguments: argumentsJson(c.arguments),
    ack_required: !c.noAck,
    active: !c.queue.settings.singleActiveConsumer || consumers[0] === c,
    activity_status: !c.queue.settings.singleActiveConsumer || consumers[0] === c ? 'up' : 'waiting',
    channel_details: {
      connection_name: connectionName(info),
      name: channelName(conn, ch),
      node: state.node,
      number: ch.id,
      peer_host: info.peerHost,
      peer_port: info.peerPort,
      user: info.user ?? '',
    },
    consumer_tag: c.tag,
    exclusive: c.exclusive,
    prefetch_count: c.prefetch,
    queue: { name: c.queue.name, vhost: c.queue.vhost },
  };
}

export function vhostView(state: ManagementState, name: string, ranges: Ranges, unackedBytes: Map<Queue, number>): Row {
  const v = state.server.vhosts.get(name);
  let messages = 0;
  let ready = 0;
  let unacked = 0;
  for (const q of v?.queues.values() ?? []) {
    const n = queueNumbers(q, unackedBytes);
    messages += n.messages;
    ready += n.messages_ready;
    unacked += n.messages_unacknowledged;
  }
  const traffic = state.traffic.totals(state.server.connections, (v) => state.registry.hasVhost(v)).get(name) ?? { recv: 0, send: 0 };
  const key = vhostSampleKey(state, name);
  const d = (k: string, r: SampleRange | undefined) => state.sampler.details(key, k, r);
  const meta = state.vhostMetadata.get(name) ?? { description: '', tags: [] };
  const row: Row = {
    name,
    description: meta.description,
    tags: [...meta.tags],
    default_queue_type: 'undefined',
    metadata: { description: meta.description, tags: [...meta.tags] },
    tracing: false,
    cluster_state: { [state.node]: 'running' },
    messages,
    messages_details: d('messages', ranges.lengths),
    messages_ready: ready,
    messages_ready_details: d('messages_ready', ranges.lengths),
    messages_unacknowledged: unacked,
    messages_unacknowledged_details: d('messages_unacknowledged', ranges.lengths),
    recv_oct: traffic.recv,
    recv_oct_details: d('recv_oct', ranges.dataRates),
    send_oct: traffic.send,
    send_oct_details: d('send_oct', ranges.dataRates),
  };
  return withStats(row, v ? messageStats(state, v, ranges) : undefined);
}

const vhostKeys = new WeakMap<ManagementState, Map<string, object>>();

/**
 * The sampler's key for a vhost's totals. The VirtualHost object holds the
 * message counters; lengths and byte totals are sampled under a per-name key
 * so that a vhost with no VirtualHost object yet still has samples.
 */
export function vhostSampleKey(state: ManagementState, name: string): object {
  let m = vhostKeys.get(state);
  if (!m) {
    m = new Map();
    vhostKeys.set(state, m);
  }
  let k = m.get(name);
  if (!k) {
    k = { vhost: name };
    m.set(name, k);
  }
  return k;
}

export const EXCHANGE_TYPES = [
  { name: 'direct', description: 'AMQP direct exchange, as per the AMQP specification', enabled: true },
  { name: 'fanout', description: 'AMQP fanout exchange, as per the AMQP specification', enabled: true },
  { name: 'headers', description: 'AMQP headers exchange, as per the AMQP specification', enabled: true },
  { name: 'topic', description: 'AMQP topic exchange, as per the AMQP specification', enabled: true },
];

export { BROKER_VERSION };
