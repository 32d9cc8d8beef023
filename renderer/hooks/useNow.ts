import { useEffect, useState } from 'react';

/** The current time, refreshed every `intervalMs`: for "3s ago" and countdowns, never for fetching. */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}
