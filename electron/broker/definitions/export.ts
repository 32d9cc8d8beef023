// GET /api/definitions[/{vhost}]: the broker's definitions in RabbitMQ's
// export format. Predeclared exchanges (the default and amq.*), exclusive
// queues and the default exchange's implicit bindings are left out, as
// RabbitMQ leaves them out.
import type { AuthRegistry } from '../auth/index.js';
import type { PolicyStore } from '../policy/policies.js';
import type { AmqpServer } from '../server.js';
import { BROKER_VERSION } from '../server-properties.js';
import { WARREN_VERSION } from '../product-version.js';
import { fieldTableToJson } from '../http/json-table.js';
import type { ParameterStore } from './parameters.js';

export interface DefinitionsSource {
  server: AmqpServer;
  registry: AuthRegistry;
  policies: PolicyStore;
  parameters: ParameterStore;
  /** vhost descriptions and tags, as the management API keeps them. */
  vhostMetadata: Map<string, { description: string; tags: string[] }>;
}

type Json = Record<string, unknown>;

function vhostContents(src: DefinitionsSource, vhost: string, withVhost: boolean): { parameters: Json[]; policies: Json[]; queues: Json[]; exchanges: Json[]; bindings: Json[] } {
  const v = src.server.vhosts.get(vhost);
  const queues = v ? [...v.queues.values()].filter((q) => q.exclusiveOwner === null) : [];
  const exchanges = v ? [...v.exchanges.values()].filter((x) => x.name !== '' && !x.name.startsWith('amq.')) : [];
  const bindings = v ? v.routing.toModel().bindings : [];
  return {
    // RabbitMQ keeps the vhost field on parameters and policies even in a single-vhost export.
    parameters: src.parameters.list(vhost).map((p) => ({ value: p.value, vhost: p.vhost, component: p.component, name: p.name })),
    policies: src.policies.list(vhost).map((p) => ({
      vhost, name: p.name, pattern: p.pattern, 'apply-to': p.applyTo, definition: { ...p.definition }, priority: p.priority,
    })),
    queues: queues.map((q) => {
      const o: Json = { name: q.name };
      if (withVhost) o.vhost = vhost;
      return { ...o, durable: q.durable, auto_delete: q.autoDelete, arguments: fieldTableToJson(q.arguments) };
    }),
    exchanges: exchanges.map((x) => {
      const o: Json = { name: x.name };
      if (withVhost) o.vhost = vhost;
      return { ...o, type: x.type, durable: x.durable, auto_delete: x.autoDelete, internal: x.internal, arguments: fieldTableToJson(x.arguments) };
    }),
    bindings: bindings.map((b) => {
      const o: Json = { source: b.source };
      if (withVhost) o.vhost = vhost;
      return {
        ...o, destination: b.destination, destination_type: b.destinationType, routing_key: b.routingKey,
        arguments: fieldTableToJson((b.arguments ?? {}) as never),
      };
    }),
  };
}

/** The whole broker, as GET /api/definitions. */
export function exportDefinitions(src: DefinitionsSource): Json {
  const auth = src.registry.exportDefinitions();
  const parts = src.registry.vhosts().map((v) => vhostContents(src, v, true));
  return {
    rabbit_version: BROKER_VERSION,
    rabbitmq_version: BROKER_VERSION,
    product_name: 'Warren',
    product_version: WARREN_VERSION,
    users: auth.users.map((u) => ({ ...u, limits: {} })),
    vhosts: auth.vhosts,
    permissions: auth.permissions,
    topic_permissions: auth.topic_permissions,
    parameters: parts.flatMap((p) => p.parameters),
    global_parameters: src.parameters.globalList().map((g) => ({ name: g.name, value: g.value })),
    policies: parts.flatMap((p) => p.policies),
    queues: parts.flatMap((p) => p.queues),
    exchanges: parts.flatMap((p) => p.exchanges),
    bindings: parts.flatMap((p) => p.bindings),
  };
}

/** One vhost, as GET /api/definitions/{vhost}: no users or permissions, no vhost fields. */
export function exportVhostDefinitions(src: DefinitionsSource, vhost: string): Json {
  return { rabbit_version: BROKER_VERSION, ...vhostContents(src, vhost, false) };
}
