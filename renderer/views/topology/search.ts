import type { TopologyGraph } from '../../../shared/topology/graph-model.js';

/** A search hit: the node to focus, and the exchange whose fan-out must open first when it is folded in a group. */
export type SearchHit = { nodeId: string; name: string; inGroupOf: string | null };

/**
 * Nodes whose name contains the text (case-insensitive), exact matches
 * first, then by name. Queues folded into a fan-out group are found too.
 */
export function searchGraph(graph: TopologyGraph, text: string): SearchHit[] {
  const needle = text.trim().toLowerCase();
  if (needle === '') return [];
  const hits: SearchHit[] = [];
  for (const node of graph.nodes) {
    if (node.kind === 'group') {
      node.memberNames.forEach((name, i) => {
        if (name.toLowerCase().includes(needle)) hits.push({ nodeId: node.members[i] as string, name, inGroupOf: node.exchange });
      });
    } else if (node.name.toLowerCase().includes(needle)) {
      hits.push({ nodeId: node.id, name: node.name, inGroupOf: null });
    }
  }
  const exact = (h: SearchHit): number => (h.name.toLowerCase() === needle ? 0 : 1);
  return hits.sort((a, b) => exact(a) - exact(b) || a.name.localeCompare(b.name));
}

/** Enter moves to the next hit, Shift+Enter to the previous, wrapping around. */
export function cycle(index: number, count: number, backwards: boolean): number {
  if (count === 0) return -1;
  if (index < 0) return backwards ? count - 1 : 0;
  return (index + (backwards ? count - 1 : 1)) % count;
}
