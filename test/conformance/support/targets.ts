import os from 'node:os';
import { afterAll, afterEach, beforeAll, describe } from 'vitest';
import { RABBITMQ_MANAGEMENT_URL, RABBITMQ_URL, rabbitAvailable } from '../../support/requirements.js';
import { AuthRegistry, isHashingAlgorithm, registryAccessControl } from '../../../electron/broker/auth/index.js';
import { silentLogger } from '../../../electron/broker/logger.js';
import { startBroker } from '../../../electron/broker/main.js';
import { type Admin, httpAdmin } from './admin.js';
import { Session } from './session.js';

/**
 * A broker the conformance scenarios run against. Every scenario runs once
 * per target with identical expectations: RabbitMQ is the oracle, the
 * embedded broker must be indistinguishable from it.
 */
export interface Target {
  readonly name: 'rabbitmq' | 'embedded';
  readonly host: string;
  readonly port: number;
  /** An amqp:// URL; defaults: guest/guest, vhost "/". */
  url(opts?: { user?: string; password?: string; vhost?: string; host?: string }): string;
  /** Users, vhosts and permissions: the management API on RabbitMQ, the auth registry on the embedded broker. */
  readonly admin: Admin;
  /** The management HTTP API's base URL (http://host:port), guest/guest. */
  readonly managementUrl: string;
  /**
   * The same broker reachable on a non-loopback address of this machine
   * (for loopback_users); null when the machine has none.
   */
  external(): Promise<{ host: string; port: number; close(): Promise<void> } | null>;
}

/** A non-internal IPv4 address of this machine, if any. */
export function externalIPv4(): string | null {
  for (const list of Object.values(os.networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return null;
}

interface RunningTarget {
  readonly target: Target;
  close(): Promise<void>;
}

function makeTarget(name: Target['name'], amqpUrl: string, managementUrl: string, admin: Admin, external: Target['external']): Target {
  const base = new URL(amqpUrl);
  const host = base.hostname;
  const port = Number(base.port || 5672);
  return {
    name,
    host,
    port,
    admin,
    managementUrl,
    external,
    url: (opts = {}) => {
      const u = encodeURIComponent(opts.user ?? 'guest');
      const p = encodeURIComponent(opts.password ?? 'guest');
      return `amqp://${u}:${p}@${opts.host ?? host}:${port}/${encodeURIComponent(opts.vhost ?? '/')}`;
    },
  };
}

/**
 * Until the embedded broker serves the management API, scenarios manage its
 * users and vhosts through the auth registry it is started with.
 */
function registryAdmin(registry: AuthRegistry): Admin {
  return {
    createVhost: async (name) => void registry.addVhost(name),
    deleteVhost: async (name) => void registry.deleteVhost(name),
    createUser: async (name, password, tags = []) => void registry.addUser(name, password, tags),
    createUserWithHash: async (name, passwordHash, hashingAlgorithm, tags = []) => {
      if (!isHashingAlgorithm(hashingAlgorithm)) throw new Error(`unknown hashing algorithm ${hashingAlgorithm}`);
      registry.putUser({ name, passwordHash, hashingAlgorithm, tags });
    },
    deleteUser: async (name) => void registry.deleteUser(name),
    setPermissions: async (user, vhost, p) => registry.setPermissions(user, vhost, p),
    setTopicPermission: async (user, vhost, p) => registry.setTopicPermission(user, vhost, p),
  };
}

async function startEmbedded(): Promise<RunningTarget> {
  const registry = AuthRegistry.withDefaults();
  const access = registryAccessControl(registry);
  const handle = await startBroker({ amqpPort: 0, httpPort: 0, bind: '127.0.0.1', log: silentLogger, access, registry });
  const external: Target['external'] = async () => {
    const ip = externalIPv4();
    if (ip === null) return null;
    const other = await startBroker({ amqpPort: 0, bind: ip, log: silentLogger, access });
    return { host: ip, port: other.port, close: () => other.close() };
  };
  return {
    target: makeTarget('embedded', handle.amqpUrl, handle.httpUrl!, registryAdmin(registry), external),
    close: () => handle.close(),
  };
}

async function startRabbit(): Promise<RunningTarget> {
  const port = Number(new URL(RABBITMQ_URL).port || 5672);
  const external: Target['external'] = async () => {
    const ip = externalIPv4();
    return ip === null ? null : { host: ip, port, close: async () => undefined };
  };
  return { target: makeTarget('rabbitmq', RABBITMQ_URL, RABBITMQ_MANAGEMENT_URL, httpAdmin(RABBITMQ_MANAGEMENT_URL), external), close: async () => undefined };
}

/** CONFORMANCE_TARGETS=rabbitmq,embedded narrows the run; by default both, RabbitMQ only where it is available. */
const wanted = new Set((process.env.CONFORMANCE_TARGETS ?? 'rabbitmq,embedded').split(',').map((s) => s.trim()));
const targets: { name: Target['name']; start: () => Promise<RunningTarget> }[] = [];
if (wanted.has('rabbitmq') && (await rabbitAvailable())) targets.push({ name: 'rabbitmq', start: startRabbit });
if (wanted.has('embedded')) targets.push({ name: 'embedded', start: startEmbedded });

export interface TargetContext {
  /** The target of the enclosing describe; valid inside tests and hooks. */
  readonly target: Target;
  /** A session whose connections, queues, exchanges, users and vhosts are removed after the test. */
  session(): Session;
}

/** Declares `body`'s tests once per available target, each in its own describe named after the target. */
export function forEachTarget(body: (ctx: TargetContext) => void): void {
  for (const spec of targets) {
    describe(spec.name, () => {
      let running: RunningTarget | undefined;
      const sessions: Session[] = [];
      beforeAll(async () => {
        running = await spec.start();
      });
      afterEach(async () => {
        const open = sessions.splice(0);
        await Promise.all(open.map((s) => s.cleanup()));
      });
      afterAll(async () => {
        await running?.close();
      });
      const ctx: TargetContext = {
        get target() {
          if (running === undefined) throw new Error(`target ${spec.name} did not start`);
          return running.target;
        },
        session() {
          const s = new Session(ctx.target);
          sessions.push(s);
          return s;
        },
      };
      body(ctx);
    });
  }
}
