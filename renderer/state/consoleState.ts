import type { InventoryDelta } from '../../shared/inventory/delta.js';
import { emptyInventory, type Inventory } from '../../shared/model/inventory.js';
import type { Profile } from '../../shared/model/profile.js';
import type { SessionState } from '../../shared/model/session.js';

/** Everything the views read: what the backend told us, plus the few UI choices that several views share. */
export type ConsoleState = {
  /** The first profiles/session/snapshot round trip has finished (successfully or not). */
  loaded: boolean;
  /** Why the first load failed, when it did: the transport itself is unreachable. */
  loadError: string | null;
  profiles: Profile[];
  session: SessionState | null;
  inventory: Inventory;
  /** Sequence number of the last applied delta or snapshot; null until a snapshot arrived. */
  seq: number | null;
  /** A delta arrived out of order: the inventory must be refetched as a snapshot. */
  needsSnapshot: boolean;
  /** Deltas received while waiting for a snapshot, applied on top of it once it arrives. */
  pendingDeltas: InventoryDelta[];
  /** The vhost the tables are narrowed to; null shows every vhost. */
  vhost: string | null;
  /** Whether calls can reach the backend at all (the WebSocket or IPC link, not the broker). */
  backendReachable: boolean;
};

export type ConsoleAction =
  | { type: 'load/succeeded'; profiles: Profile[]; session: SessionState }
  | { type: 'load/failed'; message: string }
  | { type: 'profiles/loaded'; profiles: Profile[] }
  | { type: 'profile/saved'; profile: Profile }
  | { type: 'profile/removed'; id: string }
  | { type: 'session/changed'; session: SessionState }
  | { type: 'snapshot/loaded'; seq: number; inventory: Inventory }
  | { type: 'snapshot/requested' }
  | { type: 'snapshot/unavailable' }
  | { type: 'delta/received'; delta: InventoryDelta }
  | { type: 'vhost/selected'; vhost: string | null }
  | { type: 'backend/reachability'; reachable: boolean };

export const initialConsoleState = (): ConsoleState => ({
  loaded: false,
  loadError: null,
  profiles: [],
  session: null,
  inventory: emptyInventory(),
  seq: null,
  needsSnapshot: false,
  pendingDeltas: [],
  vhost: null,
  backendReachable: true,
});
