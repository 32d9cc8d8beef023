import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EmbeddedState } from '../../../shared/model/embedded.js';
import type { SessionState } from '../../../shared/model/session.js';
import { createEventHub } from '../../../electron/backend/events.js';
import { memoryLogger } from '../../../electron/backend/logger.js';
import { createProfileStore } from '../../../electron/backend/profiles/profile-store.js';
import type { SessionController } from '../../../electron/backend/session/session-controller.js';
import { EMBEDDED_PROFILE_ID, type Supervisor, createEmbeddedSupervisor } from '../../../electron/backend/embedded/supervisor.js';
import { emptyInventory } from '../../../shared/model/inventory.js';
import { ApiError } from '../../../shared/api/errors.js';
import { tempDataDir } from '../backend/backend-fixture.js';
import { type Behaviour, fakeLauncher } from './fake-launcher.js';

const program = { entry: '/nowhere/cli-main.js', execArgv: [], cwd: undefined };

/** A session that records what the supervisor asks of it. */
function fakeSession(profileId: string | null = null) {
  const state: SessionState = { status: 'idle', profileId, error: null, retryAt: null, lastSampleAt: null, samplerIntervalMs: 2000, samplerPaused: false };
  const connected: string[] = [];
  const session: SessionController = {
    state: () => state,
    connect: async (id) => {
      connected.push(id);
      state.profileId = id;
      return state;
    },
    disconnect: async () => state,
    retry: async () => state,
    configure: () => state,
    snapshot: () => ({ seq: 0, inventory: emptyInventory() }),
    broker: () => {
      throw new ApiError('not_connected', 'not connected in this test');
    },
    close: async () => undefined,
  };
  return { session, connected };
}

describe('embedded broker supervisor (scripted processes)', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let supervisor: Supervisor | null = null;
  beforeEach(async () => ({ dir, cleanup } = await tempDataDir()));
  afterEach(async () => {
    await supervisor?.close();
    supervisor = null;
    await cleanup();
  });

  function setup(script: Behaviour[], options: { profileId?: string | null; maxRestarts?: number; stopTimeoutMs?: number } = {}) {
    const hub = createEventHub(memoryLogger());
    const states: EmbeddedState[] = [];
    const logLines: string[] = [];
    hub.subscribe((event, payload) => {
      if (event === 'embedded.state') states.push(payload as EmbeddedState);
      if (event === 'embedded.log') logLines.push((payload as { text: string }).text);
    });
    const store = createProfileStore({ dataDir: dir, log: memoryLogger() });
    const { session, connected } = fakeSession(options.profileId ?? null);
    const fake = fakeLauncher(script);
    supervisor = createEmbeddedSupervisor({
      dataDir: dir,
      log: memoryLogger(),
      hub,
      store,
      session,
      launch: fake.launch,
      program,
      backoff: { initialMs: 20, factor: 2, maxMs: 200, jitter: 0 },
      maxRestarts: options.maxRestarts ?? 3,
      stopTimeoutMs: options.stopTimeoutMs ?? 2000,
      memoryIntervalMs: 60_000,
    });
    return { supervisor, states, logLines, store, connected, children: fake.children };
  }

  it('starts the broker, reads its ready line, saves the built-in profile and selects it when nothing else is', async () => {
    const { supervisor, store, connected, children } = setup([{ kind: 'ready', httpUrl: true }]);
    const state = await supervisor.autoStart();
    expect(state).toMatchObject({ status: 'running', amqpUrl: expect.stringMatching(/^amqp:\/\/127\.0\.0\.1:\d+$/), httpUrl: expect.stringMatching(/^http:/) });
    expect(children[0]?.spec.args).toEqual(expect.arrayContaining(['--bind', '127.0.0.1', '--data-dir', `${dir}/broker`]));
    const [profile] = await store.list();
    expect(profile).toMatchObject({ id: EMBEDDED_PROFILE_ID, name: 'Embedded broker', builtIn: true, username: 'guest', hasPassword: true });
    expect(profile?.amqpUri).toBe(`${state.amqpUrl}/`);
    expect(profile?.managementUrl).toBe(state.httpUrl);
    expect(connected).toEqual([EMBEDDED_PROFILE_ID]);
  });

  it('leaves the session alone when another profile is selected', async () => {
    const { supervisor, connected } = setup([{ kind: 'ready' }], { profileId: 'someone-else' });
    await supervisor.autoStart();
    expect(connected).toEqual([]);
  });

  it('does not start when turned off in its settings; one setting turns it on and off', async () => {
    const { supervisor, children } = setup([{ kind: 'ready' }, { kind: 'ready' }]);
    await supervisor.configure({ enabled: false });
    expect((await supervisor.autoStart()).status).toBe('stopped');
    expect(children).toHaveLength(0);
    expect((await supervisor.configure({ enabled: true })).status).toBe('running');
    expect((await supervisor.configure({ enabled: false })).status).toBe('stopped');
    expect(children[0]?.signals).toEqual(['SIGTERM']);
  });

  it('retries on a free port when the broker finds its port taken', async () => {
    const { supervisor, children, logLines } = setup([{ kind: 'port-in-use', listener: 'AMQP' }, { kind: 'ready' }]);
    await supervisor.configure({ amqpPort: 0, httpPort: 0 });
    const first = Number(children[0]?.spec.args[1]);
    const state = await supervisor.start();
    expect(state.status).toBe('running');
    expect(Number(children[1]?.spec.args[1])).not.toBe(first);
    expect(logLines.join('\n')).toMatch(/was taken as the broker started; trying a free port/);
  });

  it('reports a start failure with the broker\'s own words', async () => {
    const { supervisor } = setup([{ kind: 'fail', message: 'cannot bind to 10.9.9.9: address not available' }]);
    const state = await supervisor.start();
    expect(state.status).toBe('failed');
    expect(state.reason).toBe('The broker exited with code 1 before it was ready: warren broker: cannot bind to 10.9.9.9: address not available');
  });

  it('restarts a crashed broker with growing delays, says so, and gives up after too many crashes in a row', async () => {
    const { supervisor, states, children, logLines } = setup([{ kind: 'ready' }, { kind: 'ready' }, { kind: 'ready' }, { kind: 'ready' }], { maxRestarts: 2 });
    await supervisor.start();
    const restartDelays: number[] = [];
    for (let crash = 0; crash < 2; crash++) {
      const before = states.length;
      children[crash]?.crash();
      await vi.waitFor(() => expect(states.slice(before).some((s) => s.status === 'restarting')).toBe(true));
      const restarting = states.slice(before).find((s) => s.status === 'restarting') as EmbeddedState;
      expect(restarting.reason).toMatch(/^The broker was killed by SIGKILL; restarting it in \d+ ms \(restart \d\)$/);
      restartDelays.push((restarting.restartAt ?? 0) - Date.now());
      await vi.waitFor(() => expect(states.at(-1)?.status).toBe('running'));
    }
    expect(children).toHaveLength(3);
    expect((await supervisor.state()).restarts).toBe(2);
    children[2]?.crash();
    await vi.waitFor(() => expect(states.at(-1)?.status).toBe('failed'));
    expect(states.at(-1)?.reason).toMatch(/3 times in a row; not restarting it/);
    expect(logLines.filter((l) => l.includes('restarting it in'))).toHaveLength(2);
    // The second delay is about twice the first (20 ms, then 40 ms).
    expect(restartDelays[1]).toBeGreaterThan(restartDelays[0] ?? 0);
  });

  it('kills a broker that ignores SIGTERM once the stop timeout passes', async () => {
    const { supervisor, children, logLines } = setup([{ kind: 'stubborn' }], { stopTimeoutMs: 100 });
    await supervisor.start();
    expect((await supervisor.stop()).status).toBe('stopped');
    expect(children[0]?.signals).toEqual(['SIGTERM', 'SIGKILL']);
    expect(logLines.join('\n')).toMatch(/did not stop within 0.1 s; killing it/);
  });

  it("keeps the broker's stderr JSON logs in a readable tail", async () => {
    const { supervisor } = setup([{ kind: 'ready' }]);
    await supervisor.start();
    const lines = supervisor.logs();
    expect(lines.find((l) => l.source === 'broker' && l.text.startsWith('broker.starting port='))).toBeTruthy();
    expect(lines.find((l) => l.source === 'supervisor' && l.text.startsWith('Broker running'))).toBeTruthy();
    const last = lines.at(-1)?.seq ?? 0;
    expect(supervisor.logs(last)).toEqual([]);
  });

  it('refuses to reset any folder but its own, and restarts on an empty one', async () => {
    const { supervisor, children } = setup([{ kind: 'ready' }, { kind: 'ready' }]);
    const state = await supervisor.start();
    await expect(supervisor.resetData('/tmp')).rejects.toThrow(/Reset refused/);
    expect((await supervisor.resetData(state.dataDir)).status).toBe('running');
    expect(children).toHaveLength(2);
  });

  it('passes the memory budget to the broker process as its heap limit', async () => {
    const { supervisor, children } = setup([{ kind: 'ready' }]);
    await supervisor.configure({ memoryBudgetMb: 256 });
    await supervisor.start();
    expect(children[0]?.spec.execArgv).toContain('--max-old-space-size=256');
  });
});
