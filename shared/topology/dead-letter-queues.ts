import { buildRoutingTable, type RoutingTable } from '../routing/table.js';
import { DEFAULT_EXCHANGE } from '../routing/model.js';
import type { TopologyPolicy } from '../model/topology.js';
import { effectivePolicy } from './policy-match.js';
import { routeModelOf, type RouteTopology } from './route-model.js';

/** The queues of a topology with what dead-lettering depends on: their arguments and the policy in force. */
export interface DeadLetterTopology extends RouteTopology {
  readonly queues: readonly {
    readonly name: string;
    readonly type: string;
    readonly arguments: Readonly<Record<string, unknown>>;
    readonly policy?: string | null;
  }[];
}

/** A queue that dead-letters into another one, and what says so. */
export interface DeadLetterOrigin {
  readonly queue: string;
  readonly exchange: string;
  /** Null: messages keep the routing keys they were published with. */
  readonly routingKey: string | null;
  /** Where the dead-letter exchange is set: the queue's argument, or the named policy. */
  readonly setBy: 'argument' | string;
}

/** A queue setting read as rabbit_policy:get_arg does: the x-argument wins over the policy key, each key on its own. */
function setting(
  queue: DeadLetterTopology['queues'][number],
  policy: TopologyPolicy | null,
  argument: string,
  policyKey: string,
): { value: string; setBy: 'argument' | string } | null {
  const fromArgument = queue.arguments[argument];
  if (typeof fromArgument === 'string') return { value: fromArgument, setBy: 'argument' };
  const fromPolicy = policy?.definition[policyKey];
  return policy !== null && typeof fromPolicy === 'string' ? { value: fromPolicy, setBy: policy.name } : null;
}

/**
 * Every queue an exchange can pass a message to, whatever its routing key:
 * its bindings, exchange-to-exchange hops and alternate exchanges, followed to the end.
 */
function reachableQueues(table: RoutingTable, exchange: string): string[] {
  const queues = new Set<string>();
  const seen = new Set<string>();
  const pending = [exchange];
  while (pending.length > 0) {
    const name = pending.pop() as string;
    if (seen.has(name)) continue;
    seen.add(name);
    for (const binding of table.bindingsFrom(name)) {
      if (binding.destinationType === 'queue') queues.add(binding.destination);
      else pending.push(binding.destination);
    }
    const alternate = table.getExchange(name)?.alternateExchange;
    if (alternate !== undefined) pending.push(alternate);
  }
  return [...queues];
}

/**
 * Dead-letter queues of a vhost: each queue that some queue's dead-letter
 * exchange (argument or policy) routes to, with the queues it collects from.
 * With a dead-letter routing key the route is the broker's own (shared/routing);
 * without one, messages keep their keys, so any queue the exchange can reach counts.
 * The default exchange without a key reaches a queue named by each message's key: unknowable here.
 */
export function deadLetterQueues(topology: DeadLetterTopology): Map<string, DeadLetterOrigin[]> {
  const table = buildRoutingTable(routeModelOf(topology).model);
  const found = new Map<string, DeadLetterOrigin[]>();
  for (const queue of topology.queues) {
    const policy = effectivePolicy(topology.policies, { kind: 'queue', name: queue.name, queueType: queue.type }, queue.policy);
    const exchange = setting(queue, policy, 'x-dead-letter-exchange', 'dead-letter-exchange');
    if (exchange === null) continue;
    const routingKey = setting(queue, policy, 'x-dead-letter-routing-key', 'dead-letter-routing-key')?.value ?? null;
    let targets: string[];
    if (routingKey !== null) targets = table.route(exchange.value, routingKey);
    else if (exchange.value === DEFAULT_EXCHANGE) targets = [];
    else targets = reachableQueues(table, exchange.value);
    for (const target of targets) {
      const origins = found.get(target) ?? [];
      origins.push({ queue: queue.name, exchange: exchange.value, routingKey, setBy: exchange.setBy });
      found.set(target, origins);
    }
  }
  return found;
}
