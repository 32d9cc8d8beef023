import type { EdgeKind, GraphNode, TopologyGraph } from '../../../../shared/topology/graph-model.js';
import type { GraphOverlay } from '../graph-extensions.js';
import { sizeOf } from '../node-size.js';
import type { Point } from '../placement.js';

/**
 * A large graph as plain geometry for the canvas painter: every edge's bezier
 * with its bounding box and label point, every node's box, each sorted into
 * the bucket of its look, so a frame culls with a comparison per edge and
 * strokes one path per look.
 */

/** Theme variables an edge or node can be coloured with. */
export type Colour = '--topo-edge' | '--bad' | '--warn' | '--ok' | '--accent' | '--topo-direct' | '--topo-queue' | '--topo-group';

export type EdgeLook = { colour: Colour; /** Stroke width in flow units, as the SVG edges of a small graph. */ width: number; dash: readonly number[]; alpha: number };

export type SceneEdge = {
  id: string;
  sx: number;
  sy: number;
  /** Control points: React Flow's bezier from a right-hand handle to a left-hand one keeps them level with the ends. */
  c1x: number;
  c2x: number;
  tx: number;
  ty: number;
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  label: string;
  lx: number;
  ly: number;
};

export type SceneNode = { x: number; y: number; width: number; height: number };

export type Bucket<T> = { look: EdgeLook; items: T[] };

export type Scene = {
  edges: Bucket<SceneEdge>[];
  nodes: Bucket<SceneNode>[];
  bounds: { minX: number; minY: number; maxX: number; maxY: number };
};

export type SceneInput = {
  graph: TopologyGraph;
  positions: ReadonlyMap<string, Point>;
  hidden: ReadonlySet<string>;
  lit: { nodes: ReadonlySet<string>; edges: ReadonlySet<string> } | null;
  overlay: GraphOverlay | null;
  /** The edge the user picked on the canvas, drawn as selected. */
  selectedEdge?: string | null;
};

/**
 * Past these sizes a graph's edges are drawn on a canvas, and zoomed out its
 * nodes too: as DOM and SVG, each frame of a pan re-rasters thousands of elements.
 */
export const isLargeGraph = (graph: TopologyGraph): boolean => graph.nodes.length > 1000 || graph.edges.length > 1500;

/** Where React Flow's handles put an edge's ends: the handles straddle the node's border. */
const HANDLE_OVERHANG = 3.5;
const CURVATURE = 0.25;
const DIMMED = 0.15;
const DASHED = [6, 4] as const;
const KIND_LOOK: Record<EdgeKind, Omit<EdgeLook, 'alpha'>> = {
  binding: { colour: '--topo-edge', width: 1.3, dash: [] },
  fanout: { colour: '--topo-edge', width: 1.3, dash: [2, 3] },
  'dead-letter': { colour: '--bad', width: 1.3, dash: DASHED },
  alternate: { colour: '--warn', width: 1.3, dash: DASHED },
};
const NODE_COLOUR: Record<GraphNode['kind'], Colour> = { exchange: '--topo-direct', queue: '--topo-queue', group: '--topo-group' };

/** React Flow's control offset, so a canvas edge follows the same curve as an SVG one. */
const controlOffset = (distance: number): number => (distance >= 0 ? 0.5 * distance : CURVATURE * 25 * Math.sqrt(-distance));

export function bezierEdge(id: string, sx: number, sy: number, tx: number, ty: number, label: string): SceneEdge {
  const offset = controlOffset(tx - sx);
  const c1x = sx + offset;
  const c2x = tx - offset;
  return {
    id,
    sx,
    sy,
    c1x,
    c2x,
    tx,
    ty,
    minX: Math.min(sx, c1x, c2x, tx),
    maxX: Math.max(sx, c1x, c2x, tx),
    minY: Math.min(sy, ty),
    maxY: Math.max(sy, ty),
    label,
    // The curve at t = 0.5, where React Flow centres a label.
    lx: sx * 0.125 + c1x * 0.375 + c2x * 0.375 + tx * 0.125,
    ly: (sy + ty) / 2,
  };
}

/** How an edge looks: its kind's colour and dash, heavier when lit or pending, faint when something else is lit. */
export function edgeLook(kind: EdgeKind, state: { lit: boolean | null; change: 'add' | 'remove' | null; selected?: boolean }): EdgeLook {
  if (state.selected) {
    // Picked: heavier, in the accent colour unless a pending change colours it.
    const base = edgeLook(kind, { lit: null, change: state.change });
    return { ...base, colour: state.change ? base.colour : '--accent', width: 2.6, alpha: 1 };
  }
  const alpha = state.lit === false ? DIMMED : 1;
  if (state.change === 'add') return { colour: '--ok', width: 2, dash: DASHED, alpha };
  if (state.change === 'remove') return { colour: '--bad', width: 2, dash: [], alpha };
  const base = KIND_LOOK[kind];
  if (state.lit) return { ...base, colour: kind === 'binding' || kind === 'fanout' ? '--accent' : base.colour, width: 2.2, alpha };
  return { ...base, alpha };
}

const lookKey = (look: EdgeLook): string => `${look.colour}|${look.width}|${look.dash.join(',')}|${look.alpha}`;

function bucketed<T>(entries: Iterable<[EdgeLook, T]>): Bucket<T>[] {
  const buckets = new Map<string, Bucket<T>>();
  for (const [look, item] of entries) {
    const key = lookKey(look);
    let bucket = buckets.get(key);
    if (!bucket) buckets.set(key, (bucket = { look, items: [] }));
    bucket.items.push(item);
  }
  // Faint first, so what is lit (and what is selected, the widest) is drawn over it.
  return [...buckets.values()].sort((a, b) => a.look.alpha - b.look.alpha || a.look.width - b.look.width);
}

export function buildScene({ graph, positions, hidden, lit, overlay, selectedEdge = null }: SceneInput): Scene {
  const changeOf = new Map<string, 'add' | 'remove'>();
  for (const e of overlay?.edges ?? []) if (e.change !== 'change') changeOf.set(e.id, e.change);
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const edges: [EdgeLook, SceneEdge][] = [];
  for (const e of graph.edges) {
    if (hidden.has(e.source) || hidden.has(e.target)) continue;
    const from = positions.get(e.source);
    const to = positions.get(e.target);
    const a = byId.get(e.source);
    const b = byId.get(e.target);
    if (!from || !to || !a || !b) continue;
    const edge = bezierEdge(e.id, from.x + sizeOf(a).width + HANDLE_OVERHANG, from.y + sizeOf(a).height / 2, to.x - HANDLE_OVERHANG, to.y + sizeOf(b).height / 2, e.label);
    edges.push([edgeLook(e.kind, { lit: lit ? lit.edges.has(e.id) : null, change: changeOf.get(e.id) ?? null, selected: e.id === selectedEdge }), edge]);
  }
  const nodes: [EdgeLook, SceneNode][] = [];
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const n of graph.nodes) {
    const at = positions.get(n.id);
    if (!at || hidden.has(n.id)) continue;
    const { width, height } = sizeOf(n);
    minX = Math.min(minX, at.x);
    minY = Math.min(minY, at.y);
    maxX = Math.max(maxX, at.x + width);
    maxY = Math.max(maxY, at.y + height);
    nodes.push([{ colour: NODE_COLOUR[n.kind], width: 0, dash: [], alpha: lit && !lit.nodes.has(n.id) ? DIMMED : 1 }, { x: at.x, y: at.y, width, height }]);
  }
  return { edges: bucketed(edges), nodes: bucketed(nodes), bounds: minX === Infinity ? { minX: 0, minY: 0, maxX: 0, maxY: 0 } : { minX, minY, maxX, maxY } };
}
