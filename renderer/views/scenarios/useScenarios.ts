import { useCallback, useEffect, useState } from 'react';
import type { ScenarioId, ScenarioInfo, ScenarioState } from '../../../shared/model/scenarios.js';
import { errorMessage } from '../../state/consoleStore.js';
import { useClient } from '../../state/StoreProvider.js';

export interface Scenarios {
  /** Null until the list arrives. */
  list: ScenarioInfo[] | null;
  loadError: string | null;
  /** The latest state of each scenario started in this session, from calls and 'scenarios.state' events. */
  states: Partial<Record<ScenarioId, ScenarioState>>;
  start(id: ScenarioId, vhost: string): Promise<void>;
  stop(id: ScenarioId): Promise<void>;
  /** The last start or stop that the backend refused, by scenario. */
  actionErrors: Partial<Record<ScenarioId, string>>;
}

/** The scenario catalogue and live states: read once, then kept current by events. */
export function useScenarios(): Scenarios {
  const client = useClient();
  const [list, setList] = useState<ScenarioInfo[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [states, setStates] = useState<Partial<Record<ScenarioId, ScenarioState>>>({});
  const [actionErrors, setActionErrors] = useState<Partial<Record<ScenarioId, string>>>({});

  const put = useCallback((state: ScenarioState) => setStates((s) => ({ ...s, [state.id]: state })), []);

  useEffect(() => {
    let live = true;
    // Subscribed before the read, so no state falls between the two.
    const off = client.on('scenarios.state', put);
    client
      .call('scenarios.list', {})
      .then((answer) => {
        if (!live) return;
        setList(answer.scenarios);
        setStates((s) => {
          const next = { ...s };
          for (const state of answer.running) next[state.id] ??= state;
          return next;
        });
      })
      .catch((error: unknown) => live && setLoadError(errorMessage(error)));
    return () => {
      live = false;
      off();
    };
  }, [client, put]);

  const act = useCallback(
    async (id: ScenarioId, call: () => Promise<ScenarioState>) => {
      setActionErrors((e) => ({ ...e, [id]: undefined }));
      try {
        put(await call());
      } catch (error) {
        setActionErrors((e) => ({ ...e, [id]: errorMessage(error) }));
      }
    },
    [put],
  );

  return {
    list,
    loadError,
    states,
    actionErrors,
    start: (id, vhost) => act(id, () => client.call('scenarios.start', { id, vhost })),
    stop: (id) => act(id, () => client.call('scenarios.stop', { id })),
  };
}
