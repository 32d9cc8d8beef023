// The broker's view of users, vhosts and permissions. electron/broker/auth
// (RabbitMQ password hashes, permission regexes) provides the full
// implementation; until it is wired in, `guestOnlyAccess` allows exactly
// RabbitMQ's out-of-the-box setup: guest/guest from loopback on vhost "/".

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

export function isLoopback(address: string): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1' || address.startsWith('127.');
}

export const guestOnlyAccess: AccessControl = {
  authenticate(username, password, remoteAddress) {
    if (username !== 'guest' || password !== 'guest' || !isLoopback(remoteAddress)) return undefined;
    return { username: 'guest', tags: ['administrator'] };
  },
  vhostExists: (vhost) => vhost === '/',
  canAccessVhost: (user, vhost) => user.username === 'guest' && vhost === '/',
  checkResource: () => true,
  checkTopic: () => true,
};
