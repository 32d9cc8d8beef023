import { bindingIdentity } from './binding-key.js';
import { compileHeadersPattern, type HeadersPattern, matchHeadersPattern } from './headers.js';
import {
  DEFAULT_EXCHANGE,
  type FieldTable,
  type RoutingBinding,
  type RoutingExchange,
  type RoutingModel,
} from './model.js';
import { TopicTrie } from './topic.js';

interface BindingRecord {
  readonly id: string;
  readonly binding: RoutingBinding;
  readonly source: ExchangeEntry;
  /** Compiled once for headers exchanges. */
  readonly pattern: HeadersPattern | null;
}

/** Per-exchange index chosen by type, so a publish never scans unrelated bindings. */
interface ExchangeEntry {
  exchange: RoutingExchange;
  readonly bindings: Map<string, BindingRecord>;
  readonly byKey: Map<string, BindingRecord[]>;
  readonly trie: TopicTrie<BindingRecord>;
  /** Stamp of the last route() that visited this exchange (cycle and duplicate guard without a Set per publish). */
  visited: number;
}

function newEntry(exchange: RoutingExchange): ExchangeEntry {
  return { exchange, bindings: new Map(), byKey: new Map(), trie: new TopicTrie(), visited: 0 };
}

/**
 * One vhost's routing state, indexed for the publish hot path: direct
 * bindings by key, topic bindings in a trie, fanout and headers bindings
 * as lists (headers patterns precompiled). route() follows
 * exchange-to-exchange bindings and alternate exchanges exactly as
 * rabbit_exchange:route/2 does: every exchange is visited at most once per
 * message; an exchange's alternate exchange is tried only when none of its
 * own bindings matched (a matching binding to another exchange counts, even
 * if that exchange then reaches no queue); each queue appears once.
 *
 * The caller (the broker) owns validation: it checks that sources and
 * destinations exist, refuses bindings on the default exchange, and so on.
 * This class throws on calls that would corrupt it.
 */
export class RoutingTable {
  private readonly exchanges = new Map<string, ExchangeEntry>();
  /** Bindings by destination, so deleting a queue or exchange does not scan every binding. */
  private readonly byDestination = new Map<string, Set<BindingRecord>>();
  private readonly queues = new Set<string>();
  private stamp = 0;
  private readonly work: ExchangeEntry[] = [];
  private readonly hits: BindingRecord[] = [];
  private readonly collect = (record: BindingRecord): void => {
    this.hits.push(record);
  };

  /**
   * Adds an exchange, or updates an existing one's metadata (internal,
   * alternate exchange) keeping its bindings. The type cannot change:
   * RabbitMQ refuses such a redeclare, so the broker deletes first.
   */
  declareExchange(exchange: RoutingExchange): void {
    const entry = this.exchanges.get(exchange.name);
    if (entry === undefined) {
      this.exchanges.set(exchange.name, newEntry(exchange));
      return;
    }
    if (entry.exchange.type !== exchange.type) {
      throw new Error(`exchange '${exchange.name}' is ${entry.exchange.type}; delete it before declaring it ${exchange.type}`);
    }
    entry.exchange = exchange;
  }

  /** Removes the exchange and every binding from or to it; returns those bindings (the broker may auto-delete their other ends). */
  deleteExchange(name: string): RoutingBinding[] {
    const entry = this.exchanges.get(name);
    if (entry === undefined) return [];
    const removed: RoutingBinding[] = [];
    for (const r of [...entry.bindings.values()]) {
      this.unindex(entry, r);
      removed.push(r.binding);
    }
    this.exchanges.delete(name);
    return removed.concat(this.unbindDestination('exchange', name));
  }

  declareQueue(name: string): void {
    this.queues.add(name);
  }

  /** Removes the queue and every binding to it; returns those bindings. */
  deleteQueue(name: string): RoutingBinding[] {
    this.queues.delete(name);
    return this.unbindDestination('queue', name);
  }

  hasExchange(name: string): boolean {
    return this.exchanges.has(name);
  }

  getExchange(name: string): RoutingExchange | undefined {
    return this.exchanges.get(name)?.exchange;
  }

  hasQueue(name: string): boolean {
    return this.queues.has(name);
  }

  /** False when an identical binding (same source, destination, key and arguments) already exists. */
  addBinding(binding: RoutingBinding): boolean {
    const entry = this.exchanges.get(binding.source);
    if (entry === undefined) throw new Error(`routing table has no exchange '${binding.source}'`);
    return this.index(entry, binding);
  }

  /** False when no such binding exists. */
  removeBinding(binding: RoutingBinding): boolean {
    const entry = this.exchanges.get(binding.source);
    if (entry === undefined) return false;
    const record = entry.bindings.get(bindingIdentity(binding));
    if (record === undefined) return false;
    this.unindex(entry, record);
    return true;
  }

  hasBinding(binding: RoutingBinding): boolean {
    return this.exchanges.get(binding.source)?.bindings.has(bindingIdentity(binding)) ?? false;
  }

  bindingsFrom(source: string): RoutingBinding[] {
    const entry = this.exchanges.get(source);
    return entry === undefined ? [] : [...entry.bindings.values()].map((r) => r.binding);
  }

  bindingsTo(destinationType: RoutingBinding['destinationType'], destination: string): RoutingBinding[] {
    const records = this.byDestination.get(destinationKey(destinationType, destination));
    return records === undefined ? [] : [...records].map((r) => r.binding);
  }

  /** A plain snapshot, e.g. for explainRoute or the management API. */
  toModel(): RoutingModel {
    const exchanges = [...this.exchanges.values()].map((e) => e.exchange);
    const bindings = [...this.exchanges.values()].flatMap((e) => [...e.bindings.values()].map((r) => r.binding));
    return { exchanges, bindings, queues: [...this.queues] };
  }

  /**
   * The queues a message published to `exchange` reaches, each once. Empty
   * when nothing matched (or the exchange does not exist): with `mandatory`
   * that is a basic.return. `routingKeys` is the routing key, or all of a
   * message's keys at once (see messageRoutingKeys: CC and BCC add keys);
   * passing them together matters, because an alternate exchange is used
   * only when no key matched. Direct reply-to pseudo-queues are the broker's.
   */
  route(exchange: string, routingKeys: string | readonly string[], headers?: FieldTable): string[] {
    const keys = typeof routingKeys === 'string' ? [routingKeys] : routingKeys;
    if (exchange === DEFAULT_EXCHANGE) {
      const reached = new Set<string>();
      for (const k of keys) if (this.queues.has(k)) reached.add(k);
      return [...reached];
    }
    const start = this.exchanges.get(exchange);
    if (start === undefined) return [];
    const stamp = ++this.stamp;
    const queues = new Set<string>();
    const work = this.work;
    work.length = 0;
    start.visited = stamp;
    work.push(start);
    while (work.length > 0) {
      const x = work.pop() as ExchangeEntry;
      this.hits.length = 0;
      this.match(x, keys, headers);
      for (const { binding } of this.hits) {
        if (binding.destinationType === 'queue') queues.add(binding.destination);
        else this.visit(binding.destination, stamp);
      }
      if (this.hits.length === 0 && x.exchange.alternateExchange !== undefined) {
        this.visit(x.exchange.alternateExchange, stamp);
      }
    }
    this.hits.length = 0;
    return [...queues];
  }

  private visit(name: string, stamp: number): void {
    const next = this.exchanges.get(name);
    if (next === undefined || next.visited === stamp) return;
    next.visited = stamp;
    this.work.push(next);
  }

  /** Fills `hits` with the bindings of `x` that match; a binding may appear once per matching key. */
  private match(x: ExchangeEntry, keys: readonly string[], headers: FieldTable | undefined): void {
    switch (x.exchange.type) {
      case 'direct':
        for (const k of keys) {
          const list = x.byKey.get(k);
          if (list !== undefined) for (const r of list) this.hits.push(r);
        }
        return;
      case 'topic':
        for (const k of keys) x.trie.match(k, this.collect);
        return;
      case 'fanout':
        for (const r of x.bindings.values()) this.hits.push(r);
        return;
      case 'headers':
        for (const r of x.bindings.values()) {
          if (r.pattern !== null && matchHeadersPattern(r.pattern, headers)) this.hits.push(r);
        }
        return;
    }
  }

  private index(entry: ExchangeEntry, binding: RoutingBinding): boolean {
    const id = bindingIdentity(binding);
    if (entry.bindings.has(id)) return false;
    const pattern = entry.exchange.type === 'headers' ? compileHeadersPattern(binding.arguments) : null;
    const record: BindingRecord = { id, binding, source: entry, pattern };
    entry.bindings.set(id, record);
    const dk = destinationKey(binding.destinationType, binding.destination);
    const toDest = this.byDestination.get(dk);
    if (toDest === undefined) this.byDestination.set(dk, new Set([record]));
    else toDest.add(record);
    if (entry.exchange.type === 'direct') {
      const list = entry.byKey.get(binding.routingKey);
      if (list === undefined) entry.byKey.set(binding.routingKey, [record]);
      else list.push(record);
    } else if (entry.exchange.type === 'topic') {
      entry.trie.add(binding.routingKey, record);
    }
    return true;
  }

  private unindex(entry: ExchangeEntry, record: BindingRecord): void {
    entry.bindings.delete(record.id);
    const dk = destinationKey(record.binding.destinationType, record.binding.destination);
    const toDest = this.byDestination.get(dk);
    toDest?.delete(record);
    if (toDest?.size === 0) this.byDestination.delete(dk);
    if (entry.exchange.type === 'direct') {
      const list = entry.byKey.get(record.binding.routingKey);
      if (list === undefined) return;
      const rest = list.filter((r) => r !== record);
      if (rest.length === 0) entry.byKey.delete(record.binding.routingKey);
      else entry.byKey.set(record.binding.routingKey, rest);
    } else if (entry.exchange.type === 'topic') {
      entry.trie.remove(record.binding.routingKey, record);
    }
  }

  private unbindDestination(destinationType: RoutingBinding['destinationType'], name: string): RoutingBinding[] {
    const records = this.byDestination.get(destinationKey(destinationType, name));
    if (records === undefined) return [];
    const removed: RoutingBinding[] = [];
    for (const r of [...records]) {
      this.unindex(r.source, r);
      removed.push(r.binding);
    }
    return removed;
  }
}

function destinationKey(destinationType: RoutingBinding['destinationType'], name: string): string {
  return destinationType === 'queue' ? `q:${name}` : `x:${name}`;
}

/** Builds a table from a model snapshot (e.g. definitions loaded at boot, or the console's loaded bindings). */
export function buildRoutingTable(model: RoutingModel): RoutingTable {
  const table = new RoutingTable();
  for (const q of model.queues) table.declareQueue(q);
  for (const x of model.exchanges) table.declareExchange(x);
  for (const b of model.bindings) {
    if (table.hasExchange(b.source)) table.addBinding(b);
  }
  return table;
}
