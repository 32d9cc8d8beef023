import amqp from 'amqplib';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EmbeddedState } from '../../../shared/model/embedded.js';
import { createBackend } from '../../../electron/backend/backend.js';
import { processAlive } from '../../../electron/backend/embedded/leftover.js';
import { EMBEDDED_PROFILE_ID } from '../../../electron/backend/embedded/supervisor.js';
import { memoryLogger } from '../../../electron/backend/logger.js';
import type { Backend } from '../../../electron/backend/types.js';
import { rabbitAvailable } from '../../support/requirements.js';
import { tempDataDir } from '../../unit/backend/backend-fixture.js';


const rabbit = await rabbitAvailable();

/**
 * The supervisor with the real broker program (electron/broker/cli-main.ts
 * under tsx) in a real child process: ports, crashes, stops.
 */
describe('embedded broker supervisor, real processes', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let backend: Backend | null = null;
  let states: EmbeddedState[];
  const pids: number[] = [];

  beforeEach(async () => {
    ({ dir, cleanup } = await tempDataDir());
    states = [];
  });
  afterEach(async () => {
    await backend?.close();
    backend = null;
    for (const pid of pids.splice(0)) expect(await processAlive(pid), `broker pid ${pid} outlived the backend`).toBe(false);
    await cleanup();
  });

  async function start(settings?: Record<string, unknown>): Promise<EmbeddedState> {
    backend = await createBackend({
      dataDir: dir,
      transport: 'web',
      version: 'test',
      log: memoryLogger(),
      embedded: { autoStart: false, tuning: { backoff: { initialMs: 100, factor: 2, maxMs: 1000, jitter: 0 }, stopTimeoutMs: 3000 } },
    });
    backend.subscribe((event, payload) => {
      if (event === 'embedded.state') states.push(payload as EmbeddedState);
    });
    if (settings) await backend.dispatch('embedded.configure', settings);
    const state = (await backend.dispatch('embedded.start', {})) as EmbeddedState;
    expect(state.status, state.reason ?? '').toBe('running');
    if (state.pid) pids.push(state.pid);
    return state;
  }

  it('starts on free ports, in its own process, and speaks AMQP to amqplib', async () => {
    const state = await start({ amqpPort: 0, httpPort: 0 });
    expect(state.pid).not.toBe(process.pid);
    expect(state.dataDir).toBe(`${dir}/broker`);
    const connection = await amqp.connect(`amqp://guest:guest@${new URL(state.amqpUrl as string).host}`);
    try {
      expect(connection.connection.serverProperties.product).toBe('Warren');
      const channel = await connection.createChannel();
      await channel.assertQueue('embedded.it', { durable: false });
      channel.sendToQueue('embedded.it', Buffer.from('hi'));
      const got = await vi.waitFor(async () => {
        const message = await channel.get('embedded.it', { noAck: true });
        expect(message).not.toBe(false);
        return message;
      });
      expect(got && got.content.toString()).toBe('hi');
    } finally {
      await connection.close();
    }
    const profiles = (await backend!.dispatch('profiles.list', {})) as { id: string; builtIn: boolean; amqpUri: string }[];
    expect(profiles).toEqual([expect.objectContaining({ id: EMBEDDED_PROFILE_ID, builtIn: true, amqpUri: `${state.amqpUrl}/` })]);
  });

  it('restarts the broker after kill -9 and says so, on the same port', async () => {
    const first = await start({ amqpPort: 0, httpPort: 0 });
    process.kill(first.pid as number, 'SIGKILL');
    await vi.waitFor(() => expect(states.some((s) => s.status === 'restarting')).toBe(true), { timeout: 5000 });
    const restarting = states.find((s) => s.status === 'restarting') as EmbeddedState;
    expect(restarting.reason).toMatch(/^The broker was killed by SIGKILL; restarting it in/);
    const again = await vi.waitFor(
      () => {
        const last = states.at(-1) as EmbeddedState;
        expect(last.status).toBe('running');
        return last;
      },
      { timeout: 20_000, interval: 100 },
    );
    if (again.pid) pids.push(again.pid);
    expect(again.pid).not.toBe(first.pid);
    expect(again.restarts).toBe(1);
    expect(again.amqpPort).toBe(first.amqpPort);
    const logs = (await backend!.dispatch('embedded.logs', {})) as { lines: { text: string }[] };
    expect(logs.lines.some((l) => /was killed by SIGKILL; restarting it/.test(l.text))).toBe(true);
    const connection = await amqp.connect(`amqp://guest:guest@${new URL(again.amqpUrl as string).host}`);
    await connection.close();
  });

  it('stop leaves no process behind, and so does closing the backend', async () => {
    const state = await start({ amqpPort: 0, httpPort: 0 });
    const stopped = (await backend!.dispatch('embedded.stop', {})) as EmbeddedState;
    expect(stopped.status).toBe('stopped');
    expect(await processAlive(state.pid as number)).toBe(false);
    const restarted = (await backend!.dispatch('embedded.start', {})) as EmbeddedState;
    pids.push(restarted.pid as number);
    await backend!.close();
    backend = null;
    expect(await processAlive(restarted.pid as number)).toBe(false);
  });

  it('loads the example topology twice without failing or duplicating anything', async () => {
    const state = await start({ amqpPort: 0, httpPort: 0 });
    const first = (await backend!.dispatch('embedded.loadExamples', {})) as { queues: string[]; exchanges: string[]; bindings: number; published: number };
    expect(first.queues).toEqual(expect.arrayContaining(['hello', 'task_queue', 'rpc_queue']));
    expect(first.exchanges).toEqual(['logs', 'direct_logs', 'topic_logs']);
    expect(first.published).toBeGreaterThan(0);
    const second = (await backend!.dispatch('embedded.loadExamples', {})) as typeof first;
    expect(second).toMatchObject({ queues: first.queues, exchanges: first.exchanges, bindings: first.bindings, published: 0 });
    const connection = await amqp.connect(`amqp://guest:guest@${new URL(state.amqpUrl as string).host}`);
    try {
      const channel = await connection.createChannel();
      expect((await channel.checkQueue('task_queue')).messageCount).toBe(5);
      // topic_logs: kern.critical reaches *.critical and kern.*; cron.critical only *.critical.
      expect((await channel.checkQueue('topic_logs.critical')).messageCount).toBe(2);
      expect((await channel.checkQueue('topic_logs.kern')).messageCount).toBe(2);
      expect((await channel.checkQueue('topic_logs.all')).messageCount).toBe(4);
      expect((await channel.checkQueue('direct_logs.error')).messageCount).toBe(1);
      expect((await channel.checkQueue('logs.archive')).messageCount).toBe(2);
    } finally {
      await connection.close();
    }
  });

  it.skipIf(!rabbit)("falls back to free ports when RabbitMQ has 5672 and 15672, and says so", async () => {
    const state = await start();
    expect(state.amqpPort).not.toBe(5672);
    expect(state.httpPort).not.toBe(15672);
    expect(state.portNote).toBe('AMQP port 5672 and HTTP port 15672 are in use by another program (another broker?), so free ports are used instead.');
    const connection = await amqp.connect(`amqp://guest:guest@${new URL(state.amqpUrl as string).host}`);
    try {
      expect(connection.connection.serverProperties.product).toBe('Warren');
    } finally {
      await connection.close();
    }
  });
});
