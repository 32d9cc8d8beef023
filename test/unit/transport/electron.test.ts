import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES } from '../../../shared/api/contract.js';
import { ApiError } from '../../../shared/api/errors.js';
import { ipcEventChannel, ipcMethodChannel } from '../../../shared/api/wire.js';
import { memoryLogger } from '../../../electron/backend/logger.js';
import { dataDirFromArgv } from '../../../electron/main/args.js';
import {
  blockNavigation,
  blockWebview,
  isOurDocument,
  permissionCheckHandler,
  permissionRequestHandler,
  type SenderEvent,
  trustedSender,
  windowOpenHandler,
} from '../../../electron/main/guards.js';
import { forwardEvents, registerIpcHandlers } from '../../../electron/main/ipc.js';
import { safeStorageSecretBox } from '../../../electron/main/secret-box.js';
import { createMainWindow } from '../../../electron/main/window.js';
import { contentSecurityPolicy } from '../../../electron/web/csp.js';
import * as fake from './support/fake-electron.js';
import { INDEX_URL, type TransportUnderTest, startIpcTransport } from './support/transports.js';

vi.mock('electron', () => import('./support/fake-electron.js'));

const ourFrame = { ...fake.sender.frame! };

describe('IPC from the renderer', () => {
  let t: TransportUnderTest;
  beforeAll(async () => {
    t = await startIpcTransport();
  });
  afterAll(async () => {
    await t.close();
  });
  afterEach(() => {
    fake.sender.frame = { ...ourFrame };
    fake.sender.webContentsId = fake.WEB_CONTENTS_ID;
  });

  const refused = async () => {
    const error = await t.client.call('profiles.list', {}).then(
      () => null,
      (err: ApiError) => err,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'forbidden' });
  };

  it('registers exactly one channel per contract method', () => {
    expect(fake.registeredChannels().sort()).toEqual(METHOD_NAMES.map(ipcMethodChannel).sort());
  });

  it('serves our index.html in the main frame, whatever its hash', async () => {
    fake.sender.frame = { url: `${INDEX_URL}#/queues`, parent: null };
    await expect(t.client.call('profiles.list', {})).resolves.toEqual([]);
  });

  it('refuses a frame showing another page', async () => {
    fake.sender.frame = { url: 'https://evil.example/', parent: null };
    await refused();
    fake.sender.frame = { url: 'file:///etc/passwd', parent: null };
    await refused();
  });

  it('refuses our own page loaded in an iframe', async () => {
    fake.sender.frame = { url: INDEX_URL, parent: { url: 'https://evil.example/' } };
    await refused();
  });

  it('refuses another window, and a frame that is already gone', async () => {
    fake.sender.webContentsId = fake.WEB_CONTENTS_ID + 1;
    await refused();
    fake.sender.webContentsId = fake.WEB_CONTENTS_ID;
    fake.sender.frame = null;
    await refused();
    expect(t.backend.log.lines.join('\n')).toContain('refused IPC call from an untrusted frame');
  });

  it('turns arguments IPC cannot copy into bad_request instead of a bare Error', async () => {
    const error = await t.client.call('profiles.save', { name: 'x', amqpUri: 'amqp://h', password: (() => 1) as never }).catch((e: ApiError) => e);
    expect(error).toMatchObject({ code: 'bad_request' });
  });
});

describe('the preload bridge', () => {
  let t: TransportUnderTest;
  beforeAll(async () => {
    t = await startIpcTransport();
  });
  afterAll(async () => {
    await t.close();
  });
  const bridge = () => fake.mainWorld.warren as { call(m: unknown, a: unknown): Promise<unknown>; on(e: unknown, l: unknown): () => void };

  it('exposes call and on, and nothing of ipcRenderer', () => {
    expect(Object.keys(fake.mainWorld)).toEqual(['warren', 'warrenDesktop']);
    expect(Object.keys(bridge()).sort()).toEqual(['call', 'on']);
  });

  it('answers a method outside the contract itself, without touching IPC', async () => {
    const invoke = vi.spyOn(fake.ipcRenderer, 'invoke');
    expect(await bridge().call('warren:call:../../evil', {})).toEqual({ ok: false, error: { code: 'unknown_method', message: 'Unknown method: warren:call:../../evil' } });
    expect(invoke).not.toHaveBeenCalled();
    invoke.mockRestore();
  });

  it('refuses events outside the contract and listeners that are not functions', () => {
    expect(() => bridge().on('ipc:any', () => undefined)).toThrow(/Unknown event/);
    expect(() => bridge().on('session.state', 'alert(1)')).toThrow(/must be a function/);
  });

  it('passes listeners the payload only (never the IPC event), and unsubscribes', () => {
    const calls: unknown[][] = [];
    const off = bridge().on('session.state', (...args: unknown[]) => calls.push(args));
    const channel = ipcEventChannel('session.state');
    expect(fake.rendererListenerCount(channel)).toBe(1);
    fake.webContents.send(channel, { status: 'idle' });
    expect(calls).toEqual([[{ status: 'idle' }]]);
    off();
    expect(fake.rendererListenerCount(channel)).toBe(0);
  });
});

describe('IPC replies', () => {
  it('carry a failure that is not an ApiError as a generic internal error, never its text', async () => {
    const log = memoryLogger();
    type Handler = (event: SenderEvent, ...args: unknown[]) => Promise<unknown>;
    const handlers = new Map<string, Handler>();
    const ipcMain = { handle: (c: string, h: Handler) => void handlers.set(c, h), removeHandler: (c: string) => void handlers.delete(c) };
    const backend = {
      dispatch: async () => {
        throw new Error('password=hunter2 leaked');
      },
      subscribe: () => () => undefined,
      close: async () => undefined,
    };
    const unregister = registerIpcHandlers(ipcMain, backend, () => true, log);
    const reply = await handlers.get(ipcMethodChannel('app.info'))!({ sender: { id: 1 }, senderFrame: null }, {});
    expect(reply).toEqual({ ok: false, error: { code: 'internal', message: 'Internal error in the console backend' } });
    unregister();
    expect(handlers.size).toBe(0);
  });

  it('stop going to a window that is destroyed', () => {
    let listener: ((event: 'session.state', payload: unknown) => void) | undefined;
    const backend = { dispatch: async () => undefined, subscribe: (l: typeof listener) => ((listener = l), () => undefined), close: async () => undefined };
    const sent: string[] = [];
    const target = { destroyed: false, isDestroyed() { return this.destroyed; }, send: (channel: string) => void sent.push(channel) };
    forwardEvents(backend as never, target);
    listener!('session.state', {});
    target.destroyed = true;
    listener!('session.state', {});
    expect(sent).toEqual([ipcEventChannel('session.state')]);
  });
});

describe('window guards', () => {
  it('create the window isolated, sandboxed, without Node', () => {
    createMainWindow('/app/dist/electron/preload/preload.cjs', { x: 0, y: 0, width: 1400, height: 900 }, true);
    const prefs = fake.BrowserWindow.created.at(-1)!.options.webPreferences;
    expect(prefs).toMatchObject({
      preload: '/app/dist/electron/preload/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
  });

  it('deny window.open', () => {
    expect(windowOpenHandler(vi.fn())({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });

  it('block navigation away from index.html, allowing our own document', () => {
    const guard = blockNavigation(INDEX_URL);
    const attempt = (url: string) => {
      const event = { preventDefault: vi.fn() };
      guard(event, url);
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(attempt('https://evil.example/')).toBe(true);
    expect(attempt('file:///app/dist/renderer/other.html')).toBe(true);
    expect(attempt('javascript:alert(1)')).toBe(true);
    expect(attempt('not a url')).toBe(true);
    expect(attempt(`${INDEX_URL}#/queues`)).toBe(false);
  });

  it('block webviews and deny every permission the console does not use', () => {
    const event = { preventDefault: vi.fn() };
    blockWebview(event);
    expect(event.preventDefault).toHaveBeenCalled();
    const callback = vi.fn();
    permissionRequestHandler(INDEX_URL)({}, 'media', callback, { requestingUrl: INDEX_URL });
    expect(callback).toHaveBeenCalledWith(false);
    expect(permissionCheckHandler(INDEX_URL)({}, 'geolocation', 'file:///', { requestingUrl: INDEX_URL })).toBe(false);
  });

  it('trust only the main frame of our window showing index.html', () => {
    const trusted = trustedSender(3, INDEX_URL);
    expect(trusted({ sender: { id: 3 }, senderFrame: { url: INDEX_URL, parent: null } })).toBe(true);
    expect(trusted({ sender: { id: 3 }, senderFrame: { url: INDEX_URL + '?x=1', parent: null } })).toBe(true);
    expect(trusted({ sender: { id: 4 }, senderFrame: { url: INDEX_URL, parent: null } })).toBe(false);
    expect(isOurDocument('file:///app/dist/renderer/index.html/../secret.html', INDEX_URL)).toBe(false);
  });

  it('use a CSP without inline scripts or eval in the window', () => {
    const csp = contentSecurityPolicy();
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-(inline|eval)/);
    expect(csp).toContain("connect-src 'self'");
  });
});

describe('safeStorage secret box', () => {
  const storage = (backend: string, available = true) => ({
    isEncryptionAvailable: () => available,
    encryptString: (plain: string) => Buffer.from([...Buffer.from(plain)].reverse()),
    decryptString: (cipher: Buffer) => Buffer.from([...cipher].reverse()).toString(),
    getSelectedStorageBackend: () => backend,
  });

  it('round-trips through the OS keychain', () => {
    const box = safeStorageSecretBox(storage('gnome_libsecret'), 'linux')!;
    expect(box.kind).toBe('safeStorage (gnome_libsecret)');
    const cipher = box.encrypt('s3cret');
    expect(cipher).not.toContain('s3cret');
    expect(box.decrypt(cipher)).toBe('s3cret');
  });

  it('is absent when there is no keychain, or only the hard-coded basic_text key', () => {
    expect(safeStorageSecretBox(storage('basic_text'), 'linux')).toBeNull();
    expect(safeStorageSecretBox(storage('keychain', false), 'darwin')).toBeNull();
  });
});

describe('--data-dir in Electron', () => {
  it('is read from argv, among Chromium switches', () => {
    expect(dataDirFromArgv(['electron', 'main.js', '--no-sandbox', '--data-dir', '/tmp/w'])).toBe('/tmp/w');
    expect(dataDirFromArgv(['electron', 'main.js', '--data-dir=/tmp/x'])).toBe('/tmp/x');
    expect(dataDirFromArgv(['electron', 'main.js'])).toBeNull();
  });
});
