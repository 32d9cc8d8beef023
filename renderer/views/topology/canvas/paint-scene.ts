import type { Colour, Scene } from './scene.js';

export type Rect = { minX: number; minY: number; maxX: number; maxY: number };

/** What a frame draws: node boxes only zoomed out (React Flow draws readable nodes), curves and labels only where they can be seen. */
export type Detail = { nodes: boolean; curves: boolean; labels: boolean };

export type Palette = {
  colour(name: Colour): string;
  background: string;
  surface: string;
  border: string;
  labelText: string;
  labelBackground: string;
  labelBorder: string;
  labelFont: string;
};

const LABEL_FONT_SIZE = 10.5;
const LABEL_PAD_X = 5;
const LABEL_HEIGHT = LABEL_FONT_SIZE * 1.25 + 4;
/** React Flow's arrowhead: 7 stroke widths long, its tip a tenth past the edge's end. */
const ARROW_LENGTH = 7;

/** Reads the theme's colours and fonts once, not per frame: getComputedStyle forces a style pass. */
export function readPalette(element: Element): Palette {
  const style = getComputedStyle(element);
  const value = (name: string, fallback: string): string => style.getPropertyValue(name).trim() || fallback;
  const cache = new Map<Colour, string>();
  return {
    colour: (name) => {
      let c = cache.get(name);
      if (c === undefined) cache.set(name, (c = value(name, '#888')));
      return c;
    },
    background: value('--bg', '#fff'),
    surface: value('--surface', '#fff'),
    border: value('--border', '#ccc'),
    labelText: value('--text-2', '#555'),
    labelBackground: value('--surface', '#fff'),
    labelBorder: value('--border', '#ccc'),
    labelFont: `${LABEL_FONT_SIZE}px ${value('--font-mono', 'monospace')}`,
  };
}

const widths = new Map<string, number>();
function labelWidth(ctx: CanvasRenderingContext2D, text: string): number {
  let w = widths.get(text);
  if (w === undefined) widths.set(text, (w = ctx.measureText(text).width + 2 * LABEL_PAD_X));
  return w;
}

/** A cubic bezier's ends and control points: x0, y0, x1, y1, x2, y2, x3, y3. */
export type Cubic = [number, number, number, number, number, number, number, number];

/**
 * The parts of a cubic that can be seen: halved until a part is out of view
 * (dropped) or no larger than `span` (kept). A curve tens of thousands of
 * pixels long then costs only its visible stretch to flatten, dash and raster.
 * A part's control points bound it, so no visible part is lost.
 */
export function visibleParts(c: Cubic, view: Rect, span: number, out: Cubic[], depth = 0): void {
  const minX = Math.min(c[0], c[2], c[4], c[6]);
  const maxX = Math.max(c[0], c[2], c[4], c[6]);
  const minY = Math.min(c[1], c[3], c[5], c[7]);
  const maxY = Math.max(c[1], c[3], c[5], c[7]);
  if (!inside(view, minX, minY, maxX, maxY)) return;
  if ((maxX - minX <= span && maxY - minY <= span) || depth >= 20) {
    out.push(c);
    return;
  }
  // De Casteljau at t = 0.5.
  const ax = (c[0] + c[2]) / 2, ay = (c[1] + c[3]) / 2;
  const bx = (c[2] + c[4]) / 2, by = (c[3] + c[5]) / 2;
  const dx = (c[4] + c[6]) / 2, dy = (c[5] + c[7]) / 2;
  const ex = (ax + bx) / 2, ey = (ay + by) / 2;
  const fx = (bx + dx) / 2, fy = (by + dy) / 2;
  const mx = (ex + fx) / 2, my = (ey + fy) / 2;
  visibleParts([c[0], c[1], ax, ay, ex, ey, mx, my], view, span, out, depth + 1);
  visibleParts([mx, my, fx, fy, dx, dy, c[6], c[7]], view, span, out, depth + 1);
}

export const contains = (outer: Rect, inner: Rect): boolean => inner.minX >= outer.minX && inner.minY >= outer.minY && inner.maxX <= outer.maxX && inner.maxY <= outer.maxY;

/** Room around the graph's bounds, in pixels, for strokes, arrowheads and labels. */
const BOUNDS_PAD = 40;

/** The part of a view where there is something to draw: inside the graph's bounds. Null when the view shows none of the graph. */
export function drawnArea(view: Rect, bounds: Rect, scale: number): Rect | null {
  const pad = BOUNDS_PAD / scale;
  const area = { minX: Math.max(view.minX, bounds.minX - pad), minY: Math.max(view.minY, bounds.minY - pad), maxX: Math.min(view.maxX, bounds.maxX + pad), maxY: Math.min(view.maxY, bounds.maxY + pad) };
  return area.minX < area.maxX && area.minY < area.maxY ? area : null;
}

/**
 * The part of the graph worth drawing into a bitmap for a view: what is
 * drawn in view (`area`) and half a view more on every side, within the
 * graph, and no larger than `maxPixels` a side at `scale` pixels per flow
 * unit. Null when the area alone is larger than that.
 */
export function cacheRegion(area: Rect, view: Rect, bounds: Rect, scale: number, maxPixels: number): Rect | null {
  const limit = maxPixels / scale;
  const pad = BOUNDS_PAD / scale;
  const axis = (lo: number, hi: number, viewSize: number, min: number, max: number): [number, number] | null => {
    if (hi - lo > limit) return null;
    const margin = Math.min(viewSize / 2, (limit - (hi - lo)) / 2);
    return [Math.max(lo - margin, min - pad), Math.min(hi + margin, max + pad)];
  };
  const x = axis(area.minX, area.maxX, view.maxX - view.minX, bounds.minX, bounds.maxX);
  const y = axis(area.minY, area.maxY, view.maxY - view.minY, bounds.minY, bounds.maxY);
  return x && y ? { minX: x[0], minY: y[0], maxX: x[1], maxY: y[1] } : null;
}

/**
 * The edge under a point, if one passes within `tolerance` of it (flow
 * units): the nearest, measured along each nearby curve's pieces.
 */
export function edgeAt(scene: Scene, p: { x: number; y: number }, tolerance: number): string | null {
  const near = { minX: p.x - tolerance, minY: p.y - tolerance, maxX: p.x + tolerance, maxY: p.y + tolerance };
  let best: { id: string; distance: number } | null = null;
  const parts: Cubic[] = [];
  for (const { items } of scene.edges) {
    for (const e of items) {
      if (!inside(near, e.minX, e.minY, e.maxX, e.maxY)) continue;
      parts.length = 0;
      visibleParts([e.sx, e.sy, e.c1x, e.sy, e.c2x, e.ty, e.tx, e.ty], near, tolerance * 4, parts);
      for (const c of parts) {
        let [px, py] = [c[0], c[1]];
        for (let i = 1; i <= 16; i++) {
          const t = i / 16;
          const u = 1 - t;
          const x = u * u * u * c[0] + 3 * u * u * t * c[2] + 3 * u * t * t * c[4] + t * t * t * c[6];
          const y = u * u * u * c[1] + 3 * u * u * t * c[3] + 3 * u * t * t * c[5] + t * t * t * c[7];
          const d = toSegment(p.x, p.y, px, py, x, y);
          if (d <= tolerance && (!best || d < best.distance)) best = { id: e.id, distance: d };
          [px, py] = [x, y];
        }
      }
    }
  }
  return best?.id ?? null;
}

function toSegment(x: number, y: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const length = dx * dx + dy * dy;
  const t = length === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / length));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

const inside = (r: Rect, minX: number, minY: number, maxX: number, maxY: number): boolean => maxX >= r.minX && minX <= r.maxX && maxY >= r.minY && minY <= r.maxY;

/**
 * Draws the scene in flow coordinates (the context's transform maps them to
 * pixels), skipping what lies outside `view`: one stroke per edge look, one
 * fill per node look, then the labels.
 */
export function paintScene(ctx: CanvasRenderingContext2D, scene: Scene, view: Rect, zoom: number, detail: Detail, palette: Palette): void {
  const hairline = 1 / zoom;
  const span = Math.max(view.maxX - view.minX, view.maxY - view.minY);
  const parts: Cubic[] = [];
  for (const { look, items } of scene.edges) {
    const width = Math.max(look.width, hairline);
    ctx.beginPath();
    for (const e of items) {
      if (!inside(view, e.minX, e.minY, e.maxX, e.maxY)) continue;
      // Straight when zoomed out: a curve looks the same there and costs several times as much to raster.
      if (!detail.curves) {
        ctx.moveTo(e.sx, e.sy);
        ctx.lineTo(e.tx, e.ty);
        continue;
      }
      parts.length = 0;
      visibleParts([e.sx, e.sy, e.c1x, e.sy, e.c2x, e.ty, e.tx, e.ty], view, span, parts);
      for (const p of parts) {
        ctx.moveTo(p[0], p[1]);
        ctx.bezierCurveTo(p[2], p[3], p[4], p[5], p[6], p[7]);
      }
    }
    ctx.globalAlpha = detail.curves ? look.alpha : look.alpha * 0.75;
    ctx.strokeStyle = palette.colour(look.colour);
    ctx.lineWidth = width;
    ctx.setLineDash(detail.curves ? look.dash : []);
    ctx.stroke();
    if (!detail.curves) continue;
    const length = ARROW_LENGTH * look.width;
    ctx.beginPath();
    for (const e of items) {
      if (!inside(view, e.tx - length, e.ty - length, e.tx + length, e.ty + length)) continue;
      ctx.moveTo(e.tx + length * 0.1, e.ty);
      ctx.lineTo(e.tx - length * 0.9, e.ty - length / 2);
      ctx.lineTo(e.tx - length * 0.9, e.ty + length / 2);
      ctx.closePath();
    }
    ctx.fillStyle = palette.colour(look.colour);
    ctx.fill();
  }
  ctx.setLineDash([]);
  if (detail.labels) paintLabels(ctx, scene, view, palette);
  if (detail.nodes) paintNodes(ctx, scene, view, zoom, palette);
  ctx.globalAlpha = 1;
}

/** Past this many pixels wide a node box is drawn as a card (surface, border, coloured stripe) like React Flow's nodes; smaller, as a block of its colour. */
const CARD_PIXELS = 40;
const STRIPE = 3;

function paintNodes(ctx: CanvasRenderingContext2D, scene: Scene, view: Rect, zoom: number, palette: Palette): void {
  for (const { look, items } of scene.nodes) {
    const shown = items.filter((n) => inside(view, n.x, n.y, n.x + n.width, n.y + n.height));
    if (shown.length === 0) continue;
    ctx.globalAlpha = look.alpha;
    const card = (shown[0]?.width ?? 0) * zoom >= CARD_PIXELS;
    ctx.beginPath();
    for (const n of shown) ctx.rect(n.x, n.y, card ? STRIPE : n.width, n.height);
    ctx.fillStyle = palette.colour(look.colour);
    if (!card) {
      ctx.fill();
      continue;
    }
    const body = new Path2D();
    for (const n of shown) body.rect(n.x, n.y, n.width, n.height);
    ctx.save();
    ctx.fillStyle = palette.surface;
    ctx.fill(body);
    ctx.strokeStyle = palette.border;
    ctx.lineWidth = 1 / zoom;
    ctx.stroke(body);
    ctx.restore();
    ctx.fill();
  }
}

function paintLabels(ctx: CanvasRenderingContext2D, scene: Scene, view: Rect, palette: Palette): void {
  ctx.font = palette.labelFont;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.lineWidth = 1;
  for (const { look, items } of scene.edges) {
    const shown = items.filter((e) => e.label !== '' && inside(view, e.lx - 150, e.ly - LABEL_HEIGHT, e.lx + 150, e.ly + LABEL_HEIGHT));
    if (shown.length === 0) continue;
    ctx.globalAlpha = look.alpha;
    ctx.beginPath();
    for (const e of shown) {
      const w = labelWidth(ctx, e.label);
      ctx.roundRect(e.lx - w / 2, e.ly - LABEL_HEIGHT / 2, w, LABEL_HEIGHT, 3);
    }
    ctx.fillStyle = palette.labelBackground;
    ctx.fill();
    ctx.strokeStyle = palette.labelBorder;
    ctx.stroke();
    ctx.fillStyle = palette.labelText;
    for (const e of shown) ctx.fillText(e.label, e.lx, e.ly);
  }
}
