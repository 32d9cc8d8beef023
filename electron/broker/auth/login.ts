import { type AuthError, loginRefused, unknownMechanism, vhostAccessRefused, vhostNotFound } from './errors.js';
import { DEFAULT_LOOPBACK_USERS, isLoopbackAddress } from './loopback.js';
import { verifyPassword } from './password-hashing.js';
import type { AuthRegistry, User } from './registry.js';
import { type Credentials, isAuthMechanism } from './sasl.js';

export type LoginResult = { readonly user: User } | { readonly error: AuthError };

export interface LoginAttempt {
  /** The mechanism named in connection.start-ok. */
  readonly mechanism: string;
  /** From parsePlainResponse / parseAmqplainResponse; null when the response could not be parsed. */
  readonly credentials: Credentials | null;
  /** The peer's address (socket.remoteAddress). */
  readonly remoteAddress: string | undefined;
  readonly loopbackUsers?: readonly string[];
}

/**
 * connection.start-ok → user, as rabbit_reader and
 * rabbit_auth_backend_internal decide it. Every refusal (unparseable
 * response, unknown user, wrong password, passwordless user, a loopback-only
 * user connecting from elsewhere) gives the client the same text; the
 * reason is for the broker's log only.
 */
export function login(registry: AuthRegistry, attempt: LoginAttempt): LoginResult & { readonly reason?: string } {
  if (!isAuthMechanism(attempt.mechanism)) return { error: unknownMechanism(attempt.mechanism), reason: 'unknown mechanism' };
  const refused = (reason: string) => ({ error: loginRefused(attempt.mechanism), reason });
  const creds = attempt.credentials;
  if (creds === null) return refused(`${attempt.mechanism} response invalid`);
  const user = registry.getUser(creds.username);
  if (user === undefined) return refused(`user '${creds.username}' - invalid credentials`);
  if (!verifyPassword(creds.password, user.passwordHash, user.hashingAlgorithm)) {
    return refused(`user '${creds.username}' - invalid credentials`);
  }
  const loopbackOnly = (attempt.loopbackUsers ?? DEFAULT_LOOPBACK_USERS).includes(user.name);
  if (loopbackOnly && !isLoopbackAddress(attempt.remoteAddress)) {
    return refused(`user '${user.name}' can only connect via localhost`);
  }
  return { user };
}

/** connection.open: 530 when the vhost does not exist or the user has no permissions on it. */
export function checkVhostAccess(registry: AuthRegistry, user: string, vhost: string): AuthError | null {
  if (!registry.hasVhost(vhost)) return vhostNotFound(vhost);
  if (registry.getPermissions(user, vhost) === undefined) return vhostAccessRefused(vhost, user);
  return null;
}
