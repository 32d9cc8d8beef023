import type { ConsoleClient } from '../../shared/api/contract.js';
import { ApiError } from '../../shared/api/errors.js';
import { consoleReducer } from './consoleReducer.js';
import { initialConsoleState, type ConsoleAction, type ConsoleState } from './consoleState.js';

export type ConsoleStore = {
  client: ConsoleClient;
  getState(): ConsoleState;
  subscribe(listener: () => void): () => void;
  dispatch(action: ConsoleAction): void;
  /** Subscribes to the backend's events and loads the first state. Returns the teardown. */
  start(): () => void;
  /** UI choices that outlive a view (its filter, its sort) until the page reloads. Not broker state. */
  memory: Map<string, unknown>;
  /** Re-reads profiles, session and inventory: after the link to the backend comes back. */
  reload(): Promise<void>;
};

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/**
 * The renderer's single source of truth, fed only by the backend: one initial
 * load, then pushed events. It never polls the broker.
 */
export function createConsoleStore(client: ConsoleClient, initial: ConsoleState = initialConsoleState()): ConsoleStore {
  let state = initial;
  const listeners = new Set<() => void>();
  let snapshotInFlight = false;

  const dispatch = (action: ConsoleAction): void => {
    const next = consoleReducer(state, action);
    if (next !== state) {
      state = next;
      for (const listener of listeners) listener();
    }
    if (state.needsSnapshot) void fetchSnapshot();
  };

  async function fetchSnapshot(): Promise<void> {
    if (snapshotInFlight) return;
    snapshotInFlight = true;
    try {
      const { seq, inventory } = await client.call('inventory.snapshot', {});
      snapshotInFlight = false;
      dispatch({ type: 'snapshot/loaded', seq, inventory });
    } catch (error) {
      snapshotInFlight = false;
      // Not connected yet: the first sample arrives as a full delta.
      if (!(error instanceof ApiError && error.code === 'not_connected')) console.warn('inventory.snapshot failed:', errorMessage(error));
      dispatch({ type: 'snapshot/unavailable' });
    }
  }

  async function reload(): Promise<void> {
    try {
      const [profiles, session] = await Promise.all([client.call('profiles.list', {}), client.call('session.state', {})]);
      dispatch({ type: 'load/succeeded', profiles, session });
    } catch (error) {
      dispatch({ type: 'load/failed', message: errorMessage(error) });
      return;
    }
    // Asked for, not just fetched: a restarted backend counts from seq 0 again.
    dispatch({ type: 'snapshot/requested' });
  }

  function start(): () => void {
    const offSession = client.on('session.state', (session) => dispatch({ type: 'session/changed', session }));
    const offDelta = client.on('inventory.delta', (delta) => dispatch({ type: 'delta/received', delta }));
    const reportVisibility = (): void => {
      client.call('sampler.configure', { hidden: document.visibilityState === 'hidden' }).catch((error: unknown) => {
        console.warn('sampler.configure failed:', errorMessage(error));
      });
    };
    document.addEventListener('visibilitychange', reportVisibility);
    // Said at once either way: a page opened in a background tab starts hidden, and a reloaded
    // page follows its predecessor, whose unload reported it hidden.
    reportVisibility();
    void reload();
    return () => {
      offSession();
      offDelta();
      document.removeEventListener('visibilitychange', reportVisibility);
    };
  }

  return {
    client,
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispatch,
    start,
    reload,
    memory: new Map(),
  };
}
