import type { GraphNode, TopologyGraph } from '../../../shared/topology/graph-model.js';
import type { GraphOverlay } from './graph-extensions.js';

/**
 * The graph plus an editor's pending additions. Added nodes and edges take
 * the ids the editor gave them; they are drawn dashed and green, and
 * removals stay in the graph, drawn red, until the change is applied.
 */
export function withOverlay(graph: TopologyGraph, overlay: GraphOverlay | null | undefined): TopologyGraph {
  if (!overlay) return graph;
  const present = new Set(graph.nodes.map((n) => n.id));
  const added: GraphNode[] = overlay.nodes
    .filter((n) => n.change === 'add' && !present.has(n.id))
    .map((n): GraphNode =>
      n.kind === 'exchange'
        ? { id: n.id, kind: 'exchange', name: n.name, type: n.type ?? 'direct', durable: true, autoDelete: false, internal: false, policy: null, missing: false }
        : { id: n.id, kind: 'queue', name: n.name, queueType: 'classic', durable: true, autoDelete: false, exclusive: false, policy: null },
    );
  const edgeIds = new Set(graph.edges.map((e) => e.id));
  const addedEdges = overlay.edges
    .filter((e) => e.change === 'add' && !edgeIds.has(e.id))
    .map((e) => ({ id: e.id, kind: 'binding' as const, source: e.source, target: e.target, label: e.label ?? '' }));
  if (added.length === 0 && addedEdges.length === 0) return graph;
  return { nodes: [...graph.nodes, ...added], edges: [...graph.edges, ...addedEdges] };
}
