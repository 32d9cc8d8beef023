import amqp from 'amqplib';
import { afterAll, beforeAll, expect } from 'vitest';
import { createBackend } from '../../electron/backend/backend.js';
import { memoryLogger } from '../../electron/backend/logger.js';
import { silentLogger } from '../../electron/broker/logger.js';
import { startBroker } from '../../electron/broker/main.js';
import { type EventName, type EventPayload, events } from '../../shared/api/contract.js';
import type { ConsumerState, ConsumeStartInput } from '../../shared/model/workbench/consume.js';
import type { ReceivedMessage } from '../../shared/model/workbench/message.js';
import { RABBITMQ_URL, rabbitAvailable } from '../support/requirements.js';
import { tempDataDir } from '../unit/backend/backend-fixture.js';
import { RABBIT_HOST, RABBIT_HTTP_PORT, RABBIT_PASSWORD, RABBIT_URI, RABBIT_USER, uniqueName, waitFor } from './support/rabbit-admin.js';

export { uniqueName, waitFor };

const rabbit = await rabbitAvailable();

interface Started {
  amqpUri: string;
  managementUrl: string;
  /** With credentials, for the test's own amqplib connection. */
  url: string;
  stop(): Promise<void>;
}

export interface Target {
  name: string;
  available: boolean;
  start(): Promise<Started>;
}

/** Every scenario runs on both: RabbitMQ is the oracle for the embedded broker. */
export const targets: Target[] = [
  {
    name: 'the embedded broker',
    available: true,
    async start() {
      const broker = await startBroker({ amqpPort: 0, httpPort: 0, bind: '127.0.0.1', log: silentLogger });
      return { amqpUri: `amqp://127.0.0.1:${broker.port}`, managementUrl: broker.httpUrl as string, url: broker.amqpUrl, stop: () => broker.close() };
    },
  },
  {
    name: 'RabbitMQ',
    available: rabbit,
    start: async () => ({ amqpUri: RABBIT_URI, managementUrl: `http://${RABBIT_HOST}:${RABBIT_HTTP_PORT}`, url: RABBITMQ_URL, stop: async () => undefined }),
  },
];

/**
 * The real backend connected to a broker, as a transport sees it (calls in, events out, each
 * event checked against its schema), plus an amqplib connection of the test's own to set up
 * queues and count messages independently of the code under test.
 */
export async function openWorkbench(target: Target) {
  const broker = await target.start();
  const data = await tempDataDir();
  const backend = await createBackend({ dataDir: data.dir, transport: 'web', version: 'test', log: memoryLogger(), session: { httpTimeoutMs: 10_000 } });
  const invalid: string[] = [];
  const received = new Map<string, ReceivedMessage[]>();
  const states: ConsumerState[] = [];
  const progress: EventPayload<'workbench.transferProgress'>[] = [];
  let eventsSeen = 0;
  backend.subscribe((event: EventName, payload: unknown) => {
    eventsSeen += 1;
    const checked = events[event].safeParse(payload);
    if (!checked.success) invalid.push(`${event}: ${checked.error.message}`);
    if (event === 'workbench.messages') {
      const batch = payload as EventPayload<'workbench.messages'>;
      received.set(batch.consumerId, [...(received.get(batch.consumerId) ?? []), ...batch.messages]);
    }
    if (event === 'workbench.consumerState') states.push(payload as ConsumerState);
    if (event === 'workbench.transferProgress') progress.push(payload as EventPayload<'workbench.transferProgress'>);
  });
  const call = <T>(method: string, args: unknown = {}) => backend.dispatch(method, args) as Promise<T>;
  const profile = await call<{ id: string }>('profiles.save', {
    name: `consume-${uniqueName('p')}`,
    amqpUri: broker.amqpUri,
    managementUrl: broker.managementUrl,
    username: RABBIT_USER,
    password: RABBIT_PASSWORD,
  });
  await call('session.connect', { id: profile.id });
  await waitFor('the session to connect', async () => (await call<{ status: string }>('session.state')).status === 'connected');

  const connection = await amqp.connect(broker.url);
  connection.on('error', () => undefined);
  const admin = await connection.createConfirmChannel();
  const declared: string[] = [];
  const exchanges: string[] = [];

  return {
    call,
    admin,
    invalid,
    states,
    progress,
    eventCount: () => eventsSeen,
    messages: (consumerId: string) => received.get(consumerId) ?? [],
    async queue(prefix: string, args: Record<string, unknown> = {}): Promise<string> {
      const name = uniqueName(prefix);
      await admin.assertQueue(name, { durable: false, arguments: args });
      declared.push(name);
      return name;
    },
    async exchange(prefix: string, type: string): Promise<string> {
      const name = uniqueName(prefix);
      await admin.assertExchange(name, type, { durable: false, autoDelete: false });
      exchanges.push(name);
      return name;
    },
    /** On a channel of its own: asking about a missing queue closes the channel. */
    async depth(queue: string): Promise<number> {
      const channel = await connection.createChannel();
      channel.on('error', () => undefined);
      try {
        return (await channel.checkQueue(queue)).messageCount;
      } finally {
        await channel.close().catch(() => undefined);
      }
    },
    async fill(queue: string, n: number, body = (i: number) => Buffer.from(`m${i}`)): Promise<void> {
      for (let i = 0; i < n; i++) admin.sendToQueue(queue, body(i), { messageId: `id-${i}` });
      await admin.waitForConfirms();
    },
    consume: (args: Partial<ConsumeStartInput> & Pick<ConsumeStartInput, 'source'>) =>
      call<ConsumerState>('workbench.consumeStart', { consumerId: uniqueName('c').slice(-20), vhost: '/', ackMode: 'manual', prefetch: 0, ...args }),
    async close() {
      await backend.close();
      for (const q of declared) await admin.deleteQueue(q).catch(() => undefined);
      for (const x of exchanges) await admin.deleteExchange(x).catch(() => undefined);
      await connection.close().catch(() => undefined);
      await broker.stop();
      await data.cleanup();
    },
  };
}

export type Workbench = Awaited<ReturnType<typeof openWorkbench>>;

/** Opens a workbench for the enclosing describe and closes it after; every event it saw must have matched its schema. */
export function useWorkbench(target: Target): () => Workbench {
  let wb: Workbench | undefined;
  beforeAll(async () => {
    wb = await openWorkbench(target);
  });
  afterAll(async () => {
    await wb?.close();
    expect(wb?.invalid ?? []).toEqual([]);
  });
  return () => {
    if (!wb) throw new Error('the workbench did not open');
    return wb;
  };
}
