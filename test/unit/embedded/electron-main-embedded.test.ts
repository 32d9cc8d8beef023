import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as fake from '../transport/support/fake-electron.js';

vi.mock('electron', () => import('../transport/support/fake-electron.js'));

const root = path.resolve(import.meta.dirname, '../../..');

/** Electron main starts the embedded broker in a utilityProcess, and quitting closes the backend (and so the broker) first. */
describe('Electron main and the embedded broker', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'warren-main-embedded-'));
    fake.app.userData = dataDir;
    await import('../../../electron/main/main.js');
    await vi.waitFor(() => expect(fake.BrowserWindow.created[0]?.loaded).toBeTruthy());
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('forks the broker program with utilityProcess, its data under the app data folder, on loopback', async () => {
    await vi.waitFor(() => expect(fake.utilityForks).toHaveLength(1), { timeout: 10_000 });
    const [fork] = fake.utilityForks;
    // From the sources under test (tsx); the built app runs dist/electron/broker/cli-main.js.
    expect(fork?.modulePath).toBe(path.join(root, 'electron', 'broker', 'cli-main.ts'));
    expect(fork?.args).toEqual(expect.arrayContaining(['--bind', '127.0.0.1', '--data-dir', path.join(dataDir, 'broker')]));
    expect(fork?.options).toMatchObject({ stdio: 'pipe', serviceName: 'Warren embedded broker' });
  });

  it('on quit, holds the exit until the backend has closed, then quits', async () => {
    const quit = vi.spyOn(fake.app, 'quit');
    const event = { preventDefault: vi.fn() };
    for (const listener of fake.appListeners.get('will-quit') ?? []) listener(event);
    expect(event.preventDefault).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(quit).toHaveBeenCalled());
    // The second will-quit (from that quit) goes through.
    const again = { preventDefault: vi.fn() };
    for (const listener of fake.appListeners.get('will-quit') ?? []) listener(again);
    expect(again.preventDefault).not.toHaveBeenCalled();
  });
});
