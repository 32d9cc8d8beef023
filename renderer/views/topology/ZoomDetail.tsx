import { useStore } from '@xyflow/react';
import { useEffect, type RefObject } from 'react';

/** Below this zoom, text is unreadable anyway: nodes draw as plain boxes, which keeps panning a large graph smooth. */
export const FAR_ZOOM = 0.5;

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
