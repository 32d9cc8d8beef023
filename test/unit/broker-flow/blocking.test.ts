// Memory/disk alarms on a running broker, driven by a sampler the test
// controls: a publishing connection is blocked (connection.blocked for
// clients with the capability, its socket no longer read) until the alarm
// clears; connections that only consume keep draining; the management API
// shows blocking/blocked and the node's alarms.
import amqp from 'amqplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../electron/broker/logger.js';
import { startBroker, type RunningBroker } from '../../../electron/broker/main.js';
import { RawClient } from '../broker/support/raw-amqp.js';

let broker: RunningBroker;
let memoryUsed = 0;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  broker = await startBroker({
    amqpPort: 0, httpPort: 0, bind: '127.0.0.1', log: silentLogger,
    limits: { silentCloseDelayMs: 50, closeTimeoutMs: 500 },
    flow: {
      memoryHighWatermark: { absolute: 1000 },
      diskFreeLimit: { absolute: 5000 },
      intervalMs: 3_600_000,
      sampler: { memoryUsed: () => memoryUsed, totalMemory: () => 1e9, diskFree: () => 1e9 },
    },
  });
});
afterAll(async () => {
  await broker.close();
});

function memoryAlarm(on: boolean): void {
  memoryUsed = on ? 2000 : 0;
  broker.server.resources!.check();
}

async function api<T>(path: string): Promise<T> {
  const res = await fetch(`${broker.httpUrl}${path}`, { headers: { authorization: `Basic ${Buffer.from('guest:guest').toString('base64')}` } });
  return (await res.json()) as T;
}

/** basic.publish of `body` to the default exchange, as method, header and body frames. */
function publish(c: RawClient, queue: string, body: string): void {
  c.sendMethod(1, 'basic.publish', { ticket: 0, exchange: '', routingKey: queue, mandatory: false, immediate: false });
  const header = Buffer.alloc(14);
  header.writeUInt16BE(60, 0);
  header.writeBigUInt64BE(BigInt(Buffer.byteLength(body)), 4);
  const frame = (type: number, payload: Buffer) => {
    const head = Buffer.alloc(7);
    head.writeUInt8(type, 0);
    head.writeUInt16BE(1, 1);
    head.writeUInt32BE(payload.length, 3);
    return Buffer.concat([head, payload, Buffer.from([0xce])]);
  };
  c.send(Buffer.concat([frame(2, header), frame(3, Buffer.from(body))]));
}

async function publisher(opts: { capability: boolean; heartbeat?: number }): Promise<RawClient> {
  const c = await RawClient.open(broker.port);
  await c.handshake({ heartbeat: opts.heartbeat, extraCapabilities: opts.capability ? ['connection.blocked'] : [] });
  await c.openChannel(1);
  return c;
}

const names = (c: RawClient) => c.methods().map((m) => m.name);
const states = async () => (await api<{ state: string; client_properties: { product?: string } }[]>('/api/connections')).map((c) => c.state).sort();

describe('memory alarm', () => {
  it('blocks a publisher after its publish, lets a consumer drain, and unblocks when the alarm clears', async () => {
    const conn = await amqp.connect(`amqp://guest:guest@127.0.0.1:${broker.port}`);
    const ch = await conn.createChannel();
    const { queue } = await ch.assertQueue('', { exclusive: true });
    const p = await publisher({ capability: true });
    for (const body of ['1', '2', '3']) publish(p, queue, body);
    await expect.poll(async () => (await ch.checkQueue(queue)).messageCount).toBe(3);

    memoryAlarm(true);
    expect(await states()).toEqual(['blocking', 'blocking']);
    publish(p, queue, 'A');
    expect((await p.waitMethod('connection.blocked')).args).toEqual({ reason: 'low on memory' });
    publish(p, queue, 'B');
    expect(await states()).toEqual(['blocked', 'blocking']);
    const node = (await api<Record<string, unknown>[]>('/api/nodes'))[0]!;
    expect(node).toMatchObject({ mem_used: 2000, mem_limit: 1000, mem_alarm: true, disk_free: 1e9, disk_free_limit: 5000, disk_free_alarm: false });

    // The consumer's connection never published: it receives and acknowledges as usual.
    const received: string[] = [];
    await ch.prefetch(1);
    await ch.consume(queue, (m) => {
      received.push(m!.content.toString());
      ch.ack(m!);
    });
    await expect.poll(() => received).toEqual(['1', '2', '3']);
    await sleep(200);
    expect(received).toEqual(['1', '2', '3']);
    expect(names(p).filter((n) => n.startsWith('connection.'))).toEqual(['connection.start', 'connection.tune', 'connection.open-ok', 'connection.blocked']);

    memoryAlarm(false);
    await p.waitMethod('connection.unblocked');
    await expect.poll(() => received).toEqual(['1', '2', '3', 'A', 'B']);
    expect(await states()).toEqual(['running', 'running']);
    expect((await api<Record<string, unknown>[]>('/api/nodes'))[0]).toMatchObject({ mem_alarm: false });
    p.close();
    await conn.close();
  });

  it('pauses a client without the connection.blocked capability without telling it', async () => {
    const conn = await amqp.connect(`amqp://guest:guest@127.0.0.1:${broker.port}`);
    const ch = await conn.createChannel();
    const { queue } = await ch.assertQueue('', { exclusive: true });
    const p = await publisher({ capability: false });
    memoryAlarm(true);
    publish(p, queue, 'A');
    await expect.poll(async () => (await states()).includes('blocked')).toBe(true);
    await sleep(200);
    expect((await ch.checkQueue(queue)).messageCount).toBe(0);
    memoryAlarm(false);
    await expect.poll(async () => (await ch.checkQueue(queue)).messageCount).toBe(1);
    expect(names(p).filter((n) => n === 'connection.blocked' || n === 'connection.unblocked')).toEqual([]);
    p.close();
    await conn.close();
  });

  it('keeps a blocked connection whose heartbeats it cannot read, and goes on sending its own', async () => {
    const p = await publisher({ capability: true, heartbeat: 1 });
    memoryAlarm(true);
    publish(p, 'nowhere', 'A');
    await p.waitMethod('connection.blocked');
    const beats = p.frames.filter((f) => f.type === 8).length;
    await sleep(2600);
    expect(p.closed).toBe(false);
    expect(p.frames.filter((f) => f.type === 8).length).toBeGreaterThan(beats);
    memoryAlarm(false);
    await p.waitMethod('connection.unblocked');
    p.close();
  });

  it('fails the alarms health checks with 503 while an alarm is in effect', async () => {
    const check = async (path: string) => {
      const res = await fetch(`${broker.httpUrl}${path}`, { headers: { authorization: `Basic ${Buffer.from('guest:guest').toString('base64')}` } });
      return [res.status, await res.json()];
    };
    expect(await check('/api/health/checks/alarms')).toEqual([200, { status: 'ok' }]);
    memoryAlarm(true);
    const node = (await api<{ name: string }[]>('/api/nodes'))[0]!.name;
    expect(await check('/api/health/checks/alarms')).toEqual([503, {
      status: 'failed', reason: 'There are alarms in effect in the cluster', alarms: [{ node, resource: 'memory' }],
    }]);
    expect(await check('/api/health/checks/local-alarms')).toEqual([503, {
      status: 'failed', reason: 'There are alarms in effect on the node', alarms: [{ node, resource: 'memory' }],
    }]);
    memoryAlarm(false);
    expect(await check('/api/health/checks/local-alarms')).toEqual([200, { status: 'ok' }]);
  });

  it('makes a connection opened during an alarm "blocking", blocked on its first publish', async () => {
    memoryAlarm(true);
    const p = await publisher({ capability: true });
    expect(await states()).toEqual(['blocking']);
    publish(p, 'nowhere', 'A');
    expect((await p.waitMethod('connection.blocked')).args.reason).toBe('low on memory');
    memoryAlarm(false);
    await p.waitMethod('connection.unblocked');
    p.close();
  });

  it('reads a blocked connection again once the broker closes it, so its close-ok is answered', async () => {
    const p = await publisher({ capability: true });
    memoryAlarm(true);
    publish(p, 'nowhere', 'A');
    await p.waitMethod('connection.blocked');
    const [conn] = [...broker.server.connections];
    conn!.close(320, 'CONNECTION_FORCED - test');
    await p.waitMethod('connection.close');
    const t0 = Date.now();
    p.sendMethod(0, 'connection.close-ok', {});
    expect(await p.until(() => p.closed, 2000)).toBe(true);
    // Closed on close-ok, not by closeTimeoutMs (500 ms here).
    expect(Date.now() - t0).toBeLessThan(400);
    memoryAlarm(false);
  });
});
