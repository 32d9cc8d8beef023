import { type RefObject, useEffect, useState } from 'react';

/** The element's width in CSS pixels, kept current as it resizes; null until measured (or where nothing lays out). */
export function useElementWidth(ref: RefObject<HTMLElement | null>): number | null {
  const [width, setWidth] = useState<number | null>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(([entry]) => {
      const next = Math.round(entry?.contentRect.width ?? 0);
      setWidth(next > 0 ? next : null);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
