import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EmbeddedState } from '../../../shared/model/embedded.js';
import type { SessionState } from '../../../shared/model/session.js';
import { createBackend } from '../../../electron/backend/backend.js';
import { EMBEDDED_PROFILE_ID } from '../../../electron/backend/embedded/supervisor.js';
import { memoryLogger } from '../../../electron/backend/logger.js';
import type { Backend } from '../../../electron/backend/types.js';
import { fakeLauncher } from '../embedded/fake-launcher.js';
import { tempDataDir } from './backend-fixture.js';

/** A broker nobody runs: connecting is refused at once, which is all these tests need. */
const AWAY = { name: 'Local RabbitMQ', amqpUri: 'amqp://127.0.0.1:1', managementUrl: 'http://127.0.0.1:1', password: 'guest' };

describe('the last profile the user connected to', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let backend: Backend | null = null;
  beforeEach(async () => ({ dir, cleanup } = await tempDataDir()));
  afterEach(async () => {
    await backend?.close();
    backend = null;
    await cleanup();
  });

  /** A backend as `warren web` makes one, with its embedded broker scripted to start at once. */
  async function restart(): Promise<Backend> {
    await backend?.close();
    const fake = fakeLauncher([]);
    backend = await createBackend({
      dataDir: dir,
      transport: 'web',
      version: 'test',
      log: memoryLogger(),
      session: { connectAnswerWithinMs: 300 },
      embedded: { autoStart: true, launch: fake.launch, tuning: { program: { entry: '/nowhere/cli-main.js', execArgv: [], cwd: undefined }, memoryIntervalMs: 60_000 } },
    });
    return backend;
  }

  const sessionOf = async (b: Backend) => (await b.dispatch('session.state', {})) as SessionState;
  /** Once the broker runs, the built-in profile is saved and the supervisor has made its choice. */
  const brokerRunning = (b: Backend) =>
    vi.waitFor(async () => expect(((await b.dispatch('embedded.status', {})) as EmbeddedState).profileId).toBe(EMBEDDED_PROFILE_ID));

  it('is connected again after a restart; the embedded broker is the default when it is gone', async () => {
    let b = await restart();
    await brokerRunning(b);
    await vi.waitFor(async () => expect((await sessionOf(b)).profileId).toBe(EMBEDDED_PROFILE_ID));
    const { id } = (await b.dispatch('profiles.save', AWAY)) as { id: string };
    await b.dispatch('session.connect', { id });

    b = await restart();
    await vi.waitFor(async () => expect((await sessionOf(b)).profileId).toBe(id));
    await brokerRunning(b);
    // The embedded broker's start does not take the session back.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await sessionOf(b)).profileId).toBe(id);

    await b.dispatch('profiles.remove', { id });
    b = await restart();
    await brokerRunning(b);
    await vi.waitFor(async () => expect((await sessionOf(b)).profileId).toBe(EMBEDDED_PROFILE_ID));
  });

  it('is forgotten on disconnect, and a chosen embedded broker stays the default', async () => {
    let b = await restart();
    await brokerRunning(b);
    const { id } = (await b.dispatch('profiles.save', AWAY)) as { id: string };
    await b.dispatch('session.connect', { id });
    await b.dispatch('session.disconnect', {});

    b = await restart();
    await brokerRunning(b);
    await vi.waitFor(async () => expect((await sessionOf(b)).profileId).toBe(EMBEDDED_PROFILE_ID));
    await b.dispatch('session.connect', { id: EMBEDDED_PROFILE_ID });

    b = await restart();
    await brokerRunning(b);
    await vi.waitFor(async () => expect((await sessionOf(b)).profileId).toBe(EMBEDDED_PROFILE_ID));
  });
});
