import { useEffect, useState } from 'react';

/**
 * The current time, re-rendering every `intervalMs`: for "3s ago" and
 * countdowns, never for fetching. Read at render time so a component that
 * re-renders for another reason (a new retryAt) is never a tick behind.
 */
export function useNow(intervalMs = 1000): number {
  const [, setTick] = useState(0);
  useEffect(() => {
    const timer = window.setInterval(() => setTick((tick) => tick + 1), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return Date.now();
}
