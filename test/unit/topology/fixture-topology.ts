import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { RouteTopology } from '../../../shared/topology/route-model.js';

interface Definitions {
  exchanges: { name: string; vhost: string; type: string; internal: boolean; arguments: Record<string, unknown> }[];
  queues: { name: string; vhost: string }[];
  bindings: { source: string; vhost: string; destination: string; destination_type: 'queue' | 'exchange'; routing_key: string; arguments: Record<string, unknown> }[];
  policies: { name: string; vhost: string; pattern: string; 'apply-to': string; priority: number; definition: Record<string, unknown> }[];
}

const file = path.resolve('test/fixtures/rabbitmq-3.10/definitions.json');

/** One vhost of the RabbitMQ 3.10 fixture, in the shape routeModelOf takes. */
export function fixtureTopology(vhost: string): RouteTopology {
  const d = JSON.parse(readFileSync(file, 'utf8')) as Definitions;
  const inVhost = <T extends { vhost: string }>(rows: T[]) => rows.filter((r) => r.vhost === vhost);
  return {
    exchanges: inVhost(d.exchanges).map((x) => ({ name: x.name, type: x.type, internal: x.internal, arguments: x.arguments })),
    queues: inVhost(d.queues).map((q) => ({ name: q.name })),
    bindings: inVhost(d.bindings).map((b) => ({
      source: b.source,
      destination: b.destination,
      destinationType: b.destination_type,
      routingKey: b.routing_key,
      arguments: b.arguments,
    })),
    policies: inVhost(d.policies).map((p) => ({ name: p.name, pattern: p.pattern, applyTo: p['apply-to'], priority: p.priority, definition: p.definition })),
  };
}
