// The management HTTP API on plain node:http: routing, basic auth, JSON
// bodies and RabbitMQ's error bodies. Started by startBroker when an HTTP
// port is given; binds to the same address as AMQP (loopback by default).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { hostname } from 'node:os';
import type { AuthRegistry } from '../auth/index.js';
import type { BrokerLogger } from '../logger.js';
import { ParameterStore } from '../definitions/parameters.js';
import { PolicyStore } from '../policy/policies.js';
import type { AmqpServer } from '../server.js';
import { countersOf } from '../stats/message-stats.js';
import { Sampler, type SampleValues } from '../stats/samples.js';
import { VhostTraffic } from '../stats/traffic.js';
import { authenticate, requireTags } from './auth.js';
import { badRequest, HttpError, notFound } from './errors.js';
import { allowHeader, match, type Context, type Method, type Reply } from './router.js';
import { overviewSampleKey, routes } from './routes.js';
import type { Listener, ManagementState } from './state.js';
import { queueNumbers, unackedBytesByQueue, vhostSampleKey } from './views.js';

export interface ManagementServerOptions {
  server: AmqpServer;
  registry: AuthRegistry;
  bind: string;
  port: number;
  amqpPort: number;
  logger: BrokerLogger;
  /** The broker's policies and parameters (startBroker keeps them in its data dir); fresh ones when absent. */
  policies?: PolicyStore;
  parameters?: ParameterStore;
  /** Statistics sample interval; RabbitMQ's default is 5 s. */
  sampleIntervalMs?: number;
}

export interface RunningManagement {
  readonly port: number;
  readonly state: ManagementState;
  close(): Promise<void>;
}

const MAX_BODY = 64 * 1024 * 1024;

/** Every sampled object and its current counters and lengths. */
function* collect(state: ManagementState): Iterable<readonly [object, SampleValues]> {
  const unacked = unackedBytesByQueue(state);
  const overview: SampleValues = { messages: 0, messages_ready: 0, messages_unacknowledged: 0 };
  const perVhost = new Map<string, SampleValues>();
  for (const name of state.registry.vhosts()) perVhost.set(name, { messages: 0, messages_ready: 0, messages_unacknowledged: 0, recv_oct: 0, send_oct: 0 });
  for (const [name, v] of state.server.vhosts) {
    const totals = perVhost.get(name);
    yield [v, { ...countersOf(v) }];
    for (const q of v.queues.values()) {
      const n = queueNumbers(q, unacked);
      yield [q, { ...countersOf(q), ...n }];
      for (const k of ['messages', 'messages_ready', 'messages_unacknowledged'] as const) {
        overview[k]! += n[k];
        if (totals) totals[k]! += n[k];
      }
    }
    for (const x of v.exchanges.values()) yield [x, { ...countersOf(x) }];
    for (const [k, val] of Object.entries(countersOf(v))) overview[k] = (overview[k] ?? 0) + val;
  }
  for (const [vhost, t] of state.traffic.totals(state.server.connections, (v) => state.registry.hasVhost(v))) {
    const totals = perVhost.get(vhost);
    if (totals) {
      totals.recv_oct = t.recv;
      totals.send_oct = t.send;
    }
  }
  for (const conn of state.server.connections) {
    const info = conn.info();
    yield [conn, { recv_oct: info.recvOct, send_oct: info.sendOct }];
    for (const ch of info.channels) yield [ch, { ...countersOf(ch) }];
  }
  for (const [name, totals] of perVhost) yield [vhostSampleKey(state, name), totals];
  overview.mem_used = process.memoryUsage().rss;
  overview.sockets_used = state.server.connections.size;
  yield [overviewSampleKey(state), overview];
}

function send(res: ServerResponse, reply: Reply, head: boolean): void {
  const headers: Record<string, string> = { vary: 'origin', ...reply.headers };
  if (reply.body === undefined) {
    res.writeHead(reply.status, { ...headers, 'content-length': '0' });
    res.end();
    return;
  }
  const text = JSON.stringify(reply.body);
  res.writeHead(reply.status, {
    ...headers,
    'content-type': 'application/json',
    'cache-control': 'no-cache',
    'content-length': String(Buffer.byteLength(text)),
  });
  res.end(head ? undefined : text);
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new HttpError(413, 'bad_request', 'request body too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** The path's segments, percent-decoded one by one (so %2F is a vhost named "/"). */
function segments(rawPath: string): string[] | undefined {
  try {
    return rawPath.split('/').filter((s) => s !== '').map((s) => decodeURIComponent(s));
  } catch {
    return undefined;
  }
}

export async function startManagementServer(opts: ManagementServerOptions): Promise<RunningManagement> {
  const policies = opts.policies ?? new PolicyStore();
  opts.server.policies = policies;
  for (const v of opts.server.vhosts.values()) v.policies = policies;
  const listeners: Listener[] = [{ protocol: 'amqp', ip_address: opts.bind, port: opts.amqpPort }];
  const stateRef: { current?: ManagementState } = {};
  const sampler = new Sampler(() => collect(stateRef.current!), opts.sampleIntervalMs);
  const state: ManagementState = {
    server: opts.server, registry: opts.registry, policies, parameters: opts.parameters ?? new ParameterStore(), sampler,
    // RabbitMQ creates its default vhost with this description.
    traffic: new VhostTraffic(),
    vhostMetadata: new Map(opts.registry.hasVhost('/') ? [['/', { description: 'Default virtual host', tags: [] }]] : []),
    node: `warren@${hostname()}`, startedAt: Date.now(), listeners,
  };
  stateRef.current = state;
  const table = routes();

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = (req.method === 'HEAD' ? 'GET' : req.method ?? 'GET') as Method;
    const segs = segments(url.pathname);
    const found = segs && match(table, segs);
    if (!found) throw notFound();
    if (req.method === 'OPTIONS') {
      send(res, { status: 200, headers: { allow: allowHeader(found.route) } }, false);
      return;
    }
    const handler = found.route.methods[method];
    if (!handler) {
      send(res, { status: 405, headers: { allow: allowHeader(found.route) } }, false);
      return;
    }
    const user = authenticate(opts.registry, req.headers.authorization, req.socket.remoteAddress);
    requireTags(user, 'management');
    const raw = method === 'GET' ? Buffer.alloc(0) : await readBody(req);
    let parsed: Record<string, unknown> | undefined;
    const ctx: Context = {
      state, user, params: found.params, query: url.searchParams,
      header: (name) => {
        const v = req.headers[name.toLowerCase()];
        return Array.isArray(v) ? v[0] : v;
      },
      body: () => {
        if (parsed) return parsed;
        const text = raw.toString('utf8').trim();
        if (text === '') return (parsed = {});
        let value: unknown;
        try {
          value = JSON.parse(text);
        } catch {
          throw badRequest('not_json');
        }
        if (value === null || typeof value !== 'object' || Array.isArray(value)) throw badRequest('not_json');
        return (parsed = value as Record<string, unknown>);
      },
    };
    send(res, await handler(ctx), req.method === 'HEAD');
  };

  const http = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (err instanceof HttpError) {
        send(res, { status: err.status, body: err.error === '' ? undefined : err.body(), headers: err.headers }, req.method === 'HEAD');
        return;
      }
      opts.logger.log('error', 'http.internal_error', { method: req.method, url: req.url, error: err });
      send(res, { status: 500, body: { error: 'internal_error', reason: (err as Error).message } }, false);
    });
  });
  const port = await new Promise<number>((resolve, reject) => {
    http.once('error', reject);
    http.listen({ port: opts.port, host: opts.bind, exclusive: true }, () => {
      http.off('error', reject);
      const address = http.address();
      resolve(typeof address === 'object' && address ? address.port : opts.port);
    });
  });
  listeners.push({ protocol: 'http', ip_address: opts.bind, port });
  sampler.start();
  return {
    port,
    state,
    close: () => {
      sampler.stop();
      return new Promise<void>((resolve) => {
        http.close(() => resolve());
        http.closeAllConnections();
      });
    },
  };
}
