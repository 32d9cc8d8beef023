import amqp from 'amqplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../../electron/backend/backend.js';
import { memoryLogger } from '../../../electron/backend/logger.js';
import type { Backend } from '../../../electron/backend/types.js';
import { silentLogger } from '../../../electron/broker/logger.js';
import { startBroker } from '../../../electron/broker/main.js';
import { events } from '../../../shared/api/contract.js';
import type { HistoryEventsResult, HistoryQueryResult } from '../../../shared/model/history.js';
import { RABBITMQ_URL, rabbitAvailable } from '../../support/requirements.js';
import { tempDataDir } from '../../unit/backend/backend-fixture.js';
import { RABBIT_HOST, RABBIT_HTTP_PORT, RABBIT_PASSWORD, RABBIT_URI, RABBIT_USER, uniqueName, waitFor } from '../support/rabbit-admin.js';

const rabbit = await rabbitAvailable();

interface Target {
  name: string;
  available: boolean;
  start(): Promise<{ amqpUri: string; managementUrl: string; username: string; password: string; publishUrl: string; stop(): Promise<void> }>;
}

const targets: Target[] = [
  {
    name: 'the embedded broker',
    available: true,
    async start() {
      const broker = await startBroker({ amqpPort: 0, httpPort: 0, bind: '127.0.0.1', log: silentLogger });
      return {
        amqpUri: `amqp://127.0.0.1:${broker.port}`,
        managementUrl: broker.httpUrl as string,
        username: 'guest',
        password: 'guest',
        publishUrl: broker.amqpUrl,
        stop: () => broker.close(),
      };
    },
  },
  {
    name: 'RabbitMQ',
    available: rabbit,
    start: async () => ({
      amqpUri: RABBIT_URI,
      managementUrl: `http://${RABBIT_HOST}:${RABBIT_HTTP_PORT}`,
      username: RABBIT_USER,
      password: RABBIT_PASSWORD,
      publishUrl: RABBITMQ_URL,
      stop: async () => undefined,
    }),
  },
];

for (const target of targets) {
  describe.skipIf(!target.available)(`history recorded from a real session on ${target.name}`, () => {
    let broker: Awaited<ReturnType<Target['start']>>;
    let data: Awaited<ReturnType<typeof tempDataDir>>;
    let connection: amqp.ChannelModel;
    const queue = uniqueName('history');

    beforeAll(async () => {
      broker = await target.start();
      data = await tempDataDir();
      connection = await amqp.connect(broker.publishUrl);
      connection.on('error', () => undefined);
    });
    afterAll(async () => {
      const ch = await connection.createChannel();
      await ch.deleteQueue(queue).catch(() => undefined);
      await connection.close();
      await broker.stop();
      await data.cleanup();
    });

    const open = async () => {
      const log = memoryLogger();
      const backend: Backend = await createBackend({ dataDir: data.dir, transport: 'web', version: 'test', log, session: { httpTimeoutMs: 10_000 } });
      const invalid: string[] = [];
      let appended = 0;
      backend.subscribe((event, payload) => {
        const checked = events[event].safeParse(payload);
        if (!checked.success) invalid.push(event);
        if (event === 'history.appended') appended++;
      });
      const call = <T>(method: string, args: unknown = {}) => backend.dispatch(method, args) as Promise<T>;
      return { backend, call, invalid, appended: () => appended };
    };
    const scope = { kind: 'queue', vhost: '/', name: queue } as const;

    it('records a queue filling up with its publish rate, and keeps it across a restart of the backend', async () => {
      const first = await open();
      const { id } = await first.call<{ id: string }>('profiles.save', {
        name: `history-${target.name}`,
        amqpUri: broker.amqpUri,
        managementUrl: broker.managementUrl,
        username: broker.username,
        password: broker.password,
      });
      await first.call('sampler.configure', { intervalMs: 500 });
      await first.call('session.connect', { id });
      const ch = await connection.createChannel();
      await ch.assertQueue(queue, { durable: false });
      const startedAt = Date.now();
      for (let i = 0; i < 30; i++) ch.sendToQueue(queue, Buffer.from(`m${i}`));
      await ch.close();

      const query = (c: typeof first) => c.call<HistoryQueryResult>('history.query', { scope, from: startedAt - 60_000, to: Date.now() + 1000 });
      // RabbitMQ refreshes queue statistics every 5 s by default.
      const filled = await waitFor('ready = 30 in the history', async () => {
        const r = await query(first);
        // A queue RabbitMQ has not emitted statistics for yet is listed without counts: those points are null.
        return r.series.total.at(-1) === 30 && r.series.publishRate.some((v) => v !== null && v > 0) ? r : null;
      }, 25_000);
      expect(filled.statsAvailable).toBe(true);
      expect(filled.series.ready.at(-1)).toBe(30);
      // What arrived in the queue, as the rates add it up, is what was published.
      const published = filled.series.publishRate.reduce<number>((sum, rate, i) => (rate === null || i === 0 ? sum : sum + (rate * ((filled.series.t[i] as number) - (filled.series.t[i - 1] as number))) / 1000), 0);
      expect(Math.round(published)).toBe(30);
      const broadly = await first.call<HistoryQueryResult>('history.query', { scope: { kind: 'broker' }, from: startedAt - 60_000, to: Date.now() });
      expect(broadly.series.ready.some((v) => v !== null && v >= 30)).toBe(true);
      const markers = await first.call<HistoryEventsResult>('history.events', { scope, from: startedAt - 60_000, to: Date.now() });
      expect(markers.markers.map((m) => m.kind)).toContain('created');
      expect(first.appended()).toBeGreaterThan(0);
      const before = (await query(first)).series.t.filter((_, i) => filled.series.ready[i] !== null).length;
      await first.backend.close();
      expect(first.invalid).toEqual([]);

      const second = await open();
      // The last profile is connected again at start; until it samples, what was saved answers.
      const again = await waitFor('the saved history', async () => {
        // not_connected until the resumed profile is selected, a moment after start.
        const r = await second.call<HistoryQueryResult>('history.query', { scope, from: startedAt - 60_000, to: Date.now() }).catch(() => null);
        return r?.series.ready.includes(30) ? r : null;
      });
      expect(again.series.t.length).toBeGreaterThanOrEqual(before);
      await waitFor('a sample after the restart', () => second.appended() > 0, 15_000);
      const after = await second.call<HistoryQueryResult>('history.query', { scope, from: startedAt - 60_000, to: Date.now() });
      expect(after.gaps.length).toBeGreaterThan(0);
      await second.backend.close();
      expect(second.invalid).toEqual([]);
    });
  });
}
