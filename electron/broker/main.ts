// startBroker: the embedded broker as a library call (used by the CLI entry
// and by tests). port 0 picks a free port; the real one is reported.
import os from 'node:os';
import type { AccessControl } from './access-control.js';
import { AuthRegistry, registryAccessControl } from './auth/index.js';
import { ParameterStore } from './definitions/parameters.js';
import { startManagementServer } from './http/server.js';
import type { ConnectionLimits } from './connection.js';
import { DEFAULT_DISK_FREE_LIMIT, DEFAULT_MEMORY_HIGH_WATERMARK, type DiskFreeLimit, type MemoryWatermark } from './flow/limits.js';
import { checkMaxMessageSize } from './flow/options.js';
import { ResourceMonitor } from './flow/resource-monitor.js';
import { systemSampler, type ResourceSampler } from './flow/system-sampler.js';
import { jsonLogger, type BrokerLogger } from './logger.js';
import { PolicyStore } from './policy/policies.js';
import { AmqpServer } from './server.js';
import { openDataDir } from './store/data-dir.js';
import { DefinitionsStore, readDefinitions } from './store/definitions.js';
import { Journal, type JournalOptions } from './store/journal.js';

export interface BrokerOptions {
  amqpPort: number;
  /** Management HTTP port (0 = a free port); without it the HTTP API is not started. */
  httpPort?: number;
  bind: string;
  /**
   * Directory for durable state (docs/storage.md): durable definitions are restored from it at start and kept
   * in it; a directory that cannot be used makes startBroker throw a StoreError naming it.
   */
  dataDir?: string;
  /** Message store tuning with a data dir: segment size, and the fsync used (tests hold it to see confirms wait for it). */
  storage?: JournalOptions;
  log?: BrokerLogger;
  /** Users, vhosts and permissions; default: RabbitMQ's out-of-the-box guest/guest (loopback only) on vhost "/". */
  access?: AccessControl;
  /**
   * The registry behind `access`, which the management API reads and changes;
   * default: a fresh AuthRegistry.withDefaults(). Required with `access` when httpPort is set.
   */
  registry?: AuthRegistry;
  /** Includes maxMessageSize (default 128 MiB, at most 512 MiB as in RabbitMQ). */
  limits?: Partial<ConnectionLimits>;
  flow?: FlowOptions;
}

/** Memory and disk alarms (electron/broker/flow): while one is in effect, publishing connections are blocked. */
export interface FlowOptions {
  /** Default: 0.4 of total RAM, as RabbitMQ. */
  memoryHighWatermark?: MemoryWatermark;
  /** Free space below which the disk alarm is set; default 50000000 bytes, as RabbitMQ. */
  diskFreeLimit?: DiskFreeLimit;
  /** How often memory and disk are sampled; default 1000 ms. */
  intervalMs?: number;
  /** What is measured; default the process's RSS, total RAM and statfs. Tests pass their own to set alarms at will. */
  sampler?: ResourceSampler;
}

export interface RunningBroker {
  amqpUrl: string;
  port: number;
  /** The management API's base URL, when httpPort was given. */
  httpUrl?: string;
  httpPort?: number;
  server: AmqpServer;
  close(): Promise<void>;
}

function urlHost(bind: string): string {
  const host = bind === '0.0.0.0' || bind === '' ? '127.0.0.1' : bind === '::' ? '::1' : bind;
  return host.includes(':') ? `[${host}]` : host;
}

export async function startBroker(options: BrokerOptions): Promise<RunningBroker> {
  const logger = options.log ?? jsonLogger();
  if (options.limits?.maxMessageSize !== undefined) checkMaxMessageSize(options.limits.maxMessageSize);
  if (options.httpPort !== undefined && options.access && !options.registry) {
    throw new Error('startBroker: the management API needs the registry behind `access`');
  }
  if (options.dataDir !== undefined) openDataDir(options.dataDir);
  const stored = options.dataDir === undefined ? undefined : readDefinitions(options.dataDir);
  // A restarted broker has exactly the users it stored (RabbitMQ creates guest on the first start only).
  const registry = options.registry ?? (stored ? new AuthRegistry() : AuthRegistry.withDefaults());
  const server = new AmqpServer({ access: options.access ?? registryAccessControl(registry), logger, limits: options.limits });
  // Created here rather than by the management API, so restored policies apply with or without it.
  const runtime = { policies: new PolicyStore(), parameters: new ParameterStore() };
  server.policies = runtime.policies;
  let journal: Journal | undefined;
  let definitions: DefinitionsStore | undefined;
  if (options.dataDir !== undefined) {
    const store = new DefinitionsStore(options.dataDir, server, registry, runtime, logger);
    definitions = store;
    const messages = new Journal(options.dataDir, logger, options.storage);
    journal = messages;
    server.durableQueueCreated = (q) => messages.attach(q);
    // Hooked before loading: vhosts created while restoring take the hook with them (load() ignores its own changes).
    server.durableChanged = (change) => store.changed(change);
    registry.onChange = () => store.authChanged();
    runtime.policies.onChange = () => store.runtimeChanged();
    runtime.parameters.onChange = () => store.runtimeChanged();
    store.load(stored);
    messages.removeOrphans();
  }
  const flow = options.flow ?? {};
  const resources = new ResourceMonitor({
    memoryHighWatermark: flow.memoryHighWatermark ?? DEFAULT_MEMORY_HIGH_WATERMARK,
    diskFreeLimit: flow.diskFreeLimit ?? DEFAULT_DISK_FREE_LIMIT,
    // rabbit_disk_monitor watches the node's data directory; without one, the temp directory the OS would fill.
    diskDir: options.dataDir ?? os.tmpdir(),
    intervalMs: flow.intervalMs ?? 1000,
    sampler: flow.sampler ?? systemSampler,
    logger,
    onChange: (alarms) => server.alarmsChanged(alarms),
  });
  server.resources = resources;
  resources.start();
  let port: number;
  try {
    port = await server.listen(options.amqpPort, options.bind);
  } catch (err) {
    resources.stop();
    throw err;
  }
  const amqpUrl = `amqp://${urlHost(options.bind)}:${port}`;
  let management: Awaited<ReturnType<typeof startManagementServer>> | undefined;
  if (options.httpPort !== undefined) {
    try {
      management = await startManagementServer({ server, registry, ...runtime, bind: options.bind, port: options.httpPort, amqpPort: port, logger });
    } catch (err) {
      resources.stop();
      await server.close();
      // The CLI names the listener that failed (e.g. "HTTP port 15672 ... is already in use").
      throw Object.assign(err as Error, { listener: 'HTTP' });
    }
  }
  const httpUrl = management ? `http://${urlHost(options.bind)}:${management.port}` : undefined;
  logger.log('info', 'broker.started', { amqpUrl, httpUrl, bind: options.bind, port });
  let closing: Promise<void> | undefined;
  return {
    amqpUrl,
    port,
    httpUrl,
    httpPort: management?.port,
    server,
    close() {
      resources.stop();
      closing ??= Promise.all([server.close(), management?.close()])
        .then(() => {
          definitions?.close();
          return journal?.close();
        })
        .then(() => logger.log('info', 'broker.stopped', { amqpUrl }));
      return closing;
    },
  };
}
