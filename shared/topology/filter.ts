import type { GraphNode, TopologyGraph } from './graph-model.js';

/** Node kinds the type filter offers: each exchange type by name, and "queue". */
export const QUEUE_KIND = 'queue';

export function kindOf(node: GraphNode): string {
  return node.kind === 'exchange' ? node.type : node.kind === 'queue' ? QUEUE_KIND : 'group';
}

export type GraphFilter = {
  /** Case-insensitive substring of the name; empty keeps all. */
  name: string;
  /** Kinds hidden by the type filter (exchange types, "queue"). */
  hiddenKinds: ReadonlySet<string>;
};

/** Keeps the nodes that pass both filters, and the edges between kept nodes. */
export function filterGraph(graph: TopologyGraph, filter: GraphFilter): TopologyGraph {
  const needle = filter.name.trim().toLowerCase();
  if (needle === '' && filter.hiddenKinds.size === 0) return graph;
  const nodes = graph.nodes.filter((n) => {
    if (filter.hiddenKinds.has(kindOf(n))) return false;
    return needle === '' || n.kind === 'group' || n.name.toLowerCase().includes(needle);
  });
  const kept = new Set(nodes.map((n) => n.id));
  return { nodes, edges: graph.edges.filter((e) => kept.has(e.source) && kept.has(e.target)) };
}

/** The kinds present in a graph, exchanges types first (sorted), then queues: the type filter's choices. */
export function kindsIn(graph: TopologyGraph): string[] {
  const types = new Set<string>();
  let queues = false;
  for (const n of graph.nodes) {
    if (n.kind === 'exchange') types.add(n.type);
    else if (n.kind === 'queue') queues = true;
  }
  return [...[...types].sort(), ...(queues ? [QUEUE_KIND] : [])];
}
