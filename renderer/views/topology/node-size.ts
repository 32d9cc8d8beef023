import type { GraphNode } from '../../../shared/topology/graph-model.js';

/** Fixed node sizes: the layout needs them before anything is drawn, and equal sizes keep columns tidy. */
export const NODE_SIZE = {
  exchange: { width: 224, height: 58 },
  queue: { width: 224, height: 78 },
  group: { width: 200, height: 58 },
} as const;

export const sizeOf = (node: Pick<GraphNode, 'kind'>): { width: number; height: number } => NODE_SIZE[node.kind];
