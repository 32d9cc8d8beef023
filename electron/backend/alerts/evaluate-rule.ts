import type { AlertRule, AlertState } from '../../../shared/model/alerts.js';

/** What a rule remembers between samples. */
export interface RuleMemory {
  since: number | null;
  /** unackedGrowing: the count when the rise began, and the last one seen. */
  startValue: number;
  lastValue: number;
}

export interface QueueNow {
  ready: number;
  unacked: number;
  consumers: number;
}

const count = (n: number) => n.toLocaleString('en-US');
const duration = (ms: number) => (ms < 120_000 ? `${Math.round(ms / 1000)} s` : `${Math.round(ms / 60_000)} min`);

/**
 * One rule against one sample: whether its condition holds now, since when,
 * and whether it has held long enough to fire. A queue that is gone or whose
 * counts the broker did not give cannot fire: it says so instead.
 */
export function evaluateRule(rule: AlertRule, memory: RuleMemory, queue: QueueNow | null, at: number): AlertState {
  const idle = (text: string): AlertState => {
    memory.since = null;
    return { ruleId: rule.id, firing: false, since: null, text };
  };
  if (!rule.enabled) return idle('off');
  if (!queue) return idle('queue not found');
  const c = rule.condition;
  const value = c.kind === 'readyAbove' ? queue.ready : c.kind === 'noConsumers' ? queue.consumers : queue.unacked;
  if (Number.isNaN(value)) return idle('the broker gives no count for this queue');

  let holds: boolean;
  if (c.kind === 'unackedGrowing') {
    // A fall ends the rise; a flat stretch does not, but firing needs a net rise since it began.
    if (memory.since === null || value < memory.lastValue) {
      memory.since = null;
      memory.startValue = value;
    }
    memory.lastValue = value;
    holds = true;
  } else {
    holds = c.kind === 'readyAbove' ? value > c.threshold : value === 0;
  }
  if (!holds) return idle(c.kind === 'readyAbove' ? `ready ${count(value)} ≤ ${count(c.threshold)}` : `${count(value)} consumers`);
  memory.since ??= at;
  const held = at - memory.since;
  const long = held >= c.forSeconds * 1000;
  if (c.kind === 'unackedGrowing') {
    const firing = long && value > memory.startValue;
    return { ruleId: rule.id, firing, since: memory.since, text: `unacked ${count(memory.startValue)} → ${count(value)} over ${duration(held)}` };
  }
  const text = c.kind === 'readyAbove' ? `ready ${count(value)} > ${count(c.threshold)} for ${duration(held)}` : `no consumers for ${duration(held)}`;
  return { ruleId: rule.id, firing: long, since: memory.since, text };
}
