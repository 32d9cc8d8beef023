import { useCallback, useSyncExternalStore } from 'react';
import { hrefOf, routeFromHash, type Route } from './routes.js';

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
