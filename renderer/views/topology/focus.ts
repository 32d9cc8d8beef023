import type { TopologyGraph } from '../../../shared/topology/graph-model.js';
import { exchangeNodeId, queueNodeId } from '../../../shared/topology/ids.js';
import { type NodeAndEdgeIds, neighbourhood } from '../../../shared/topology/neighbourhood.js';
import type { TopologyEntity } from '../../navigation/routes.js';

/** The graph's node ids of the entities an address focuses on. */
export const focusNodeIds = (entities: readonly TopologyEntity[]): string[] =>
  entities.map((e) => (e.kind === 'exchange' ? exchangeNodeId(e.name) : queueNodeId(e.name)));

/** The exchanges whose folded fan-out hides one of the nodes: opened, so the focus can be seen. */
export function foldingExchanges(graph: TopologyGraph, ids: readonly string[]): string[] {
  const wanted = new Set(ids);
  const out: string[] = [];
  for (const node of graph.nodes) if (node.kind === 'group' && node.members.some((m) => wanted.has(m))) out.push(node.exchange);
  return out;
}

/** What a focus lights up: each focused node in the graph, its neighbours and the edges between; null when none is there. */
export function focusedNeighbourhood(graph: TopologyGraph, ids: readonly string[]): NodeAndEdgeIds | null {
  const present = new Set(graph.nodes.map((n) => n.id));
  let lit: NodeAndEdgeIds | null = null;
  for (const id of ids) {
    if (!present.has(id)) continue;
    const around = neighbourhood(graph, id);
    if (!lit) lit = around;
    else {
      for (const n of around.nodes) lit.nodes.add(n);
      for (const e of around.edges) lit.edges.add(e);
    }
  }
  return lit;
}
