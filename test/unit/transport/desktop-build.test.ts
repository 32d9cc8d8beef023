import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../../../shared/api/contract.js';
import { DESKTOP_THEME_CHANNEL } from '../../../shared/api/desktop.js';
import { ipcMethodChannel } from '../../../shared/api/wire.js';
import { buildDesktop } from '../../../electron/main/desktop-build.js';

const root = path.resolve(import.meta.dirname, '../../..');

describe('the desktop build', () => {
  beforeAll(async () => {
    await buildDesktop(root);
  }, 120_000);

  it('emits main as ESM where package.json says Electron will look', async () => {
    const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { main: string };
    const main = await readFile(path.join(root, pkg.main), 'utf8');
    expect(main).toMatch(/from 'electron'/);
    expect(main).toMatch(/from '\.\.\/backend\/backend\.js'/);
  });

  it('emits the embedded broker entry too, for the desktop app to run in its own process', () => {
    expect(existsSync(path.join(root, 'dist/electron/broker/cli-main.js'))).toBe(true);
  });

  it('emits a main that starts under Node with every import of the built tree resolvable', async () => {
    const userData = await mkdtemp(path.join(os.tmpdir(), 'warren-built-main-'));
    try {
      const stub = path.join(import.meta.dirname, 'support', 'electron-stub', 'register.mjs');
      const run = spawnSync(process.execPath, ['--import', stub, path.join(root, 'dist/electron/main/main.js')], {
        cwd: root,
        env: { ...process.env, WARREN_STUB_USER_DATA: userData },
        encoding: 'utf8',
        timeout: 20_000,
      });
      type Seen = { event: string; url?: string; schemes?: string[]; preload?: string; channels?: string[] };
      // The stub's reports are JSON lines; main also prints where the embedded broker is.
      const loaded = run.stdout.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Seen);
      expect(loaded.find((e) => e.event === 'exit'), run.stderr).toBeUndefined();
      const window = loaded.find((e) => e.event === 'loaded');
      // The renderer over its own scheme (what the handler serves is tested in electron-main.test.ts and
      // test/unit/main/app-protocol.test.ts; other suites may be rebuilding dist/renderer meanwhile).
      expect(window?.url).toBe('warren-app://app/index.html');
      expect(window?.schemes).toEqual(['warren-app']);
      expect(existsSync(window!.preload!)).toBe(true);
      expect(window?.channels?.sort()).toEqual([...METHOD_NAMES.map(ipcMethodChannel), DESKTOP_THEME_CHANNEL].sort());
    } finally {
      await rm(userData, { recursive: true, force: true });
    }
  });

  it('emits a preload that runs as a sandboxed script whose require knows only electron', async () => {
    const code = await readFile(path.join(root, 'dist/electron/preload/preload.cjs'), 'utf8');
    const exposed: Record<string, unknown> = {};
    const invoked: string[] = [];
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
      ipcRenderer: { invoke: async (channel: string) => invoked.push(channel), on: () => undefined, removeListener: () => undefined },
    };
    const sandboxRequire = (name: string) => {
      if (name === 'electron') return electron;
      throw new Error(`module not found: ${name}`);
    };
    const module = { exports: {} };
    vm.runInNewContext(`(function (require, module, exports) {${code}\n})`, { console })(sandboxRequire, module, module.exports);
    const warren = exposed.warren as { call(m: string, a: unknown): Promise<unknown> };
    expect(Object.keys(warren).sort()).toEqual(['call', 'on']);
    await warren.call(METHOD_NAMES[0]!, {});
    expect(invoked).toEqual([`warren:call:${METHOD_NAMES[0]}`]);
  });
});
