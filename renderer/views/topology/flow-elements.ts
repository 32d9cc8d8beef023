import type { Edge } from '@xyflow/react';
import type { GraphEdge, TopologyGraph } from '../../../shared/topology/graph-model.js';
import type { GraphOverlay } from './graph-extensions.js';
import type { TopologyFlowNode } from './nodes/node-data.js';
import { sizeOf } from './node-size.js';
import type { Point } from './placement.js';

export type Emphasis = {
  /** Lit nodes and edges; everything else is dimmed. Null lights all. */
  lit: { nodes: ReadonlySet<string>; edges: ReadonlySet<string> } | null;
  /** Nodes hidden by the name and type filters. */
  hidden: ReadonlySet<string>;
  overlay: GraphOverlay | null;
};

const MARKERS: Record<GraphEdge['kind'], string> = {
  binding: 'topology-arrow',
  fanout: 'topology-arrow',
  'dead-letter': 'topology-arrow-dlx',
  alternate: 'topology-arrow-ae',
};

/** React Flow nodes: the graph's nodes where the layout put them, with the classes emphasis asks for. */
export function flowNodes(graph: TopologyGraph, positions: ReadonlyMap<string, Point>, pinned: ReadonlyMap<string, Point>, emphasis: Emphasis): TopologyFlowNode[] {
  const removed = new Set(emphasis.overlay?.nodes.filter((n) => n.change === 'remove').map((n) => n.id));
  const added = new Set(emphasis.overlay?.nodes.filter((n) => n.change === 'add').map((n) => n.id));
  const changed = new Set(emphasis.overlay?.nodes.filter((n) => n.change === 'change').map((n) => n.id));
  const out: TopologyFlowNode[] = [];
  for (const node of graph.nodes) {
    const position = positions.get(node.id);
    if (!position) continue;
    const classes = ['tflow-node'];
    if (emphasis.lit) classes.push(emphasis.lit.nodes.has(node.id) ? 'is-lit' : 'is-dimmed');
    if (removed.has(node.id)) classes.push('is-removed');
    if (added.has(node.id)) classes.push('is-added');
    if (changed.has(node.id)) classes.push('is-changed');
    out.push({
      id: node.id,
      type: node.kind,
      position,
      // Known sizes: React Flow can cull off-screen nodes before it has measured them.
      ...sizeOf(node),
      data: { node, pinned: pinned.has(node.id) },
      hidden: emphasis.hidden.has(node.id),
      className: classes.join(' '),
    } as TopologyFlowNode);
  }
  return out;
}

/**
 * React Flow edges: bezier, labelled, dashed for dead-letter and alternate
 * exchanges. Without `labels` (zoomed far out, where they are unreadable)
 * none is mounted: React Flow measures every label it draws, which on
 * thousands of edges costs seconds.
 */
export function flowEdges(graph: TopologyGraph, emphasis: Emphasis, labels: boolean): Edge[] {
  const removed = new Set(emphasis.overlay?.edges.filter((e) => e.change === 'remove').map((e) => e.id));
  const added = new Set(emphasis.overlay?.edges.filter((e) => e.change === 'add').map((e) => e.id));
  return graph.edges.map((edge) => {
    const classes = ['tedge', `tedge--${edge.kind}`];
    if (emphasis.lit) classes.push(emphasis.lit.edges.has(edge.id) ? 'is-lit' : 'is-dimmed');
    if (removed.has(edge.id)) classes.push('is-removed');
    if (added.has(edge.id)) classes.push('is-added');
    return {
      id: edge.id,
      source: edge.source,
      target: edge.target,
      label: labels && edge.label ? edge.label : undefined,
      labelShowBg: true,
      labelBgPadding: [5, 2] as [number, number],
      labelBgBorderRadius: 3,
      markerEnd: MARKERS[edge.kind],
      hidden: emphasis.hidden.has(edge.source) || emphasis.hidden.has(edge.target),
      className: classes.join(' '),
      ariaLabel: `${edge.kind} from ${edge.source} to ${edge.target}${edge.label ? `: ${edge.label}` : ''}`,
    };
  });
}
