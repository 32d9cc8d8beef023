import { ApiError } from '../../../shared/api/errors.js';
import { PolicyApplyTo, type TopologyPolicy, type TopologySnapshot } from '../../../shared/model/topology.js';
import type { ManagementClient } from '../management/management-client.js';
import { SnapshotBinding, SnapshotExchange, SnapshotPolicy, SnapshotQueue } from './snapshot-schemas.js';

const EXCHANGE_COLUMNS = 'name,type,durable,auto_delete,internal,arguments,policy';
const QUEUE_COLUMNS = 'name,type,durable,auto_delete,exclusive,arguments,policy';

/**
 * Reads one vhost's exchanges, queues, bindings and policies in parallel.
 * Columns are trimmed so a vhost with thousands of queues stays a small answer.
 */
export async function fetchTopologySnapshot(management: ManagementClient, vhost: string): Promise<TopologySnapshot> {
  const v = encodeURIComponent(vhost);
  const [exchanges, queues, bindings, policies, operatorPolicies] = await Promise.all([
    management.list(`/api/exchanges/${v}`, SnapshotExchange, { columns: EXCHANGE_COLUMNS, paginate: true }),
    management.list(`/api/queues/${v}`, SnapshotQueue, { columns: QUEUE_COLUMNS, paginate: true }),
    management.list(`/api/bindings/${v}`, SnapshotBinding),
    management.list(`/api/policies/${v}`, SnapshotPolicy),
    // Older brokers and the embedded one serve no operator policies: the graph only lists them, so none is fine.
    management.list(`/api/operator-policies/${v}`, SnapshotPolicy).catch((err: unknown) => {
      if (err instanceof ApiError && /HTTP 404|Not found/.test(err.message)) return [];
      throw err;
    }),
  ]);
  return {
    vhost,
    exchanges: exchanges.map((e) => ({
      name: e.name,
      type: e.type ?? 'direct',
      durable: e.durable ?? false,
      autoDelete: e.auto_delete ?? false,
      internal: e.internal ?? false,
      arguments: e.arguments ?? {},
      policy: e.policy || null,
    })),
    queues: queues.map((q) => {
      const args = q.arguments ?? {};
      return {
        name: q.name,
        type: q.type ?? (typeof args['x-queue-type'] === 'string' ? args['x-queue-type'] : 'classic'),
        durable: q.durable ?? false,
        autoDelete: q.auto_delete ?? false,
        exclusive: q.exclusive ?? false,
        arguments: args,
        policy: q.policy || null,
      };
    }),
    bindings: bindings.flatMap((b) =>
      b.destination_type === 'queue' || b.destination_type === 'exchange'
        ? [{
            source: b.source,
            destination: b.destination,
            destinationType: b.destination_type,
            routingKey: b.routing_key,
            arguments: b.arguments ?? {},
            propertiesKey: b.properties_key ?? b.routing_key,
          }]
        : [],
    ),
    policies: policies.map(toPolicy),
    operatorPolicies: operatorPolicies.map(toPolicy),
    fetchedAt: Date.now(),
  };
}

function toPolicy(p: { name: string; pattern: string; 'apply-to'?: string | null; priority?: number | null; definition?: Record<string, unknown> | null }): TopologyPolicy {
  const applyTo = PolicyApplyTo.safeParse(p['apply-to'] ?? 'all');
  return { name: p.name, pattern: p.pattern, applyTo: applyTo.success ? applyTo.data : 'all', priority: p.priority ?? 0, definition: p.definition ?? {} };
}
