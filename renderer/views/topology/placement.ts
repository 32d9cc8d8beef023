import type { GraphEdge } from '../../../shared/topology/graph-model.js';

export type Point = { x: number; y: number };
export type Positions = ReadonlyMap<string, Point>;

/**
 * Positions after a layout. Pinned nodes stay where the user put them. On a
 * fresh layout every other node takes the layout's place; on an incremental
 * one (the broker's structure changed under an open graph) nodes already on
 * screen stay put, and a new node lands beside its first placed neighbour,
 * offset as the layout offset it, so the picture the user knows does not move.
 */
export function placeNodes(options: {
  ids: readonly string[];
  edges: readonly Pick<GraphEdge, 'source' | 'target'>[];
  laidOut: Readonly<Record<string, Point>>;
  pinned: Positions;
  previous: Positions;
  incremental: boolean;
}): Map<string, Point> {
  const { ids, edges, laidOut, pinned, previous, incremental } = options;
  const out = new Map<string, Point>();
  for (const id of ids) {
    const pin = pinned.get(id);
    if (pin) out.set(id, pin);
    else if (incremental && previous.has(id)) out.set(id, previous.get(id) as Point);
  }
  const neighbours = new Map<string, string[]>();
  for (const e of edges) {
    (neighbours.get(e.source) ?? neighbours.set(e.source, []).get(e.source))!.push(e.target);
    (neighbours.get(e.target) ?? neighbours.set(e.target, []).get(e.target))!.push(e.source);
  }
  for (const id of ids) {
    if (out.has(id)) continue;
    const at = laidOut[id] ?? { x: 0, y: 0 };
    const anchor = incremental ? (neighbours.get(id) ?? []).find((n) => out.has(n) && laidOut[n]) : undefined;
    if (anchor === undefined) {
      out.set(id, at);
      continue;
    }
    const placed = out.get(anchor) as Point;
    const was = laidOut[anchor] as Point;
    out.set(id, { x: at.x + placed.x - was.x, y: at.y + placed.y - was.y });
  }
  return out;
}
