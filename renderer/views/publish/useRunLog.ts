import { useSyncExternalStore } from 'react';
import { useStore } from '../../state/StoreProvider.js';
import { createRunLog, type PublishRun, type RunLog } from '../../workbench/publish-runs.js';

const KEY = 'publish.runLog';

/** The page's one run log, kept in the store's memory so runs go on while the user looks at another view. */
export function useRunLog(): { log: RunLog; runs: readonly PublishRun[] } {
  const store = useStore();
  let log = store.memory.get(KEY) as RunLog | undefined;
  if (!log) {
    log = createRunLog(store.client);
    store.memory.set(KEY, log);
  }
  const runs = useSyncExternalStore(log.subscribe, log.runs);
  return { log, runs };
}
