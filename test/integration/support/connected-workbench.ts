import { tmpdir } from 'node:os';
import amqp, { type ChannelModel } from 'amqplib';
import { type AmqpSession, createAmqpSession } from '../../../electron/backend/amqp/amqp-session.js';
import { createEventHub } from '../../../electron/backend/events.js';
import { memoryLogger } from '../../../electron/backend/logger.js';
import { createManagementClient } from '../../../electron/backend/management/management-client.js';
import type { ProfileCredentials } from '../../../electron/backend/profiles/profile-store.js';
import type { ConnectedBroker } from '../../../electron/backend/session/session-controller.js';
import { createHeldMessages } from '../../../electron/backend/workbench/held-messages.js';
import { createUploads } from '../../../electron/backend/workbench/uploads.js';
import type { WorkbenchDeps } from '../../../electron/backend/workbench/workbench-deps.js';
import { silentLogger } from '../../../electron/broker/logger.js';
import { startBroker } from '../../../electron/broker/main.js';
import type { EventName, EventPayload } from '../../../shared/api/contract.js';
import { RABBITMQ_MANAGEMENT_URL, rabbitAvailable } from '../../support/requirements.js';
import { RABBIT_PASSWORD, RABBIT_URI, RABBIT_USER } from './rabbit-admin.js';

/** A broker the workbench's integration tests run against: both, as RabbitMQ is the oracle. */
export interface BrokerTarget {
  name: string;
  available: boolean;
  start(): Promise<{ amqpUri: string; managementUrl: string; stop(): Promise<void> }>;
}

export const workbenchTargets = async (): Promise<BrokerTarget[]> => [
  {
    name: 'the embedded broker',
    available: true,
    async start() {
      const broker = await startBroker({ amqpPort: 0, httpPort: 0, bind: '127.0.0.1', log: silentLogger });
      return { amqpUri: `amqp://127.0.0.1:${broker.port}`, managementUrl: broker.httpUrl!, stop: () => broker.close() };
    },
  },
  {
    name: 'RabbitMQ',
    available: await rabbitAvailable(),
    start: async () => ({ amqpUri: RABBIT_URI, managementUrl: RABBITMQ_MANAGEMENT_URL, stop: async () => undefined }),
  },
];

export interface ConnectedWorkbench {
  deps: WorkbenchDeps;
  /** Every event the handlers emitted, in order. */
  events: { event: EventName; payload: unknown }[];
  /** A plain amqplib connection of the test's own, to set up and check the broker independently. */
  admin: ChannelModel;
  close(): Promise<void>;
}

/**
 * The workbench's dependencies on real parts: the console's AMQP session and management client
 * against a running broker, the profile's credentials, an event hub that records what it sends.
 */
export async function connectWorkbench(broker: { amqpUri: string; managementUrl: string }): Promise<ConnectedWorkbench> {
  const log = memoryLogger();
  const credentials: ProfileCredentials = { amqpUri: broker.amqpUri, managementUrl: broker.managementUrl, username: RABBIT_USER, password: RABBIT_PASSWORD, tls: { skipVerify: false } };
  const session: AmqpSession = createAmqpSession({ endpoint: { ...credentials, tls: { rejectUnauthorized: true } }, log });
  await session.ready();
  const management = createManagementClient({ baseUrl: broker.managementUrl, username: RABBIT_USER, password: RABBIT_PASSWORD, tls: { rejectUnauthorized: true }, timeoutMs: 10_000 });
  const connected: ConnectedBroker = { profileId: 'test-profile', amqp: session, management };
  const hub = createEventHub(log);
  const events: ConnectedWorkbench['events'] = [];
  hub.subscribe((event, payload) => events.push({ event, payload }));
  const url = new URL(broker.amqpUri);
  const admin = await amqp.connect({ protocol: 'amqp', hostname: url.hostname, port: Number(url.port), username: RABBIT_USER, password: RABBIT_PASSWORD });
  admin.on('error', () => undefined);
  const deps: WorkbenchDeps = {
    session: { broker: () => connected },
    store: { credentials: async () => credentials },
    hub,
    log,
    dataDir: tmpdir(),
    uploads: createUploads(),
    held: createHeldMessages(),
  };
  return {
    deps,
    events,
    admin,
    async close() {
      await admin.close().catch(() => undefined);
      await session.close();
    },
  };
}

export const eventsOf = <E extends EventName>(w: ConnectedWorkbench, event: E): EventPayload<E>[] =>
  w.events.filter((e) => e.event === event).map((e) => e.payload as EventPayload<E>);
