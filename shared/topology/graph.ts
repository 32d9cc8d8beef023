import type { TopologySnapshot } from '../model/topology.js';
import { bindingLabel } from './edge-label.js';
import type { ExchangeNode, GraphEdge, GraphNode, TopologyGraph } from './graph-model.js';
import { alternateEdgeId, bindingEdgeId, deadLetterEdgeId, exchangeNodeId, queueNodeId } from './ids.js';
import { effectivePolicy } from './policy-match.js';

export type BuildOptions = {
  /** Draw the default exchange "" and its implicit binding to every queue. */
  showDefaultExchange: boolean;
};

/**
 * Snapshot → nodes and edges: an edge per binding (queue and exchange
 * destinations), a dashed edge from each queue to its dead-letter exchange
 * and from each exchange to its alternate exchange, from arguments or, when
 * no argument says, the effective policy (arguments win, as in RabbitMQ).
 */
export function buildGraph(snapshot: TopologySnapshot, options: BuildOptions): TopologyGraph {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const exchangeTypes = new Map<string, string>();
  const declared = new Set<string>();

  for (const e of snapshot.exchanges) {
    exchangeTypes.set(e.name, e.type);
    declared.add(exchangeNodeId(e.name));
    if (e.name === '' && !options.showDefaultExchange) continue;
    const policy = effectivePolicy(snapshot.policies, { kind: 'exchange', name: e.name }, e.policy);
    nodes.push({ id: exchangeNodeId(e.name), kind: 'exchange', name: e.name, type: e.type, durable: e.durable, autoDelete: e.autoDelete, internal: e.internal, policy: policy?.name ?? null, missing: false });
    const alternate = stringArg(e.arguments['alternate-exchange']) ?? stringArg(policy?.definition['alternate-exchange']);
    if (alternate !== null) edges.push({ id: alternateEdgeId(e.name, alternate), kind: 'alternate', source: exchangeNodeId(e.name), target: exchangeNodeId(alternate), label: 'AE' });
  }

  for (const q of snapshot.queues) {
    const policy = effectivePolicy(snapshot.policies, { kind: 'queue', name: q.name, queueType: q.type }, q.policy);
    const id = queueNodeId(q.name);
    nodes.push({ id, kind: 'queue', name: q.name, queueType: q.type, durable: q.durable, autoDelete: q.autoDelete, exclusive: q.exclusive, policy: policy?.name ?? null });
    const dlx = stringArg(q.arguments['x-dead-letter-exchange']) ?? stringArg(policy?.definition['dead-letter-exchange']);
    if (dlx === null) continue;
    const dlKey = stringArg(q.arguments['x-dead-letter-routing-key']) ?? stringArg(policy?.definition['dead-letter-routing-key']);
    const label = dlKey === null ? 'DLX' : `DLX ${dlKey}`;
    if (dlx === '' && !options.showDefaultExchange) {
      // Through the hidden default exchange, the key names the queue the message lands in.
      if (dlKey !== null) edges.push({ id: deadLetterEdgeId(id, ''), kind: 'dead-letter', source: id, target: queueNodeId(dlKey), label });
      continue;
    }
    edges.push({ id: deadLetterEdgeId(id, dlx), kind: 'dead-letter', source: id, target: exchangeNodeId(dlx), label });
  }

  for (const b of snapshot.bindings) {
    if (b.source === '' && !options.showDefaultExchange) continue;
    const target = b.destinationType === 'queue' ? queueNodeId(b.destination) : exchangeNodeId(b.destination);
    edges.push({ id: bindingEdgeId(b), kind: 'binding', source: exchangeNodeId(b.source), target, label: bindingLabel(exchangeTypes.get(b.source) ?? 'direct', b.routingKey, b.arguments) });
  }

  if (options.showDefaultExchange && declared.has(exchangeNodeId('')) && !snapshot.bindings.some((b) => b.source === '')) {
    // Brokers that leave the implicit bindings out of /api/bindings still route by queue name.
    for (const q of snapshot.queues) edges.push({ id: bindingEdgeId({ source: '', destination: q.name, destinationType: 'queue', routingKey: q.name, arguments: {} }), kind: 'binding', source: exchangeNodeId(''), target: queueNodeId(q.name), label: q.name });
  }

  addMissingExchanges(nodes, edges, declared);
  return { nodes, edges: dropDangling(nodes, edges) };
}

/** A dead-letter or alternate exchange that does not exist still gets a node, marked missing, so the gap shows. */
function addMissingExchanges(nodes: GraphNode[], edges: readonly GraphEdge[], declared: ReadonlySet<string>): void {
  const present = new Set(nodes.map((n) => n.id));
  for (const edge of edges) {
    // A declared one that is absent is hidden (the default exchange): its edges go, no stand-in comes.
    if (edge.kind === 'binding' || edge.target.startsWith('q:') || present.has(edge.target) || declared.has(edge.target)) continue;
    const name = decodeURIComponent(edge.target.slice(2));
    const node: ExchangeNode = { id: edge.target, kind: 'exchange', name, type: 'missing', durable: false, autoDelete: false, internal: false, policy: null, missing: true };
    nodes.push(node);
    present.add(edge.target);
  }
}

function dropDangling(nodes: readonly GraphNode[], edges: readonly GraphEdge[]): GraphEdge[] {
  const present = new Set(nodes.map((n) => n.id));
  return edges.filter((e) => present.has(e.source) && present.has(e.target));
}

function stringArg(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}
