import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';
import type { AlertRule, AlertState } from '../../shared/model/alerts.js';
import { rowKey } from '../../shared/model/inventory.js';
import { useClient, useConsole } from '../state/StoreProvider.js';
import { alertsFeedOf } from './alerts-feed.js';

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
 * The connected profile's alert rules and their states, from the one shared
 * feed (alerts-feed): however many components ask, one `alerts.list` and
 * one `alerts.changed` subscription. Re-read when the profile changes.
 */
export function useAlerts(): Alerts {
  const feed = alertsFeedOf(useClient());
  const profileId = useConsole((s) => s.session?.profileId ?? null);
  const snapshot = useSyncExternalStore(feed.subscribe, feed.getSnapshot);
  useEffect(() => feed.follow(profileId), [feed, profileId]);
  const current = snapshot.profileId === profileId;
  const rules = current ? snapshot.rules : NONE;
  const stateList = current ? snapshot.states : NO_STATES;
  const save = useCallback((next: AlertRule[]) => feed.save(next), [feed]);
  const states = useMemo(() => new Map(stateList.map((s) => [s.ruleId, s])), [stateList]);
  const firingQueues = useMemo(() => new Set(firingAlerts(rules, states).map(({ rule }) => rowKey(rule.vhost, rule.queue))), [rules, states]);
  return { rules, states, firingQueues, loaded: current && snapshot.loaded, error: current ? snapshot.error : null, save };
}

const NONE: AlertRule[] = [];
const NO_STATES: AlertState[] = [];
