// The AMQP listener: accepts sockets, owns vhosts and connections, and shuts
// down by closing every connection with 320 CONNECTION_FORCED like RabbitMQ.
import { createServer, type Server } from 'node:net';
import type { AccessControl } from './access-control.js';
import { Connection, DEFAULT_LIMITS, type ConnectionHost, type ConnectionLimits } from './connection.js';
import { ReplyCode } from './errors.js';
import type { Resource } from './flow/limits.js';
import type { ResourceMonitor } from './flow/resource-monitor.js';
import type { BrokerLogger } from './logger.js';
import { ReplyToRegistry } from './reply-to.js';
import { VirtualHost } from './vhost.js';
import type { Queue } from './queue.js';
import type { PolicyHooks } from './policy/policies.js';
import type { DurableChange } from './durable-change.js';

export interface AmqpServerOptions {
  access: AccessControl;
  logger: BrokerLogger;
  limits?: Partial<ConnectionLimits>;
}

export class AmqpServer implements ConnectionHost {
  readonly access: AccessControl;
  readonly logger: BrokerLogger;
  readonly limits: ConnectionLimits;
  readonly replyTo = new ReplyToRegistry();
  readonly vhosts = new Map<string, VirtualHost>();
  readonly connections = new Set<Connection>();
  private alarms_: ReadonlySet<Resource> = new Set();
  /** The memory and disk monitors (electron/broker/flow), read by the management API; null when none runs. */
  resources: ResourceMonitor | null = null;
  /** Policies handed to every vhost (electron/broker/policy); set by startBroker, null for a bare server. */
  policies: PolicyHooks | null = null;
  /** Handed to every vhost: called after a durable definition changed (electron/broker/store); null without a data dir. */
  durableChanged: ((change: DurableChange) => void) | null = null;
  /** Handed to every vhost: gives each durable queue its journal (electron/broker/store); null without a data dir. */
  durableQueueCreated: ((queue: Queue) => void) | null = null;
  private readonly server: Server;

  constructor(opts: AmqpServerOptions) {
    this.access = opts.access;
    this.logger = opts.logger;
    this.limits = { ...DEFAULT_LIMITS, ...opts.limits };
    this.server = createServer((socket) => {
      this.connections.add(new Connection(socket, this));
    });
  }

  vhost(name: string): VirtualHost | undefined {
    if (!this.access.vhostExists(name)) return undefined;
    let v = this.vhosts.get(name);
    if (!v) {
      v = new VirtualHost(name);
      v.policies = this.policies;
      v.durableChanged = this.durableChanged;
      v.durableQueueCreated = this.durableQueueCreated;
      this.vhosts.set(name, v);
    }
    return v;
  }

  get alarms(): ReadonlySet<Resource> {
    return this.alarms_;
  }

  /** rabbit_alarm's broadcast: every open connection re-evaluates whether it blocks its publishers. */
  alarmsChanged(alarms: ReadonlySet<Resource>): void {
    this.alarms_ = new Set(alarms);
    for (const c of this.connections) c.alarmsChanged(this.alarms_);
  }

  connectionClosed(conn: Connection): void {
    this.connections.delete(conn);
  }

  /** Listens; rejects (never silently picks another port) when the port is taken. */
  listen(port: number, host: string): Promise<number> {
    return new Promise((resolve, reject) => {
      const onError = (err: Error) => reject(err);
      this.server.once('error', onError);
      this.server.listen({ port, host, exclusive: true }, () => {
        this.server.off('error', onError);
        const address = this.server.address();
        resolve(typeof address === 'object' && address ? address.port : port);
      });
    });
  }

  /** Stops accepting, closes every connection with 320 CONNECTION_FORCED, waits for the sockets. */
  async close(reason = 'shutdown'): Promise<void> {
    const stopped = new Promise<void>((resolve) => this.server.close(() => resolve()));
    const conns = [...this.connections];
    for (const c of conns) {
      c.close(ReplyCode.connectionForced, `CONNECTION_FORCED - broker forced connection closure with reason '${reason}'`);
    }
    await Promise.race([
      Promise.all(conns.map((c) => c.closed())),
      new Promise((resolve) => setTimeout(resolve, 2000).unref()),
    ]);
    for (const c of conns) c.destroy();
    await stopped;
  }
}
