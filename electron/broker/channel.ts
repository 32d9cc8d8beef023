// An AMQP channel: the methods of the exchange, queue, basic, confirm and tx
// classes, as rabbit_channel implements them. Errors are thrown as AmqpError;
// the connection turns soft ones into channel.close and hard ones into
// connection.close.
import { messageRoutingKeys } from '../../shared/routing/index.js';
import type { AccessControl, AuthenticatedUser, Permission } from './access-control.js';
import type { Consumer, ConsumerOwner } from './consumer.js';
import { AmqpError, accessRefused, notFound, preconditionFailed, ReplyCode, resourceName } from './errors.js';
import { expirationError, type Message, type QueueEntry } from './message.js';
import { encodeProperties } from './properties.js';
import type { Command } from './protocol/content-assembler.js';
import { DecodeError } from './protocol/decode-error.js';
import { integerValue } from './protocol/field-table.js';
import { decodeBasicProperties, encodeMethodFrame, type AmqpMethod, type MethodArgs, type MethodName } from './protocol/generated.js';
import { generatedName, type VirtualHost } from './vhost.js';
import type { Queue, QueueJournal } from './queue.js';
import { REPLY_TO_PREFIX, REPLY_TO_QUEUE, type ReplyTarget, type ReplyToRegistry } from './reply-to.js';
import type { ContentMethodName } from './protocol/frame-writer.js';
import { formatErlangBinary } from './erlang-term.js';
import { consumerArgumentsError } from './queue-arguments.js';
import { ConfirmBatcher } from './publisher-confirms.js';
import { recordAck, recordDeliver, recordGet, recordPublish } from './stats/message-stats.js';

/** What a channel needs from its connection. */
export interface ChannelConnection {
  readonly vhost: VirtualHost;
  readonly user: AuthenticatedUser;
  readonly access: AccessControl;
  readonly consumerCancelNotify: boolean;
  readonly replyTo: ReplyToRegistry;
  /** False while the socket is backed up: deliveries wait. */
  readonly writable: boolean;
  /** True when so much output is pending that nothing more should be queued for this client. */
  readonly backlogged: boolean;
  send(frame: Buffer): void;
  sendContent<N extends ContentMethodName>(channel: number, name: N, args: MethodArgs[N], message: Message): void;
}

interface Unacked {
  readonly tag: number;
  readonly queue: Queue;
  readonly entry: QueueEntry;
  /** The consumer it went to, or undefined for basic.get. */
  readonly consumer: Consumer | undefined;
  /** When it was delivered (ms), for the delivery acknowledgement timeout. */
  readonly deliveredAt: number;
}

interface PendingPublish {
  readonly message: Message;
  /** The routing key plus CC and BCC keys. */
  readonly keys: readonly string[];
  readonly mandatory: boolean;
}

type Settlement = { unacked: Unacked[]; action: 'ack' | 'requeue' | 'reject' };

/** BCC routes like CC but, as in RabbitMQ, never reaches consumers. */
function withoutBcc(message: Message): Message {
  const headers = message.properties.headers;
  if (!headers || headers.BCC === undefined) return message;
  const { BCC: _bcc, ...rest } = headers;
  const properties = { ...message.properties, headers: rest };
  return { ...message, properties, propertiesBytes: encodeProperties(properties) };
}

export class Channel implements ConsumerOwner, ReplyTarget {
  private open = true;
  private readonly consumers = new Map<string, Consumer>();
  private readonly unacked = new Map<number, Unacked>();
  private deliveryTag = 0;
  private consumerPrefetch = 0;
  private globalPrefetch = 0;
  private globalUnacked = 0;
  private confirmMode = false;
  private publishSeq = 0;
  private readonly confirms = new ConfirmBatcher((method, deliveryTag, multiple) => {
    if (!this.open) return;
    if (method === 'basic.ack') this.send('basic.ack', { deliveryTag, multiple });
    else this.send('basic.nack', { deliveryTag, multiple, requeue: false });
  });
  /** Confirms held back until the store's fsync (and any decided after them, so they go out in order). */
  private readonly syncConfirms: { seq: number; nack: boolean; ready: boolean }[] = [];
  private txMode = false;
  private txPublishes: PendingPublish[] = [];
  private txSettlements: Settlement[] = [];
  private lastQueueName: string | undefined;
  private replyConsumerTag: string | undefined;
  private replyToName: string | undefined;
  private kickScheduled = false;

  constructor(readonly id: number, private readonly conn: ChannelConnection) {}

  private send<N extends MethodName>(name: N, args: MethodArgs[N]): void {
    this.conn.send(encodeMethodFrame(this.id, name, args));
  }

  private get vhost(): VirtualHost {
    return this.conn.vhost;
  }

  private checkPermission(permission: Permission, kind: 'queue' | 'exchange', name: string): void {
    // RabbitMQ checks and reports the default exchange as "amq.default".
    const checked = kind === 'exchange' && name === '' ? 'amq.default' : name;
    if (!this.conn.access.checkResource(this.conn.user, this.vhost.name, { kind, name: checked }, permission)) {
      throw accessRefused(`access to ${resourceName(kind, checked, this.vhost.name)} refused for user '${this.conn.user.username}'`);
    }
  }

  /** Topic permissions apply to topic exchanges only (rabbit_channel:check_topic_authorisation). */
  private checkTopicPermission(permission: 'write' | 'read', exchange: string, routingKey: string): void {
    if (this.vhost.exchanges.get(exchange)?.type !== 'topic') return;
    if (!this.conn.access.checkTopic(this.conn.user, this.vhost.name, exchange, routingKey, permission)) {
      throw accessRefused(`access to topic '${routingKey}' in ${resourceName('exchange', exchange, this.vhost.name)} refused for user '${this.conn.user.username}'`);
    }
  }

  /** rabbit_channel's queue name shortcut: '' means the last queue declared on this channel. */
  private queueName(name: string): string {
    if (name !== '') return name;
    if (this.lastQueueName === undefined) throw notFound('no previously declared queue');
    return this.lastQueueName;
  }

  handle(command: Command, owner: object): void {
    const { method } = command;
    try {
      this.dispatchMethod(method, command, owner);
    } catch (err) {
      if (err instanceof AmqpError) throw err.withMethod(method);
      throw err;
    }
  }

  private dispatchMethod(method: AmqpMethod, command: Command, owner: object): void {
    switch (method.name) {
      case 'channel.open':
        throw new AmqpError(ReplyCode.channelError, "second 'channel.open' seen");
      case 'channel.flow':
        // RabbitMQ 3.x refuses client-initiated flow control.
        if (!method.args.active) throw new AmqpError(ReplyCode.notImplemented, 'active=false');
        this.send('channel.flow-ok', { active: true });
        return;
      case 'access.request':
        this.send('access.request-ok', { ticket: 1 });
        return;
      case 'exchange.declare': return this.exchangeDeclare(method.args);
      case 'exchange.delete': {
        const a = method.args;
        this.checkPermission('configure', 'exchange', a.exchange);
        this.vhost.deleteExchange(a.exchange, a.ifUnused);
        if (!a.nowait) this.send('exchange.delete-ok', {});
        return;
      }
      case 'exchange.bind':
      case 'exchange.unbind': {
        const a = method.args;
        this.checkPermission('write', 'exchange', a.destination);
        this.checkPermission('read', 'exchange', a.source);
        this.checkTopicPermission('read', a.source, a.routingKey);
        if (method.name === 'exchange.bind') {
          this.vhost.bindExchange(a.destination, a.source, a.routingKey, a.arguments);
          if (!a.nowait) this.send('exchange.bind-ok', {});
        } else {
          this.vhost.unbindExchange(a.destination, a.source, a.routingKey, a.arguments);
          if (!a.nowait) this.send('exchange.unbind-ok', {});
        }
        return;
      }
      case 'queue.declare': return this.queueDeclare(method.args, owner);
      case 'queue.bind': {
        const a = method.args;
        const queue = this.queueName(a.queue);
        const key = a.routingKey === '' && a.queue === '' ? queue : a.routingKey;
        this.checkPermission('write', 'queue', queue);
        this.checkPermission('read', 'exchange', a.exchange);
        this.checkTopicPermission('read', a.exchange, key);
        this.vhost.bindQueue(queue, a.exchange, key, a.arguments, owner);
        if (!a.nowait) this.send('queue.bind-ok', {});
        return;
      }
      case 'queue.unbind': {
        const a = method.args;
        const queue = this.queueName(a.queue);
        this.checkPermission('write', 'queue', queue);
        this.checkPermission('read', 'exchange', a.exchange);
        this.checkTopicPermission('read', a.exchange, a.routingKey);
        this.vhost.unbindQueue(queue, a.exchange, a.routingKey, a.arguments, owner);
        this.send('queue.unbind-ok', {});
        return;
      }
      case 'queue.purge': {
        const a = method.args;
        const q = this.vhost.queueOrDie(this.queueName(a.queue));
        this.checkPermission('read', 'queue', q.name);
        this.vhost.checkExclusiveAccess(q, owner);
        const count = q.purge();
        if (!a.nowait) this.send('queue.purge-ok', { messageCount: count });
        return;
      }
      case 'queue.delete': {
        const a = method.args;
        const name = this.queueName(a.queue);
        this.checkPermission('configure', 'queue', name);
        const q = this.vhost.queues.get(name);
        let count = 0;
        if (q) {
          this.vhost.checkExclusiveAccess(q, owner);
          const err = q.checkDeletable(a.ifUnused, a.ifEmpty);
          if (err) throw err;
          count = q.messageCount;
          this.vhost.deleteQueue(q);
        }
        if (!a.nowait) this.send('queue.delete-ok', { messageCount: count });
        return;
      }
      case 'basic.qos': {
        const a = method.args;
        if (a.prefetchSize !== 0) throw new AmqpError(ReplyCode.notImplemented, `prefetch_size!=0 (${a.prefetchSize})`);
        if (a.global) {
          this.globalPrefetch = a.prefetchCount;
        } else {
          // rabbit_limiter:unlimit_prefetch: a per-consumer qos lifts the channel-wide limit.
          this.consumerPrefetch = a.prefetchCount;
          this.globalPrefetch = 0;
        }
        this.send('basic.qos-ok', {});
        this.kick();
        return;
      }
      case 'basic.consume': return this.consume(method.args, owner);
      case 'basic.cancel': {
        const a = method.args;
        this.cancelConsumer(a.consumerTag);
        if (!a.nowait) this.send('basic.cancel-ok', { consumerTag: a.consumerTag });
        return;
      }
      case 'basic.publish': return this.publish(method.args, command);
      case 'basic.get': return this.get(method.args, owner);
      case 'basic.ack':
        this.settle(method.args.deliveryTag, method.args.multiple, 'ack');
        return;
      case 'basic.reject':
        this.settle(method.args.deliveryTag, false, method.args.requeue ? 'requeue' : 'reject');
        return;
      case 'basic.nack':
        this.settle(method.args.deliveryTag, method.args.multiple, method.args.requeue ? 'requeue' : 'reject');
        return;
      case 'basic.recover-async':
      case 'basic.recover':
        if (!method.args.requeue) throw new AmqpError(ReplyCode.notImplemented, 'requeue=false');
        this.requeueAll();
        if (method.name === 'basic.recover') this.send('basic.recover-ok', {});
        return;
      case 'confirm.select':
        if (this.txMode) throw preconditionFailed('cannot switch from tx to confirm mode');
        this.confirmMode = true;
        if (!method.args.nowait) this.send('confirm.select-ok', {});
        return;
      case 'tx.select':
        if (this.confirmMode) throw preconditionFailed('cannot switch from confirm to tx mode');
        this.txMode = true;
        this.send('tx.select-ok', {});
        return;
      case 'tx.commit':
        if (!this.txMode) throw preconditionFailed('channel is not transactional');
        this.commit();
        return;
      case 'tx.rollback':
        if (!this.txMode) throw preconditionFailed('channel is not transactional');
        this.rollback();
        this.send('tx.rollback-ok', {});
        return;
      default:
        throw new AmqpError(ReplyCode.commandInvalid, 'unimplemented method');
    }
  }

  private exchangeDeclare(a: MethodArgs['exchange.declare']): void {
    if (!a.passive) {
      this.checkPermission('configure', 'exchange', a.exchange);
      const ae = a.arguments['alternate-exchange'];
      if (ae?.type === 'S' && !this.vhost.exchanges.has(a.exchange)) {
        this.checkPermission('read', 'exchange', a.exchange);
        this.checkPermission('write', 'exchange', String(ae.value));
      }
    }
    this.vhost.declareExchange({
      name: a.exchange, type: a.type, passive: a.passive, durable: a.durable,
      autoDelete: a.autoDelete, internal: a.internal, arguments: a.arguments,
    });
    if (!a.nowait) this.send('exchange.declare-ok', {});
  }

  private queueDeclare(a: MethodArgs['queue.declare'], owner: object): void {
    if (a.passive && a.queue.startsWith(REPLY_TO_QUEUE)) return this.declareReplyTo(a);
    let name: string;
    if (a.passive) {
      name = this.queueName(a.queue);
    } else {
      name = a.queue === '' ? generatedName('amq.gen') : a.queue;
      this.checkPermission('configure', 'queue', name);
      const dlx = a.arguments['x-dead-letter-exchange'];
      if (dlx?.type === 'S' && !this.vhost.queues.has(name)) {
        this.checkPermission('read', 'queue', name);
        this.checkPermission('write', 'exchange', String(dlx.value));
      }
    }
    const q = this.vhost.declareQueue(
      { name, passive: a.passive, durable: a.durable, exclusive: a.exclusive, autoDelete: a.autoDelete, arguments: a.arguments, serverNamed: !a.passive && a.queue === '' },
      owner,
    );
    this.lastQueueName = q.name;
    if (!a.nowait) this.send('queue.declare-ok', { queue: q.name, messageCount: q.messageCount, consumerCount: q.consumerCount });
  }

  /** Passive declare of the reply-to pseudo-queue: exists when it names a live reply consumer. */
  private declareReplyTo(a: MethodArgs['queue.declare']): void {
    if (a.queue !== REPLY_TO_QUEUE && !this.conn.replyTo.lookup(a.queue)) throw notFound(`no ${resourceName('queue', a.queue, this.vhost.name)}`);
    if (!a.nowait) this.send('queue.declare-ok', { queue: a.queue, messageCount: 0, consumerCount: 1 });
  }

  private consume(a: MethodArgs['basic.consume'], owner: object): void {
    if (a.queue === REPLY_TO_QUEUE) return this.consumeReplies(a);
    const q = this.vhost.queueOrDie(this.queueName(a.queue));
    this.checkPermission('read', 'queue', q.name);
    this.vhost.checkExclusiveAccess(q, owner);
    const tag = a.consumerTag === '' ? generatedName('amq.ctag') : a.consumerTag;
    if (this.consumers.has(tag) || tag === this.replyConsumerTag) throw new AmqpError(ReplyCode.notAllowed, `attempt to reuse consumer tag '${tag}'`);
    const locked = q.canAddConsumer(a.exclusive);
    if (locked) throw locked;
    const argsError = consumerArgumentsError(a.arguments, q.resource);
    if (argsError) throw argsError;
    const priority = integerValue(a.arguments['x-priority']) ?? 0;
    const consumer: Consumer = {
      tag, owner: this, queue: q, noAck: a.noAck, exclusive: a.exclusive, priority, prefetch: this.consumerPrefetch, unacked: 0, arguments: a.arguments,
    };
    this.consumers.set(tag, consumer);
    if (!a.nowait) this.send('basic.consume-ok', { consumerTag: tag });
    q.addConsumer(consumer);
  }

  private consumeReplies(a: MethodArgs['basic.consume']): void {
    if (!a.noAck) throw preconditionFailed('reply consumer cannot acknowledge');
    const tag = a.consumerTag === '' ? generatedName('amq.ctag') : a.consumerTag;
    if (this.replyConsumerTag !== undefined || this.consumers.has(tag)) throw preconditionFailed('reply consumer already set');
    this.replyConsumerTag = tag;
    if (!a.nowait) this.send('basic.consume-ok', { consumerTag: tag });
  }

  /** Replies have no queue to wait in: one for a client that has stopped reading is unroutable rather than buffered without bound. */
  deliverReply(routingKey: string, exchange: string, message: Message): boolean {
    if (!this.open || this.replyConsumerTag === undefined || this.conn.backlogged) return false;
    this.conn.sendContent(this.id, 'basic.deliver', {
      consumerTag: this.replyConsumerTag, deliveryTag: ++this.deliveryTag, redelivered: false, exchange, routingKey,
    }, message);
    return true;
  }

  private cancelConsumer(tag: string): void {
    if (tag === this.replyConsumerTag) {
      this.replyConsumerTag = undefined;
      return;
    }
    const c = this.consumers.get(tag);
    if (!c) return;
    this.consumers.delete(tag);
    c.queue.removeConsumer(c);
  }

  private publish(a: MethodArgs['basic.publish'], command: Command): void {
    const header = command.header!;
    if (a.immediate) throw new AmqpError(ReplyCode.notImplemented, 'immediate=true');
    this.checkPermission('write', 'exchange', a.exchange);
    const x = this.vhost.exchangeOrDie(a.exchange);
    if (x.internal) throw accessRefused(`cannot publish to internal ${resourceName('exchange', x.name, this.vhost.name)}`);
    this.checkTopicPermission('write', x.name, a.routingKey);
    let properties;
    try {
      properties = decodeBasicProperties(header.propertiesBytes, 0);
    } catch (err) {
      if (err instanceof DecodeError) throw new AmqpError(ReplyCode.frameError, `cannot decode ${formatErlangBinary(header.propertiesBytes)}`);
      throw err;
    }
    if (properties.userId !== undefined && properties.userId !== this.conn.user.username) {
      throw preconditionFailed(`user_id property set to '${properties.userId}' but authenticated user was '${this.conn.user.username}'`);
    }
    const expirationProblem = expirationError(properties.expiration);
    if (expirationProblem) throw preconditionFailed(expirationProblem);
    let propertiesBytes = header.propertiesBytes;
    if (properties.replyTo === REPLY_TO_QUEUE) {
      if (this.replyConsumerTag === undefined) throw preconditionFailed('fast reply consumer does not exist');
      this.replyToName ??= this.conn.replyTo.register(this);
      properties.replyTo = this.replyToName;
      propertiesBytes = encodeProperties(properties);
    }
    const keys = messageRoutingKeys(a.routingKey, properties.headers);
    if ('error' in keys) throw preconditionFailed(`invalid message: ${keys.error}`);
    const message: Message = { exchange: a.exchange, routingKey: a.routingKey, properties, propertiesBytes, body: command.body! };
    if (this.txMode) {
      this.txPublishes.push({ message, keys: keys.keys, mandatory: a.mandatory });
      return;
    }
    this.route(message, keys.keys, a.mandatory);
  }

  /** Returns the journal of a durable queue that stored the message, if any (its fsync is what a confirm or commit waits for). */
  private route(message: Message, keys: readonly string[], mandatory: boolean): QueueJournal | undefined {
    const seq = this.confirmMode ? ++this.publishSeq : 0;
    let routed: boolean;
    let rejected = false;
    let queues: Queue[] = [];
    let syncBy: QueueJournal | undefined;
    if (message.exchange === '' && message.routingKey.startsWith(REPLY_TO_PREFIX)) {
      const target = this.conn.replyTo.lookup(message.routingKey);
      routed = target !== undefined && target.deliverReply(message.routingKey, message.exchange, message);
    } else {
      queues = this.vhost.routeKeys(message.exchange, keys, message.properties.headers);
      routed = queues.length > 0;
      const now = Date.now();
      const stored = withoutBcc(message);
      for (const q of queues) {
        if (q.publish(stored, now) === 'rejected') rejected = true;
        else if (q.journal !== null && stored.properties.deliveryMode === 2) syncBy = q.journal;
      }
    }
    if (!routed && mandatory) {
      this.conn.sendContent(this.id, 'basic.return', {
        replyCode: ReplyCode.noRoute, replyText: 'NO_ROUTE', exchange: message.exchange, routingKey: message.routingKey,
      }, message);
    }
    if (seq !== 0) this.confirm(seq, rejected, syncBy);
    recordPublish({ channel: this, vhost: this.vhost }, {
      exchange: this.vhost.exchanges.get(message.exchange), queues, returned: !routed && mandatory, confirmed: seq !== 0 && !rejected,
    });
    return syncBy;
  }

  /** A persistent message stored by a durable queue is confirmed only after its record is fsynced (group commit). */
  private confirm(seq: number, nack: boolean, syncBy: QueueJournal | undefined): void {
    if (syncBy === undefined && this.syncConfirms.length === 0) {
      if (nack) this.confirms.nack(seq);
      else this.confirms.ack(seq);
      return;
    }
    const c = { seq, nack, ready: syncBy === undefined };
    this.syncConfirms.push(c);
    syncBy?.afterSync(() => {
      c.ready = true;
      while (this.syncConfirms[0]?.ready) {
        const next = this.syncConfirms.shift()!;
        if (next.nack) this.confirms.nack(next.seq);
        else this.confirms.ack(next.seq);
      }
    });
  }

  private get(a: MethodArgs['basic.get'], owner: object): void {
    const q = this.vhost.queueOrDie(this.queueName(a.queue));
    this.checkPermission('read', 'queue', q.name);
    this.vhost.checkExclusiveAccess(q, owner);
    const entry = q.fetch(a.noAck);
    recordGet({ channel: this, vhost: this.vhost }, q, a.noAck, entry !== undefined, entry?.redelivered ?? false);
    if (!entry) {
      this.send('basic.get-empty', { clusterId: '' });
      return;
    }
    const tag = ++this.deliveryTag;
    if (!a.noAck) this.unacked.set(tag, { tag, queue: q, entry, consumer: undefined, deliveredAt: Date.now() });
    this.conn.sendContent(this.id, 'basic.get-ok', {
      deliveryTag: tag, redelivered: entry.redelivered, exchange: entry.message.exchange,
      routingKey: entry.message.routingKey, messageCount: q.messageCount,
    }, entry.message);
  }

  canDeliver(c: Consumer): boolean {
    if (!this.open || !this.conn.writable) return false;
    if (c.noAck) return true;
    if (c.prefetch !== 0 && c.unacked >= c.prefetch) return false;
    return this.globalPrefetch === 0 || this.globalUnacked < this.globalPrefetch;
  }

  deliver(c: Consumer, queue: Queue, entry: QueueEntry): void {
    const tag = ++this.deliveryTag;
    if (!c.noAck) {
      this.unacked.set(tag, { tag, queue, entry, consumer: c, deliveredAt: Date.now() });
      c.unacked++;
      this.globalUnacked++;
    }
    recordDeliver({ channel: this, vhost: this.vhost }, queue, c.noAck, entry.redelivered);
    this.conn.sendContent(this.id, 'basic.deliver', {
      consumerTag: c.tag, deliveryTag: tag, redelivered: entry.redelivered,
      exchange: entry.message.exchange, routingKey: entry.message.routingKey,
    }, entry.message);
  }

  queueDeleted(c: Consumer): void {
    if (this.consumers.get(c.tag) !== c) return;
    this.consumers.delete(c.tag);
    if (this.open && this.conn.consumerCancelNotify) this.send('basic.cancel', { consumerTag: c.tag, nowait: true });
  }

  /** rabbit_channel:collect_acks: the unacked entries an ack/nack/reject names, or 406. */
  private collect(tag: number, multiple: boolean): Unacked[] {
    if (multiple && tag === 0) return [...this.unacked.values()];
    if (!this.unacked.has(tag)) throw preconditionFailed(`unknown delivery tag ${tag}`);
    if (!multiple) return [this.unacked.get(tag)!];
    const out: Unacked[] = [];
    for (const u of this.unacked.values()) {
      if (u.tag > tag) break;
      out.push(u);
    }
    return out;
  }

  private release(u: Unacked): void {
    this.unacked.delete(u.tag);
    if (u.consumer) {
      u.consumer.unacked--;
      this.globalUnacked--;
    }
  }

  private settle(tag: number, multiple: boolean, action: Settlement['action']): void {
    const items = this.collect(tag, multiple);
    for (const u of items) this.release(u);
    if (this.txMode) {
      this.txSettlements.push({ unacked: items, action });
      return;
    }
    this.apply({ unacked: items, action });
  }

  private apply(s: Settlement): void {
    const queues = new Set<Queue>();
    for (const u of s.unacked) {
      if (s.action === 'ack') {
        u.queue.acked(u.entry);
        recordAck({ channel: this, vhost: this.vhost }, u.queue);
      } else if (s.action === 'reject') u.queue.rejected(u.entry);
      else {
        u.queue.requeue(u.entry);
        queues.add(u.queue);
      }
    }
    for (const q of queues) q.dispatch();
    this.kick();
  }

  private requeueAll(): void {
    const all = [...this.unacked.values()];
    for (const u of all) this.release(u);
    this.apply({ unacked: all, action: 'requeue' });
  }

  /** Applies the transaction and answers commit-ok. */
  private commit(): void {
    const publishes = this.txPublishes;
    const settlements = this.txSettlements;
    this.txPublishes = [];
    this.txSettlements = [];
    for (const s of settlements) this.apply(s);
    let syncBy: QueueJournal | undefined;
    for (const p of publishes) syncBy = this.route(p.message, p.keys, p.mandatory) ?? syncBy;
    // Like a confirm, commit-ok for persistent messages stored by durable queues waits for their fsync.
    if (!syncBy) {
      this.send('tx.commit-ok', {});
      return;
    }
    syncBy.afterSync(() => {
      if (this.open) this.send('tx.commit-ok', {});
    });
  }

  private rollback(): void {
    const restored = this.txSettlements.flatMap((s) => s.unacked);
    this.txPublishes = [];
    this.txSettlements = [];
    if (restored.length === 0) return;
    const all = [...this.unacked.values(), ...restored].sort((a, b) => a.tag - b.tag);
    this.unacked.clear();
    for (const u of all) {
      this.unacked.set(u.tag, u);
      if (u.consumer && restored.includes(u)) {
        u.consumer.unacked++;
        this.globalUnacked++;
      }
    }
  }

  /** Capacity may have appeared (ack, qos, socket drain): let this channel's queues deliver. */
  kick(): void {
    if (this.kickScheduled || this.consumers.size === 0) return;
    this.kickScheduled = true;
    queueMicrotask(() => {
      this.kickScheduled = false;
      if (!this.open) return;
      const queues = new Set<Queue>();
      for (const c of this.consumers.values()) queues.add(c.queue);
      for (const q of queues) q.dispatch();
    });
  }

  /** What the management API shows of this channel (electron/broker/http). */
  info() {
    return {
      number: this.id, consumers: [...this.consumers.values()], messagesUnacknowledged: this.unacked.size,
      unacked: [...this.unacked.values()].map((u) => ({ queue: u.queue, bytes: u.entry.message.body.length })),
      prefetchCount: this.consumerPrefetch, globalPrefetchCount: this.globalPrefetch, confirm: this.confirmMode,
      transactional: this.txMode, messagesUncommitted: this.txPublishes.length,
      acksUncommitted: this.txSettlements.reduce((n, s) => n + s.unacked.length, 0),
    };
  }

  /** Delivery time of the oldest unacknowledged message (tags grow with time), or undefined. */
  oldestUnackedAt(): number | undefined {
    for (const u of this.unacked.values()) return u.deliveredAt;
    return undefined;
  }

  /** Channel closed (by either side, or with its connection): consumers go, unacked messages are requeued. */
  shutdown(): void {
    if (!this.open) return;
    // Confirms already decided go out before the channel closes.
    this.confirms.flush();
    this.open = false;
    if (this.replyToName) this.conn.replyTo.unregister(this.replyToName);
    const pending = [...this.unacked.values()];
    this.unacked.clear();
    const queues = new Set<Queue>();
    for (const u of pending) {
      u.queue.requeue(u.entry);
      queues.add(u.queue);
    }
    for (const c of this.consumers.values()) c.queue.removeConsumer(c);
    this.consumers.clear();
    for (const q of queues) q.dispatch();
  }
}
