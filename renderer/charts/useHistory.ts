import { useEffect, useRef, useState } from 'react';
import type { HistoryMarker, HistoryQueryResult, HistoryScope } from '../../shared/model/history.js';
import { errorMessage } from '../state/consoleStore.js';
import { useClient } from '../state/StoreProvider.js';
import { historyRows, type HistoryRow } from './history-rows.js';
import { isLiveRange, resolveRange, type ChartRange } from './ranges.js';

/** Live charts refetch at most this often, however fast the sampler runs. */
const LIVE_REFETCH_MS = 1000;
/** What the backend answers when not told (history.query's default maxPoints). */
const DEFAULT_POINTS = 1000;
/** A long range refetches once per bucket of its points, but at least this often, so the legend's latest values stay fresh. */
const LIVE_REFETCH_MAX_MS = 15_000;

/** How often a live chart of this range refetches: a new sample only moves its last bucket of `points`. */
export function liveRefetchMs(range: ChartRange, points: number): number {
  return range.kind === 'last' ? Math.min(LIVE_REFETCH_MAX_MS, Math.max(LIVE_REFETCH_MS, range.ms / points)) : LIVE_REFETCH_MS;
}

export type HistoryState = {
  rows: HistoryRow[];
  markers: HistoryMarker[];
  /** The window the rows cover: the chart's x domain, so an empty stretch shows as empty. */
  from: number;
  to: number;
  result: HistoryQueryResult | null;
  error: string | null;
  loading: boolean;
};

/**
 * One scope's history over the range, with its event markers. A window that
 * ends now refetches when the backend records a sample (history.appended),
 * unless paused: a paused chart stays exactly as it was, to be read.
 */
export function useHistory(scope: HistoryScope, range: ChartRange, paused: boolean, maxPoints?: () => number): HistoryState {
  const client = useClient();
  const maxPointsRef = useRef(maxPoints);
  maxPointsRef.current = maxPoints;
  const scopeKey = JSON.stringify(scope);
  const [tick, setTick] = useState(0);
  const [state, setState] = useState<HistoryState>(() => ({ rows: [], markers: [], from: 0, to: 0, result: null, error: null, loading: true }));
  const seqRef = useRef(0);
  const loadedRef = useRef(false);

  const live = isLiveRange(range) && !paused;
  const every = liveRefetchMs(range, maxPoints?.() ?? DEFAULT_POINTS);
  useEffect(() => {
    if (!live) return undefined;
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const off = client.on('history.appended', () => {
      if (timer !== null) return;
      const wait = Math.max(0, last + every - Date.now());
      timer = setTimeout(() => {
        timer = null;
        last = Date.now();
        setTick((n) => n + 1);
      }, wait);
    });
    return () => {
      off();
      if (timer !== null) clearTimeout(timer);
    };
  }, [client, live, every]);

  const rangeKey = JSON.stringify(range);
  useEffect(() => {
    // Pausing freezes what is shown; a chart paused before its first answer still gets one.
    if (paused && loadedRef.current) return;
    const seq = ++seqRef.current;
    const parsedScope = JSON.parse(scopeKey) as HistoryScope;
    const { from, to } = resolveRange(JSON.parse(rangeKey) as ChartRange, Date.now());
    const points = maxPointsRef.current?.();
    Promise.all([client.call('history.query', { scope: parsedScope, from, to, ...(points === undefined ? {} : { maxPoints: points }) }), client.call('history.events', { scope: parsedScope, from, to })])
      .then(([result, events]) => {
        if (seq !== seqRef.current) return;
        loadedRef.current = true;
        setState({ rows: historyRows(result.series, result.gaps), markers: events.markers, from, to, result, error: null, loading: false });
      })
      .catch((error: unknown) => {
        if (seq === seqRef.current) setState((s) => ({ ...s, error: errorMessage(error), loading: false }));
      });
  }, [client, scopeKey, rangeKey, tick, paused]);

  return state;
}
