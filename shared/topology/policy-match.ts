/**
 * Which policy is in force for an exchange or a queue, as rabbit_policy
 * decides: the pattern is a regular expression searched in the name, apply-to
 * must cover the object's kind, and the highest priority wins. RabbitMQ
 * leaves ties to its table order; like the embedded broker
 * (electron/broker/policy/policies.ts), the name that sorts last wins, so the
 * console predicts what Warren's own broker does.
 */
export interface PolicyLike {
  readonly name: string;
  readonly pattern: string;
  /** 'all' | 'exchanges' | 'queues' | 'classic_queues' | 'quorum_queues' | 'streams' */
  readonly applyTo: string;
  readonly priority: number;
  readonly definition: Readonly<Record<string, unknown>>;
}

export type PolicyTarget = { readonly kind: 'exchange'; readonly name: string } | { readonly kind: 'queue'; readonly name: string; readonly queueType?: string };

function applies(applyTo: string, target: PolicyTarget): boolean {
  switch (applyTo) {
    case 'all':
      return true;
    case 'exchanges':
      return target.kind === 'exchange';
    case 'queues':
      return target.kind === 'queue';
    case 'classic_queues':
      return target.kind === 'queue' && (target.queueType ?? 'classic') === 'classic';
    case 'quorum_queues':
      return target.kind === 'queue' && target.queueType === 'quorum';
    case 'streams':
      return target.kind === 'queue' && target.queueType === 'stream';
    default:
      return false;
  }
}

/** A pattern the broker accepted may still be one JavaScript cannot compile (Erlang's PCRE is wider): such a policy matches nothing here. */
function matches(pattern: string, name: string): boolean {
  try {
    return new RegExp(pattern).test(name);
  } catch {
    return false;
  }
}

export function policyInForce<P extends PolicyLike>(policies: readonly P[], target: PolicyTarget): P | undefined {
  let best: P | undefined;
  for (const p of policies) {
    if (!applies(p.applyTo, target) || !matches(p.pattern, target.name)) continue;
    if (best === undefined || p.priority > best.priority || (p.priority === best.priority && p.name > best.name)) best = p;
  }
  return best;
}
