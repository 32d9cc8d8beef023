// Durable definitions in the data directory: vhosts, users, permissions and
// topic permissions (all durable, as in RabbitMQ), policies and parameters,
// durable exchanges, durable queues, and bindings whose source and destination
// are both durable.
// definitions.json is one snapshot, rewritten atomically (writeFileAtomic)
// whenever a durable definition changes, before the client's -ok is sent; so
// a declared durable entity survives a restart and SIGKILL. Arguments are kept
// as AMQP-encoded field tables (base64), so their types round-trip exactly.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AuthDefinitions, AuthRegistry } from '../auth/index.js';
import type { BrokerLogger } from '../logger.js';
import { decodeFieldTable, encodeFieldTable, type FieldTable } from '../protocol/field-table.js';
import type { AmqpServer } from '../server.js';
import { StoreError, writeFileAtomic } from './data-dir.js';
import { restoreRuntimeDefinitions, RUNTIME_KEYS, runtimeDefinitions, type RuntimeDefinitions, type RuntimeStores } from './runtime-definitions.js';

export const DEFINITIONS_FILE = 'definitions.json';

interface StoredExchange { vhost: string; name: string; type: string; auto_delete: boolean; internal: boolean; arguments: string }
interface StoredQueue { vhost: string; name: string; auto_delete: boolean; arguments: string }
interface StoredBinding { vhost: string; source: string; destination: string; destination_type: 'queue' | 'exchange'; routing_key: string; arguments: string }

export interface StoredDefinitions extends Required<AuthDefinitions>, RuntimeDefinitions {
  exchanges: StoredExchange[];
  queues: StoredQueue[];
  bindings: StoredBinding[];
}

const tableOut = (t: FieldTable): string => encodeFieldTable(t).toString('base64');
const tableIn = (s: string): FieldTable => decodeFieldTable(Buffer.from(s, 'base64'), 0)[0];

/** The default and amq.* exchanges exist in every vhost; they are never stored. */
const predeclared = (name: string) => name === '' || name.startsWith('amq.');

/** What survives a restart, as it is now. */
export function durableDefinitions(server: AmqpServer, registry: AuthRegistry, runtime: RuntimeStores): StoredDefinitions {
  const out: StoredDefinitions = { ...registry.exportDefinitions(), ...runtimeDefinitions(runtime), exchanges: [], queues: [], bindings: [] };
  for (const vhost of registry.vhosts()) {
    const v = server.vhosts.get(vhost);
    if (!v) continue;
    for (const x of v.exchanges.values()) {
      if (!x.durable || predeclared(x.name)) continue;
      out.exchanges.push({ vhost, name: x.name, type: x.type, auto_delete: x.autoDelete, internal: x.internal, arguments: tableOut(x.arguments) });
    }
    for (const q of v.queues.values()) {
      if (!q.durable) continue;
      out.queues.push({ vhost, name: q.name, auto_delete: q.autoDelete, arguments: tableOut(q.arguments) });
    }
    for (const b of v.routing.toModel().bindings) {
      if (!v.exchanges.get(b.source)?.durable) continue;
      const durableDestination = b.destinationType === 'queue' ? v.queues.get(b.destination)?.durable : v.exchanges.get(b.destination)?.durable;
      if (!durableDestination) continue;
      out.bindings.push({
        vhost, source: b.source, destination: b.destination, destination_type: b.destinationType, routing_key: b.routingKey,
        arguments: tableOut((b.arguments ?? {}) as FieldTable),
      });
    }
  }
  return out;
}

/** Reads definitions.json; undefined on a first start. A file that cannot be read or parsed is a StoreError (never silently replaced). */
export function readDefinitions(dir: string): StoredDefinitions | undefined {
  let text: string;
  try {
    text = readFileSync(join(dir, DEFINITIONS_FILE), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new StoreError(dir, `cannot read ${DEFINITIONS_FILE} (${(err as Error).message})`);
  }
  try {
    const defs = JSON.parse(text) as StoredDefinitions;
    // Files written before policies and parameters were kept have none.
    for (const key of RUNTIME_KEYS) defs[key] ??= [];
    for (const key of ['users', 'vhosts', 'permissions', 'topic_permissions', ...RUNTIME_KEYS, 'exchanges', 'queues', 'bindings'] as const) {
      if (!Array.isArray(defs[key])) throw new Error(`"${key}" is not a list`);
    }
    return defs;
  } catch (err) {
    throw new StoreError(dir, `${DEFINITIONS_FILE} is damaged (${(err as Error).message})`);
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
 * Keeps definitions.json equal to the broker's durable definitions: changed()
 * is called by the vhosts and the registry after anything durable changes,
 * and rewrites the file (synchronously) only when the snapshot differs.
 */
export class DefinitionsStore {
  private written: string;
  private suspended = false;

  constructor(
    private readonly dir: string, private readonly server: AmqpServer, private readonly registry: AuthRegistry,
    private readonly runtime: RuntimeStores, private readonly logger: BrokerLogger,
  ) {
    this.written = '';
  }

  /** Restores what readDefinitions found (nothing on a first start), then writes the current state if it differs. */
  load(defs: StoredDefinitions | undefined): void {
    if (defs) {
      this.suspended = true;
      try {
        restoreDefinitions(this.server, this.registry, this.runtime, defs);
      } catch (err) {
        throw new StoreError(this.dir, `${DEFINITIONS_FILE} cannot be restored (${(err as Error).message})`);
      } finally {
        this.suspended = false;
      }
      this.logger.log('info', 'store.definitions_restored', {
        dataDir: this.dir, vhosts: defs.vhosts.length, users: defs.users.length, policies: defs.policies.length, exchanges: defs.exchanges.length, queues: defs.queues.length, bindings: defs.bindings.length,
      });
    }
    this.changed();
  }

  changed(): void {
    if (this.suspended) return;
    const text = JSON.stringify(durableDefinitions(this.server, this.registry, this.runtime));
    if (text === this.written) return;
    try {
      writeFileAtomic(this.dir, DEFINITIONS_FILE, text);
      this.written = text;
    } catch (err) {
      this.logger.log('error', 'store.write_failed', { dataDir: this.dir, file: DEFINITIONS_FILE, error: err });
    }
  }
}
