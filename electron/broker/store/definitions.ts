// Durable definitions in the data directory: vhosts, users, permissions and
// topic permissions (all durable, as in RabbitMQ), policies and parameters,
// durable exchanges, durable queues, and bindings whose source and destination
// are both durable. definitions.json is a snapshot (written atomically with
// writeFileAtomic); every durable change after it is one record appended to
// the definitions log and fdatasynced before the client's -ok is sent
// (definitions-log.ts), so a declared durable entity survives a restart and
// SIGKILL, and a change costs the same with ten definitions or ten thousand.
// When the log outgrows the snapshot, a new snapshot replaces both; so do a
// start and a clean stop. Arguments are kept as AMQP-encoded field tables
// (base64), so their types round-trip exactly.
import { closeSync, fdatasyncSync, fsyncSync, openSync, readdirSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { AuthRegistry } from '../auth/index.js';
import type { DurableChange } from '../durable-change.js';
import type { BrokerLogger } from '../logger.js';
import type { FieldTable } from '../protocol/field-table.js';
import type { Queue } from '../queue.js';
import type { AmqpServer } from '../server.js';
import type { Exchange } from '../vhost.js';
import type { RoutingBinding } from '../../../shared/routing/index.js';
import { StoreError, writeFileAtomic } from './data-dir.js';
import {
  parseLog, replay, tableIn, tableOut, type DefinitionsRecord, type StoredBinding, type StoredDefinitions, type StoredExchange, type StoredQueue,
} from './definitions-log.js';
import { restoreRuntimeDefinitions, RUNTIME_KEYS, runtimeDefinitions, type RuntimeStores } from './runtime-definitions.js';

export type { StoredDefinitions } from './definitions-log.js';

export const DEFINITIONS_FILE = 'definitions.json';
/** The log of changes made after the snapshot whose "log" field is `generation`. */
export const logFile = (generation: number) => `definitions.${generation}.log`;
const LOG_FILE = /^definitions\.\d+\.log$/;
/** A log shorter than this is never compacted, so small stores do not rewrite their snapshot on every few changes. */
const MIN_COMPACT_BYTES = 1 << 20;

/** The default and amq.* exchanges exist in every vhost; they are never stored. */
const predeclared = (name: string) => name === '' || name.startsWith('amq.');

const storedExchange = (vhost: string, x: Exchange): StoredExchange => ({
  vhost, name: x.name, type: x.type, auto_delete: x.autoDelete, internal: x.internal, arguments: tableOut(x.arguments),
});
const storedQueue = (q: Queue): StoredQueue => ({ vhost: q.vhost, name: q.name, auto_delete: q.autoDelete, arguments: tableOut(q.arguments) });
const storedBinding = (vhost: string, b: RoutingBinding): StoredBinding => ({
  vhost, source: b.source, destination: b.destination, destination_type: b.destinationType, routing_key: b.routingKey,
  arguments: tableOut((b.arguments ?? {}) as FieldTable),
});

function recordFor(change: DurableChange): DefinitionsRecord {
  switch (change.kind) {
    case 'exchange.declared': return { op: 'exchange', exchange: storedExchange(change.vhost, change.exchange) };
    case 'queue.declared': return { op: 'queue', queue: storedQueue(change.queue) };
    case 'exchange.deleted':
    case 'queue.deleted': return { op: change.kind, vhost: change.vhost, name: change.name };
    case 'bound':
    case 'unbound': return { op: change.kind, binding: storedBinding(change.vhost, change.binding) };
  }
}

/** What survives a restart, as it is now. */
export function durableDefinitions(server: AmqpServer, registry: AuthRegistry, runtime: RuntimeStores): StoredDefinitions {
  const out: StoredDefinitions = { ...registry.exportDefinitions(), ...runtimeDefinitions(runtime), exchanges: [], queues: [], bindings: [] };
  for (const vhost of registry.vhosts()) {
    const v = server.vhosts.get(vhost);
    if (!v) continue;
    for (const x of v.exchanges.values()) if (x.durable && !predeclared(x.name)) out.exchanges.push(storedExchange(vhost, x));
    for (const q of v.queues.values()) if (q.durable) out.queues.push(storedQueue(q));
    for (const b of v.routing.toModel().bindings) {
      if (!v.exchanges.get(b.source)?.durable) continue;
      const durableDestination = b.destinationType === 'queue' ? v.queues.get(b.destination)?.durable : v.exchanges.get(b.destination)?.durable;
      if (durableDestination) out.bindings.push(storedBinding(vhost, b));
    }
  }
  return out;
}

export interface StoredState {
  definitions: StoredDefinitions;
  /** The snapshot's log generation (0 for snapshots written before there was a log). */
  generation: number;
}

/**
 * Reads definitions.json and replays its log; undefined on a first start. A
 * file that cannot be read or parsed is a StoreError (never silently replaced).
 */
export function readDefinitions(dir: string): StoredState | undefined {
  let text: string;
  try {
    text = readFileSync(join(dir, DEFINITIONS_FILE), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new StoreError(dir, `cannot read ${DEFINITIONS_FILE} (${(err as Error).message})`);
  }
  let defs: StoredDefinitions & { log?: number };
  try {
    defs = JSON.parse(text) as StoredDefinitions & { log?: number };
    // Files written before policies and parameters were kept have none.
    for (const key of RUNTIME_KEYS) defs[key] ??= [];
    for (const key of ['users', 'vhosts', 'permissions', 'topic_permissions', ...RUNTIME_KEYS, 'exchanges', 'queues', 'bindings'] as const) {
      if (!Array.isArray(defs[key])) throw new Error(`"${key}" is not a list`);
    }
  } catch (err) {
    throw new StoreError(dir, `${DEFINITIONS_FILE} is damaged (${(err as Error).message})`);
  }
  const { log: generation = 0, ...snapshot } = defs;
  let logText = '';
  try {
    logText = readFileSync(join(dir, logFile(generation)), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw new StoreError(dir, `cannot read ${logFile(generation)} (${(err as Error).message})`);
  }
  try {
    return { definitions: replay(snapshot, parseLog(logText)), generation };
  } catch (err) {
    throw new StoreError(dir, `${logFile(generation)} is damaged (${(err as Error).message})`);
  }
}

/** Owner of restored queues: none is exclusive, so it only satisfies declareQueue's signature. */
const RESTORE_OWNER = {};

/** Recreates stored definitions: auth first, then policies and parameters, then exchanges, queues, bindings (through the vhosts' own declare and bind). */
export function restoreDefinitions(server: AmqpServer, registry: AuthRegistry, runtime: RuntimeStores, defs: StoredDefinitions): void {
  registry.importDefinitions(defs);
  restoreRuntimeDefinitions(runtime, defs);
  for (const x of defs.exchanges) {
    server.vhost(x.vhost)?.declareExchange({
      name: x.name, type: x.type, passive: false, durable: true, autoDelete: x.auto_delete, internal: x.internal, arguments: tableIn(x.arguments),
    });
  }
  for (const q of defs.queues) {
    server.vhost(q.vhost)?.declareQueue({ name: q.name, passive: false, durable: true, exclusive: false, autoDelete: q.auto_delete, arguments: tableIn(q.arguments), serverNamed: q.name.startsWith('amq.gen-') }, RESTORE_OWNER);
  }
  for (const b of defs.bindings) {
    const v = server.vhost(b.vhost);
    if (!v) continue;
    if (b.destination_type === 'queue') v.bindQueue(b.destination, b.source, b.routing_key, tableIn(b.arguments), RESTORE_OWNER);
    else v.bindExchange(b.destination, b.source, b.routing_key, tableIn(b.arguments));
  }
}

/**
 * Keeps the data dir equal to the broker's durable definitions: the vhosts call
 * changed(), the registry authChanged(), the policy and parameter stores
 * runtimeChanged(), each after the change and before its reply is sent.
 */
export class DefinitionsStore {
  private generation = 0;
  private fd = -1;
  private logBytes = 0;
  private snapshotBytes = 0;
  private suspended = false;

  constructor(
    private readonly dir: string, private readonly server: AmqpServer, private readonly registry: AuthRegistry,
    private readonly runtime: RuntimeStores, private readonly logger: BrokerLogger,
  ) {}

  /** Restores what readDefinitions found (nothing on a first start), then writes a fresh snapshot and log. */
  load(stored: StoredState | undefined): void {
    if (stored) {
      this.suspended = true;
      try {
        restoreDefinitions(this.server, this.registry, this.runtime, stored.definitions);
      } catch (err) {
        throw new StoreError(this.dir, `${DEFINITIONS_FILE} cannot be restored (${(err as Error).message})`);
      } finally {
        this.suspended = false;
      }
      const d = stored.definitions;
      this.logger.log('info', 'store.definitions_restored', {
        dataDir: this.dir, vhosts: d.vhosts.length, users: d.users.length, policies: d.policies.length, exchanges: d.exchanges.length, queues: d.queues.length, bindings: d.bindings.length,
      });
      this.generation = stored.generation;
    }
    // A new log also leaves any torn record of the old one behind.
    this.compact();
  }

  changed(change: DurableChange): void {
    if (!this.suspended) this.append(recordFor(change));
  }

  authChanged(): void {
    if (!this.suspended) this.append({ op: 'auth', auth: this.registry.exportDefinitions() });
  }

  runtimeChanged(): void {
    if (!this.suspended) this.append({ op: 'runtime', runtime: runtimeDefinitions(this.runtime) });
  }

  /** Leaves a snapshot holding everything and an empty log. */
  close(): void {
    if (this.fd < 0) return;
    this.compact();
    closeSync(this.fd);
    this.fd = -1;
  }

  private append(record: DefinitionsRecord): void {
    if (this.fd < 0) return;
    const line = Buffer.from(`${JSON.stringify(record)}\n`, 'utf8');
    try {
      let off = 0;
      while (off < line.length) off += writeSync(this.fd, line, off, line.length - off);
      fdatasyncSync(this.fd);
      this.logBytes += line.length;
    } catch (err) {
      this.logger.log('error', 'store.write_failed', { dataDir: this.dir, file: logFile(this.generation), error: err });
      return;
    }
    // Compacting when the log outgrows the snapshot keeps replay proportional to the state and the cost per change constant on average.
    if (this.logBytes > Math.max(MIN_COMPACT_BYTES, this.snapshotBytes)) this.compact();
  }

  /** A new snapshot (naming the next log generation), then that log, created empty; older logs are deleted. */
  private compact(): void {
    const next = this.generation + 1;
    const text = JSON.stringify({ ...durableDefinitions(this.server, this.registry, this.runtime), log: next });
    let fd: number;
    try {
      writeFileAtomic(this.dir, DEFINITIONS_FILE, text);
      fd = openSync(join(this.dir, logFile(next)), 'w', 0o600);
      // The new log's directory entry must be on disk before records in it are acknowledged.
      const dirFd = openSync(this.dir, 'r');
      try {
        fsyncSync(dirFd);
      } finally {
        closeSync(dirFd);
      }
    } catch (err) {
      this.logger.log('error', 'store.write_failed', { dataDir: this.dir, file: DEFINITIONS_FILE, error: err });
      return;
    }
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = fd;
    this.generation = next;
    this.logBytes = 0;
    this.snapshotBytes = text.length;
    for (const name of readdirSync(this.dir)) {
      if (LOG_FILE.test(name) && name !== logFile(next)) rmSync(join(this.dir, name), { force: true });
    }
  }
}
