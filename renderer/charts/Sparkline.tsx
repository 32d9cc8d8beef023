import { createContext, useCallback, useContext, useEffect, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { formatCount } from '../format/numbers.js';
import { useClient } from '../state/StoreProvider.js';
import { sparklinePath } from './sparkline-path.js';
import { createSparklineStore, SPARK_MINUTES, type SparklineStore } from './sparkline-store.js';

const SparklineContext = createContext<SparklineStore | null>(null);

/** One store per table: it fetches for the cells mounted under it. */
export function SparklineProvider({ children }: { children: ReactNode }) {
  const client = useClient();
  const store = useMemo(() => createSparklineStore(client), [client]);
  useEffect(() => () => store.close(), [store]);
  return <SparklineContext.Provider value={store}>{children}</SparklineContext.Provider>;
}

const WIDTH = 72;
const HEIGHT = 18;
const noop = (): (() => void) => () => undefined;


/** A queue's total over the last minutes: one path, no chart library, cheap enough for every visible row. */
export function Sparkline({ queueKey }: { queueKey: string }) {
  const store = useContext(SparklineContext);
  // Stable while the row shows the same queue: a new subscribe function would unsubscribe and refetch on every render.
  const subscribe = useCallback((listener: () => void) => (store ? store.subscribe(queueKey, listener) : noop()), [store, queueKey]);
  const values = useSyncExternalStore(subscribe, () => store?.get(queueKey));
  if (!values || values.every((v) => v === null)) return null;
  const last = [...values].reverse().find((v) => v !== null) ?? null;
  return (
    <svg className="sparkline" width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`Total over the last ${SPARK_MINUTES} minutes, now ${formatCount(last)}`}>
      <path d={sparklinePath(values, WIDTH, HEIGHT)} fill="none" stroke="var(--chart-ready)" strokeWidth={1.25} />
    </svg>
  );
}
