import amqp from 'amqplib';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type EventPayload, events } from '../../shared/api/contract.js';
import { applyInventoryDelta } from '../../shared/inventory/delta.js';
import { type Inventory, emptyInventory } from '../../shared/model/inventory.js';
import type { SessionState } from '../../shared/model/session.js';
import { createBackend } from '../../electron/backend/backend.js';
import { memoryLogger } from '../../electron/backend/logger.js';
import type { Backend } from '../../electron/backend/types.js';
import { RABBITMQ_URL, rabbitAvailable } from '../support/requirements.js';
import { tempDataDir } from '../unit/backend/backend-fixture.js';
import { RABBIT_AMQP_PORT, RABBIT_HOST, RABBIT_HTTP_PORT, RABBIT_PASSWORD, RABBIT_URI, RABBIT_USER, deleteQueue, uniqueName, waitFor } from './support/rabbit-admin.js';
import { type TcpProxy, createTcpProxy } from '../support/tcp-proxy.js';

const rabbit = await rabbitAvailable();
const FAST = { initialMs: 200, factor: 2, maxMs: 1000, jitter: 0 };

/** The backend as a transport sees it: calls in, events out, the renderer's view of the inventory rebuilt from deltas. */
async function startBackend(log = memoryLogger()) {
  const { dir, cleanup } = await tempDataDir();
  const backend: Backend = await createBackend({ dataDir: dir, transport: 'web', version: 'test', log, session: { httpTimeoutMs: 10_000, backoff: FAST } });
  const states: SessionState[] = [];
  const deltas: EventPayload<'inventory.delta'>[] = [];
  let view: Inventory = emptyInventory();
  /** Events that do not match their contract schema: transports would reject them. */
  const invalid: string[] = [];
  backend.subscribe((event, payload) => {
    const checked = events[event].safeParse(payload);
    if (!checked.success) invalid.push(`${event}: ${checked.error.message}`);
    if (event === 'session.state') states.push(payload as SessionState);
    if (event === 'inventory.delta') {
      const delta = payload as EventPayload<'inventory.delta'>;
      deltas.push(delta);
      view = applyInventoryDelta(view, delta);
    }
  });
  const call = <T>(method: string, args: unknown = {}) => backend.dispatch(method, args) as Promise<T>;
  return {
    backend,
    log,
    states,
    deltas,
    call,
    view: () => view,
    invalid,
    async close() {
      await backend.close();
      await cleanup();
    },
  };
}

type Harness = Awaited<ReturnType<typeof startBackend>>;

describe.skipIf(!rabbit)('backend session and sampler against RabbitMQ', () => {
  let h: Harness;
  const queues: string[] = [];
  let publisher: amqp.ChannelModel;

  beforeAll(async () => {
    publisher = await amqp.connect(RABBITMQ_URL);
    publisher.on('error', () => undefined);
  });
  afterAll(async () => {
    for (const q of queues) await deleteQueue('/', q);
    await publisher.close();
  });
  beforeEach(async () => {
    h = await startBackend();
  });
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  beforeAll(() => {
    process.on('unhandledRejection', onUnhandled);
  });
  afterAll(() => {
    process.off('unhandledRejection', onUnhandled);
  });
  afterEach(async () => {
    await h.close();
    expect(h.invalid).toEqual([]);
    expect(unhandled).toEqual([]);
  });

  const addProfile = (fields: Record<string, unknown> = {}) =>
    h.call<{ id: string }>('profiles.save', {
      name: `it-${Date.now()}-${Math.random()}`,
      amqpUri: RABBIT_URI,
      managementUrl: `http://${RABBIT_HOST}:${RABBIT_HTTP_PORT}`,
      username: RABBIT_USER,
      password: RABBIT_PASSWORD,
      ...fields,
    });

  it('tests a saved profile through the dispatcher', async () => {
    const { id } = await addProfile();
    const result = await h.call<{ amqp: { ok: boolean }; http: { ok: boolean } }>('profiles.test', {
      id,
      name: 'unsaved edits',
      amqpUri: RABBIT_URI,
      managementUrl: `http://${RABBIT_HOST}:${RABBIT_HTTP_PORT}`,
      username: RABBIT_USER,
    });
    expect(result.amqp.ok && result.http.ok).toBe(true);
  });

  it('connects, sees a declared queue, then ready = 5 after publishing 5 messages', async () => {
    const name = uniqueName('sampler');
    queues.push(name);
    const channel = await publisher.createChannel();
    await channel.assertQueue(name, { durable: false, arguments: { 'x-max-length': 1000 } });

    const { id } = await addProfile();
    await h.call('sampler.configure', { intervalMs: 500 });
    const state = await h.call<SessionState>('session.connect', { id });
    expect(state).toMatchObject({ status: 'connected', profileId: id, error: null, samplerIntervalMs: 500 });
    // Connecting clears the views (full, empty), then the first sample replaces everything (full).
    expect(h.deltas.map((d) => d.full)).toEqual([true, true]);

    const row = () => h.view().queues.find((q) => q.vhost === '/' && q.name === name);
    await waitFor('the declared queue', () => row());
    expect(row()?.badges).toContain('Lim');

    for (let i = 0; i < 5; i++) channel.sendToQueue(name, Buffer.from(`m${i}`));
    await channel.close();
    // RabbitMQ refreshes queue statistics every 5 s by default.
    await waitFor('ready = 5', () => row()?.ready === 5, 20_000);

    const snapshot = await h.call<{ seq: number; inventory: Inventory }>('inventory.snapshot');
    expect(snapshot.inventory.queues.find((q) => q.name === name)?.ready).toBe(5);
    expect(snapshot.seq).toBe(h.deltas.at(-1)?.seq);
    expect(h.deltas.slice(2).every((d) => !d.full)).toBe(true);
    expect(h.log.lines.some((l) => l.includes('"msg":"sample"') && l.includes('fetchMs'))).toBe(true);
  });

  it('pauses while hidden and resumes when shown', async () => {
    const { id } = await addProfile();
    await h.call('sampler.configure', { intervalMs: 500 });
    await h.call('session.connect', { id });
    const paused = await h.call<SessionState>('sampler.configure', { hidden: true });
    expect(paused.samplerPaused).toBe(true);
    const before = h.deltas.length;
    const lastSample = paused.lastSampleAt;
    await new Promise((r) => setTimeout(r, 1500));
    expect((await h.call<SessionState>('session.state')).lastSampleAt).toBe(lastSample);
    expect(h.deltas.length).toBe(before);
    await h.call('sampler.configure', { hidden: false });
    await waitFor('a sample after showing', async () => (await h.call<SessionState>('session.state')).lastSampleAt !== lastSample);
  });

  describe('when the broker goes away', () => {
    let amqpProxy: TcpProxy;
    let httpProxy: TcpProxy;
    beforeEach(async () => {
      amqpProxy = await createTcpProxy({ host: RABBIT_HOST, port: RABBIT_AMQP_PORT });
      httpProxy = await createTcpProxy({ host: RABBIT_HOST, port: RABBIT_HTTP_PORT });
    });
    afterEach(async () => {
      await amqpProxy.stop();
      await httpProxy.stop();
    });

    it('shows disconnected with the reason and a retry time, keeps running, and recovers with a full sample', async () => {
      const { id } = await addProfile({ amqpUri: `amqp://127.0.0.1:${amqpProxy.port}`, managementUrl: `http://127.0.0.1:${httpProxy.port}` });
      await h.call('sampler.configure', { intervalMs: 500 });
      expect((await h.call<SessionState>('session.connect', { id })).status).toBe('connected');

      await amqpProxy.stop();
      await httpProxy.stop();
      const down = await waitFor('disconnected', () => h.states.find((s) => s.status === 'disconnected'));
      expect(down.error).toMatch(/127\.0\.0\.1:\d+/);
      expect(down.retryAt).toBeGreaterThan(0);
      expect(JSON.stringify(h.states)).not.toContain(RABBIT_PASSWORD === 'guest' ? '"guest:guest@' : RABBIT_PASSWORD);
      // The backend keeps answering while the broker is away.
      expect((await h.call<{ name: string }>('app.info')).name).toBe('Warren');
      expect((await h.call<SessionState>('session.retry')).status).toBe('disconnected');

      const fullBefore = h.deltas.filter((d) => d.full).length;
      await amqpProxy.start();
      await httpProxy.start();
      const back = await h.call<SessionState>('session.retry');
      expect(back.status).toBe('connected');
      expect(back.error).toBeNull();
      expect(h.deltas.filter((d) => d.full).length).toBe(fullBefore + 1);
    });

    it('reconnects by itself, without a retry call', async () => {
      const { id } = await addProfile({ amqpUri: `amqp://127.0.0.1:${amqpProxy.port}`, managementUrl: `http://127.0.0.1:${httpProxy.port}` });
      await h.call('session.connect', { id });
      await amqpProxy.stop();
      await httpProxy.stop();
      await waitFor('disconnected', async () => (await h.call<SessionState>('session.state')).status === 'disconnected');
      await amqpProxy.start();
      await httpProxy.start();
      await waitFor('connected again', async () => (await h.call<SessionState>('session.state')).status === 'connected', 10_000);
    });
  });

  it('disconnects when the connected profile is removed, and reconnects when it is edited', async () => {
    const { id } = await addProfile();
    await h.call('session.connect', { id });
    await h.call('profiles.save', { id, name: 'renamed while connected', amqpUri: RABBIT_URI, managementUrl: `http://${RABBIT_HOST}:${RABBIT_HTTP_PORT}`, username: RABBIT_USER });
    await waitFor('reconnected after the edit', () => h.states.filter((s) => s.status === 'connected').length >= 2);
    await h.call('profiles.remove', { id });
    expect(await h.call<SessionState>('session.state')).toMatchObject({ status: 'idle', profileId: null });
  });

  it('keeps exactly one session when connects race', async () => {
    const a = await addProfile();
    const b = await addProfile();
    const states = await Promise.all([h.call<SessionState>('session.connect', { id: a.id }), h.call<SessionState>('session.connect', { id: b.id })]);
    expect(states.map((s) => s.profileId)).toEqual([b.id, b.id]);
    await h.call('session.disconnect');
    // An orphaned session would still be sampling.
    const deltas = h.deltas.length;
    await new Promise((r) => setTimeout(r, 2500));
    expect(h.deltas.length).toBe(deltas);
  });

  it('disconnects to idle and clears the inventory', async () => {
    const { id } = await addProfile();
    await h.call('session.connect', { id });
    expect(h.view().exchanges.length).toBeGreaterThan(0);
    const state = await h.call<SessionState>('session.disconnect');
    expect(state).toMatchObject({ status: 'idle', profileId: null });
    expect(h.view().exchanges).toEqual([]);
    await expect(h.call('session.retry')).rejects.toMatchObject({ code: 'not_connected' });
  });
});
