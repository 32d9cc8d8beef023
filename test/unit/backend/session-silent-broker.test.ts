import net from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SessionState } from '../../../shared/model/session.js';
import { createBackend } from '../../../electron/backend/backend.js';
import { memoryLogger } from '../../../electron/backend/logger.js';
import type { Backend } from '../../../electron/backend/types.js';
import { tempDataDir } from './backend-fixture.js';

/** A "broker" behind a firewall that drops everything: connections open, nothing ever answers. */
describe('session against a broker that never answers', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let backend: Backend;
  let server: net.Server;
  const sockets = new Set<net.Socket>();

  beforeEach(async () => {
    ({ dir, cleanup } = await tempDataDir());
    server = net.createServer((socket) => {
      sockets.add(socket);
      socket.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    backend = await createBackend({
      dataDir: dir,
      transport: 'web',
      version: 'test',
      log: memoryLogger(),
      session: { httpTimeoutMs: 60_000, connectAnswerWithinMs: 300 },
    });
  });
  afterEach(async () => {
    await backend.close();
    for (const s of sockets) s.destroy();
    await new Promise((resolve) => server.close(resolve));
    await cleanup();
  });

  it('answers session.connect and session.retry in bounded time with "connecting", and stays responsive', async () => {
    const { port } = server.address() as net.AddressInfo;
    const { id } = (await backend.dispatch('profiles.save', {
      name: 'silent',
      amqpUri: `amqp://127.0.0.1:${port}`,
      managementUrl: `http://127.0.0.1:${port}`,
      password: 'x',
    })) as { id: string };
    const started = Date.now();
    const state = (await backend.dispatch('session.connect', { id })) as SessionState;
    expect(Date.now() - started).toBeLessThan(3000);
    expect(state).toMatchObject({ status: 'connecting', profileId: id });
    const retried = Date.now();
    expect(await backend.dispatch('session.retry', {})).toMatchObject({ status: 'connecting' });
    expect(Date.now() - retried).toBeLessThan(3000);
    expect(await backend.dispatch('session.disconnect', {})).toMatchObject({ status: 'idle' });
  });
});
