// Policies and parameters in --data-dir, and the stored definitions after a
// definitions import that the engine refused half-way (rolled back).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../electron/broker/logger.js';
import { startBroker, type RunningBroker } from '../../../electron/broker/main.js';
import { DEFINITIONS_FILE, readDefinitions, type StoredDefinitions } from '../../../electron/broker/store/definitions.js';
import { connect, tempDir } from './support.js';

const auth = `Basic ${Buffer.from('guest:guest').toString('base64')}`;

let running: RunningBroker[] = [];
afterEach(async () => {
  await Promise.all(running.map((b) => b.close()));
  running = [];
});

async function started(dataDir: string): Promise<RunningBroker> {
  const b = await startBroker({ amqpPort: 0, httpPort: 0, bind: '127.0.0.1', dataDir, log: silentLogger, limits: { silentCloseDelayMs: 50, closeTimeoutMs: 500 } });
  running.push(b);
  return b;
}

async function call(b: RunningBroker, method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${b.httpUrl}${path}`, {
    method, headers: { authorization: auth, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: text === '' ? undefined : JSON.parse(text) };
}

/** The durable state the data dir holds: the snapshot with its log replayed. */
const stored = (dir: string) => readDefinitions(dir)!.definitions;
const snapshotFile = (dir: string) => JSON.parse(readFileSync(join(dir, DEFINITIONS_FILE), 'utf8')) as StoredDefinitions;

describe('policies and parameters in the data dir', () => {
  it('a policy survives a restart and keeps applying to queues, old and new', async () => {
    const dir = tempDir();
    const first = await started(dir);
    const policy = { pattern: '^limited\\.', 'apply-to': 'queues', priority: 3, definition: { 'max-length': 2, 'message-ttl': 60000 } };
    expect((await call(first, 'PUT', '/api/policies/%2F/cap', policy)).status).toBe(201);
    const conn = await connect(first.port);
    const ch = await conn.createChannel();
    await ch.assertQueue('limited.old', { durable: true });
    await conn.close();
    await first.close();
    running = [];

    const second = await started(dir);
    expect((await call(second, 'GET', '/api/policies/%2F/cap')).json).toMatchObject({ vhost: '/', name: 'cap', ...policy });
    const c2 = await connect(second.port);
    const ch2 = await c2.createChannel();
    await ch2.assertQueue('limited.new', { durable: false });
    for (const q of ['limited.old', 'limited.new']) {
      for (let i = 0; i < 4; i++) ch2.sendToQueue(q, Buffer.from(String(i)));
    }
    // Publishes and the check share the channel, so they are done by the time it answers.
    expect((await ch2.checkQueue('limited.old')).messageCount).toBe(2);
    expect((await ch2.checkQueue('limited.new')).messageCount).toBe(2);
    await c2.close();
    expect((await call(second, 'GET', '/api/queues/%2F/limited.old')).json).toMatchObject({ policy: 'cap' });
  });

  it('a deleted policy stays deleted; parameters and global parameters come back', async () => {
    const dir = tempDir();
    const first = await started(dir);
    await call(first, 'PUT', '/api/policies/%2F/gone', { pattern: '.*', definition: { 'max-length': 1 } });
    expect((await call(first, 'DELETE', '/api/policies/%2F/gone')).status).toBe(204);
    const imported = {
      parameters: [{ vhost: '/', component: 'federation-upstream', name: 'up', value: { uri: 'amqp://elsewhere' } }],
      global_parameters: [{ name: 'cluster_tags', value: ['a'] }],
    };
    expect((await call(first, 'POST', '/api/definitions', imported)).status).toBe(204);
    await first.close();
    running = [];

    expect(stored(dir)).toMatchObject({ policies: [], ...imported });
    const second = await started(dir);
    const exported = (await call(second, 'GET', '/api/definitions')).json as Record<string, unknown>;
    expect(exported.policies).toEqual([]);
    expect(exported.parameters).toEqual(imported.parameters);
    expect(exported.global_parameters).toEqual(imported.global_parameters);
  });

  it('reads a definitions.json written before policies were kept', async () => {
    const dir = tempDir();
    const first = await started(dir);
    await first.close();
    running = [];
    const { policies: _p, parameters: _q, global_parameters: _g, ...older } = snapshotFile(dir);
    writeFileSync(join(dir, DEFINITIONS_FILE), JSON.stringify(older));
    const second = await started(dir);
    expect((await call(second, 'GET', '/api/policies')).json).toEqual([]);
  });
});

describe('the stored definitions after a rolled-back import', () => {
  it('equals the durable state: a binding the import added, then undid, is not kept', async () => {
    const dir = tempDir();
    const b = await started(dir);
    const conn = await connect(b.port);
    const ch = await conn.createChannel();
    await ch.assertExchange('rx', 'direct', { durable: true });
    await ch.assertQueue('rq', { durable: true });
    // Someone else's exclusive queue: validation finds it, the engine refuses to bind it (405 locked), after rx → rq was bound.
    await ch.assertQueue('locked', { exclusive: true });
    const before = stored(dir);
    const r = await call(b, 'POST', '/api/definitions', {
      bindings: [
        { vhost: '/', source: 'rx', destination: 'rq', destination_type: 'queue', routing_key: 'k', arguments: {} },
        { vhost: '/', source: 'rx', destination: 'locked', destination_type: 'queue', routing_key: 'k', arguments: {} },
      ],
    });
    expect(r.status).toBe(400);
    expect((await call(b, 'GET', '/api/exchanges/%2F/rx/bindings/source')).json).toEqual([]);
    expect(stored(dir)).toEqual(before);
    await conn.close();
    await b.close();
    running = [];
    const again = await started(dir);
    expect((await call(again, 'GET', '/api/exchanges/%2F/rx/bindings/source')).json).toEqual([]);
  });
});
