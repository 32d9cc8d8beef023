import { type ReactNode, useEffect, useMemo } from 'react';
import type { TopologySnapshot } from '../../../../shared/model/topology.js';
import { GraphExtensionsContext } from '../graph-extensions.js';
import { useSharedTopologySnapshot } from '../useTopologySnapshot.js';
import { onRouteRequest, takeRouteRequest } from './route-request.js';
import { useRouteExplainer } from './useRouteExplainer.js';

const emptySnapshot = (vhost: string): TopologySnapshot => ({ vhost, exchanges: [], queues: [], bindings: [], policies: [], operatorPolicies: [], fetchedAt: 0 });

/**
 * Puts the route explainer into the topology graph below it: the toolbar
 * button, the side panel and the path highlight. The outermost provider, so
 * the graph editor inside it keeps the explainer's parts next to its own.
 * Other views open it prefilled with requestRouteExplanation (route-request.ts).
 */
export function RouteExplainerProvider({ vhost, children }: { vhost: string; children: ReactNode }) {
  const { snapshot } = useSharedTopologySnapshot();
  const empty = useMemo(() => emptySnapshot(vhost), [vhost]);
  const { extensions, open } = useRouteExplainer(snapshot ?? empty);
  // A message handed over before this view mounted (the workbench navigates here after asking), or while it is shown.
  useEffect(() => {
    const openRequested = () => {
      const message = takeRouteRequest();
      if (message) open(message);
    };
    openRequested();
    return onRouteRequest(openRequested);
  }, [open]);
  return <GraphExtensionsContext.Provider value={extensions}>{children}</GraphExtensionsContext.Provider>;
}
