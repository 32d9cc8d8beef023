import { applyInventoryDelta, type InventoryDelta } from '../../shared/inventory/delta.js';
import type { Inventory } from '../../shared/model/inventory.js';
import type { ConsoleAction, ConsoleState } from './consoleState.js';

/** Deltas kept while a snapshot is on its way; beyond this the snapshot is newer anyway. */
const MAX_PENDING_DELTAS = 64;

/** Pure: every change to the console state goes through here. */
export function consoleReducer(state: ConsoleState, action: ConsoleAction): ConsoleState {
  switch (action.type) {
    case 'load/succeeded':
      return sessionChanged({ ...state, loaded: true, loadError: null, profiles: action.profiles }, action.session);
    case 'load/failed':
      return { ...state, loaded: true, loadError: action.message };
    case 'profiles/loaded':
      return { ...state, profiles: action.profiles };
    case 'profile/saved':
      return { ...state, profiles: upsertProfile(state.profiles, action.profile) };
    case 'profile/removed':
      return { ...state, profiles: state.profiles.filter((p) => p.id !== action.id) };
    case 'session/changed':
      return sessionChanged(state, action.session);
    case 'snapshot/loaded':
      return snapshotLoaded(state, action.seq, action.inventory);
    case 'snapshot/requested':
      return state.needsSnapshot ? state : { ...state, needsSnapshot: true };
    case 'snapshot/unavailable':
      return { ...state, needsSnapshot: false };
    case 'delta/received':
      return deltaReceived(state, action.delta);
    case 'vhost/selected':
      return { ...state, vhost: action.vhost };
    case 'backend/reachability':
      return state.backendReachable === action.reachable ? state : { ...state, backendReachable: action.reachable };
  }
}

function upsertProfile<P extends { id: string }>(profiles: P[], profile: P): P[] {
  const index = profiles.findIndex((p) => p.id === profile.id);
  if (index === -1) return [...profiles, profile];
  return profiles.map((p, i) => (i === index ? profile : p));
}

function sessionChanged(state: ConsoleState, session: ConsoleState['session'] & object): ConsoleState {
  const switchedBroker = state.session?.profileId !== session.profileId;
  if (!switchedBroker) return { ...state, session };
  // Another broker's vhosts mean nothing here. A profile whose URI names a vhost is about that vhost: start there.
  const profile = state.profiles.find((p) => p.id === session.profileId);
  return { ...state, session, vhost: profile ? explicitVhost(profile.amqpUri) : null };
}

/** The vhost an AMQP URI spells out in its path, or null when it names none (amqp://host:5672). */
function explicitVhost(uri: string): string | null {
  try {
    const path = new URL(uri).pathname;
    return path.length > 1 ? decodeURIComponent(path.slice(1)) : null;
  } catch {
    return null;
  }
}

function snapshotLoaded(state: ConsoleState, seq: number, inventory: Inventory): ConsoleState {
  // A full delta applied meanwhile is at least as new as this snapshot.
  if (state.seq !== null && !state.needsSnapshot && seq <= state.seq) return state;
  let next: ConsoleState = { ...state, inventory, seq, needsSnapshot: false, pendingDeltas: [] };
  const pending = [...state.pendingDeltas].sort((a, b) => a.seq - b.seq);
  for (const delta of pending) {
    if (delta.seq <= seq) continue;
    next = deltaReceived(next, delta);
  }
  return next;
}

function deltaReceived(state: ConsoleState, delta: InventoryDelta): ConsoleState {
  if (delta.full) {
    return { ...state, inventory: applyInventoryDelta(state.inventory, delta), seq: delta.seq, needsSnapshot: false, pendingDeltas: [] };
  }
  const awaitingSnapshot = state.seq === null || state.needsSnapshot;
  if (!awaitingSnapshot && delta.seq === (state.seq as number) + 1) {
    return { ...state, inventory: applyInventoryDelta(state.inventory, delta), seq: delta.seq };
  }
  if (!awaitingSnapshot && delta.seq <= (state.seq as number)) return state;
  // A gap (or no base yet): keep the delta and ask for a snapshot to build on.
  const pendingDeltas = [...state.pendingDeltas, delta].slice(-MAX_PENDING_DELTAS);
  return { ...state, needsSnapshot: true, pendingDeltas };
}
