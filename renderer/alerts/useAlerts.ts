import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AlertRule, AlertState } from '../../shared/model/alerts.js';
import { rowKey } from '../../shared/model/inventory.js';
import { errorMessage } from '../state/consoleStore.js';
import { useClient, useConsole } from '../state/StoreProvider.js';

export type Alerts = {
  rules: AlertRule[];
  /** Rule id → its state; a rule without one has not been evaluated yet. */
  states: ReadonlyMap<string, AlertState>;
  /** Keys (rowKey) of the queues with at least one enabled rule firing: a Set, so a table of 10,000 rows looks up in O(1). */
  firingQueues: ReadonlySet<string>;
  loaded: boolean;
  error: string | null;
  /** Replaces every rule of the profile (the backend's `alerts.save` takes the whole list). */
  save: (rules: AlertRule[]) => Promise<void>;
};

/** The rules that fire now, with their state, in queue order. */
export function firingAlerts(rules: readonly AlertRule[], states: ReadonlyMap<string, AlertState>): { rule: AlertRule; state: AlertState }[] {
  const out: { rule: AlertRule; state: AlertState }[] = [];
  for (const rule of rules) {
    const state = states.get(rule.id);
    if (rule.enabled && state?.firing) out.push({ rule, state });
  }
  return out.sort((a, b) => a.rule.vhost.localeCompare(b.rule.vhost) || a.rule.queue.localeCompare(b.rule.queue));
}

/**
 * The connected profile's alert rules and their states: read once with
 * `alerts.list`, then kept current by `alerts.changed` (which carries every
 * rule's state of the profile). Re-read when the profile changes.
 */
export function useAlerts(): Alerts {
  const client = useClient();
  const profileId = useConsole((s) => s.session?.profileId ?? null);
  const [rules, setRules] = useState<AlertRule[]>([]);
  const [stateList, setStateList] = useState<AlertState[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const known = useRef<ReadonlySet<string>>(new Set());
  known.current = new Set(rules.map((r) => r.id));

  useEffect(() => {
    let current = true;
    setLoaded(false);
    if (profileId === null) {
      setRules([]);
      setStateList([]);
      return undefined;
    }
    const off = client.on('alerts.changed', (event) => {
      if (event.profileId !== profileId) return;
      setStateList(event.states);
      // A rule we do not know yet (saved from another window): re-read the rules.
      if (event.states.some((s) => !known.current.has(s.ruleId))) {
        client
          .call('alerts.list', {})
          .then((result) => {
            if (current) setRules(result.rules);
          })
          .catch(() => undefined);
      }
    });
    client
      .call('alerts.list', {})
      .then((result) => {
        if (!current) return;
        setRules(result.rules);
        setStateList(result.states);
        setError(null);
        setLoaded(true);
      })
      .catch((e: unknown) => {
        if (current) {
          setError(errorMessage(e));
          setLoaded(true);
        }
      });
    return () => {
      current = false;
      off();
    };
  }, [client, profileId]);

  const save = useCallback(
    async (next: AlertRule[]) => {
      const result = await client.call('alerts.save', { rules: next });
      setRules(result.rules);
      setStateList(result.states);
    },
    [client],
  );

  const states = useMemo(() => new Map(stateList.map((s) => [s.ruleId, s])), [stateList]);
  const firingQueues = useMemo(() => new Set(firingAlerts(rules, states).map(({ rule }) => rowKey(rule.vhost, rule.queue))), [rules, states]);
  return { rules, states, firingQueues, loaded, error, save };
}
