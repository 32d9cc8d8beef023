// The broker's view of users, vhosts and permissions, kept narrow so the
// protocol code does not depend on how they are stored. electron/broker/auth
// implements it (registryAccessControl) with RabbitMQ's password hashes,
// loopback-only users and permission regexes.

export interface AuthenticatedUser {
  readonly username: string;
  readonly tags: readonly string[];
}

export type Permission = 'configure' | 'write' | 'read';

export interface AccessControl {
  /** The user, or undefined when the credentials are refused (or loopback-only and remote). */
  authenticate(username: string, password: string, remoteAddress: string): AuthenticatedUser | undefined;
  vhostExists(vhost: string): boolean;
  canAccessVhost(user: AuthenticatedUser, vhost: string): boolean;
  /** Resource permission check (configure/write/read regex) as rabbit_access_control:check_resource_access. */
  checkResource(user: AuthenticatedUser, vhost: string, resource: { kind: 'queue' | 'exchange'; name: string }, permission: Permission): boolean;
  /** Topic permission check for publishes to topic exchanges. */
  checkTopic(user: AuthenticatedUser, vhost: string, exchange: string, routingKey: string, permission: 'write' | 'read'): boolean;
}
