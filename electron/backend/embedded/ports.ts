import net from 'node:net';

export interface WantedPorts {
  amqp: number;
  http: number;
}

/**
 * The ports to start the broker on: the wanted ones, except those known to be
 * taken (by a RabbitMQ on this machine, say), which become 0: "any free port".
 * Never another broker's port.
 */
export function planPorts(wanted: WantedPorts, taken: ReadonlySet<number>): WantedPorts {
  return {
    amqp: wanted.amqp !== 0 && taken.has(wanted.amqp) ? 0 : wanted.amqp,
    http: wanted.http !== 0 && taken.has(wanted.http) ? 0 : wanted.http,
  };
}

/** Says which wanted ports are not the ones in use, for the UI; null when all are (or any port was fine). */
export function portNote(wanted: WantedPorts, actual: { amqp: number; http: number | null }): string | null {
  const moved: string[] = [];
  if (wanted.amqp !== 0 && actual.amqp !== wanted.amqp) moved.push(`AMQP port ${wanted.amqp}`);
  if (wanted.http !== 0 && actual.http !== null && actual.http !== wanted.http) moved.push(`HTTP port ${wanted.http}`);
  if (moved.length === 0) return null;
  return `${moved.join(' and ')} ${moved.length === 1 ? 'is' : 'are'} in use by another program (another broker?), so free ports are used instead.`;
}

/** Whether `port` can be listened on at `bind` right now (the answer may change a moment later). */
export function portIsFree(bind: string, port: number): Promise<boolean> {
  if (port === 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once('error', (err: NodeJS.ErrnoException) => resolve(err.code !== 'EADDRINUSE' && err.code !== 'EACCES'));
    server.listen({ port, host: bind, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** The wanted ports that cannot be listened on now. */
export async function takenPorts(bind: string, wanted: WantedPorts): Promise<Set<number>> {
  const taken = new Set<number>();
  for (const port of [wanted.amqp, wanted.http]) {
    if (!(await portIsFree(bind, port))) taken.add(port);
  }
  return taken;
}

/** A port the OS considers free at `bind` now: the broker gets a concrete number, so Warren knows it even before the ready line. */
export function freePort(bind: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ port: 0, host: bind, exclusive: true }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error(`no free port on ${bind}`))));
    });
  });
}
