import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { hrefOf, queueFromHash, routeFromHash, type QueueLocation, type Route } from './routes.js';

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

/** The current view lives in the URL hash, so reloads and the back button keep it. */
export function useRoute(): [Route, (route: Route) => void] {
  const route = useSyncExternalStore(subscribe, () => routeFromHash(window.location.hash));
  const navigate = useCallback((next: Route) => {
    window.location.hash = hrefOf(next);
  }, []);
  return [route, navigate];
}

/** The queue whose detail page is open, from the hash; null on the list and every other view. */
export function useQueueLocation(): QueueLocation | null {
  // The hash string is the snapshot (stable between changes); the parsed pair is derived from it.
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return useMemo(() => queueFromHash(hash), [hash]);
}
