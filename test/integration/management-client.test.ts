import amqp from 'amqplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManagementClient } from '../../electron/backend/management/management-client.js';
import { QUEUE_COLUMNS } from '../../electron/backend/management/columns.js';
import { RawQueue } from '../../electron/backend/management/raw-schemas.js';
import { RABBITMQ_MANAGEMENT_URL, RABBITMQ_URL, rabbitAvailable } from '../support/requirements.js';
import { RABBIT_PASSWORD, RABBIT_USER, uniqueName } from './support/rabbit-admin.js';

const rabbit = await rabbitAvailable();
/** More than one page of 500, the largest page RabbitMQ serves. */
const COUNT = 520;

describe.skipIf(!rabbit)('management client against RabbitMQ', () => {
  const prefix = uniqueName('paging');
  const names = Array.from({ length: COUNT }, (_, i) => `${prefix}.${String(i).padStart(4, '0')}`);
  let connection: amqp.ChannelModel;
  let channel: amqp.Channel;
  const client = createManagementClient({ baseUrl: RABBITMQ_MANAGEMENT_URL, username: RABBIT_USER, password: RABBIT_PASSWORD, tls: { rejectUnauthorized: true }, timeoutMs: 30_000 });

  beforeAll(async () => {
    connection = await amqp.connect(RABBITMQ_URL);
    channel = await connection.createChannel();
    await Promise.all(names.map((n) => channel.assertQueue(n, { durable: false })));
  });
  afterAll(async () => {
    await Promise.all(names.map((n) => channel.deleteQueue(n)));
    await connection.close();
  });

  it('fetches every queue across pages of at most 500, same rows as one unpaged listing', async () => {
    const paged = (await client.list('api/queues', RawQueue, { columns: QUEUE_COLUMNS, paginate: true })).filter((q) => q.name.startsWith(prefix));
    const whole = (await client.list('api/queues', RawQueue, { columns: QUEUE_COLUMNS })).filter((q) => q.name.startsWith(prefix));
    expect(paged.map((q) => q.name).sort()).toEqual(names);
    expect(whole.map((q) => q.name).sort()).toEqual(names);
  });

  it('trims columns: only the requested fields come back', async () => {
    const items = await client.items('api/queues', { columns: 'name,vhost' });
    const mine = items.find((i) => (i as { name: string }).name === names[0]);
    expect(Object.keys(mine as object).sort()).toEqual(['name', 'vhost']);
  });

  it('turns HTTP failures into broker errors with the URL and no password', async () => {
    const wrong = createManagementClient({ baseUrl: RABBITMQ_MANAGEMENT_URL, username: RABBIT_USER, password: 'n0pe-Secret', tls: { rejectUnauthorized: true }, timeoutMs: 5000 });
    const error = await wrong.items('api/queues').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'broker', message: expect.stringMatching(/refused the credentials \(HTTP 401\)/) });
    expect(String((error as Error).message)).not.toContain('n0pe-Secret');
  });
});
