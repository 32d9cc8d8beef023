import {
  DEFAULT_HASHING_ALGORITHM,
  type HashingAlgorithm,
  hashPassword,
  isHashingAlgorithm,
  LEGACY_HASHING_ALGORITHM,
} from './password-hashing.js';

/**
 * Users, vhosts, permissions and topic permissions of the embedded broker,
 * in RabbitMQ's model (rabbit_auth_backend_internal): a user needs a
 * permission entry on a vhost to open it; each entry holds three regular
 * expressions (configure, write, read) matched unanchored against resource
 * names; topic permissions add write/read expressions per exchange.
 */
export interface User {
  readonly name: string;
  readonly passwordHash: string;
  readonly hashingAlgorithm: HashingAlgorithm;
  /** administrator, monitoring, policymaker, management, impersonator, or any custom tag. */
  readonly tags: readonly string[];
}

export interface VhostPermissions {
  readonly configure: string;
  readonly write: string;
  readonly read: string;
}

export interface TopicPermission {
  readonly exchange: string;
  readonly write: string;
  readonly read: string;
}

/** The parts of a RabbitMQ definitions file (GET /api/definitions) that this registry owns. */
export interface AuthDefinitions {
  users?: { name: string; password_hash: string; hashing_algorithm?: string; tags: string | string[] }[];
  vhosts?: { name: string }[];
  permissions?: ({ user: string; vhost: string } & VhostPermissions)[];
  topic_permissions?: ({ user: string; vhost: string } & TopicPermission)[];
}

interface CompiledPermissions {
  readonly source: VhostPermissions;
  readonly configure: RegExp;
  readonly write: RegExp;
  readonly read: RegExp;
}

/**
 * RabbitMQ turns an empty expression into "^$" (it must match nothing but
 * the empty name). Matching is unanchored, like re:run. RabbitMQ runs PCRE
 * over the name's bytes; JavaScript regular expressions agree on the
 * patterns permissions use (anchors, alternation, classes, escapes) and
 * differ only in exotic PCRE syntax and in what '.' means for non-ASCII.
 */
export function compilePermissionRegex(expression: string): RegExp {
  return new RegExp(expression === '' ? '^$' : expression);
}

const key = (user: string, vhost: string) => `${user}\u0000${vhost}`;

export class AuthRegistry {
  private readonly vhostSet = new Set<string>();
  private readonly userMap = new Map<string, User>();
  private readonly perms = new Map<string, CompiledPermissions & { user: string; vhost: string }>();
  private readonly topicPerms = new Map<string, { user: string; vhost: string; byExchange: Map<string, TopicPermission> }>();
  /** Called after any vhost, user or permission changed (the broker's store persists them); null by default. */
  onChange: (() => void) | null = null;

  /** A fresh broker's state, as RabbitMQ's defaults: vhost "/", user guest/guest, administrator, ".*" everywhere. */
  static withDefaults(): AuthRegistry {
    const r = new AuthRegistry();
    r.addVhost('/');
    r.addUser('guest', 'guest', ['administrator']);
    r.setPermissions('guest', '/', { configure: '.*', write: '.*', read: '.*' });
    return r;
  }

  // vhosts

  addVhost(name: string): boolean {
    if (this.vhostSet.has(name)) return false;
    this.vhostSet.add(name);
    this.onChange?.();
    return true;
  }

  /** Also drops every permission on the vhost. */
  deleteVhost(name: string): boolean {
    if (!this.vhostSet.delete(name)) return false;
    for (const [k, p] of this.perms) if (p.vhost === name) this.perms.delete(k);
    for (const [k, p] of this.topicPerms) if (p.vhost === name) this.topicPerms.delete(k);
    this.onChange?.();
    return true;
  }

  hasVhost(name: string): boolean {
    return this.vhostSet.has(name);
  }

  vhosts(): string[] {
    return [...this.vhostSet];
  }

  // users

  /** Adds or replaces a user with a precomputed hash (e.g. imported from RabbitMQ). */
  putUser(user: User): void {
    this.userMap.set(user.name, { ...user, tags: [...user.tags] });
    this.onChange?.();
  }

  addUser(name: string, password: string, tags: readonly string[] = [], algorithm = DEFAULT_HASHING_ALGORITHM): User {
    const user: User = { name, passwordHash: hashPassword(password, algorithm), hashingAlgorithm: algorithm, tags };
    this.putUser(user);
    return user;
  }

  /** Also drops the user's permissions. */
  deleteUser(name: string): boolean {
    if (!this.userMap.delete(name)) return false;
    for (const [k, p] of this.perms) if (p.user === name) this.perms.delete(k);
    for (const [k, p] of this.topicPerms) if (p.user === name) this.topicPerms.delete(k);
    this.onChange?.();
    return true;
  }

  getUser(name: string): User | undefined {
    return this.userMap.get(name);
  }

  users(): User[] {
    return [...this.userMap.values()];
  }

  // permissions

  /** Throws when the user or vhost does not exist or an expression is not a valid regular expression. */
  setPermissions(user: string, vhost: string, permissions: VhostPermissions): void {
    this.requireUserAndVhost(user, vhost);
    this.perms.set(key(user, vhost), {
      user,
      vhost,
      source: { configure: permissions.configure, write: permissions.write, read: permissions.read },
      configure: compilePermissionRegex(permissions.configure),
      write: compilePermissionRegex(permissions.write),
      read: compilePermissionRegex(permissions.read),
    });
    this.onChange?.();
  }

  clearPermissions(user: string, vhost: string): boolean {
    const removed = this.perms.delete(key(user, vhost));
    if (removed) this.onChange?.();
    return removed;
  }

  getPermissions(user: string, vhost: string): VhostPermissions | undefined {
    return this.perms.get(key(user, vhost))?.source;
  }

  /** The compiled expressions, for the access checks. */
  permissionRegex(user: string, vhost: string): { configure: RegExp; write: RegExp; read: RegExp } | undefined {
    return this.perms.get(key(user, vhost));
  }

  permissions(): ({ user: string; vhost: string } & VhostPermissions)[] {
    return [...this.perms.values()].map((p) => ({ user: p.user, vhost: p.vhost, ...p.source }));
  }

  // topic permissions

  /** Validates the expressions with the variables left in place; they are expanded per check. */
  setTopicPermission(user: string, vhost: string, permission: TopicPermission): void {
    this.requireUserAndVhost(user, vhost);
    compilePermissionRegex(permission.write);
    compilePermissionRegex(permission.read);
    let entry = this.topicPerms.get(key(user, vhost));
    if (entry === undefined) {
      entry = { user, vhost, byExchange: new Map() };
      this.topicPerms.set(key(user, vhost), entry);
    }
    entry.byExchange.set(permission.exchange, { exchange: permission.exchange, write: permission.write, read: permission.read });
    this.onChange?.();
  }

  /** Without `exchange`, clears all of the user's topic permissions on the vhost. */
  clearTopicPermissions(user: string, vhost: string, exchange?: string): boolean {
    const entry = this.topicPerms.get(key(user, vhost));
    if (entry === undefined) return false;
    if (exchange === undefined) {
      this.topicPerms.delete(key(user, vhost));
      this.onChange?.();
      return true;
    }
    const removed = entry.byExchange.delete(exchange);
    if (entry.byExchange.size === 0) this.topicPerms.delete(key(user, vhost));
    if (removed) this.onChange?.();
    return removed;
  }

  getTopicPermission(user: string, vhost: string, exchange: string): TopicPermission | undefined {
    return this.topicPerms.get(key(user, vhost))?.byExchange.get(exchange);
  }

  topicPermissions(): ({ user: string; vhost: string } & TopicPermission)[] {
    return [...this.topicPerms.values()].flatMap((e) => [...e.byExchange.values()].map((t) => ({ user: e.user, vhost: e.vhost, ...t })));
  }

  // definitions

  /**
   * Merges RabbitMQ definitions: vhosts first, then users, then permissions
   * (which need both). Tags may be a list or RabbitMQ's older comma string;
   * a user without hashing_algorithm is read as MD5, as RabbitMQ does.
   */
  importDefinitions(defs: AuthDefinitions): void {
    for (const v of defs.vhosts ?? []) this.addVhost(v.name);
    for (const u of defs.users ?? []) {
      const algorithm = u.hashing_algorithm ?? LEGACY_HASHING_ALGORITHM;
      if (!isHashingAlgorithm(algorithm)) throw new Error(`user '${u.name}': unsupported hashing algorithm ${algorithm}`);
      const tags = Array.isArray(u.tags) ? u.tags : u.tags.split(',').map((t) => t.trim()).filter((t) => t !== '');
      this.putUser({ name: u.name, passwordHash: u.password_hash, hashingAlgorithm: algorithm, tags });
    }
    for (const p of defs.permissions ?? []) this.setPermissions(p.user, p.vhost, p);
    for (const t of defs.topic_permissions ?? []) this.setTopicPermission(t.user, t.vhost, t);
  }

  exportDefinitions(): Required<AuthDefinitions> {
    return {
      users: this.users().map((u) => ({
        name: u.name,
        password_hash: u.passwordHash,
        hashing_algorithm: u.hashingAlgorithm,
        tags: [...u.tags],
      })),
      vhosts: this.vhosts().map((name) => ({ name })),
      permissions: this.permissions(),
      topic_permissions: this.topicPermissions(),
    };
  }

  private requireUserAndVhost(user: string, vhost: string): void {
    if (!this.userMap.has(user)) throw new Error(`no user '${user}'`);
    if (!this.vhostSet.has(vhost)) throw new Error(`no vhost '${vhost}'`);
  }
}
