import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EmbeddedState } from '../../../shared/model/embedded.js';
import { createBackend } from '../../../electron/backend/backend.js';
import { PID_FILE, processAlive } from '../../../electron/backend/embedded/leftover.js';
import { memoryLogger } from '../../../electron/backend/logger.js';
import { tempDataDir } from '../../unit/backend/backend-fixture.js';

/**
 * A Warren killed with SIGKILL cannot stop its broker; what it leaves is a
 * live broker process and the pid file naming it. The next start on the same
 * data folder checks that the process is that broker and stops it first.
 */
describe('a broker left behind by a killed Warren', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let orphan: ChildProcess | null = null;
  beforeEach(async () => ({ dir, cleanup } = await tempDataDir()));
  afterEach(async () => {
    if (orphan && orphan.exitCode === null && orphan.signalCode === null) orphan.kill('SIGKILL');
    await cleanup();
  });

  it('is stopped when Warren starts again on the same data folder', async () => {
    const brokerDir = path.join(dir, 'broker');
    orphan = spawn(process.execPath, ['--import', 'tsx', 'electron/broker/cli-main.ts', '--amqp-port', '0', '--http-port', '0', '--data-dir', brokerDir], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let out = '';
    orphan.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    await vi.waitFor(() => expect(out).toMatch(/ready on amqp:/), { timeout: 30_000, interval: 100 });
    const pid = orphan.pid as number;
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, PID_FILE), JSON.stringify({ pid, brokerDir }));

    const backend = await createBackend({ dataDir: dir, transport: 'web', version: 'test', log: memoryLogger(), embedded: { autoStart: false } });
    try {
      const state = (await backend.dispatch('embedded.start', {})) as EmbeddedState;
      expect(state.status).toBe('running');
      expect(state.pid).not.toBe(pid);
      expect(await processAlive(pid)).toBe(false);
      const logs = (await backend.dispatch('embedded.logs', {})) as { lines: { text: string }[] };
      expect(logs.lines.map((l) => l.text)).toContain(`Stopping a broker an earlier Warren left running (pid ${pid})`);
    } finally {
      await backend.close();
    }
  });

  it('leaves a process alone that is not that broker (a recycled pid)', async () => {
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, PID_FILE), JSON.stringify({ pid: process.pid, brokerDir: path.join(dir, 'broker') }));
    const backend = await createBackend({ dataDir: dir, transport: 'web', version: 'test', log: memoryLogger(), embedded: { autoStart: false } });
    try {
      expect(((await backend.dispatch('embedded.start', {})) as EmbeddedState).status).toBe('running');
    } finally {
      await backend.close();
    }
  });
});
