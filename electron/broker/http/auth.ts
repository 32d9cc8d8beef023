// Basic auth against the broker's users and RabbitMQ's tag rules
// (rabbit_mgmt_util:is_authorized*): any of management, policymaker,
// monitoring, administrator may use the API; monitoring sees every vhost and
// connection; management and policymaker users see only the vhosts they hold
// permissions on and their own connections; administrator may do anything.
import { DEFAULT_LOOPBACK_USERS, isLoopbackAddress, verifyPassword, type AuthRegistry, type User } from '../auth/index.js';
import { loginFailed, noCredentials, notAuthorised } from './errors.js';

export type Requirement = 'management' | 'monitoring' | 'administrator';

const has = (u: User, ...tags: string[]) => tags.some((t) => u.tags.includes(t));

export const isAdmin = (u: User) => has(u, 'administrator');
export const isMonitor = (u: User) => has(u, 'administrator', 'monitoring');
export const isPolicymaker = (u: User) => has(u, 'administrator', 'policymaker');
export const isManagementUser = (u: User) => has(u, 'administrator', 'monitoring', 'policymaker', 'management');

export function authenticate(registry: AuthRegistry, header: string | undefined, remoteAddress: string | undefined): User {
  if (header === undefined) throw noCredentials();
  const m = /^Basic\s+(\S+)$/i.exec(header);
  if (!m) throw loginFailed();
  const decoded = Buffer.from(m[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) throw loginFailed();
  const name = decoded.slice(0, colon);
  const password = decoded.slice(colon + 1);
  const user = registry.getUser(name);
  if (!user || !verifyPassword(password, user.passwordHash, user.hashingAlgorithm)) throw loginFailed();
  if (DEFAULT_LOOPBACK_USERS.includes(user.name) && !isLoopbackAddress(remoteAddress)) {
    throw loginFailed('User can only log in via localhost');
  }
  return user;
}

/** 401 unless the user's tags meet the route's requirement. */
export function requireTags(user: User, requirement: Requirement): void {
  if (!isManagementUser(user)) throw notAuthorised('Not management user');
  if (requirement === 'administrator' && !isAdmin(user)) throw notAuthorised('Not administrator user');
  if (requirement === 'monitoring' && !isMonitor(user)) throw notAuthorised('Not monitor user');
}

/** Whether the user may see a vhost's contents: monitors see all, others need permissions on it. */
export function canSeeVhost(registry: AuthRegistry, user: User, vhost: string): boolean {
  return isMonitor(user) || registry.getPermissions(user.name, vhost) !== undefined;
}

export function requireVhostAccess(registry: AuthRegistry, user: User, vhost: string): void {
  if (!canSeeVhost(registry, user, vhost)) throw notAuthorised('User not authorised to access virtual host');
}
