import type { GraphEdge, GraphNode, GroupNode, TopologyGraph } from './graph-model.js';
import { exchangeNodeId, fanoutEdgeId, fanoutGroupNodeId } from './ids.js';

/** Above this many queues bound from one exchange, they fold into one group node. */
export const DEFAULT_FANOUT_LIMIT = 12;

/**
 * Folds large fan-outs: an exchange bound to more than `limit` queues shows
 * one "+N queues" group instead of those queues that nothing else binds
 * (a queue bound from elsewhere too stays visible, so no path disappears).
 * The folded queues' own edges (dead-lettering) leave from the group.
 * `expanded` names the exchanges whose fan-out the user opened.
 */
export function collapseFanouts(graph: TopologyGraph, limit: number, expanded: ReadonlySet<string>): TopologyGraph {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const sourcesOf = new Map<string, Set<string>>();
  const queueTargets = new Map<string, Set<string>>();
  for (const e of graph.edges) {
    if (!e.target.startsWith('q:')) continue;
    let s = sourcesOf.get(e.target);
    if (!s) sourcesOf.set(e.target, (s = new Set()));
    s.add(e.source);
    if (e.kind !== 'binding') continue;
    let t = queueTargets.get(e.source);
    if (!t) queueTargets.set(e.source, (t = new Set()));
    t.add(e.target);
  }

  const folded = new Map<string, string>();
  const groups: GroupNode[] = [];
  for (const [exchangeId, targets] of queueTargets) {
    const exchange = byId.get(exchangeId);
    if (!exchange || exchange.kind !== 'exchange' || targets.size <= limit || expanded.has(exchange.name)) continue;
    const members = [...targets].filter((q) => sourcesOf.get(q)?.size === 1 && !folded.has(q));
    if (members.length < 2) continue;
    const groupId = fanoutGroupNodeId(exchange.name);
    for (const m of members) folded.set(m, groupId);
    groups.push({ id: groupId, kind: 'group', exchange: exchange.name, members, memberNames: members.map((m) => (byId.get(m) as { name: string }).name) });
  }
  if (groups.length === 0) return graph;

  const nodes: GraphNode[] = [...graph.nodes.filter((n) => !folded.has(n.id)), ...groups];
  const edges: GraphEdge[] = [];
  const seen = new Set<string>();
  for (const g of groups) edges.push({ id: fanoutEdgeId(g.exchange), kind: 'fanout', source: exchangeNodeId(g.exchange), target: g.id, label: `${g.members.length} queues` });
  for (const e of graph.edges) {
    const source = folded.get(e.source) ?? e.source;
    const target = folded.get(e.target) ?? e.target;
    if (target !== e.target) continue; // a binding into a folded queue: the fan-out edge stands for it
    if (source === e.source) {
      edges.push(e);
      continue;
    }
    // One edge per group and target, however many folded queues share it.
    const id = `${e.kind}:${source}>${target}`;
    if (seen.has(id)) continue;
    seen.add(id);
    edges.push({ ...e, id, source });
  }
  return { nodes, edges };
}
