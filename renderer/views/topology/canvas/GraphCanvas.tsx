import { useStoreApi } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import { cacheRegion, contains, type Detail, drawnArea, paintScene, type Palette, readPalette, type Rect } from './paint-scene.js';
import { FAR_ZOOM, SETTLE_MS } from '../ZoomDetail.js';
import type { Scene } from './scene.js';
import { followViewport, viewOf } from './follow-viewport.js';

/** Largest side of the cached bitmap, in pixels; a view larger than that is drawn afresh every frame. */
const MAX_BITMAP = 4096;
/** Edge labels from this zoom on: below it their text is too small to read. */
const LABEL_ZOOM = 0.7;

type Cache = { zoom: number; region: Rect; bitmap: HTMLCanvasElement };

/**
 * A large graph's edges, and zoomed out its nodes, on one canvas under React
 * Flow's nodes: thousands of SVG paths cost a full re-raster on every frame
 * of a pan, a canvas costs one stroke per edge look. It repaints in the same
 * task as React Flow moves its viewport, outside React. What is in view and
 * half a view around it is drawn once into a bitmap that panning copies and
 * a zoom gesture scales; it is drawn afresh once the view leaves it or the
 * zoom rests at a new level.
 */
export function GraphCanvas({ scene, drawNodes }: { scene: Scene; drawNodes: boolean }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const store = useStoreApi();

  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    let palette: Palette = readPalette(canvas);
    let cache: Cache | null = null;
    let lastZoom = NaN;
    let settle: ReturnType<typeof setTimeout> | undefined;
    const { bounds } = scene;

    const draw = (target: CanvasRenderingContext2D, view: Rect, zoom: number): void => {
      const detail: Detail = { nodes: drawNodes, curves: zoom >= FAR_ZOOM, labels: zoom >= LABEL_ZOOM };
      paintScene(target, scene, view, zoom, detail, palette);
    };

    const paint = (): void => {
      const state = store.getState();
      const {
        transform: [x, y, zoom],
        width,
        height,
      } = state;
      const dpr = window.devicePixelRatio || 1;
      if (canvas.width !== Math.round(width * dpr) || canvas.height !== Math.round(height * dpr)) {
        canvas.width = Math.round(width * dpr);
        canvas.height = Math.round(height * dpr);
        canvas.style.width = `${width}px`;
        canvas.style.height = `${height}px`;
      }
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      const zooming = zoom !== lastZoom;
      lastZoom = zoom;
      clearTimeout(settle);
      const view = viewOf(state);
      const area = drawnArea(view, scene.bounds, zoom * dpr);
      if (!area) return;
      if (cache && contains(cache.region, area)) {
        const scale = zoom / cache.zoom;
        if (scale === 1) {
          ctx.drawImage(cache.bitmap, Math.round((x + cache.region.minX * zoom) * dpr), Math.round((y + cache.region.minY * zoom) * dpr));
          return;
        }
        // Mid-gesture, the bitmap scaled: a little soft for a moment, drawn sharp once the zoom rests.
        if (zooming && scale >= 0.25 && scale <= 4) {
          ctx.drawImage(cache.bitmap, (x + cache.region.minX * zoom) * dpr, (y + cache.region.minY * zoom) * dpr, cache.bitmap.width * scale, cache.bitmap.height * scale);
          settle = setTimeout(paint, SETTLE_MS);
          return;
        }
      }
      const region = zooming ? null : cacheRegion(area, view, scene.bounds, zoom * dpr, MAX_BITMAP);
      if (region) {
        cache = { zoom, region, bitmap: drawBitmap(cache?.bitmap, region, zoom, dpr) };
        ctx.drawImage(cache.bitmap, Math.round((x + region.minX * zoom) * dpr), Math.round((y + region.minY * zoom) * dpr));
        return;
      }
      if (zooming) settle = setTimeout(paint, SETTLE_MS);
      ctx.setTransform(dpr * zoom, 0, 0, dpr * zoom, dpr * x, dpr * y);
      draw(ctx, area, zoom);
    };

    const drawBitmap = (reuse: HTMLCanvasElement | undefined, region: Rect, zoom: number, dpr: number): HTMLCanvasElement => {
      const bitmap = reuse ?? document.createElement('canvas');
      bitmap.width = Math.ceil((region.maxX - region.minX) * zoom * dpr);
      bitmap.height = Math.ceil((region.maxY - region.minY) * zoom * dpr);
      const bctx = bitmap.getContext('2d');
      if (bctx) {
        bctx.setTransform(dpr * zoom, 0, 0, dpr * zoom, -region.minX * zoom * dpr, -region.minY * zoom * dpr);
        draw(bctx, region, zoom);
      }
      return bitmap;
    };

    const stop = followViewport(store, paint, () => {
      palette = readPalette(canvas);
      cache = null;
    });
    return () => {
      clearTimeout(settle);
      stop();
    };
  }, [store, scene, drawNodes]);

  return <canvas ref={canvasRef} className="topology__graph-canvas" aria-hidden="true" />;
}
