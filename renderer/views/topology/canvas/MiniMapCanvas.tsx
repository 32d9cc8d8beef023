import { Panel, useReactFlow, useStoreApi } from '@xyflow/react';
import { type PointerEvent, useEffect, useRef } from 'react';
import { contains, readPalette, type Rect } from './paint-scene.js';
import type { Scene } from './scene.js';
import { followViewport, viewOf } from './follow-viewport.js';

const WIDTH = 200;
const HEIGHT = 150;
const PAD = 6;

type Frame = { bounds: Rect; scale: number; ox: number; oy: number };

/** Fits `rect` into the minimap, centred. */
function frameFor(rect: Rect): Frame {
  const w = Math.max(1, rect.maxX - rect.minX);
  const h = Math.max(1, rect.maxY - rect.minY);
  const scale = Math.min((WIDTH - 2 * PAD) / w, (HEIGHT - 2 * PAD) / h);
  return { bounds: rect, scale, ox: (WIDTH - w * scale) / 2 - rect.minX * scale, oy: (HEIGHT - h * scale) / 2 - rect.minY * scale };
}

const union = (a: Rect, b: Rect): Rect => ({ minX: Math.min(a.minX, b.minX), minY: Math.min(a.minY, b.minY), maxX: Math.max(a.maxX, b.maxX), maxY: Math.max(a.maxY, b.maxY) });
const grown = (r: Rect, by: number): Rect => {
  const dx = ((r.maxX - r.minX) * by) / 2;
  const dy = ((r.maxY - r.minY) * by) / 2;
  return { minX: r.minX - dx, minY: r.minY - dy, maxX: r.maxX + dx, maxY: r.maxY + dy };
};

/**
 * The whole graph in the corner with the part in view outlined; click or
 * drag in it to move there. The nodes are drawn once into a bitmap, so a
 * frame of panning costs one copy and one rectangle, whatever the graph's size.
 */
export function MiniMapCanvas({ scene }: { scene: Scene }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const frameRef = useRef<Frame>(frameFor(scene.bounds));
  const store = useStoreApi();
  const flow = useReactFlow();

  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const dpr = window.devicePixelRatio || 1;
    canvas.width = WIDTH * dpr;
    canvas.height = HEIGHT * dpr;
    const bitmap = document.createElement('canvas');
    bitmap.width = canvas.width;
    bitmap.height = canvas.height;
    let palette = readPalette(canvas);
    let drawnFor: Rect | null = null;

    const paint = (): void => {
      const view = viewOf(store.getState());
      // The graph and the view; once the view leaves what is drawn, with room to spare, so zooming out
      // redraws the nodes once every half a view, not on every frame.
      const fitted = union(scene.bounds, view);
      const loose = drawnFor !== null && drawnFor.maxX - drawnFor.minX > 1.1 * (fitted.maxX - fitted.minX);
      if (!drawnFor || !contains(drawnFor, view) || loose) {
        const bounds = drawnFor && !loose ? union(scene.bounds, grown(view, 0.5)) : fitted;
        const frame = frameFor(bounds);
        frameRef.current = frame;
        drawnFor = bounds;
        const bctx = bitmap.getContext('2d');
        if (!bctx) return;
        bctx.setTransform(1, 0, 0, 1, 0, 0);
        bctx.clearRect(0, 0, bitmap.width, bitmap.height);
        bctx.setTransform(dpr * frame.scale, 0, 0, dpr * frame.scale, dpr * frame.ox, dpr * frame.oy);
        // At least a pixel each, or a large graph's nodes vanish.
        const min = 1 / frame.scale;
        for (const { look, items } of scene.nodes) {
          bctx.beginPath();
          for (const n of items) bctx.rect(n.x, n.y, Math.max(n.width, min), Math.max(n.height, min));
          bctx.globalAlpha = look.alpha;
          bctx.fillStyle = palette.colour(look.colour);
          bctx.fill();
        }
      }
      const { scale, ox, oy } = frameRef.current;
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      ctx.drawImage(bitmap, 0, 0);
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      const vx = ox + view.minX * scale;
      const vy = oy + view.minY * scale;
      const vw = (view.maxX - view.minX) * scale;
      const vh = (view.maxY - view.minY) * scale;
      ctx.beginPath();
      ctx.rect(0, 0, WIDTH, HEIGHT);
      ctx.rect(vx, vy, vw, vh);
      ctx.globalAlpha = 0.7;
      ctx.fillStyle = palette.background;
      ctx.fill('evenodd');
      ctx.globalAlpha = 1;
      ctx.strokeStyle = palette.colour('--accent');
      ctx.lineWidth = 1;
      ctx.strokeRect(vx + 0.5, vy + 0.5, Math.max(0, vw - 1), Math.max(0, vh - 1));
    };

    return followViewport(store, paint, () => {
      palette = readPalette(canvas);
      drawnFor = null;
    });
  }, [store, scene]);

  const moveTo = (event: PointerEvent<HTMLCanvasElement>): void => {
    const box = event.currentTarget.getBoundingClientRect();
    const { scale, ox, oy } = frameRef.current;
    void flow.setCenter((event.clientX - box.left - ox) / scale, (event.clientY - box.top - oy) / scale, { zoom: flow.getZoom() });
  };

  return (
    <Panel position="bottom-right" className="topology__minimap">
      <canvas
        ref={canvasRef}
        width={WIDTH}
        height={HEIGHT}
        style={{ width: WIDTH, height: HEIGHT }}
        aria-label="Minimap: click or drag to move the view"
        role="img"
        onPointerDown={(event) => {
          event.currentTarget.setPointerCapture(event.pointerId);
          moveTo(event);
        }}
        onPointerMove={(event) => {
          if (event.currentTarget.hasPointerCapture(event.pointerId)) moveTo(event);
        }}
      />
    </Panel>
  );
}
