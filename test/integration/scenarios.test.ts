import { randomBytes } from 'node:crypto';
import amqp, { type Channel, type ChannelModel } from 'amqplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../electron/backend/scenarios/catalogue.js';
import { type Scenarios, createScenarios } from '../../electron/backend/scenarios/scenario-handlers.js';
import { type ScenarioId, type ScenarioState, ScenarioState as ScenarioStateSchema } from '../../shared/model/scenarios.js';
import { type ConnectedWorkbench, connectWorkbench, eventsOf, workbenchTargets } from './support/connected-workbench.js';
import { RABBIT_PASSWORD, RABBIT_USER, waitFor } from './support/rabbit-admin.js';

async function management(baseUrl: string, method: string, path: string): Promise<void> {
  const auth = Buffer.from(`${RABBIT_USER}:${RABBIT_PASSWORD}`).toString('base64');
  const res = await fetch(new URL(path, baseUrl), { method, headers: { authorization: `Basic ${auth}`, 'content-type': 'application/json' }, body: method === 'PUT' ? '{}' : null });
  if (!res.ok && res.status !== 404) throw new Error(`${method} ${path}: HTTP ${res.status}`);
}

const IDS = Object.keys(SCENARIOS) as ScenarioId[];

for (const target of await workbenchTargets()) {
  describe.skipIf(!target.available)(`scenarios against ${target.name}`, () => {
    // A vhost of the test's own: the scenarios' entity names are fixed, and RabbitMQ is shared.
    const vhost = `warren-test.scenarios.${randomBytes(4).toString('hex')}`;
    let stop: () => Promise<void>;
    let managementUrl: string;
    let w: ConnectedWorkbench;
    let scenarios: Scenarios;
    let inVhost: ChannelModel;
    let ch: Channel;

    beforeAll(async () => {
      const started = await target.start();
      stop = started.stop;
      managementUrl = started.managementUrl;
      // Created over HTTP, which gives its creator (guest) full permissions on it.
      await management(managementUrl, 'PUT', `/api/vhosts/${encodeURIComponent(vhost)}`);
      w = await connectWorkbench(started);
      scenarios = createScenarios(w.deps);
      const url = new URL(started.amqpUri);
      inVhost = await amqp.connect({ protocol: 'amqp', hostname: url.hostname, port: Number(url.port), username: RABBIT_USER, password: RABBIT_PASSWORD, vhost: encodeURIComponent(vhost) });
      inVhost.on('error', () => undefined);
      ch = await inVhost.createChannel();
    });
    afterAll(async () => {
      await scenarios?.stopAll();
      await inVhost?.close().catch(() => undefined);
      await w?.close();
      await management(managementUrl, 'DELETE', `/api/vhosts/${encodeURIComponent(vhost)}`);
      await stop?.();
    });

    const consumersOn = async (queues: string[]) => {
      let total = 0;
      for (const q of queues) total += (await ch.checkQueue(q)).consumerCount;
      return total;
    };
    const latest = (id: ScenarioId): ScenarioState | undefined => eventsOf(w, 'scenarios.state').filter((s) => s.id === id).at(-1);

    it.each(IDS)('%s: starts, every actor’s counts rise, stops with nothing left running', async (id) => {
      const spec = SCENARIOS[id];
      const first = await scenarios.handlers['scenarios.start']({ id, vhost });
      expect(first).toMatchObject({ id, vhost, status: 'running', error: null });
      expect(first.actors.map((a) => a.name)).toEqual(spec.actors.map((a) => a.name));
      // Again while it runs: the same run, not a second one.
      expect((await scenarios.handlers['scenarios.start']({ id, vhost })).startedAt).toBe(first.startedAt);
      expect((await scenarios.handlers['scenarios.list'](undefined as never)).running.map((s) => s.id)).toContain(id);

      const since = Date.now();
      const moving = await waitFor(
        'every actor to send or receive at least 2 messages',
        () => {
          const s = latest(id);
          return s && s.actors.every((a) => a.sent + a.received >= 2) ? s : undefined;
        },
        20_000,
      );
      expect(ScenarioStateSchema.parse(moving).status).toBe('running');
      const throttled = eventsOf(w, 'scenarios.state').filter((s) => s.id === id && s.status === 'running');
      // About one state a second while it runs (plus the one that says it started).
      expect(throttled.length).toBeLessThanOrEqual(Math.ceil((Date.now() - since) / 1000) + 2);
      expect(await consumersOn(spec.info.queues)).toBeGreaterThan(0);

      const stopped = await scenarios.handlers['scenarios.stop']({ id });
      expect(stopped.status).toBe('stopped');
      expect(latest(id)?.status).toBe('stopped');
      expect(await consumersOn(spec.info.queues)).toBe(0);
      expect((await scenarios.handlers['scenarios.list'](undefined as never)).running.map((s) => s.id)).not.toContain(id);
    });

    it('work queues: fair dispatch gives the fast worker more, and the ready count climbs', async () => {
      await ch.purgeQueue('task_queue');
      await scenarios.handlers['scenarios.start']({ id: 'work-queues', vhost });
      const s = await waitFor(
        'the fast worker ahead by 5',
        () => {
          const state = latest('work-queues');
          const [fast, slow] = [state?.actors[1], state?.actors[2]];
          return fast && slow && fast.received >= slow.received + 5 ? state : undefined;
        },
        20_000,
      );
      expect(s.actors[2]!.received).toBeGreaterThanOrEqual(1);
      await waitFor('ready to climb past 5', async () => (await ch.checkQueue('task_queue')).messageCount > 5, 20_000);
      await scenarios.handlers['scenarios.stop']({ id: 'work-queues' });
      await ch.purgeQueue('task_queue');
    });

    it('a vhost the user may not use: failed, in the broker’s words, nothing running', async () => {
      const missing = `warren-test.no-such-vhost.${randomBytes(4).toString('hex')}`;
      const state = await scenarios.handlers['scenarios.start']({ id: 'hello-world', vhost: missing });
      expect(state.status).toBe('failed');
      expect(state.error).toMatch(new RegExp(`NOT_ALLOWED|vhost "${missing.replace(/\./g, '\\.')}" does not exist`));
      expect((await scenarios.handlers['scenarios.list'](undefined as never)).running).toEqual([expect.objectContaining({ id: 'hello-world', status: 'failed' })]);
      // Started again where it may run, it runs.
      expect((await scenarios.handlers['scenarios.start']({ id: 'hello-world', vhost })).status).toBe('running');
      await scenarios.handlers['scenarios.stop']({ id: 'hello-world' });
    });

    it('a queue declared differently: failed with 406 PRECONDITION_FAILED in the broker’s words', async () => {
      await ch.deleteQueue('hello');
      await ch.assertQueue('hello', { durable: true });
      const state = await scenarios.handlers['scenarios.start']({ id: 'hello-world', vhost });
      expect(state.status).toBe('failed');
      expect(state.error).toMatch(/^406 PRECONDITION_FAILED - inequivalent arg 'durable' for queue 'hello'/);
      await ch.deleteQueue('hello');
    });

    it('leaving the profile stops every run', async () => {
      await scenarios.handlers['scenarios.start']({ id: 'publish-subscribe', vhost });
      await scenarios.handlers['scenarios.start']({ id: 'rpc', vhost });
      w.deps.hub.emit('session.state', { status: 'idle', profileId: null, error: null, retryAt: null, lastSampleAt: null, samplerIntervalMs: 5000, samplerPaused: false });
      await waitFor('every run stopped and forgotten', async () => (await scenarios.handlers['scenarios.list'](undefined as never)).running.length === 0);
      await waitFor('their consumers gone', async () => (await consumersOn(['logs.console', 'logs.archive', 'rpc_queue'])) === 0);
      // Nothing ticks any more: no state event after the stops.
      const counted = eventsOf(w, 'scenarios.state').length;
      await new Promise((r) => setTimeout(r, 1500));
      expect(eventsOf(w, 'scenarios.state').length).toBe(counted);
    });
  });
}
