import type { QueueRow } from '../../../shared/model/inventory.js';
import type { TopologyPolicy, TopologySnapshot } from '../../../shared/model/topology.js';

/** The policy the broker says applies to this queue, looked up by name in the vhost's policies. */
export function queuePolicy(queue: QueueRow, snapshot: TopologySnapshot | null): TopologyPolicy | null {
  if (queue.policy === null || snapshot === null) return null;
  return snapshot.policies.find((p) => p.name === queue.policy) ?? null;
}

/** Policy keys and the x-arguments they correspond to: an argument set on the queue wins over the policy. */
const ARGUMENT_OF: Record<string, string> = {
  'dead-letter-exchange': 'x-dead-letter-exchange',
  'dead-letter-routing-key': 'x-dead-letter-routing-key',
  'message-ttl': 'x-message-ttl',
  expires: 'x-expires',
  'max-length': 'x-max-length',
  'max-length-bytes': 'x-max-length-bytes',
  overflow: 'x-overflow',
  'queue-mode': 'x-queue-mode',
  'single-active-consumer': 'x-single-active-consumer',
  'delivery-limit': 'x-delivery-limit',
};

/** The queue argument that takes precedence over a policy key, when the queue was declared with one. */
export function overridingArgument(queue: QueueRow, policyKey: string): string | null {
  const argument = ARGUMENT_OF[policyKey];
  return argument !== undefined && argument in queue.arguments ? argument : null;
}

/** Where the queue dead-letters to: its argument first, else its policy's. */
export function deadLetterExchange(queue: QueueRow, policy: TopologyPolicy | null): string | null {
  const fromArgs = queue.arguments['x-dead-letter-exchange'];
  if (typeof fromArgs === 'string') return fromArgs;
  const fromPolicy = policy?.definition['dead-letter-exchange'];
  return typeof fromPolicy === 'string' ? fromPolicy : null;
}
