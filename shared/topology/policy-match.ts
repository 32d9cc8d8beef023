import type { TopologyPolicy } from '../model/topology.js';

export type PolicyTarget =
  | { kind: 'exchange'; name: string }
  | { kind: 'queue'; name: string; queueType: string };

function appliesTo(policy: TopologyPolicy, target: PolicyTarget): boolean {
  switch (policy.applyTo) {
    case 'all':
      return true;
    case 'exchanges':
      return target.kind === 'exchange';
    case 'queues':
      return target.kind === 'queue';
    case 'classic_queues':
      return target.kind === 'queue' && target.queueType === 'classic';
    case 'quorum_queues':
      return target.kind === 'queue' && target.queueType === 'quorum';
    case 'streams':
      return target.kind === 'queue' && target.queueType === 'stream';
  }
}

const compiled = new Map<string, RegExp | null>();

/** Patterns are PCRE in RabbitMQ; JavaScript's dialect agrees on what policies use. A broken one matches nothing. */
function regexOf(pattern: string): RegExp | null {
  let re = compiled.get(pattern);
  if (re === undefined) {
    try {
      re = new RegExp(pattern, 'u');
    } catch {
      try {
        re = new RegExp(pattern);
      } catch {
        re = null;
      }
    }
    compiled.set(pattern, re);
  }
  return re;
}

/**
 * The policy in force on an exchange or queue, as RabbitMQ picks it: of the
 * policies whose pattern matches the name and whose apply-to fits, the one
 * with the highest priority. RabbitMQ leaves ties to its table order; like
 * the embedded broker, the name that sorts last wins, for a stable answer.
 * When the broker names the policy it applied, its word wins.
 */
export function effectivePolicy(policies: readonly TopologyPolicy[], target: PolicyTarget, brokerSays?: string | null): TopologyPolicy | null {
  if (brokerSays) {
    const named = policies.find((p) => p.name === brokerSays);
    if (named) return named;
  }
  let best: TopologyPolicy | null = null;
  for (const policy of policies) {
    if (!appliesTo(policy, target)) continue;
    if (!regexOf(policy.pattern)?.test(target.name)) continue;
    if (best === null || policy.priority > best.priority || (policy.priority === best.priority && policy.name > best.name)) best = policy;
  }
  return best;
}
