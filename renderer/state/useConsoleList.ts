import { useRef, useSyncExternalStore } from 'react';
import type { ConsoleState } from './consoleState.js';
import { useStore } from './StoreProvider.js';

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, i) => Object.is(item, b[i]));
}

/**
 * Like useConsole, for a selector that builds a fresh list on every call (a
 * row of counts): re-renders only when an item changes, not on every store
 * update that leaves them all equal.
 */
export function useConsoleList<T>(select: (state: ConsoleState) => readonly T[]): readonly T[] {
  const store = useStore();
  const last = useRef<readonly T[] | null>(null);
  return useSyncExternalStore(store.subscribe, () => {
    const next = select(store.getState());
    // The same array while equal: useSyncExternalStore compares snapshots by identity.
    if (last.current !== null && sameItems(last.current, next)) return last.current;
    last.current = next;
    return next;
  });
}
