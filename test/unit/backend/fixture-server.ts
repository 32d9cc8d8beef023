import http from 'node:http';
import type net from 'node:net';
import { fixture } from './fixtures.js';

/**
 * Serves the recorded RabbitMQ 3.10 responses over real HTTP, so the
 * management client and the sampler run their real network code in unit
 * tests. It records concurrency and can be slowed down or failed on demand.
 */
export interface FixtureServer {
  readonly url: string;
  /** Requests answered so far, by path. */
  readonly hits: string[];
  /** Most requests in flight at once. */
  readonly maxInFlight: number;
  delayMs: number;
  failing: boolean;
  close(): Promise<void>;
}

const ROUTES: Record<string, string> = {
  '/api/overview': 'api-overview.json',
  '/api/vhosts': 'api-vhosts.json',
  '/api/queues': 'api-queues.json',
  '/api/exchanges': 'api-exchanges.json',
  '/api/bindings': 'api-bindings.json',
  '/api/connections': 'api-connections.json',
  '/api/channels': 'api-channels.json',
  '/api/consumers': 'api-consumers.json',
};

export async function startFixtureServer(): Promise<FixtureServer> {
  let inFlight = 0;
  const state = { hits: [] as string[], maxInFlight: 0, delayMs: 0, failing: false };
  const server = http.createServer((req, res) => {
    inFlight++;
    state.maxInFlight = Math.max(state.maxInFlight, inFlight);
    const url = new URL(req.url ?? '/', 'http://x');
    state.hits.push(url.pathname);
    setTimeout(() => {
      inFlight--;
      if (state.failing) return res.writeHead(503).end('{"error":"down"}');
      if (req.headers.authorization !== `Basic ${Buffer.from('guest:guest').toString('base64')}`) return res.writeHead(401).end('{"error":"not_authorized","reason":"Login failed"}');
      const file = ROUTES[url.pathname];
      if (!file) return res.writeHead(404).end('{"error":"Object Not Found","reason":"Not Found"}');
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(fixture(file)));
    }, state.delayMs);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as net.AddressInfo;
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
