import type { ReactFlowState, useStoreApi } from '@xyflow/react';
import type { Rect } from './paint-scene.js';
import { onThemeChange } from '../../../theme/theme-change.js';

type FlowStore = ReturnType<typeof useStoreApi>;
type Viewport = Pick<ReactFlowState, 'transform' | 'width' | 'height'>;

/** The part of the graph in view, in flow coordinates. */
export function viewOf({ transform: [x, y, zoom], width, height }: Viewport): Rect {
  return { minX: -x / zoom, minY: -y / zoom, maxX: (width - x) / zoom, maxY: (height - y) / zoom };
}

/**
 * Paints now, then in the same task as React Flow pans, zooms or resizes its viewport (outside
 * React, so a frame of panning costs no render), and after a theme change once `themeChanged` has
 * re-read the colours. Returns the function that stops it.
 */
export function followViewport(store: FlowStore, paint: () => void, themeChanged: () => void): () => void {
  paint();
  let last = store.getState();
  const unsubscribe = store.subscribe((state) => {
    if (state.transform === last.transform && state.width === last.width && state.height === last.height) return;
    last = state;
    paint();
  });
  const stopTheme = onThemeChange(() => {
    themeChanged();
    paint();
  });
  return () => {
    unsubscribe();
    stopTheme();
  };
}
