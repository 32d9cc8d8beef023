import { randomBytes } from 'node:crypto';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ResultOf } from '../../shared/api/contract.js';
import { ApiError } from '../../shared/api/errors.js';
import { computeInventoryDelta } from '../../shared/inventory/delta.js';
import { MAX_CLIENT_MESSAGE_BYTES, type ServerMessage } from '../../shared/api/wire.js';
import type { Dispatch } from '../backend/dispatch.js';
import type { Logger } from '../backend/logger.js';
import type { Backend } from '../backend/types.js';
import { type AccessPolicy, accessPolicy, hasSessionCookie, hostAllowed, originAllowed, sameSecret, sessionCookie } from './access.js';
import { createBroadcaster } from './broadcast.js';
import { contentSecurityPolicy } from './csp.js';
import { answerMessage } from './socket-messages.js';
import { findStaticFile, openStaticFile } from './static-files.js';

export interface WebHostOptions {
  backend: Backend;
  /** 0 picks a free port. */
  port?: number;
  /** Loopback unless the user asks for another interface. */
  host?: string;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  log: Logger;
}

export interface WebHost {
  /** The URL to open: carries the token once; the page then lives on a cookie. */
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/** The only path the WebSocket is served on. */
export const SOCKET_PATH = '/ws';
/** Messages up to this size are read and answered with an error; larger ones close the socket unread. */
const HARD_PAYLOAD_LIMIT = 4 * MAX_CLIENT_MESSAGE_BYTES;
/** Calls one socket may have waiting at once: a runaway page cannot queue unbounded work. */
export const MAX_CALLS_IN_FLIGHT = 64;

/**
 * Web mode: the built renderer and the WebSocket transport on one loopback
 * port, for machines without a desktop and for the end-to-end tests.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const host = options.host ?? '127.0.0.1';
  const log = options.log.child('web');
  const token = randomBytes(32).toString('base64url');
  const server = createServer();
  await listen(server, options.port ?? 0, host);
  const port = (server.address() as AddressInfo).port;
  const policy = accessPolicy(token, host, port);
  const urlHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  const origin = `http://${urlHost}:${port}`;
  // 'self' already covers ws: to the same host in CSP 3; the explicit list is for browsers that predate it.
  // CSP has no syntax for IPv6 literals (Chromium reports them as invalid), so those rely on 'self'.
  const headers = securityHeaders([...policy.hosts].filter((name) => !name.startsWith('[')).map((name) => `ws://${name}`));

  const wss = new WebSocketServer({ noServer: true, maxPayload: HARD_PAYLOAD_LIMIT });
  const broadcaster = createBroadcaster({ log, resync: () => fullInventoryDelta(options.backend) });
  const unsubscribe = options.backend.subscribe((event, payload) => broadcaster.publish(event, payload));

  server.on('request', (req, res) => {
    handleRequest(req, res, policy, headers, options.staticDir).catch((err: unknown) => {
      log.error('request failed', { path: pathOf(req), error: err instanceof Error ? err.message : String(err) });
      if (!res.headersSent) plain(res, 500, 'Internal error', headers);
      else res.destroy();
    });
  });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const refusal = upgradeRefusal(req, policy);
    if (refusal) {
      log.warn('refused WebSocket', { reason: refusal.reason });
      socket.end(`HTTP/1.1 ${refusal.status} ${refusal.reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => accept(ws));
  });

  function accept(ws: WebSocket) {
    broadcaster.add(ws);
    let inFlight = 0;
    const dispatch: Dispatch = async (method, args) => {
      if (inFlight >= MAX_CALLS_IN_FLIGHT) {
        throw new ApiError('bad_request', `Too many calls in flight (at most ${MAX_CALLS_IN_FLIGHT}); wait for answers before sending more`);
      }
      inFlight++;
      try {
        return await options.backend.dispatch(method, args);
      } finally {
        inFlight--;
      }
    };
    ws.on('message', (data, isBinary) => {
      const buffer = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as Buffer);
      void answerMessage(buffer, isBinary, dispatch, log).then((reply) => {
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(reply));
      });
    });
    // A payload over the hard limit makes ws close with 1009; the error event says why.
    ws.on('error', (err) => log.warn('socket error', { error: err.message }));
    ws.on('close', () => broadcaster.remove(ws));
  }

  return {
    url: `${origin}/?token=${token}`,
    port,
    token,
    close: async () => {
      unsubscribe();
      broadcaster.close();
      for (const client of wss.clients) client.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** The whole inventory as one `full` delta, for a page that missed some; null when no broker is connected. */
export async function fullInventoryDelta(backend: Backend): Promise<ServerMessage | null> {
  let snapshot: ResultOf<'inventory.snapshot'>;
  try {
    snapshot = (await backend.dispatch('inventory.snapshot', {})) as ResultOf<'inventory.snapshot'>;
  } catch (err) {
    if (err instanceof ApiError && err.code === 'not_connected') return null;
    throw err;
  }
  return { type: 'event', event: 'inventory.delta', payload: computeInventoryDelta(null, snapshot.inventory, snapshot.seq, Date.now()) };
}

function securityHeaders(socketOrigins: string[]): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(socketOrigins),
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  };
}

function pathOf(req: IncomingMessage): string {
  return new URL(req.url ?? '/', 'http://placeholder').pathname;
}

function plain(res: ServerResponse, status: number, text: string, headers: Record<string, string>, extra: Record<string, string> = {}) {
  res.writeHead(status, { ...headers, ...extra, 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text + '\n');
}

async function handleRequest(req: IncomingMessage, res: ServerResponse, policy: AccessPolicy, headers: Record<string, string>, staticDir: string) {
  if (!hostAllowed(req, policy)) {
    plain(res, 421, 'Misdirected request: this console answers only to 127.0.0.1 and localhost', headers);
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    plain(res, 405, 'Method not allowed', headers, { Allow: 'GET, HEAD' });
    return;
  }
  const url = new URL(req.url ?? '/', 'http://placeholder');
  const given = url.searchParams.get('token');
  if (given !== null) {
    if (!sameSecret(given, policy.token)) {
      plain(res, 403, 'Wrong token. Open the URL Warren printed when it started.', headers);
      return;
    }
    // Trade the token for a cookie and drop it from the address bar and history.
    url.searchParams.delete('token');
    res.writeHead(303, { ...headers, 'Set-Cookie': sessionCookie(policy), Location: url.pathname + url.search });
    res.end();
    return;
  }
  if (!hasSessionCookie(req, policy)) {
    plain(res, 401, 'This console needs its session token. Open the URL Warren printed when it started.', headers);
    return;
  }
  const file = await findStaticFile(staticDir, url.pathname);
  if (!file) {
    plain(res, 404, 'Not found', headers);
    return;
  }
  res.writeHead(200, { ...headers, 'Content-Type': file.contentType, 'Content-Length': String(file.size) });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  openStaticFile(file).on('error', () => res.destroy()).pipe(res);
}

function upgradeRefusal(req: IncomingMessage, policy: AccessPolicy): { status: number; reason: string } | null {
  if (!hostAllowed(req, policy)) return { status: 421, reason: 'Misdirected Request' };
  if (pathOf(req) !== SOCKET_PATH) return { status: 404, reason: 'Not Found' };
  if (!originAllowed(req, policy)) return { status: 403, reason: 'Forbidden' };
  if (!hasSessionCookie(req, policy)) return { status: 401, reason: 'Unauthorized' };
  return null;
}
