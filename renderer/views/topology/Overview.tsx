import { useStore } from '@xyflow/react';
import { useEffect, useMemo, useRef } from 'react';
import type { TopologyGraph } from '../../../shared/topology/graph-model.js';
import { sizeOf } from './node-size.js';
import type { Point } from './placement.js';

/** Past this many nodes, the zoomed-out graph is drawn on a canvas instead of as thousands of DOM nodes. */
export const LARGE_GRAPH = 1000;

type Props = {
  graph: TopologyGraph;
  positions: ReadonlyMap<string, Point>;
  hidden: ReadonlySet<string>;
  lit: { nodes: ReadonlySet<string>; edges: ReadonlySet<string> } | null;
};

/**
 * The whole of a large graph, zoomed out: boxes coloured by kind and edges as
 * lines, drawn on a canvas batched by colour, once per zoom level: panning
 * copies that bitmap, so a frame costs one drawImage for thousands of nodes. React Flow's own
 * nodes take over once the user zooms in far enough to read them.
 */
type Lit = Props['lit'];

/** Largest side of the cached bitmap; past it (zoomed in on a huge graph) every frame draws afresh. */
const MAX_BITMAP = 2048;

export function Overview({ graph, positions, hidden, lit }: Props) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  // The graph drawn once per zoom level and data change; panning only copies it: one drawImage a frame.
  const cacheRef = useRef<{ zoom: number; graph: TopologyGraph; positions: Props['positions']; hidden: Props['hidden']; lit: Lit; bitmap: HTMLCanvasElement } | null>(null);
  const [x, y, zoom] = useStore((s) => s.transform);
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const bounds = useMemo(() => boundsOf(graph, positions), [graph, positions]);
  const lastZoomRef = useRef<number | null>(null);

  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const dpr = window.devicePixelRatio || 1;
    if (canvas.width !== Math.round(width * dpr) || canvas.height !== Math.round(height * dpr)) {
      canvas.width = Math.round(width * dpr);
      canvas.height = Math.round(height * dpr);
    }
    const style = getComputedStyle(canvas);
    const colour = (name: string): string => style.getPropertyValue(name).trim() || '#888';
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    const bw = Math.ceil((bounds.maxX - bounds.minX) * zoom * dpr) + 2;
    const bh = Math.ceil((bounds.maxY - bounds.minY) * zoom * dpr) + 2;
    // While the zoom changes, each frame draws only what is on screen; the bitmap is made once it settles.
    const zooming = lastZoomRef.current !== zoom;
    lastZoomRef.current = zoom;
    if (bw > MAX_BITMAP || bh > MAX_BITMAP || (zooming && cacheRef.current?.zoom !== zoom)) {
      ctx.setTransform(dpr * zoom, 0, 0, dpr * zoom, dpr * x, dpr * y);
      drawGraph(ctx, graph, positions, hidden, lit, zoom, colour);
      return;
    }
    let cache = cacheRef.current;
    if (!cache || cache.zoom !== zoom || cache.graph !== graph || cache.positions !== positions || cache.hidden !== hidden || cache.lit !== lit) {
      const bitmap = cache?.bitmap ?? document.createElement('canvas');
      bitmap.width = bw;
      bitmap.height = bh;
      const bctx = bitmap.getContext('2d');
      if (!bctx) return;
      bctx.setTransform(dpr * zoom, 0, 0, dpr * zoom, -bounds.minX * zoom * dpr + 1, -bounds.minY * zoom * dpr + 1);
      drawGraph(bctx, graph, positions, hidden, lit, zoom, colour);
      cache = { zoom, graph, positions, hidden, lit, bitmap };
      cacheRef.current = cache;
    }
    ctx.drawImage(cache.bitmap, Math.round((x + bounds.minX * zoom) * dpr) - 1, Math.round((y + bounds.minY * zoom) * dpr) - 1);
  }, [graph, positions, hidden, lit, bounds, x, y, zoom, width, height]);

  return <canvas ref={canvasRef} className="topology__overview" style={{ width, height }} aria-label="Overview of the whole graph" role="img" />;
}

function boundsOf(graph: TopologyGraph, positions: Props['positions']): { minX: number; minY: number; maxX: number; maxY: number } {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const n of graph.nodes) {
    const at = positions.get(n.id);
    if (!at) continue;
    const { width, height } = sizeOf(n);
    minX = Math.min(minX, at.x);
    minY = Math.min(minY, at.y);
    maxX = Math.max(maxX, at.x + width);
    maxY = Math.max(maxY, at.y + height);
  }
  return minX === Infinity ? { minX: 0, minY: 0, maxX: 0, maxY: 0 } : { minX, minY, maxX, maxY };
}

/** Edges then nodes, in flow coordinates (the context's transform maps them), one path per colour. */
function drawGraph(ctx: CanvasRenderingContext2D, graph: TopologyGraph, positions: Props['positions'], hidden: Props['hidden'], lit: Lit, zoom: number, colour: (name: string) => string): void {
  const dim = (id: string, set: 'nodes' | 'edges'): boolean => lit !== null && !lit[set].has(id);
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const edgeStyles: Record<string, string> = { binding: '--topo-edge', fanout: '--topo-edge', 'dead-letter': '--bad', alternate: '--warn' };
  for (const faded of [true, false]) {
    for (const [kind, variable] of Object.entries(edgeStyles)) {
      ctx.beginPath();
      for (const e of graph.edges) {
        if (e.kind !== kind || dim(e.id, 'edges') !== faded || hidden.has(e.source) || hidden.has(e.target)) continue;
        const from = positions.get(e.source);
        const to = positions.get(e.target);
        const a = byId.get(e.source);
        const b = byId.get(e.target);
        if (!from || !to || !a || !b) continue;
        const sx = from.x + sizeOf(a).width;
        const sy = from.y + sizeOf(a).height / 2;
        const tx = to.x;
        const ty = to.y + sizeOf(b).height / 2;
        // Straight: at overview scale a curve looks the same and costs several times as much to raster.
        ctx.moveTo(sx, sy);
        ctx.lineTo(tx, ty);
      }
      ctx.globalAlpha = faded ? 0.12 : 0.75;
      ctx.strokeStyle = colour(variable);
      ctx.lineWidth = 1.2 / zoom;
      ctx.stroke();
    }
  }
  const nodeStyles: Record<string, string> = { exchange: '--topo-direct', queue: '--topo-queue', group: '--topo-group' };
  for (const faded of [true, false]) {
    for (const [kind, variable] of Object.entries(nodeStyles)) {
      ctx.beginPath();
      for (const n of graph.nodes) {
        if (n.kind !== kind || hidden.has(n.id) || dim(n.id, 'nodes') !== faded) continue;
        const at = positions.get(n.id);
        if (!at) continue;
        const { width: w, height: h } = sizeOf(n);
        ctx.rect(at.x, at.y, w, h);
      }
      ctx.globalAlpha = faded ? 0.15 : 1;
      ctx.fillStyle = colour(variable);
      ctx.fill();
    }
  }
  ctx.globalAlpha = 1;
}
