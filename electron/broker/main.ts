// startBroker: the embedded broker as a library call (used by the CLI entry
// and by tests). port 0 picks a free port; the real one is reported.
import type { AccessControl } from './access-control.js';
import { AuthRegistry, registryAccessControl } from './auth/index.js';
import type { ConnectionLimits } from './connection.js';
import { jsonLogger, type BrokerLogger } from './logger.js';
import { AmqpServer } from './server.js';

export interface BrokerOptions {
  amqpPort: number;
  /** Management HTTP port; the HTTP API is not part of this step and is not started. */
  httpPort?: number;
  bind: string;
  /** Directory for durable state; persistence is not part of this step, so nothing is written yet. */
  dataDir?: string;
  log?: BrokerLogger;
  /** Users, vhosts and permissions; default: RabbitMQ's out-of-the-box guest/guest (loopback only) on vhost "/". */
  access?: AccessControl;
  limits?: Partial<ConnectionLimits>;
}

export interface RunningBroker {
  amqpUrl: string;
  port: number;
  server: AmqpServer;
  close(): Promise<void>;
}

function urlHost(bind: string): string {
  const host = bind === '0.0.0.0' || bind === '' ? '127.0.0.1' : bind === '::' ? '::1' : bind;
  return host.includes(':') ? `[${host}]` : host;
}

export async function startBroker(options: BrokerOptions): Promise<RunningBroker> {
  const logger = options.log ?? jsonLogger();
  const server = new AmqpServer({ access: options.access ?? registryAccessControl(AuthRegistry.withDefaults()), logger, limits: options.limits });
  const port = await server.listen(options.amqpPort, options.bind);
  const amqpUrl = `amqp://${urlHost(options.bind)}:${port}`;
  logger.log('info', 'broker.started', { amqpUrl, bind: options.bind, port });
  let closing: Promise<void> | undefined;
  return {
    amqpUrl,
    port,
    server,
    close() {
      closing ??= server.close().then(() => logger.log('info', 'broker.stopped', { amqpUrl }));
      return closing;
    },
  };
}
