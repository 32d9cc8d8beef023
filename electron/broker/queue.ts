// A classic queue: ready messages, consumers, TTL, length limits, dead-lettering.
// Delivery is synchronous on publish and whenever a consumer gains capacity.
import { accessRefused, preconditionFailed, resourceName } from './errors.js';
import type { Consumer } from './consumer.js';
import type { DeadLetterReason } from './dead-letter.js';
import { messageTtl, type Message, type QueueEntry } from './message.js';
import { MessageStore, type ReadyListener } from './message-store.js';
import { queueSettings, type QueueSettings } from './queue-arguments.js';
import type { FieldTable } from './protocol/field-table.js';

/** setTimeout fires at once past this (about 24.8 days): longer TTLs and expiries wait in steps of it. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** What a queue needs from its vhost. */
export interface QueueHost {
  deadLetter(queue: Queue, message: Message, reason: DeadLetterReason): void;
  /** The queue's x-expires timer fired, or its last consumer left an auto-delete queue. */
  deleteQueue(queue: Queue): void;
}

export type PublishOutcome = 'enqueued' | 'rejected';

/**
 * A durable queue's persistent messages on disk (electron/broker/store). It
 * hears of every entry entering and leaving the ready list, to keep stored
 * messages within the broker's memory budget; it ignores entries it did not make.
 */
export interface QueueJournal extends ReadyListener {
  /** Writes the message's record (buffered; on disk at the next group commit) and returns the entry holding it. */
  append(message: Message, seq: number, expiresAt: number, priority: number): QueueEntry;
  /** The entry entered the ready list and stays there: its message is paged out if the memory budget is spent. */
  settle(entry: QueueEntry): void;
  /** Entries in the ready list whose message is paged out (on disk only), and their body bytes. */
  readonly pagedMessages: number;
  readonly pagedBytes: number;
  /**
   * Whether the entry's message can be read (a paged-out record damaged on
   * disk after start cannot: the journal logs it and the caller drops the entry).
   */
  readable(entry: QueueEntry): boolean;
  /** The entry went to a consumer that must ack it: redelivered after a restart. */
  delivered(entry: QueueEntry): void;
  /** The entry is gone (acked, no-ack delivery, rejected, expired, dropped, purged). */
  removed(entry: QueueEntry): void;
  /** The queue was deleted. */
  drop(): void;
  /**
   * The entry's message without keeping it in memory: a paged-out one is read from disk and let go
   * again. Undefined when its record is damaged (the entry is left for delivery to drop and log).
   */
  peek(entry: QueueEntry): Message | undefined;
  /** Runs `done` once everything appended so far is fsynced. */
  afterSync(done: () => void): void;
}

export interface QueueOptions {
  name: string;
  vhost: string;
  durable: boolean;
  exclusiveOwner: object | null;
  autoDelete: boolean;
  arguments: FieldTable;
}

export class Queue {
  readonly name: string;
  readonly vhost: string;
  readonly durable: boolean;
  readonly exclusiveOwner: object | null;
  readonly autoDelete: boolean;
  readonly arguments: FieldTable;
  readonly settings: QueueSettings;
  readonly resource: string;
  private readonly store: MessageStore;
  private readonly consumers: Consumer[] = [];
  private roundRobin = 0;
  private seq = 0;
  private dispatching = false;
  /** Entry being published right now: TTL 0 messages may still go to a waiting consumer. */
  private publishing: QueueEntry | undefined;
  private expiryTimer: NodeJS.Timeout | undefined;
  private expiryAt = 0;
  private idleTimer: NodeJS.Timeout | undefined;
  private hadConsumer = false;
  deleted = false;
  unackedCount = 0;
  /** Set by the store for a durable queue when the broker has a data dir; transient messages never touch it. */
  journal: QueueJournal | null = null;

  constructor(opts: QueueOptions, private readonly host: QueueHost) {
    this.name = opts.name;
    this.vhost = opts.vhost;
    this.durable = opts.durable;
    this.exclusiveOwner = opts.exclusiveOwner;
    this.autoDelete = opts.autoDelete;
    this.arguments = opts.arguments;
    this.settings = queueSettings(opts.arguments);
    this.store = new MessageStore(this.settings.maxPriority ?? 0);
    this.resource = resourceName('queue', this.name, this.vhost);
    this.touch();
  }

  get messageCount(): number {
    return this.store.length;
  }

  get messageBytes(): number {
    return this.store.bytes;
  }

  get consumerCount(): number {
    return this.consumers.length;
  }

  consumerList(): readonly Consumer[] {
    return this.consumers;
  }

  /** Restarts the x-expires countdown (declare, consume, get count as use). */
  touch(): void {
    if (this.settings.expires === undefined) return;
    clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    if (this.consumers.length > 0 || this.deleted) return;
    const deadline = performance.now() + this.settings.expires;
    const arm = (): void => {
      this.idleTimer = setTimeout(() => {
        if (performance.now() < deadline) return arm();
        if (this.consumers.length === 0 && !this.deleted) this.host.deleteQueue(this);
      }, Math.min(MAX_TIMER_MS, deadline - performance.now()));
      this.idleTimer.unref();
    };
    arm();
  }

  private overLimit(extraBytes: number): boolean {
    const { maxLength, maxLengthBytes } = this.settings;
    return (maxLength !== undefined && this.store.length + 1 > maxLength)
      || (maxLengthBytes !== undefined && this.store.bytes + extraBytes > maxLengthBytes);
  }

  publish(message: Message, now: number): PublishOutcome {
    const { overflow } = this.settings;
    if (overflow !== 'drop-head' && this.overLimit(message.body.length) && !this.hasReadyConsumer()) {
      if (overflow === 'reject-publish-dlx') this.host.deadLetter(this, message, 'maxlen');
      return 'rejected';
    }
    const ttl = minDefined(this.settings.messageTtl, messageTtl(message.properties));
    const priority = this.settings.maxPriority === undefined ? 0 : Math.min(message.properties.priority ?? 0, this.settings.maxPriority);
    const seq = ++this.seq;
    const expiresAt = ttl === undefined ? 0 : now + ttl;
    const entry = this.journal !== null && message.properties.deliveryMode === 2
      ? this.journal.append(message, seq, expiresAt, priority)
      : { message, seq, redelivered: false, expiresAt, priority, bodySize: message.body.length };
    this.store.push(entry);
    this.publishing = entry;
    this.dispatch();
    this.publishing = undefined;
    if (overflow === 'drop-head') this.dropOverLimit();
    // After dispatch: a message that went straight to a consumer is never paged out.
    this.journal?.settle(entry);
    this.scheduleExpiry();
    return 'enqueued';
  }

  private hasReadyConsumer(): boolean {
    return this.store.length === 0 && this.consumers.some((c) => c.owner.canDeliver(c));
  }

  private dropOverLimit(): void {
    const { maxLength, maxLengthBytes } = this.settings;
    while ((maxLength !== undefined && this.store.length > maxLength) || (maxLengthBytes !== undefined && this.store.bytes > maxLengthBytes)) {
      const dropped = this.store.shift();
      if (!dropped) break;
      this.journal?.removed(dropped);
      this.deadLetterEntry(dropped, 'maxlen');
    }
  }

  /**
   * Dead-letters an entry leaving the queue. Without a dead-letter exchange a
   * paged-out message is not read back from disk just to be thrown away.
   */
  private deadLetterEntry(entry: QueueEntry, reason: DeadLetterReason): void {
    if (this.settings.deadLetterExchange === undefined) return;
    if (this.journal !== null && !this.journal.readable(entry)) return;
    this.host.deadLetter(this, entry.message, reason);
  }

  /** Drops (and dead-letters) expired messages at the heads; true if any remain expired-free. */
  private dropExpired(now: number): void {
    for (;;) {
      let removed = false;
      for (const head of this.store.heads()) {
        if (head.expiresAt !== 0 && now >= head.expiresAt && head !== this.publishing) {
          this.store.removeHead(head);
          this.journal?.removed(head);
          this.deadLetterEntry(head, 'expired');
          removed = true;
        }
      }
      if (!removed) return;
    }
  }

  private scheduleExpiry(): void {
    let next = 0;
    for (const head of this.store.heads()) {
      if (head.expiresAt !== 0 && (next === 0 || head.expiresAt < next)) next = head.expiresAt;
    }
    if (next === 0 || (this.expiryTimer && this.expiryAt <= next)) return;
    clearTimeout(this.expiryTimer);
    this.expiryAt = next;
    this.expiryTimer = setTimeout(() => {
      this.expiryTimer = undefined;
      this.expiryAt = 0;
      if (this.deleted) return;
      this.dropExpired(Date.now());
      this.dispatch();
      this.scheduleExpiry();
    }, Math.min(MAX_TIMER_MS, Math.max(0, next - Date.now())));
    this.expiryTimer.unref();
  }

  /** Consumer eligible for the next message: highest priority with capacity, round-robin among equals. */
  private pickConsumer(): Consumer | undefined {
    const n = this.consumers.length;
    if (n === 0) return undefined;
    if (this.settings.singleActiveConsumer) {
      const active = this.consumers[0]!;
      return active.owner.canDeliver(active) ? active : undefined;
    }
    let best: Consumer | undefined;
    let bestIndex = 0;
    for (let i = 0; i < n; i++) {
      const index = (this.roundRobin + i) % n;
      const c = this.consumers[index]!;
      if ((!best || c.priority > best.priority) && c.owner.canDeliver(c)) {
        best = c;
        bestIndex = index;
      }
    }
    if (best) this.roundRobin = (bestIndex + 1) % n;
    return best;
  }

  /** Delivers ready messages to consumers with capacity. */
  dispatch(): void {
    if (this.dispatching || this.deleted) return;
    this.dispatching = true;
    try {
      const now = Date.now();
      while (this.store.length > 0) {
        this.dropExpired(now);
        if (this.store.length === 0) break;
        const consumer = this.pickConsumer();
        if (!consumer) break;
        const entry = this.shiftReadable();
        if (!entry) break;
        if (!consumer.noAck) this.unackedCount++;
        this.journalTaken(entry, consumer.noAck);
        consumer.owner.deliver(consumer, this, entry);
      }
    } finally {
      this.dispatching = false;
    }
  }

  /** basic.get: the next live message, or undefined. The caller records it as unacked unless no-ack. */
  fetch(noAck: boolean): QueueEntry | undefined {
    this.touch();
    this.dropExpired(Date.now());
    const entry = this.shiftReadable();
    if (entry && !noAck) this.unackedCount++;
    if (entry) this.journalTaken(entry, noAck);
    this.scheduleExpiry();
    return entry;
  }

  /**
   * The first `count` live messages in delivery order, with nothing changed: no entry leaves the
   * list, no redelivered flag is set, no paged-out message stays in memory, the x-expires countdown
   * goes on. Expired messages not yet dropped are skipped, as a consumer would never see them.
   */
  peek(count: number, now: number): { message: Message; redelivered: boolean }[] {
    const out: { message: Message; redelivered: boolean }[] = [];
    for (const entry of this.store.inDeliveryOrder()) {
      if (out.length >= count) break;
      if (entry.expiresAt !== 0 && now >= entry.expiresAt) continue;
      const message = this.journal === null ? entry.message : this.journal.peek(entry);
      if (message !== undefined) out.push({ message, redelivered: entry.redelivered });
    }
    return out;
  }

  /** The next ready entry whose message can be read; unreadable ones are dropped as lost (the journal logged them). */
  private shiftReadable(): QueueEntry | undefined {
    for (;;) {
      const entry = this.store.shift();
      if (entry === undefined || this.journal === null || this.journal.readable(entry)) return entry;
      this.journal.removed(entry);
    }
  }

  private journalTaken(entry: QueueEntry, noAck: boolean): void {
    if (noAck) this.journal?.removed(entry);
    else this.journal?.delivered(entry);
  }

  acked(entry: QueueEntry): void {
    this.unackedCount--;
    this.journal?.removed(entry);
  }

  /** Hands the queue its journal (the store, for a durable queue of a broker with a data dir). */
  useJournal(journal: QueueJournal): void {
    this.journal = journal;
    this.store.listener = journal;
  }

  /** The seq for an entry about to be restored. */
  nextSeq(): number {
    return ++this.seq;
  }

  /** A persistent message read back from the store at start (its entry made with nextSeq()), behind those restored before it. */
  restore(entry: QueueEntry): void {
    this.store.push(entry);
    // Only an expiring entry can bring the next expiry forward (a million restored entries must not each rescan the heads).
    if (entry.expiresAt !== 0) this.scheduleExpiry();
  }

  /** An unacked message comes back: original position, redelivered set. */
  requeue(entry: QueueEntry): void {
    this.unackedCount--;
    if (this.deleted) return;
    entry.redelivered = true;
    this.store.requeue(entry);
    this.journal?.settle(entry);
    this.scheduleExpiry();
  }

  /** An unacked message rejected without requeue. */
  rejected(entry: QueueEntry): void {
    this.unackedCount--;
    this.journal?.removed(entry);
    if (!this.deleted) this.deadLetterEntry(entry, 'rejected');
  }

  canAddConsumer(exclusive: boolean): Error | undefined {
    const taken = this.consumers.some((c) => c.exclusive);
    if (taken || (exclusive && this.consumers.length > 0)) return accessRefused(`${this.resource} in exclusive use`);
    return undefined;
  }

  addConsumer(c: Consumer): void {
    this.consumers.push(c);
    this.hadConsumer = true;
    clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    this.dispatch();
  }

  removeConsumer(c: Consumer): void {
    const i = this.consumers.indexOf(c);
    if (i < 0) return;
    this.consumers.splice(i, 1);
    if (this.roundRobin > i) this.roundRobin--;
    if (this.consumers.length === 0) {
      this.roundRobin = 0;
      if (this.autoDelete && this.hadConsumer) {
        this.host.deleteQueue(this);
        return;
      }
      this.touch();
    }
    // A single-active-consumer queue hands over to the next consumer.
    this.dispatch();
  }

  /** A policy changed the settings: a lower drop-head limit drops (and dead-letters) the excess now, as RabbitMQ does. */
  settingsChanged(): void {
    if (this.deleted) return;
    if (this.settings.overflow === 'drop-head') this.dropOverLimit();
    this.touch();
  }

  purge(): number {
    const purged = this.store.clear();
    if (this.journal !== null) for (const e of purged) this.journal.removed(e);
    return purged.length;
  }

  checkDeletable(ifUnused: boolean, ifEmpty: boolean): Error | undefined {
    if (ifUnused && this.consumers.length > 0) return preconditionFailed(`${this.resource} in use`);
    if (ifEmpty && this.store.length > 0) return preconditionFailed(`${this.resource} not empty`);
    return undefined;
  }

  /** Marks the queue gone; returns its consumers so their channels can be told. */
  markDeleted(): Consumer[] {
    this.deleted = true;
    clearTimeout(this.expiryTimer);
    clearTimeout(this.idleTimer);
    const consumers = this.consumers.splice(0);
    this.store.clear();
    this.journal?.drop();
    return consumers;
  }
}

function minDefined(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.min(a, b);
}
