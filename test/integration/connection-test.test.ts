import http from 'node:http';
import type net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConnection } from '../../electron/backend/connection-test/test-connection.js';
import type { ProfileCredentials } from '../../electron/backend/profiles/profile-store.js';
import { rabbitAvailable } from '../support/requirements.js';
import { RABBIT_HOST, RABBIT_HTTP_PORT, RABBIT_PASSWORD, RABBIT_URI, RABBIT_USER, createVhost, deleteVhost, revokePermissions, uniqueName } from './support/rabbit-admin.js';
import { closedPort } from '../support/tcp-proxy.js';

const rabbit = await rabbitAvailable();

const creds = (over: Partial<ProfileCredentials> = {}): ProfileCredentials => ({
  amqpUri: RABBIT_URI,
  managementUrl: `http://${RABBIT_HOST}:${RABBIT_HTTP_PORT}`,
  username: RABBIT_USER,
  password: RABBIT_PASSWORD,
  tls: { skipVerify: false },
  ...over,
});

describe.skipIf(!rabbit)('profiles.test against RabbitMQ', () => {
  const bareVhost = uniqueName('vhost-no-perms');
  let notRabbit: http.Server;
  let notRabbitPort: number;

  beforeAll(async () => {
    await createVhost(bareVhost);
    await revokePermissions(bareVhost, RABBIT_USER);
    // An HTTP server that is not RabbitMQ: every path is a 404.
    notRabbit = http.createServer((_req, res) => res.writeHead(404).end('not here'));
    await new Promise<void>((resolve) => notRabbit.listen(0, '127.0.0.1', () => resolve()));
    notRabbitPort = (notRabbit.address() as net.AddressInfo).port;
  });
  afterAll(async () => {
    await deleteVhost(bareVhost);
    await new Promise((resolve) => notRabbit.close(resolve));
  });

  it('passes both checks with the right settings, naming what it reached', async () => {
    const result = await testConnection(creds());
    expect(result.amqp).toMatchObject({ ok: true, code: 'ok' });
    expect(result.amqp.detail).toMatch(/RabbitMQ 3\./);
    expect(result.http).toMatchObject({ ok: true, code: 'ok' });
    expect(result.http.detail).toMatch(new RegExp(`RabbitMQ 3\\..*\\(management 3\\..*\\), user ${RABBIT_USER}`));
  });

  it('reports a wrong password as auth on both checks, without the password', async () => {
    const wrong = 'Wr0ng-Pa55word';
    const result = await testConnection(creds({ password: wrong }));
    expect(result.amqp.code).toBe('auth');
    expect(result.http.code).toBe('auth');
    expect(JSON.stringify(result)).not.toContain(wrong);
  });

  it('reports a missing vhost as vhost on both checks', async () => {
    const result = await testConnection(creds({ amqpUri: `${RABBIT_URI}/no-such-vhost-${Date.now()}` }));
    expect(result.amqp.code).toBe('vhost');
    expect(result.http.code).toBe('vhost');
    expect(result.http.message).toMatch(/does not exist/);
  });

  it('reports a vhost the user has no permissions on as vhost', async () => {
    const result = await testConnection(creds({ amqpUri: `${RABBIT_URI}/${encodeURIComponent(bareVhost)}` }));
    expect(result.amqp.code).toBe('vhost');
    expect(result.http.code).toBe('vhost');
    expect(result.http.message).toMatch(/no permissions/);
  });

  it('reports a wrong AMQP port as refused, naming host:port', async () => {
    const port = await closedPort();
    const result = await testConnection(creds({ amqpUri: `amqp://${RABBIT_HOST}:${port}` }));
    expect(result.amqp.code).toBe('refused');
    expect(result.amqp.message).toContain(`${RABBIT_HOST}:${port}`);
    expect(result.http.ok).toBe(true);
  });

  it('says the management plugin is probably off when AMQP works and the HTTP port refuses', async () => {
    const port = await closedPort();
    const result = await testConnection(creds({ managementUrl: `http://${RABBIT_HOST}:${port}` }));
    expect(result.amqp.ok).toBe(true);
    expect(result.http.code).toBe('management_disabled');
    expect(result.http.hint).toContain('rabbitmq-plugins enable rabbitmq_management');
  });

  it('says the management API is missing when the port answers HTTP 404', async () => {
    const result = await testConnection(creds({ managementUrl: `http://127.0.0.1:${notRabbitPort}` }));
    expect(result.http.code).toBe('management_disabled');
    expect(result.http.message).toContain('404');
  });

  it('reports TLS to a plain port as a TLS failure', async () => {
    const result = await testConnection(creds({ amqpUri: `amqps://${RABBIT_HOST}:5672`, managementUrl: `https://${RABBIT_HOST}:${RABBIT_HTTP_PORT}` }));
    expect(result.amqp.code).toBe('tls');
    expect(result.http.code).toBe('tls');
    expect(result.amqp.hint).toMatch(/amqp:\/\//);
  });

  it('reports a TLS file that does not exist as a TLS failure naming the file', async () => {
    const result = await testConnection(creds({ amqpUri: `amqps://${RABBIT_HOST}:5671`, tls: { caFile: '/nonexistent/ca.pem', skipVerify: false } }));
    expect(result.amqp.code).toBe('tls');
    expect(result.amqp.message).toContain('/nonexistent/ca.pem');
  });

  it('reports an unknown host as dns', async () => {
    const result = await testConnection(creds({ amqpUri: 'amqp://no-such-host.invalid:5672', managementUrl: 'http://no-such-host.invalid:15672' }));
    expect(result.amqp.code).toBe('dns');
    expect(result.http.code).toBe('dns');
  });
});
