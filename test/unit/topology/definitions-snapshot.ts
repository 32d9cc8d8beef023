import { readFileSync } from 'node:fs';
import type { TopologySnapshot } from '../../../shared/model/topology.js';

type Defs = {
  exchanges: { vhost: string; name: string; type: string; durable: boolean; auto_delete: boolean; internal: boolean; arguments: Record<string, unknown> }[];
  queues: { vhost: string; name: string; durable: boolean; auto_delete: boolean; arguments: Record<string, unknown> }[];
  bindings: { vhost: string; source: string; destination: string; destination_type: 'queue' | 'exchange'; routing_key: string; arguments: Record<string, unknown> }[];
};

/** One vhost of the RabbitMQ 3.10 definitions export, as topology.snapshot answers it (plus the default exchange a broker lists). */
export function snapshotFromDefinitions(vhost: string): TopologySnapshot {
  const defs = JSON.parse(readFileSync(new URL('../../fixtures/rabbitmq-3.10/definitions.json', import.meta.url), 'utf8')) as Defs;
  return {
    vhost,
    exchanges: [
      { name: '', type: 'direct', durable: true, autoDelete: false, internal: false, arguments: {}, policy: null },
      ...defs.exchanges.filter((e) => e.vhost === vhost).map((e) => ({ name: e.name, type: e.type, durable: e.durable, autoDelete: e.auto_delete, internal: e.internal, arguments: e.arguments, policy: null })),
    ],
    queues: defs.queues.filter((q) => q.vhost === vhost).map((q) => ({
      name: q.name,
      type: typeof q.arguments['x-queue-type'] === 'string' ? q.arguments['x-queue-type'] : 'classic',
      durable: q.durable,
      autoDelete: q.auto_delete,
      exclusive: false,
      arguments: q.arguments,
      policy: null,
    })),
    bindings: defs.bindings.filter((b) => b.vhost === vhost).map((b) => ({ source: b.source, destination: b.destination, destinationType: b.destination_type, routingKey: b.routing_key, arguments: b.arguments, propertiesKey: b.routing_key })),
    policies: [],
    operatorPolicies: [],
    fetchedAt: 0,
  };
}
