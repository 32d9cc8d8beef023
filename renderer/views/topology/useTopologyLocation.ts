import { useMemo, useSyncExternalStore } from 'react';
import { topologyFromHash, type TopologyLocation } from '../../navigation/routes.js';

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

/** The vhost and focus the graph's address names (`#/topology/<vhost>?focus=…`); null for the plain `#/topology`. */
export function useTopologyLocation(): TopologyLocation | null {
  // The hash string is the snapshot (stable between changes); the parsed location is derived from it.
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return useMemo(() => topologyFromHash(hash), [hash]);
}
