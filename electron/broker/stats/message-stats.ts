// Message counters as RabbitMQ's management plugin keeps them (per queue,
// exchange, channel, vhost and broker). The engine calls the record*
// functions at the moment a message is published, delivered, fetched or
// acknowledged; the HTTP API reads the totals and the sampler turns them into
// rates. Counters are kept in WeakMaps keyed by the engine's own objects, so a
// deleted queue's counters go with it. A group of counters appears only once
// something in it happened, as RabbitMQ omits message_stats fields it has no
// events for.

export type Counters = Record<string, number>;

/** Counter groups that appear together, as in RabbitMQ's fine-grained stats tables. */
const PUBLISH_GROUP = ['publish'] as const;
const CHANNEL_PUBLISH_GROUP = ['confirm', 'drop_unroutable', 'publish', 'return_unroutable'] as const;
const DELIVER_GROUP = ['ack', 'deliver', 'deliver_get', 'deliver_no_ack', 'get', 'get_empty', 'get_no_ack', 'redeliver'] as const;
const EXCHANGE_GROUP = ['publish_in', 'publish_out'] as const;

const counters = new WeakMap<object, Counters>();
const lastActivity = new WeakMap<object, number>();

function bump(owner: object, group: readonly string[], key: string, by = 1): void {
  let c = counters.get(owner);
  if (!c) {
    c = {};
    counters.set(owner, c);
  }
  for (const k of group) c[k] ??= 0;
  c[key] = (c[key] ?? 0) + by;
}

function touch(owner: object): void {
  lastActivity.set(owner, Date.now());
}

/** The counters recorded for an engine object (queue, exchange, channel, vhost, broker); empty when none. */
export function countersOf(owner: object): Readonly<Counters> {
  return counters.get(owner) ?? {};
}

/** When a queue or channel last saw a publish, delivery, fetch or acknowledgement; undefined before any. */
export function lastActivityOf(owner: object): number | undefined {
  return lastActivity.get(owner);
}

/** The objects a channel-level event is counted against. */
export interface StatsScope {
  channel: object;
  vhost: object;
}

export interface PublishRecord {
  exchange: object | undefined;
  queues: readonly object[];
  /** Published with mandatory and unroutable: returned to the publisher. */
  returned: boolean;
  /** Confirm mode: a basic.ack went back to the publisher. */
  confirmed: boolean;
}

export function recordPublish(scope: StatsScope, p: PublishRecord): void {
  touch(scope.channel);
  for (const owner of [scope.channel, scope.vhost]) {
    bump(owner, CHANNEL_PUBLISH_GROUP, 'publish');
    if (p.confirmed) bump(owner, CHANNEL_PUBLISH_GROUP, 'confirm');
    if (p.queues.length === 0) bump(owner, CHANNEL_PUBLISH_GROUP, p.returned ? 'return_unroutable' : 'drop_unroutable');
  }
  if (p.exchange) {
    bump(p.exchange, EXCHANGE_GROUP, 'publish_in');
    if (p.queues.length > 0) bump(p.exchange, EXCHANGE_GROUP, 'publish_out');
  }
  for (const q of p.queues) {
    bump(q, PUBLISH_GROUP, 'publish');
    touch(q);
  }
}

/** basic.deliver to a consumer. */
export function recordDeliver(scope: StatsScope, queue: object, noAck: boolean, redelivered: boolean): void {
  for (const owner of [scope.channel, scope.vhost, queue]) {
    bump(owner, DELIVER_GROUP, noAck ? 'deliver_no_ack' : 'deliver');
    bump(owner, DELIVER_GROUP, 'deliver_get');
    if (redelivered) bump(owner, DELIVER_GROUP, 'redeliver');
  }
  touch(queue);
  touch(scope.channel);
}

/** basic.get (or the HTTP API's queue get): a message, or get_empty when `found` is false. */
export function recordGet(scope: StatsScope, queue: object, noAck: boolean, found: boolean, redelivered: boolean): void {
  for (const owner of [scope.channel, scope.vhost, queue]) {
    if (!found) {
      bump(owner, DELIVER_GROUP, 'get_empty');
      continue;
    }
    bump(owner, DELIVER_GROUP, noAck ? 'get_no_ack' : 'get');
    bump(owner, DELIVER_GROUP, 'deliver_get');
    if (redelivered) bump(owner, DELIVER_GROUP, 'redeliver');
  }
  touch(queue);
  touch(scope.channel);
}

export function recordAck(scope: StatsScope, queue: object): void {
  for (const owner of [scope.channel, scope.vhost, queue]) bump(owner, DELIVER_GROUP, 'ack');
  touch(queue);
  touch(scope.channel);
}
