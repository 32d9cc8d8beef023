import type { AlertRule, AlertState, AlertsResult } from '../../../shared/model/alerts.js';
import { rowKey } from '../../../shared/model/inventory.js';
import type { EventHub } from '../events.js';
import type { RecordedSample } from '../history/history-recorder.js';
import type { Logger } from '../logger.js';
import { QUEUE_FIELDS } from '../management/queue-numbers.js';
import { readAlertRules, writeAlertRules } from './alert-rules-file.js';
import { type RuleMemory, evaluateRule } from './evaluate-rule.js';

export interface Alerts {
  list(profileId: string): AlertsResult;
  save(profileId: string, rules: AlertRule[]): Promise<AlertsResult>;
  /** Evaluates the profile's rules on a sample; emits 'alerts.changed' when one starts or stops firing. */
  observe(profileId: string, sample: RecordedSample): void;
}

/**
 * The alert rules of every profile and their state on the connected one,
 * evaluated on each sample the sampler takes (so they hold whatever the
 * window shows, or while it is hidden and sampling slower).
 */
export async function createAlerts(options: { dataDir: string; hub: EventHub; log: Logger }): Promise<Alerts> {
  const rules = await readAlertRules(options.dataDir, options.log);
  const memory = new Map<string, RuleMemory>();
  const states = new Map<string, AlertState>();

  const result = (profileId: string): AlertsResult => {
    const own = rules[profileId] ?? [];
    return { rules: own, states: own.map((r) => states.get(r.id) ?? { ruleId: r.id, firing: false, since: null, text: 'not evaluated yet' }) };
  };
  const emit = (profileId: string) => options.hub.emit('alerts.changed', { profileId, states: result(profileId).states });

  return {
    list: result,
    async save(profileId, next) {
      rules[profileId] = next;
      await writeAlertRules(options.dataDir, rules);
      const kept = new Set(next.map((r) => r.id));
      for (const id of [...memory.keys()]) if (!kept.has(id)) memory.delete(id);
      for (const id of [...states.keys()]) if (!kept.has(id)) states.delete(id);
      emit(profileId);
      return result(profileId);
    },
    observe(profileId, sample) {
      const own = rules[profileId];
      if (!own || own.length === 0) return;
      const { keys, data } = sample.queueNumbers;
      const index = new Map<string, number>();
      for (let i = 0; i < keys.length; i++) index.set(keys[i] as string, i);
      let changed = false;
      for (const rule of own) {
        const i = index.get(rowKey(rule.vhost, rule.queue));
        const queue = i === undefined ? null : { ready: data[i * QUEUE_FIELDS] as number, unacked: data[i * QUEUE_FIELDS + 1] as number, consumers: data[i * QUEUE_FIELDS + 3] as number };
        let m = memory.get(rule.id);
        if (!m) memory.set(rule.id, (m = { since: null, startValue: 0, lastValue: 0 }));
        const state = evaluateRule(rule, m, queue, sample.at);
        if ((states.get(rule.id)?.firing ?? false) !== state.firing) changed = true;
        states.set(rule.id, state);
      }
      if (changed) emit(profileId);
    },
  };
}
