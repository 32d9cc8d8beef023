import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { ConsoleClient } from '../../shared/api/contract.js';
import type { ConsoleState } from './consoleState.js';
import type { ConsoleStore } from './consoleStore.js';

const StoreContext = createContext<ConsoleStore | null>(null);

export function StoreProvider({ store, children }: { store: ConsoleStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

export function useStore(): ConsoleStore {
  const store = useContext(StoreContext);
  if (store === null) throw new Error('useStore outside <StoreProvider>');
  return store;
}

/** Reads a slice of the state; re-renders only when that slice changes identity. */
export function useConsole<T>(select: (state: ConsoleState) => T): T {
  const store = useStore();
  return useSyncExternalStore(store.subscribe, () => select(store.getState()));
}

export function useClient(): ConsoleClient {
  return useStore().client;
}
