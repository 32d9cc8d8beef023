import type { GraphEdge } from '../../../shared/topology/graph-model.js';
import { parseNodeId } from '../../../shared/topology/ids.js';

export type Point = { x: number; y: number };
export type Positions = ReadonlyMap<string, Point>;
type Size = { width: number; height: number };
type Box = Point & Size;

/** Space kept between a placed node and its neighbours. */
const GAP = 24;
/** Sideways, spots are a layer apart, as the layout spaces its columns: room for an edge and its label. */
const LAYER_GAP = 110;
/** How many rings of spots around the wanted one are tried before giving up on a free one. */
const RINGS = 25;

const overlaps = (a: Box, b: Box): boolean => a.x < b.x + b.width + GAP && b.x < a.x + a.width + GAP && a.y < b.y + b.height + GAP && b.y < a.y + a.height + GAP;

/**
 * The spot nearest to `want` where a node of `size` overlaps none of
 * `placed`: `want` itself when free, else the nearest free one on rings of
 * spots a node's size apart around it; between spots as near, the one on the
 * `side` the node's edges will run to (the graph flows left to right: a queue
 * to the right, an exchange to the left).
 */
export function freeSpot(want: Point, size: Size, placed: readonly Box[], side: 'left' | 'right' = 'right'): Point {
  const free = (p: Point): boolean => !placed.some((b) => overlaps({ ...p, ...size }, b));
  if (free(want)) return want;
  const stepX = size.width + LAYER_GAP;
  const stepY = size.height + GAP;
  for (let ring = 1; ring <= RINGS; ring++) {
    const spots: Point[] = [];
    for (let i = -ring; i <= ring; i++) {
      for (let j = -ring; j <= ring; j++) {
        if (Math.max(Math.abs(i), Math.abs(j)) === ring) spots.push({ x: want.x + i * stepX, y: want.y + j * stepY });
      }
    }
    const toSide = side === 'right' ? 1 : -1;
    spots.sort((a, b) => Math.hypot(a.x - want.x, a.y - want.y) - Math.hypot(b.x - want.x, b.y - want.y) || toSide * (b.x - a.x));
    const spot = spots.find(free);
    if (spot) return spot;
  }
  return want;
}

/**
 * Positions after a layout. Pinned nodes stay where the user put them. On a
 * fresh layout every other node takes the layout's place; on an incremental
 * one (the broker's structure changed under an open graph, or the editor
 * added a node) nodes already on screen stay put, so the picture the user
 * knows does not move, and a new node lands in free space: beside its first
 * placed neighbour, offset as the layout offset it, or without one near
 * `centre` (the middle of the view).
 */
export function placeNodes(options: {
  ids: readonly string[];
  edges: readonly Pick<GraphEdge, 'source' | 'target'>[];
  laidOut: Readonly<Record<string, Point>>;
  pinned: Positions;
  previous: Positions;
  incremental: boolean;
  sizeOf(id: string): Size;
  centre?: Point | null;
}): Map<string, Point> {
  const { ids, edges, laidOut, pinned, previous, incremental, sizeOf, centre } = options;
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
  const boxes: Box[] = incremental ? [...out].map(([id, p]) => ({ ...p, ...sizeOf(id) })) : [];
  for (const id of ids) {
    if (out.has(id)) continue;
    const at = laidOut[id] ?? { x: 0, y: 0 };
    if (!incremental) {
      out.set(id, at);
      continue;
    }
    const anchor = (neighbours.get(id) ?? []).find((n) => out.has(n) && laidOut[n]);
    const size = sizeOf(id);
    let want = at;
    if (anchor !== undefined) {
      const placed = out.get(anchor) as Point;
      const was = laidOut[anchor] as Point;
      want = { x: at.x + placed.x - was.x, y: at.y + placed.y - was.y };
    } else if (centre) {
      want = { x: centre.x - size.width / 2, y: centre.y - size.height / 2 };
    }
    const spot = freeSpot(want, size, boxes, parseNodeId(id)?.kind === 'exchange' ? 'left' : 'right');
    out.set(id, spot);
    boxes.push({ ...spot, ...size });
  }
  return out;
}
