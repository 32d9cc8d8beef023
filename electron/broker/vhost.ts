// One virtual host: exchanges, queues and bindings, with RabbitMQ's
// validation and reply texts for declare/delete/bind. Routing itself is the
// shared RoutingTable (shared/routing), the same code the route explainer runs.
import { randomBytes } from 'node:crypto';
import { FIELD_TYPE_NAMES, isExchangeType, messageRoutingKeys, RoutingTable, xMatchError, type ExchangeType, type RoutingBinding } from '../../shared/routing/index.js';
import { AmqpError, accessRefused, notFound, preconditionFailed, ReplyCode, resourceName } from './errors.js';
import { deadLetterMessage, publishRoutingKeys, type DeadLetterReason } from './dead-letter.js';
import type { Message } from './message.js';
import { argsEquivalenceError, fieldEquivalenceError, validateQueueArguments } from './queue-arguments.js';
import { Queue, type QueueHost } from './queue.js';
import { stringValue, type FieldTable } from './protocol/field-table.js';
import type { PolicyHooks } from './policy/policies.js';
import type { DurableChange } from './durable-change.js';

export interface Exchange {
  readonly name: string;
  readonly type: ExchangeType;
  readonly durable: boolean;
  readonly autoDelete: boolean;
  readonly internal: boolean;
  readonly arguments: FieldTable;
}

export interface QueueDeclare {
  name: string;
  passive: boolean;
  durable: boolean;
  exclusive: boolean;
  autoDelete: boolean;
  arguments: FieldTable;
  /** Named by the server (amq.gen-*): exempt from the reserved-prefix check. */
  serverNamed?: boolean;
}

export interface ExchangeDeclare {
  name: string;
  type: string;
  passive: boolean;
  durable: boolean;
  autoDelete: boolean;
  internal: boolean;
  arguments: FieldTable;
}

/** Called when a queue disappears, so channels can cancel its consumers. */
export type QueueDeletedListener = (queue: Queue) => void;

const PREDECLARED: [string, ExchangeType, boolean][] = [
  ['', 'direct', false],
  ['amq.direct', 'direct', false],
  ['amq.fanout', 'fanout', false],
  ['amq.topic', 'topic', false],
  ['amq.headers', 'headers', false],
  ['amq.match', 'headers', false],
  ['amq.rabbitmq.trace', 'topic', true],
];

/** RabbitMQ's server-generated names: prefix + url-safe base64 of 16 random bytes. */
export function generatedName(prefix: string): string {
  return `${prefix}-${randomBytes(16).toString('base64url')}`;
}

export class VirtualHost implements QueueHost {
  readonly exchanges = new Map<string, Exchange>();
  readonly queues = new Map<string, Queue>();
  readonly routing = new RoutingTable();
  /** Policies in force (electron/broker/policy), applied to each queue and exchange as it is created. */
  policies: PolicyHooks | null = null;
  /** Called after a durable exchange, queue or binding changed (electron/broker/store); null without a data dir. */
  durableChanged: ((change: DurableChange) => void) | null = null;
  /** Called when a durable queue is created (or restored), so the store can give it a journal; null without a data dir. */
  durableQueueCreated: ((queue: Queue) => void) | null = null;
  private readonly queueDeletedListeners = new Set<QueueDeletedListener>();

  constructor(readonly name: string) {
    for (const [xname, type, internal] of PREDECLARED) {
      this.addExchange({ name: xname, type, durable: true, autoDelete: false, internal, arguments: {} });
    }
  }

  onQueueDeleted(listener: QueueDeletedListener): () => void {
    this.queueDeletedListeners.add(listener);
    return () => this.queueDeletedListeners.delete(listener);
  }

  private addExchange(x: Exchange): void {
    this.exchanges.set(x.name, x);
    this.routing.declareExchange({
      name: x.name,
      type: x.type,
      internal: x.internal,
      alternateExchange: stringValue(x.arguments['alternate-exchange']),
    });
  }

  private resource(kind: 'queue' | 'exchange', name: string): string {
    return resourceName(kind, name, this.name);
  }

  exchangeOrDie(name: string): Exchange {
    const x = this.exchanges.get(name);
    if (!x) throw notFound(`no ${this.resource('exchange', name)}`);
    return x;
  }

  queueOrDie(name: string): Queue {
    const q = this.queues.get(name);
    if (!q) throw notFound(`no ${this.resource('queue', name)}`);
    return q;
  }

  /** rabbit_amqqueue:check_exclusive_access/2: someone else's exclusive queue is locked. */
  checkExclusiveAccess(q: Queue, owner: object): void {
    if (q.exclusiveOwner === null || q.exclusiveOwner === owner) return;
    throw resourceLocked(q);
  }

  declareExchange(d: ExchangeDeclare): Exchange {
    if (d.name === '') throw accessRefused('operation not permitted on the default exchange');
    if (d.passive) return this.exchangeOrDie(d.name);
    if (!isExchangeType(d.type)) throw new AmqpError(ReplyCode.commandInvalid, `unknown exchange type '${d.type}'`);
    const resource = this.resource('exchange', d.name);
    let x = this.exchanges.get(d.name);
    if (!x) {
      if (d.name.startsWith('amq.')) throw accessRefused(`exchange name '${d.name}' contains reserved prefix 'amq.*'`);
      const ae = d.arguments['alternate-exchange'];
      if (ae !== undefined && ae.type !== 'S') throw preconditionFailed(`invalid type '${FIELD_TYPE_NAMES[ae.type]}' for arg 'alternate-exchange' in ${resource}`);
      x = { name: d.name, type: d.type, durable: d.durable, autoDelete: d.autoDelete, internal: d.internal, arguments: d.arguments };
      this.addExchange(x);
      this.policies?.applyToExchange(this, x);
      if (x.durable) this.durableChanged?.({ kind: 'exchange.declared', vhost: this.name, exchange: x });
      return x;
    }
    const err = fieldEquivalenceError('type', x.type, d.type, resource)
      ?? fieldEquivalenceError('durable', x.durable, d.durable, resource)
      ?? fieldEquivalenceError('auto_delete', x.autoDelete, d.autoDelete, resource)
      ?? fieldEquivalenceError('internal', x.internal, d.internal, resource)
      ?? argsEquivalenceError(x.arguments, d.arguments, resource, ['alternate-exchange']);
    if (err) throw err;
    return x;
  }

  deleteExchange(name: string, ifUnused: boolean): void {
    if (name === '') throw accessRefused('operation not permitted on the default exchange');
    if (name.startsWith('amq.')) throw accessRefused(`deletion of system ${this.resource('exchange', name)} not allowed`);
    const x = this.exchanges.get(name);
    if (!x) return;
    if (ifUnused && this.routing.bindingsFrom(name).length > 0) throw preconditionFailed(`${this.resource('exchange', name)} in use`);
    this.removeExchange(name);
  }

  private removeExchange(name: string): void {
    const durable = this.exchanges.get(name)?.durable;
    this.exchanges.delete(name);
    const removed = this.routing.deleteExchange(name);
    this.autoDeleteSources(removed);
    if (durable) this.durableChanged?.({ kind: 'exchange.deleted', vhost: this.name, name });
  }

  /** Auto-delete exchanges go when their last outgoing binding goes. */
  private autoDeleteSources(removed: readonly RoutingBinding[]): void {
    for (const b of removed) {
      const src = this.exchanges.get(b.source);
      if (src?.autoDelete && this.routing.bindingsFrom(src.name).length === 0) this.removeExchange(src.name);
    }
  }

  /** Declares (or checks) a queue; returns it and whether it is new. */
  declareQueue(d: QueueDeclare, owner: object): Queue {
    if (d.passive) {
      const q = this.queueOrDie(d.name);
      this.checkExclusiveAccess(q, owner);
      q.touch();
      return q;
    }
    const exclusiveOwner = d.exclusive ? owner : null;
    const durable = d.durable && !d.exclusive;
    const existing = this.queues.get(d.name);
    if (existing) {
      if (existing.exclusiveOwner !== exclusiveOwner) {
        throw resourceLocked(existing);
      }
      const err = fieldEquivalenceError('durable', existing.durable, durable, existing.resource)
        ?? fieldEquivalenceError('auto_delete', existing.autoDelete, d.autoDelete, existing.resource)
        ?? argsEquivalenceError(existing.arguments, d.arguments, existing.resource);
      if (err) throw err;
      existing.touch();
      return existing;
    }
    if (d.name.startsWith('amq.') && !d.serverNamed) throw accessRefused(`queue name '${d.name}' contains reserved prefix 'amq.*'`);
    const argsError = validateQueueArguments(d.arguments, this.resource('queue', d.name));
    if (argsError) throw argsError;
    const q = new Queue({ name: d.name, vhost: this.name, durable, exclusiveOwner, autoDelete: d.autoDelete, arguments: d.arguments }, this);
    this.queues.set(q.name, q);
    this.routing.declareQueue(q.name);
    this.policies?.applyToQueue(q);
    if (q.durable) this.durableQueueCreated?.(q);
    if (q.durable) this.durableChanged?.({ kind: 'queue.declared', queue: q });
    return q;
  }

  deleteQueue(q: Queue): void {
    if (q.deleted || this.queues.get(q.name) !== q) return;
    this.queues.delete(q.name);
    const removed = this.routing.deleteQueue(q.name);
    for (const listener of this.queueDeletedListeners) listener(q);
    for (const c of q.markDeleted()) c.owner.queueDeleted(c);
    this.autoDeleteSources(removed);
    if (q.durable) this.durableChanged?.({ kind: 'queue.deleted', vhost: this.name, name: q.name });
  }

  private checkBindingArguments(source: Exchange, args: FieldTable): void {
    if (source.type !== 'headers') return;
    const err = xMatchError(args);
    if (err) throw preconditionFailed(err);
  }

  bindQueue(queue: string, exchange: string, routingKey: string, args: FieldTable, owner: object): void {
    if (exchange === '') throw accessRefused('operation not permitted on the default exchange');
    const source = this.exchangeOrDie(exchange);
    const q = this.queueOrDie(queue);
    this.checkExclusiveAccess(q, owner);
    this.checkBindingArguments(source, args);
    const binding: RoutingBinding = { source: exchange, destination: queue, destinationType: 'queue', routingKey, arguments: args };
    this.routing.addBinding(binding);
    if (source.durable && q.durable) this.durableChanged?.({ kind: 'bound', vhost: this.name, binding });
  }

  /** Unbinding something that does not exist (binding, queue or exchange) succeeds, as in RabbitMQ 3.10. */
  unbindQueue(queue: string, exchange: string, routingKey: string, args: FieldTable, owner: object): void {
    if (exchange === '') throw accessRefused('operation not permitted on the default exchange');
    const q = this.queues.get(queue);
    if (q) this.checkExclusiveAccess(q, owner);
    const binding: RoutingBinding = { source: exchange, destination: queue, destinationType: 'queue', routingKey, arguments: args };
    if (this.routing.removeBinding(binding)) {
      this.autoDeleteSources([binding]);
      if (this.exchanges.get(exchange)?.durable && q?.durable) this.durableChanged?.({ kind: 'unbound', vhost: this.name, binding });
    }
  }

  bindExchange(destination: string, source: string, routingKey: string, args: FieldTable): void {
    if (source === '' || destination === '') throw accessRefused('operation not permitted on the default exchange');
    const src = this.exchangeOrDie(source);
    const dst = this.exchangeOrDie(destination);
    this.checkBindingArguments(src, args);
    const binding: RoutingBinding = { source, destination, destinationType: 'exchange', routingKey, arguments: args };
    this.routing.addBinding(binding);
    if (src.durable && dst.durable) this.durableChanged?.({ kind: 'bound', vhost: this.name, binding });
  }

  unbindExchange(destination: string, source: string, routingKey: string, args: FieldTable): void {
    if (source === '' || destination === '') throw accessRefused('operation not permitted on the default exchange');
    const binding: RoutingBinding = { source, destination, destinationType: 'exchange', routingKey, arguments: args };
    if (this.routing.removeBinding(binding)) {
      this.autoDeleteSources([binding]);
      if (this.exchanges.get(source)?.durable && this.exchanges.get(destination)?.durable) this.durableChanged?.({ kind: 'unbound', vhost: this.name, binding });
    }
  }

  /** Queues a message reaches on its key plus CC and BCC keys (when those headers are malformed, on its key alone). */
  route(exchange: string, message: Message): Queue[] {
    const keys = messageRoutingKeys(message.routingKey, message.properties.headers);
    return this.routeKeys(exchange, 'keys' in keys ? keys.keys : [message.routingKey], message.properties.headers);
  }

  /** Queues these routing keys reach, all routed at once (the AE only when none matched), each queue once. */
  routeKeys(exchange: string, keys: readonly string[], headers: FieldTable | undefined): Queue[] {
    const out: Queue[] = [];
    for (const n of this.routing.route(exchange, keys, headers)) {
      const q = this.queues.get(n);
      if (q) out.push(q);
    }
    return out;
  }

  deadLetter(queue: Queue, message: Message, reason: DeadLetterReason): void {
    const dlx = queue.settings.deadLetterExchange;
    if (dlx === undefined || (dlx !== '' && !this.exchanges.has(dlx))) return;
    const dlrk = queue.settings.deadLetterRoutingKey;
    const dead = deadLetterMessage(message, reason, queue.name, dlx, dlrk, Date.now());
    // rabbit_dead_letter: with a dead-letter routing key only that key routes (CC was removed); else the original keys.
    const keys = dlrk === undefined ? publishRoutingKeys(message) : [dlrk];
    const now = Date.now();
    for (const target of this.routeKeys(dlx, keys, dead.properties.headers)) {
      if (reason !== 'rejected' && isCycle(target.name, dead)) continue;
      target.publish(dead, now);
    }
  }
}

function resourceLocked(q: Queue): AmqpError {
  return new AmqpError(
    ReplyCode.resourceLocked,
    `cannot obtain exclusive access to locked ${q.resource}. It could be originally declared on another connection or the exclusive property value does not match that of the original declaration.`,
  );
}

/** rabbit_dead_letter:is_cycle/2: the message already died in `queue` with no rejection since. */
function isCycle(queue: string, message: Message): boolean {
  const deaths = message.properties.headers?.['x-death'];
  if (deaths?.type !== 'A') return false;
  for (const d of deaths.value) {
    if (d.type !== 'F') return false;
    if (stringValue(d.value.reason) === 'rejected') return false;
    if (stringValue(d.value.queue) === queue) return true;
  }
  return false;
}
