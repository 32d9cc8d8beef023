import type { TopologySnapshot } from '../../../../shared/model/topology.js';
import { bindingEdgeId } from '../../../../shared/topology/ids.js';
import type { BindChange, ExchangeDeclare, QueueDeclare } from './pending-edits.js';

/**
 * The broker's side of an edit, read from the topology snapshot: what exists
 * now, as the declarations the pending set compares against.
 */
export type BrokerView = {
  exchange(name: string): ExchangeDeclare | null;
  queue(name: string): QueueDeclare | null;
  /** The bindings from or to an exchange, or to a queue: a recreation drops them. */
  bindingsOf(kind: 'exchange' | 'queue', name: string): BindChange[];
  /** The binding an edge id names, if the broker has it. */
  bindingById(edgeId: string): BindChange | null;
  exchangeNames: string[];
  queueNames: string[];
  exchangeTypes: string[];
};

export function brokerView(snapshot: TopologySnapshot | null, vhost: string): BrokerView {
  const exchanges = new Map((snapshot?.exchanges ?? []).map((e) => [e.name, e]));
  const queues = new Map((snapshot?.queues ?? []).map((q) => [q.name, q]));
  const bindings: BindChange[] = (snapshot?.bindings ?? []).map((b) => ({
    kind: 'bind',
    vhost,
    source: b.source,
    destination: b.destination,
    destinationType: b.destinationType,
    routingKey: b.routingKey,
    arguments: b.arguments,
  }));
  const byId = new Map(bindings.map((b) => [bindingEdgeId(b), b]));
  return {
    exchange(name) {
      const e = exchanges.get(name);
      return e ? { kind: 'declareExchange', vhost, name, type: e.type, durable: e.durable, autoDelete: e.autoDelete, internal: e.internal, arguments: e.arguments } : null;
    },
    queue(name) {
      const q = queues.get(name);
      return q ? { kind: 'declareQueue', vhost, name, durable: q.durable, autoDelete: q.autoDelete, arguments: q.arguments } : null;
    },
    bindingsOf(kind, name) {
      // The default exchange's implicit bindings are not declared: they come back by themselves.
      return bindings.filter((b) => b.source !== '' && (kind === 'exchange' ? b.source === name || (b.destinationType === 'exchange' && b.destination === name) : b.destinationType === 'queue' && b.destination === name));
    },
    bindingById: (id) => byId.get(id) ?? null,
    exchangeNames: [...exchanges.keys()].sort(),
    queueNames: [...queues.keys()].sort(),
    exchangeTypes: [...new Set([...exchanges.values()].map((e) => e.type))],
  };
}
