import type { ConsoleClient } from '../../shared/api/contract.js';
import type { SparklinesResult } from '../../shared/model/history.js';

type Values = readonly (number | null)[];

/** Minutes a sparkline spans, and how often the visible ones are refetched at most. */
export const SPARK_MINUTES = 5;
const REFRESH_MS = 5000;
/** New rows scrolled into view are fetched together, a moment after they appear. */
const BATCH_DELAY_MS = 150;

/**
 * Sparklines for the rows on screen: each cell subscribes its queue key while
 * mounted (the table renders only visible rows), and the store asks the
 * backend for all subscribed keys in one history.sparklines call, again
 * after samples arrive, at most every few seconds.
 */
export function createSparklineStore(client: ConsoleClient) {
  const listeners = new Map<string, Set<() => void>>();
  let values: SparklinesResult['values'] = {};
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastFetch = 0;

  const schedule = (delay: number): void => {
    if (timer !== null) return;
    timer = setTimeout(() => {
      timer = null;
      void fetchNow();
    }, delay);
  };

  async function fetchNow(): Promise<void> {
    const keys = [...listeners.keys()];
    if (keys.length === 0) return;
    lastFetch = Date.now();
    try {
      const result = await client.call('history.sparklines', { keys: keys.slice(0, 2000), minutes: SPARK_MINUTES, metric: 'total' });
      values = result.values;
      for (const key of keys) for (const listener of listeners.get(key) ?? []) listener();
    } catch {
      // No history yet (not connected, an older backend): the cells stay empty, the table works.
    }
  }

  const offAppended = client.on('history.appended', () => schedule(Math.max(BATCH_DELAY_MS, lastFetch + REFRESH_MS - Date.now())));

  return {
    subscribe(key: string, listener: () => void): () => void {
      let set = listeners.get(key);
      if (!set) {
        listeners.set(key, (set = new Set()));
        schedule(BATCH_DELAY_MS);
      }
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(key);
      };
    },
    get: (key: string): Values | undefined => values[key],
    close(): void {
      offAppended();
      if (timer !== null) clearTimeout(timer);
    },
  };
}

export type SparklineStore = ReturnType<typeof createSparklineStore>;
