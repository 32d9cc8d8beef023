import { useCallback, useSyncExternalStore } from 'react';
import type { ThemeChoice } from './theme-choice.js';
import { themeStore, type ThemeStore } from './theme-store.js';

/** The current theme choice and the way to change it. */
export function useThemeChoice(store: ThemeStore = themeStore()): [ThemeChoice, (choice: ThemeChoice) => void] {
  const choice = useSyncExternalStore(store.subscribe, store.get);
  const choose = useCallback((next: ThemeChoice) => store.choose(next), [store]);
  return [choice, choose];
}
