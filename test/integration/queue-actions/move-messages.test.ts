import amqp, { type Channel, type ChannelModel, type ConfirmChannel } from 'amqplib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { moveMessages } from '../../../electron/backend/queue-actions/move-messages.js';
import { silentLogger } from '../../../electron/broker/logger.js';
import { type RunningBroker, startBroker } from '../../../electron/broker/main.js';
import { RABBITMQ_URL, rabbitAvailable } from '../../support/requirements.js';
import { uniqueName } from '../support/rabbit-admin.js';

const rabbit = await rabbitAvailable();

interface Target {
  name: string;
  available: boolean;
  start(): Promise<{ url: string; stop(): Promise<void> }>;
}

const targets: Target[] = [
  {
    name: 'the embedded broker',
    available: true,
    async start() {
      const broker: RunningBroker = await startBroker({ amqpPort: 0, bind: '127.0.0.1', log: silentLogger });
      return { url: `amqp://guest:guest@127.0.0.1:${broker.port}`, stop: () => broker.close() };
    },
  },
  { name: 'RabbitMQ', available: rabbit, start: async () => ({ url: RABBITMQ_URL, stop: async () => undefined }) },
];

for (const target of targets) {
  describe.skipIf(!target.available)(`moveMessages against ${target.name}`, () => {
    let stop: () => Promise<void>;
    let connection: ChannelModel;
    let admin: Channel;
    let mover: ConfirmChannel;
    const declared: string[] = [];

    const declare = async (args: Record<string, unknown> = {}): Promise<string> => {
      const name = uniqueName('move');
      await admin.assertQueue(name, { durable: false, arguments: args });
      declared.push(name);
      return name;
    };
    const fill = async (queue: string, n: number): Promise<void> => {
      const ch = await connection.createConfirmChannel();
      for (let i = 0; i < n; i++) ch.sendToQueue(queue, Buffer.from(`m${i}`), { messageId: `id-${i}`, headers: { n: i, CC: ['elsewhere'] } });
      await ch.waitForConfirms();
      await ch.close();
    };
    const depth = async (queue: string): Promise<number> => (await admin.checkQueue(queue)).messageCount;

    beforeAll(async () => {
      const started = await target.start();
      stop = started.stop;
      connection = await amqp.connect(started.url);
      admin = await connection.createChannel();
    });
    afterEach(async () => {
      await mover?.close().catch(() => undefined);
    });
    afterAll(async () => {
      for (const q of declared) await admin.deleteQueue(q).catch(() => undefined);
      await connection?.close();
      await stop?.();
    });

    const openMover = async (): Promise<ConfirmChannel> => {
      mover = await connection.createConfirmChannel();
      mover.on('error', () => undefined);
      return mover;
    };

    it('moves every message in order with its properties, in several batches, and reports progress', async () => {
      const [source, dest] = [await declare(), await declare()];
      await fill(source, 25);
      const progress: number[] = [];
      const result = await moveMessages(await openMover(), { source, target: dest, batchSize: 10, onProgress: (p) => progress.push(p.moved) });
      expect(result).toEqual({ moved: 25, outcome: 'done' });
      expect(progress).toEqual([0, 10, 20, 25]);
      expect(await depth(source)).toBe(0);
      const got = await admin.get(dest, { noAck: true });
      expect(got && got.content.toString()).toBe('m0');
      expect(got && got.properties.messageId).toBe('id-0');
      // CC did its routing when first published: moved along it would copy the message again.
      expect(got && got.properties.headers).toEqual({ n: 0 });
      expect(await depth(dest)).toBe(24);
    });

    it('an empty source moves nothing and is done', async () => {
      const [source, dest] = [await declare(), await declare()];
      expect(await moveMessages(await openMover(), { source, target: dest })).toEqual({ moved: 0, outcome: 'done' });
    });

    it('refuses a missing target before taking anything from the source', async () => {
      const source = await declare();
      await fill(source, 3);
      await expect(moveMessages(await openMover(), { source, target: uniqueName('missing') })).rejects.toMatchObject({ code: 'not_found' });
      expect(await depth(source)).toBe(3);
    });

    it('refuses the source as its own target', async () => {
      const source = await declare();
      await expect(moveMessages(await openMover(), { source, target: source })).rejects.toMatchObject({ code: 'invalid_args' });
    });

    it('stops after the batch in flight when cancelled: moved and left add up to the total', async () => {
      const [source, dest] = [await declare(), await declare()];
      await fill(source, 30);
      const controller = new AbortController();
      const result = await moveMessages(await openMover(), {
        source,
        target: dest,
        batchSize: 10,
        signal: controller.signal,
        onProgress: (p) => {
          if (p.moved >= 10) controller.abort();
        },
      });
      expect(result).toEqual({ moved: 10, outcome: 'cancelled' });
      expect(await depth(dest)).toBe(10);
      expect(await depth(source)).toBe(20);
    });

    it('puts a batch back on the source when the target refuses part of it (reject-publish): nothing is lost', async () => {
      const source = await declare();
      const dest = await declare({ 'x-max-length': 5, 'x-overflow': 'reject-publish' });
      await fill(source, 10);
      await expect(moveMessages(await openMover(), { source, target: dest, batchSize: 3 })).rejects.toMatchObject({ code: 'broker' });
      // Batches of 3: the first fits, the second fills the target and is nacked in part, so all of it goes back.
      expect(await depth(dest)).toBe(5);
      expect(await depth(source)).toBe(7);
    });

    it('loses nothing when the channel dies mid-move: unacked messages return to the source', async () => {
      const [source, dest] = [await declare(), await declare()];
      await fill(source, 50);
      const channel = await openMover();
      const run = moveMessages(channel, {
        source,
        target: dest,
        batchSize: 20,
        onProgress: (p) => {
          // Closing the connection's channel while the second batch is taken and published.
          if (p.moved === 20) setImmediate(() => void channel.close().catch(() => undefined));
        },
      });
      await expect(run).rejects.toBeDefined();
      await expect.poll(async () => (await depth(source)) + (await depth(dest)), { timeout: 5000 }).toBeGreaterThanOrEqual(50);
      expect(await depth(dest)).toBeGreaterThanOrEqual(20);
    });
  });
}
