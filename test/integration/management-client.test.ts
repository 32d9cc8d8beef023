import amqp from 'amqplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManagementClient } from '../../electron/backend/management/management-client.js';
import { QUEUE_COLUMNS } from '../../electron/backend/management/columns.js';
import { RawQueue } from '../../electron/backend/management/raw-schemas.js';
import { RABBITMQ_MANAGEMENT_URL, rabbitAvailable } from '../support/requirements.js';
import { RABBIT_PASSWORD, RABBIT_URI, RABBIT_USER, createVhost, deleteVhost, uniqueName } from './support/rabbit-admin.js';

const rabbit = await rabbitAvailable();

const amqpUrlParts = () => {
  const url = new URL(RABBIT_URI);
  return { hostname: url.hostname, port: Number(url.port || 5672), username: RABBIT_USER, password: RABBIT_PASSWORD };
};
/** More than one page of 500, the largest page RabbitMQ serves. */
const COUNT = 520;

/**
 * In a vhost of its own: other suites create and delete queues on the same
 * broker, and a listing that changes between two page requests can shift a
 * row across a page boundary (the next sample sees it again).
 */
describe.skipIf(!rabbit)('management client against RabbitMQ', () => {
  const vhost = uniqueName('paging-vhost');
  const queuesPath = `api/queues/${encodeURIComponent(vhost)}`;
  const prefix = uniqueName('paging');
  const names = Array.from({ length: COUNT }, (_, i) => `${prefix}.${String(i).padStart(4, '0')}`);
  let connection: amqp.ChannelModel;
  let channel: amqp.Channel;
  const client = createManagementClient({ baseUrl: RABBITMQ_MANAGEMENT_URL, username: RABBIT_USER, password: RABBIT_PASSWORD, tls: { rejectUnauthorized: true }, timeoutMs: 30_000 });

  beforeAll(async () => {
    await createVhost(vhost);
    connection = await amqp.connect({ ...amqpUrlParts(), vhost: encodeURIComponent(vhost) });
    channel = await connection.createChannel();
    await Promise.all(names.map((n) => channel.assertQueue(n, { durable: false })));
  });
  afterAll(async () => {
    await connection.close();
    await deleteVhost(vhost);
  });

  it('fetches every queue across pages of at most 500, same rows as one unpaged listing', async () => {
    const paged = await client.list(queuesPath, RawQueue, { columns: QUEUE_COLUMNS, paginate: true });
    const whole = await client.list(queuesPath, RawQueue, { columns: QUEUE_COLUMNS });
    expect(paged.map((q) => q.name).sort()).toEqual(names);
    expect(whole.map((q) => q.name).sort()).toEqual(names);
  });

  it('trims columns: only the requested fields come back', async () => {
    const items = await client.items(queuesPath, { columns: 'name,vhost' });
    const mine = items.find((i) => (i as { name: string }).name === names[0]);
    expect(Object.keys(mine as object).sort()).toEqual(['name', 'vhost']);
  });

  it('turns HTTP failures into broker errors with the URL and no password', async () => {
    const wrong = createManagementClient({ baseUrl: RABBITMQ_MANAGEMENT_URL, username: RABBIT_USER, password: 'n0pe-Secret', tls: { rejectUnauthorized: true }, timeoutMs: 5000 });
    const error = await wrong.items('api/queues').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'broker', message: expect.stringMatching(/refused the credentials \(HTTP 401\)/) });
    expect(String((error as Error).message)).not.toContain('n0pe-Secret');
  });

  it('writes with send(), and a refusal carries the broker reason', async () => {
    const path = `api/queues/${encodeURIComponent(vhost)}/${encodeURIComponent(`${prefix}.written`)}`;
    const created = await client.send({ method: 'PUT', path, body: { durable: true, auto_delete: false, arguments: {} } });
    expect(created.status).toBe(201);
    await expect(client.send({ method: 'PUT', path, body: { durable: false, auto_delete: false, arguments: {} } })).rejects.toMatchObject({
      code: 'broker',
      message: expect.stringMatching(/inequivalent arg 'durable'.*\(HTTP 400\)$/),
    });
    expect((await client.send({ method: 'DELETE', path })).status).toBe(204);
  });
});
