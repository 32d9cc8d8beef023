import type { Change } from '../../../shared/topology/change.js';
import type { JsonRequest } from '../management/http-request.js';

/**
 * Where each change goes in the management HTTP API. Every name is one
 * percent-encoded path segment: names hold spaces, dots, slashes and any
 * unicode, and the default vhost `/` is `%2F`.
 */
export const seg = encodeURIComponent;

/** The default exchange has the empty name, which the API spells amq.default in a path. */
export const exchangeSeg = (name: string): string => seg(name === '' ? 'amq.default' : name);

export const exchangePath = (vhost: string, name: string): string => `api/exchanges/${seg(vhost)}/${exchangeSeg(name)}`;
export const queuePath = (vhost: string, name: string): string => `api/queues/${seg(vhost)}/${seg(name)}`;

export type BindingEnds = { vhost: string; source: string; destination: string; destinationType: 'queue' | 'exchange' };

/** The bindings between one source and one destination. */
export const bindingsPath = (b: BindingEnds): string =>
  `api/bindings/${seg(b.vhost)}/e/${exchangeSeg(b.source)}/${b.destinationType === 'queue' ? 'q' : 'e'}/${seg(b.destination)}`;

export const vhostPath = (name: string): string => `api/vhosts/${seg(name)}`;
export const userPath = (name: string): string => `api/users/${seg(name)}`;
export const permissionPath = (vhost: string, user: string): string => `api/permissions/${seg(vhost)}/${seg(user)}`;
export const policyPath = (vhost: string, name: string): string => `api/policies/${seg(vhost)}/${seg(name)}`;
export const topicPermissionPath = (vhost: string, user: string): string => `api/topic-permissions/${seg(vhost)}/${seg(user)}`;
export const parameterPath = (component: string, vhost: string, name: string): string => `api/parameters/${seg(component)}/${seg(vhost)}/${seg(name)}`;
export const globalParameterPath = (name: string): string => `api/global-parameters/${seg(name)}`;

/**
 * The one request of every change but unbind, which must first look up the
 * binding's properties key, and a per-exchange topic permission delete, which
 * puts back the user's others (see apply-changes).
 */
export function requestFor(change: Exclude<Change, { kind: 'unbind' }>): JsonRequest {
  switch (change.kind) {
    case 'declareExchange':
      return {
        method: 'PUT',
        path: exchangePath(change.vhost, change.name),
        body: { type: change.type, durable: change.durable, auto_delete: change.autoDelete, internal: change.internal, arguments: change.arguments },
      };
    case 'deleteExchange':
      return { method: 'DELETE', path: exchangePath(change.vhost, change.name) };
    case 'declareQueue':
      return { method: 'PUT', path: queuePath(change.vhost, change.name), body: { durable: change.durable, auto_delete: change.autoDelete, arguments: change.arguments } };
    case 'deleteQueue':
      return { method: 'DELETE', path: queuePath(change.vhost, change.name) };
    case 'bind':
      return { method: 'POST', path: bindingsPath(change), body: { routing_key: change.routingKey, arguments: change.arguments } };
    case 'putVhost':
      // Tags as one comma-separated string: every RabbitMQ version since 3.8 reads that form.
      return {
        method: 'PUT',
        path: vhostPath(change.name),
        body: { ...(change.description === undefined ? {} : { description: change.description }), ...(change.tags ? { tags: change.tags.join(',') } : {}) },
      };
    case 'deleteVhost':
      return { method: 'DELETE', path: vhostPath(change.name) };
    case 'putUser':
      return {
        method: 'PUT',
        path: userPath(change.name),
        body: {
          password_hash: change.passwordHash,
          ...(change.hashingAlgorithm ? { hashing_algorithm: change.hashingAlgorithm } : {}),
          tags: change.tags.join(','),
        },
      };
    case 'deleteUser':
      return { method: 'DELETE', path: userPath(change.name) };
    case 'putPermission':
      return { method: 'PUT', path: permissionPath(change.vhost, change.user), body: { configure: change.configure, write: change.write, read: change.read } };
    case 'deletePermission':
      return { method: 'DELETE', path: permissionPath(change.vhost, change.user) };
    case 'putPolicy':
      return {
        method: 'PUT',
        path: policyPath(change.vhost, change.name),
        body: { pattern: change.pattern, definition: change.definition, priority: change.priority, 'apply-to': change.applyTo },
      };
    case 'deletePolicy':
      return { method: 'DELETE', path: policyPath(change.vhost, change.name) };
    case 'putTopicPermission':
      return { method: 'PUT', path: topicPermissionPath(change.vhost, change.user), body: { exchange: change.exchange, write: change.write, read: change.read } };
    case 'deleteTopicPermission':
      // Every topic permission of the user in the vhost: the API has no per-exchange delete (apply-changes puts the others back).
      return { method: 'DELETE', path: topicPermissionPath(change.vhost, change.user) };
    case 'putParameter':
      return {
        method: 'PUT',
        path: parameterPath(change.component, change.vhost, change.name),
        body: { component: change.component, vhost: change.vhost, name: change.name, value: change.value },
      };
    case 'deleteParameter':
      return { method: 'DELETE', path: parameterPath(change.component, change.vhost, change.name) };
    case 'putGlobalParameter':
      return { method: 'PUT', path: globalParameterPath(change.name), body: { name: change.name, value: change.value } };
    case 'deleteGlobalParameter':
      return { method: 'DELETE', path: globalParameterPath(change.name) };
  }
}
