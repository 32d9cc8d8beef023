import amqp from 'amqplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../electron/broker/logger.js';
import { startBroker } from '../../electron/broker/main.js';
import { rabbitServerInstalled } from '../support/requirements.js';
import { startOwnRabbitNode } from './support/own-rabbit-node.js';
import { contentHeader, frame, FRAME_BODY, method, methodId, RawAmqp, shortstr, u16, u8, type Frame } from './support/raw-amqp.js';

/**
 * Issue #4, flow control: memory and disk alarms block publishing
 * connections (rabbit_reader's blocked/blocking states). An alarm blocks
 * every publisher of a node, so RabbitMQ is driven on a node of its own
 * (support/own-rabbit-node.ts) with rabbitmqctl, and the embedded broker
 * through a resource sampler the test controls; the expectations are the same.
 */
interface AlarmTarget {
  readonly host: string;
  readonly port: number;
  alarm(resource: 'memory' | 'disk', on: boolean): Promise<void>;
  close(): Promise<void>;
}

async function ownRabbit(): Promise<AlarmTarget> {
  const node = await startOwnRabbitNode();
  return {
    host: node.host,
    port: node.port,
    async alarm(resource, on) {
      if (resource === 'memory') await node.ctl(['set_vm_memory_high_watermark', on ? '0.0000001' : '0.4']);
      else await node.ctl(['set_disk_free_limit', on ? '1000000GB' : '50MB']);
    },
    close: () => node.stop(),
  };
}

async function embedded(): Promise<AlarmTarget> {
  const sample = { memory: 0, disk: 1e12 };
  const broker = await startBroker({
    amqpPort: 0, bind: '127.0.0.1', log: silentLogger,
    flow: {
      memoryHighWatermark: { absolute: 1e9 }, diskFreeLimit: { absolute: 50_000_000 }, intervalMs: 3_600_000,
      sampler: { memoryUsed: () => sample.memory, totalMemory: () => 4e9, diskFree: () => sample.disk },
    },
  });
  return {
    host: '127.0.0.1',
    port: broker.port,
    async alarm(resource, on) {
      if (resource === 'memory') sample.memory = on ? 2e9 : 0;
      else sample.disk = on ? 0 : 1e12;
      broker.server.resources!.check();
    },
    close: () => broker.close(),
  };
}

const wanted = new Set((process.env.CONFORMANCE_TARGETS ?? 'rabbitmq,embedded').split(',').map((s) => s.trim()));
const targets: [string, () => Promise<AlarmTarget>][] = [];
if (wanted.has('rabbitmq') && rabbitServerInstalled()) targets.push(['rabbitmq', ownRabbit]);
if (wanted.has('embedded')) targets.push(['embedded', embedded]);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** basic.publish of `body` to `queue` through the default exchange, on channel 1. */
function publish(raw: RawAmqp, queue: string, body: string): void {
  raw.send(
    method(1, 60, 40, u16(0), shortstr(''), shortstr(queue), u8(0)),
    contentHeader(1, Buffer.byteLength(body)),
    frame(FRAME_BODY, 1, Buffer.from(body)),
  );
}

function describeBlocking(f: Frame | null): string {
  if (f === null) return 'socket closed';
  const [c, m] = methodId(f);
  if (c === 10 && m === 60) return `connection.blocked ${f.payload.subarray(5, 5 + f.payload.readUInt8(4)).toString()}`;
  if (c === 10 && m === 61) return 'connection.unblocked';
  return `method ${c}.${m} on channel ${f.channel}`;
}

async function publisher(t: AlarmTarget, opts: { capability: boolean; heartbeat?: number }): Promise<RawAmqp> {
  const raw = await RawAmqp.connect(t.host, t.port);
  await raw.handshake({ capabilities: opts.capability ? { 'connection.blocked': true } : {}, heartbeat: opts.heartbeat });
  raw.send(method(1, 20, 10, shortstr('')));
  await raw.expectMethod(20, 11);
  return raw;
}

for (const [name, start] of targets) {
  describe(name, () => {
    let t: AlarmTarget;
    let consumer: amqp.ChannelModel;
    beforeAll(async () => {
      t = await start();
      consumer = await amqp.connect(`amqp://guest:guest@${t.host}:${t.port}`);
    }, 120_000);
    afterAll(async () => {
      await consumer?.close();
      await t?.close();
    }, 60_000);

    it('blocks a publisher at its first publish during a memory alarm, lets a consumer drain, and unblocks it when the alarm clears', async () => {
      const ch = await consumer.createChannel();
      const { queue } = await ch.assertQueue('', { exclusive: true });
      const p = await publisher(t, { capability: true });
      for (const body of ['1', '2', '3']) publish(p, queue, body);
      await expect.poll(async () => (await ch.checkQueue(queue)).messageCount).toBe(3);

      await t.alarm('memory', true);
      // The alarm reaches every connection, but only one that publishes is blocked.
      await sleep(300);
      publish(p, queue, 'A');
      expect(describeBlocking(await p.next())).toBe('connection.blocked low on memory');
      publish(p, queue, 'B');

      const received: string[] = [];
      await ch.prefetch(1);
      await ch.consume(queue, (m) => {
        received.push(m!.content.toString());
        ch.ack(m!);
      });
      await expect.poll(() => received).toEqual(['1', '2', '3']);
      await sleep(300);
      expect(received).toEqual(['1', '2', '3']);

      await t.alarm('memory', false);
      expect(describeBlocking(await p.next())).toBe('connection.unblocked');
      await expect.poll(() => received).toEqual(['1', '2', '3', 'A', 'B']);
      p.destroy();
      await ch.close();
    }, 30_000);

    it('says "low on disk" for a disk alarm', async () => {
      const p = await publisher(t, { capability: true });
      await t.alarm('disk', true);
      await sleep(300);
      publish(p, 'warren-flow-nowhere', 'A');
      expect(describeBlocking(await p.next())).toBe('connection.blocked low on disk');
      await t.alarm('disk', false);
      expect(describeBlocking(await p.next())).toBe('connection.unblocked');
      p.destroy();
    }, 30_000);

    it('pauses a publisher without the connection.blocked capability without a word, and keeps it while blocked despite its silence', async () => {
      const ch = await consumer.createChannel();
      const { queue } = await ch.assertQueue('', { exclusive: true });
      const p = await publisher(t, { capability: false, heartbeat: 1 });
      await t.alarm('memory', true);
      await sleep(300);
      publish(p, queue, 'A');
      // Two heartbeat intervals without a frame from the client: RabbitMQ pauses its heartbeat monitor while blocked.
      await sleep(2600);
      expect(p.isClosed).toBe(false);
      expect(p.heartbeats).toBeGreaterThan(0);
      expect((await ch.checkQueue(queue)).messageCount).toBe(0);
      await t.alarm('memory', false);
      await expect.poll(async () => (await ch.checkQueue(queue)).messageCount).toBe(1);
      await expect(p.next(300)).rejects.toThrow('timed out waiting for a frame');
      p.destroy();
      await ch.close();
    }, 30_000);
  });
}
