import http from 'node:http';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { checkAmqp } from '../../../electron/backend/connection-test/check-amqp.js';
import { checkHttp } from '../../../electron/backend/connection-test/check-http.js';

/** Servers that misbehave on purpose, on loopback: the checks must classify them, never hang. */
const servers: Array<net.Server | http.Server> = [];
async function listen<S extends net.Server | http.Server>(server: S): Promise<number> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return (server.address() as net.AddressInfo).port;
}
afterEach(async () => {
  for (const s of servers.splice(0)) {
    if (s instanceof http.Server) s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
});

const sockets: net.Socket[] = [];
const silent = () =>
  net.createServer((socket) => {
    sockets.push(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.splice(sockets.indexOf(socket), 1));
  });
afterEach(() => {
  for (const s of sockets.splice(0)) s.destroy();
});

const endpoint = (port: number) => ({ amqpUri: `amqp://127.0.0.1:${port}`, username: 'guest', password: 'guest', tls: { rejectUnauthorized: true } });
const target = (port: number, timeoutMs = 5000) => ({ baseUrl: `http://127.0.0.1:${port}`, username: 'guest', password: 'guest', tls: { rejectUnauthorized: true }, timeoutMs });

describe('connection checks against servers that are not RabbitMQ', () => {
  it('AMQP: a port that accepts and never answers is a timeout, within the limit', async () => {
    const port = await listen(silent());
    const started = Date.now();
    const check = await checkAmqp(endpoint(port), 300);
    expect(check.code).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('AMQP: an HTTP server is "not an AMQP broker"', async () => {
    const port = await listen(http.createServer((_q, r) => r.end('hello')));
    const check = await checkAmqp(endpoint(port), 5000);
    expect(check.code).toBe('protocol');
    expect(check.hint).toMatch(/5672/);
  });

  it('HTTP: a port that accepts and never answers is a timeout', async () => {
    const port = await listen(silent());
    expect((await checkHttp(target(port, 300), '/')).code).toBe('timeout');
  });

  it('HTTP: a server answering something other than the management API', async () => {
    const port = await listen(http.createServer((_q, r) => r.writeHead(200, { 'content-type': 'text/html' }).end('<html>router login</html>')));
    const check = await checkHttp(target(port), '/');
    expect(check.code).toBe('protocol');
    expect(check.message).toContain(`127.0.0.1:${port}`);
  });

  it('HTTP: JSON that is not RabbitMQ is not mistaken for it', async () => {
    const port = await listen(http.createServer((_q, r) => r.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}')));
    expect((await checkHttp(target(port), '/')).code).toBe('protocol');
  });
});
