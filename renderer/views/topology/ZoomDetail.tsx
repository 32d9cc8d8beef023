import { useStore, useStoreApi } from '@xyflow/react';
import { useEffect, useState, type RefObject } from 'react';

/** Below this zoom, text is unreadable anyway: nodes draw as plain boxes, which keeps panning a large graph smooth. */
export const FAR_ZOOM = 0.5;
/** How long the zoom must rest before the view turns detailed again. */
export const SETTLE_MS = 150;

/**
 * Marks the graph "far" when zoomed out, by a class on its container: one
 * subscription for the whole graph, not one per node, and no re-render of
 * any node when the threshold is crossed.
 */
export function ZoomDetail({ container }: { container: RefObject<HTMLElement | null> }) {
  const far = useStore((s) => s.transform[2] < FAR_ZOOM);
  useEffect(() => {
    container.current?.classList.toggle('is-far', far);
  }, [far, container]);
  return null;
}

/**
 * Whether the view is zoomed in far enough for detail. It turns false as soon
 * as the zoom drops below FAR_ZOOM, but true only once a zoom gesture has
 * rested: mounting the nodes in view mid-gesture, and again on every crossing
 * back and forth, would drop frames.
 */
export function useSettledNear(): boolean {
  const store = useStoreApi();
  const [near, setNear] = useState(() => store.getState().transform[2] >= FAR_ZOOM);
  useEffect(() => {
    let lastZoom = store.getState().transform[2];
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = store.subscribe((state) => {
      const zoom = state.transform[2];
      if (zoom === lastZoom) return;
      lastZoom = zoom;
      clearTimeout(timer);
      if (zoom < FAR_ZOOM) setNear(false);
      else timer = setTimeout(() => setNear(store.getState().transform[2] >= FAR_ZOOM), SETTLE_MS);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [store]);
  return near;
}
