import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { TopologySnapshot } from '../../../shared/model/topology.js';
import { errorMessage } from '../../state/consoleStore.js';
import { useClient, useConsole } from '../../state/StoreProvider.js';
import { cachedStructureSignature } from './structure-signature.js';

/** Structure changes often come in bursts (a deploy declaring many queues): wait for the burst to settle. */
const REFETCH_DELAY_MS = 400;

export type SnapshotState = {
  snapshot: TopologySnapshot | null;
  error: string | null;
  loading: boolean;
  refresh(): void;
};

/**
 * The vhost's structure, fetched once and again whenever the sampler's
 * inventory shows its exchanges, queues or binding counts changed, or when
 * asked (after an apply: a binding's key can change with every count the
 * same). Counts and rates do not refetch: nodes read them from the inventory directly.
 */
export function useTopologySnapshot(vhost: string): SnapshotState {
  const client = useClient();
  const signature = useConsole((s) => cachedStructureSignature(s.inventory, vhost));
  const [state, setState] = useState<{ snapshot: TopologySnapshot | null; error: string | null; loading: boolean }>({ snapshot: null, error: null, loading: true });
  const [asked, setAsked] = useState(0);
  const seqRef = useRef(0);

  useEffect(() => {
    const seq = ++seqRef.current;
    const timer = setTimeout(
      () => {
        setState((s) => ({ ...s, loading: true }));
        client
          .call('topology.snapshot', { vhost })
          .then((snapshot) => {
            if (seq === seqRef.current) setState({ snapshot, error: null, loading: false });
          })
          .catch((error: unknown) => {
            if (seq === seqRef.current) setState((s) => ({ ...s, error: errorMessage(error), loading: false }));
          });
      },
      seq === 1 ? 0 : REFETCH_DELAY_MS,
    );
    return () => clearTimeout(timer);
  }, [client, vhost, signature, asked]);

  const refresh = useCallback(() => setAsked((n) => n + 1), []);
  return useMemo(() => ({ ...state, refresh }), [state, refresh]);
}

const SnapshotContext = createContext<SnapshotState | null>(null);

/** One snapshot per vhost for the graph, the route explainer and the editor: one fetch, and all three see the same structure. */
export function TopologySnapshotProvider({ vhost, children }: { vhost: string; children: ReactNode }) {
  const state = useTopologySnapshot(vhost);
  return <SnapshotContext.Provider value={state}>{children}</SnapshotContext.Provider>;
}

/** The Topology view's snapshot, from the TopologySnapshotProvider above. */
export function useSharedTopologySnapshot(): SnapshotState {
  const state = useContext(SnapshotContext);
  if (state === null) throw new Error('useSharedTopologySnapshot outside TopologySnapshotProvider');
  return state;
}
