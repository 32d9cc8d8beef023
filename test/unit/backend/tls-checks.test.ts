import { readFileSync } from 'node:fs';
import https from 'node:https';
import type net from 'node:net';
import path from 'node:path';
import tls from 'node:tls';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TlsOptions } from '../../../shared/model/profile.js';
import { checkAmqp } from '../../../electron/backend/connection-test/check-amqp.js';
import { checkHttp } from '../../../electron/backend/connection-test/check-http.js';
import { loadTlsMaterial } from '../../../electron/backend/tls/tls-material.js';

const FIXTURE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'tls-fixture');

/**
 * Real TLS on loopback with a self-signed test certificate (tls-fixture/): the
 * profile's TLS options (CA file, client certificate and key, skip
 * verification) must reach the socket, and each failure must be named.
 */
describe('TLS options and failures', () => {
  const certFile = path.join(FIXTURE, 'cert.pem');
  const keyFile = path.join(FIXTURE, 'key.pem');
  const servers: net.Server[] = [];
  let plainPort: number;
  let mutualPort: number;
  let amqpsPort: number;

  const listen = async (server: net.Server) => {
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    return (server.address() as net.AddressInfo).port;
  };

  beforeAll(async () => {
    const cert = readFileSync(certFile);
    const key = readFileSync(keyFile);
    const notRabbit = (_req: unknown, res: { writeHead(s: number): { end(b: string): void } }) => res.writeHead(404).end('{"error":"Object Not Found"}');
    plainPort = await listen(https.createServer({ cert, key }, notRabbit));
    // Requires a client certificate signed by the test CA (the same self-signed certificate).
    mutualPort = await listen(https.createServer({ cert, key, ca: cert, requestCert: true, rejectUnauthorized: true }, notRabbit));
    amqpsPort = await listen(tls.createServer({ cert, key }, (socket) => socket.on('error', () => undefined).end()));
  });
  afterAll(async () => {
    for (const s of servers) {
      if (s instanceof https.Server) s.closeAllConnections();
      await new Promise((resolve) => s.close(resolve));
    }
  });

  const http = async (port: number, options: Partial<TlsOptions>, host = '127.0.0.1') =>
    checkHttp({ baseUrl: `https://${host}:${port}`, username: 'u', password: 'p', tls: await loadTlsMaterial({ skipVerify: false, ...options }), timeoutMs: 5000 }, '/');

  it('refuses an untrusted certificate and says to set the CA file', async () => {
    const check = await http(plainPort, {});
    expect(check).toMatchObject({ code: 'tls', message: expect.stringContaining('not trusted') });
    expect(check.hint).toMatch(/CA file/);
  });

  it('trusts it with the CA file: the TLS layer passes (the server is then not RabbitMQ)', async () => {
    expect((await http(plainPort, { caFile: certFile })).code).toBe('management_disabled');
  });

  it('skips verification when asked', async () => {
    expect((await http(plainPort, { skipVerify: true })).code).toBe('management_disabled');
  });

  it('names a host the certificate does not cover', async () => {
    const check = await http(plainPort, { caFile: certFile }, 'localhost');
    expect(check).toMatchObject({ code: 'tls', message: 'The server certificate does not name localhost.' });
  });

  it('asks for a client certificate when the server requires one, and passes with it', async () => {
    const without = await http(mutualPort, { caFile: certFile });
    expect(without.code).toBe('tls');
    expect(without.hint).toMatch(/client certificate/);
    expect((await http(mutualPort, { caFile: certFile, certFile, keyFile })).code).toBe('management_disabled');
  });

  it('AMQP over TLS: an untrusted certificate is a TLS failure', async () => {
    const material = await loadTlsMaterial({ skipVerify: false });
    const check = await checkAmqp({ amqpUri: `amqps://127.0.0.1:${amqpsPort}`, username: 'u', password: 'p', tls: material }, 5000);
    expect(check).toMatchObject({ code: 'tls', message: expect.stringContaining('not trusted') });
  });
});
