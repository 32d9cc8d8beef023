import { ReactFlowProvider } from '@xyflow/react';
import { useEffect, useMemo } from 'react';
import type { VhostRow } from '../../../shared/model/inventory.js';
import { EmptyState } from '../../components/EmptyState.js';
import { sessionProfile } from '../../state/selectors.js';
import { useConsole, useStore } from '../../state/StoreProvider.js';
import { focusNodeIds } from './focus.js';
import './topology.css';
import { TopologyGraphView } from './TopologyGraphView.js';
import { RouteExplainerProvider } from './route/RouteExplainerProvider.js';
import { TopologyEditor } from './edit/TopologyEditor.js';
import { useTopologyLocation } from './useTopologyLocation.js';
import { TopologySnapshotProvider } from './useTopologySnapshot.js';

/** With "All vhosts" chosen, the graph still needs one: "/" when the broker has it, else the first by name. */
function defaultVhost(vhosts: readonly VhostRow[]): string | null {
  if (vhosts.some((v) => v.name === '/')) return '/';
  return [...vhosts].map((v) => v.name).sort((a, b) => a.localeCompare(b))[0] ?? null;
}

/** The Topology view: one vhost's exchanges, queues and bindings as a graph. */
export function TopologyView() {
  const store = useStore();
  const location = useTopologyLocation();
  // An address naming a vhost chooses it in the top bar, once per address: the user may choose another after.
  useEffect(() => {
    if (location && store.getState().vhost !== location.vhost) store.dispatch({ type: 'vhost/selected', vhost: location.vhost });
  }, [location, store]);
  const vhosts = useConsole((s) => s.inventory.vhosts);
  const selected = useConsole((s) => s.vhost);
  const profile = useConsole(sessionProfile);
  const vhost = selected ?? defaultVhost(vhosts);
  const focusRequest = useMemo(() => (location && location.vhost === vhost && location.focus.length > 0 ? focusNodeIds(location.focus) : null), [location, vhost]);
  if (vhost === null || !profile) {
    return <EmptyState title="No vhost to show">The broker reports no virtual host this user can see.</EmptyState>;
  }
  const title = `${profile.name} · vhost ${vhost}`;
  return (
    <>
      {selected === null ? (
        <p className="topology__note" role="note">
          The graph shows one vhost: <strong>{vhost}</strong>. Choose another in the vhost menu above.
        </p>
      ) : null}
      {/* Keyed by broker and vhost: each has its own layout, pins and filters. */}
      <ReactFlowProvider key={`${profile.id}\u0000${vhost}`}>
        <TopologySnapshotProvider vhost={vhost}>
          <RouteExplainerProvider vhost={vhost}>
            <TopologyEditor vhost={vhost}>
              <TopologyGraphView vhost={vhost} profileId={profile.id} title={title} focusRequest={focusRequest} />
            </TopologyEditor>
          </RouteExplainerProvider>
        </TopologySnapshotProvider>
      </ReactFlowProvider>
    </>
  );
}
