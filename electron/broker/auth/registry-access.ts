import { checkResourceAccess, checkTopicAccess } from './authorize.js';
import type { Permission, ResourceKind } from './errors.js';
import { login } from './login.js';
import { DEFAULT_LOOPBACK_USERS } from './loopback.js';
import type { AuthRegistry } from './registry.js';

/**
 * The registry behind the broker's boolean access-control interface
 * (electron/broker/access-control.ts, matched structurally so this folder
 * keeps importing only shared/ and itself): authenticate with RabbitMQ's
 * password hashes and loopback_users, vhost existence and access, and the
 * same resource and topic checks authorize() makes.
 */
export function registryAccessControl(registry: AuthRegistry, loopbackUsers: readonly string[] = DEFAULT_LOOPBACK_USERS) {
  const ctx = (username: string, vhost: string) => {
    const user = registry.getUser(username);
    return user === undefined ? undefined : { user, vhost };
  };
  return {
    authenticate(username: string, password: string, remoteAddress: string) {
      const r = login(registry, { mechanism: 'PLAIN', credentials: { username, password }, remoteAddress, loopbackUsers });
      return 'user' in r ? { username: r.user.name, tags: r.user.tags } : undefined;
    },
    vhostExists: (vhost: string) => registry.hasVhost(vhost),
    canAccessVhost: (user: { username: string }, vhost: string) => registry.getPermissions(user.username, vhost) !== undefined,
    checkResource(user: { username: string }, vhost: string, resource: { kind: ResourceKind; name: string }, permission: Permission) {
      const c = ctx(user.username, vhost);
      return c !== undefined && checkResourceAccess(registry, c, resource.kind, resource.name, permission) === null;
    },
    checkTopic(user: { username: string }, vhost: string, exchange: string, routingKey: string, permission: 'write' | 'read') {
      const c = ctx(user.username, vhost);
      return c !== undefined && checkTopicAccess(registry, c, exchange, routingKey, permission) === null;
    },
  };
}
