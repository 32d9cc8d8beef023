import type { TopologyGraph } from './graph-model.js';

export type NodeAndEdgeIds = { nodes: Set<string>; edges: Set<string> };

/** A node, the nodes one edge away in either direction, and those edges: what "focus" lights up. */
export function neighbourhood(graph: TopologyGraph, nodeId: string): NodeAndEdgeIds {
  const nodes = new Set<string>([nodeId]);
  const edges = new Set<string>();
  for (const e of graph.edges) {
    if (e.source !== nodeId && e.target !== nodeId) continue;
    edges.add(e.id);
    nodes.add(e.source);
    nodes.add(e.target);
  }
  return { nodes, edges };
}
