import { useCallback, useState } from 'react';
import { useStore } from './StoreProvider.js';

/**
 * Like useState, but the value survives the component unmounting: leaving
 * the Queues view and coming back keeps its filter and sort.
 */
export function useRemembered<T>(key: string, initial: T): [T, (value: T) => void] {
  const { memory } = useStore();
  const [value, setValue] = useState<T>(() => (memory.has(key) ? (memory.get(key) as T) : initial));
  const remember = useCallback(
    (next: T) => {
      memory.set(key, next);
      setValue(next);
    },
    [memory, key],
  );
  return [value, remember];
}
