import { useEffect, useState } from 'react';
import type { HistorySeries } from '../../../shared/model/history.js';
import type { QueueRow } from '../../../shared/model/inventory.js';
import { resolveRange, type ChartRange } from '../../charts/ranges.js';
import { errorMessage } from '../../state/consoleStore.js';
import { useClient } from '../../state/StoreProvider.js';

const LIVE_REFETCH_MS = 2000;

export type CompareState = { series: HistorySeries[]; from: number; to: number; error: string | null };

/** The chosen queues' history over the range, refetched as samples arrive while the range ends now. */
export function useCompareHistory(queues: readonly Pick<QueueRow, 'vhost' | 'name'>[], range: ChartRange): CompareState {
  const client = useClient();
  const [state, setState] = useState<CompareState>({ series: [], from: 0, to: 0, error: null });
  const [tick, setTick] = useState(0);
  const wanted = JSON.stringify(queues.map((q) => [q.vhost, q.name]));
  const rangeKey = JSON.stringify(range);

  useEffect(() => {
    if (range.kind !== 'last') return undefined;
    let last = 0;
    return client.on('history.appended', () => {
      if (Date.now() - last < LIVE_REFETCH_MS) return;
      last = Date.now();
      setTick((n) => n + 1);
    });
  }, [client, range.kind]);

  useEffect(() => {
    let current = true;
    const pairs = JSON.parse(wanted) as [string, string][];
    const { from, to } = resolveRange(JSON.parse(rangeKey) as ChartRange, Date.now());
    Promise.all(pairs.map(([vhost, name]) => client.call('history.query', { scope: { kind: 'queue', vhost, name }, from, to, maxPoints: 600 })))
      .then((results) => {
        if (current) setState({ series: results.map((r) => r.series), from, to, error: null });
      })
      .catch((error: unknown) => {
        if (current) setState((s) => ({ ...s, error: errorMessage(error) }));
      });
    return () => {
      current = false;
    };
  }, [client, wanted, rangeKey, tick]);

  return state;
}
