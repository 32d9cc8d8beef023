import { type ReactNode, useMemo } from 'react';
import type { TopologySnapshot } from '../../../../shared/model/topology.js';
import { GraphExtensionsContext } from '../graph-extensions.js';
import { useTopologySnapshot } from '../useTopologySnapshot.js';
import { useRouteExplainer } from './useRouteExplainer.js';

const emptySnapshot = (vhost: string): TopologySnapshot => ({ vhost, exchanges: [], queues: [], bindings: [], policies: [], operatorPolicies: [], fetchedAt: 0 });

/**
 * Puts the route explainer into the topology graph below it: the toolbar
 * button, the side panel and the path highlight. The outermost provider, so
 * the graph editor inside it keeps the explainer's parts next to its own.
 */
export function RouteExplainerProvider({ vhost, children }: { vhost: string; children: ReactNode }) {
  const { snapshot } = useTopologySnapshot(vhost);
  const empty = useMemo(() => emptySnapshot(vhost), [vhost]);
  const { extensions } = useRouteExplainer(snapshot ?? empty);
  return <GraphExtensionsContext.Provider value={extensions}>{children}</GraphExtensionsContext.Provider>;
}
