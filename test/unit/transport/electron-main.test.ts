import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES } from '../../../shared/api/contract.js';
import { DESKTOP_THEME_CHANNEL } from '../../../shared/api/desktop.js';
import { ipcMethodChannel } from '../../../shared/api/wire.js';
import * as fake from './support/fake-electron.js';

vi.mock('electron', () => import('./support/fake-electron.js'));

const root = path.resolve(import.meta.dirname, '../../..');

/**
 * main.ts is wiring only, but wiring can be wrong: run it against the fake
 * Electron and check what it set up. (Paths are those of the source tree,
 * which mirrors dist/electron.)
 */
describe('Electron main', () => {
  let dataDir: string;
  let window: fake.BrowserWindow;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'warren-main-'));
    fake.app.userData = dataDir;
    await import('../../../electron/main/main.js');
    await vi.waitFor(() => expect(fake.BrowserWindow.created[0]?.loaded).toBeTruthy());
    window = fake.BrowserWindow.created[0]!;
  });
  afterAll(async () => {
    const quit = vi.spyOn(fake.app, 'quit');
    for (const listener of fake.appListeners.get('window-all-closed') ?? []) listener();
    await vi.waitFor(() => expect(quit).toHaveBeenCalled());
    expect(fake.registeredChannels()).toEqual([]);
    await rm(dataDir, { recursive: true, force: true });
  });

  it('enables the sandbox for every renderer before anything loads', () => {
    expect(fake.app.sandboxed).toBe(true);
  });

  it('loads index.html from the renderer build next to it, over its own scheme with the CSP, with the bundled preload', async () => {
    expect(window.loaded).toBe('warren-app://app/index.html');
    expect(fake.protocol.privileged).toEqual([{ scheme: 'warren-app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
    const page = await fake.protocol.handlers.get('warren-app')!({ url: 'warren-app://app/index.html', method: 'GET' });
    expect(await page.text()).toBe(await readFile(path.join(root, 'renderer', 'index.html'), 'utf8'));
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self';");
    expect(window.options.webPreferences).toMatchObject({ preload: path.join(root, 'electron', 'preload', 'preload.cjs'), sandbox: true, contextIsolation: true });
  });

  it('registers every contract method, and serves calls from its window', async () => {
    expect(fake.registeredChannels().sort()).toEqual([...METHOD_NAMES.map(ipcMethodChannel), DESKTOP_THEME_CHANNEL].sort());
    fake.sender.frame = { url: 'warren-app://app/index.html#/queues', parent: null };
    const reply = await fake.ipcRenderer.invoke(ipcMethodChannel('app.info'), {});
    expect(reply).toMatchObject({ ok: true, result: { transport: 'electron', dataDir } });
  });

  it('refuses calls from a frame showing another document', async () => {
    fake.sender.frame = { url: 'https://evil.example/', parent: null };
    expect(await fake.ipcRenderer.invoke(ipcMethodChannel('app.info'), {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('denies permissions and sends the CSP with every response', () => {
    const granted = vi.fn();
    fake.sessionHooks.permissionRequest!({}, 'notifications', granted);
    expect(granted).toHaveBeenCalledWith(false);
    expect(fake.sessionHooks.permissionCheck!()).toBe(false);
    let headers: Record<string, string[]> = {};
    fake.sessionHooks.headersReceived!({ responseHeaders: { 'X-Other': ['1'] } }, (response) => (headers = (response as { responseHeaders: Record<string, string[]> }).responseHeaders));
    expect(headers['X-Other']).toEqual(['1']);
    expect(headers['Content-Security-Policy']![0]).toContain("script-src 'self';");
  });

  it('guards every web contents: no popups, no navigation away, no webviews', () => {
    const listeners = new Map<string, (...args: unknown[]) => void>();
    let openHandler: ((details: { url: string }) => unknown) | undefined;
    const contents = {
      setWindowOpenHandler: (handler: (details: { url: string }) => unknown) => (openHandler = handler),
      on: (event: string, listener: (...args: unknown[]) => void) => listeners.set(event, listener),
    };
    for (const listener of fake.appListeners.get('web-contents-created') ?? []) listener({}, contents);
    expect(openHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    const away = { preventDefault: vi.fn() };
    listeners.get('will-navigate')!(away, 'https://evil.example/');
    expect(away.preventDefault).toHaveBeenCalled();
    const redirect = { preventDefault: vi.fn() };
    listeners.get('will-redirect')!(redirect, 'https://evil.example/');
    expect(redirect.preventDefault).toHaveBeenCalled();
    const webview = { preventDefault: vi.fn() };
    listeners.get('will-attach-webview')!(webview);
    expect(webview.preventDefault).toHaveBeenCalled();
  });
});
