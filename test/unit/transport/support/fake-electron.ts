/**
 * An in-memory stand-in for the slice of Electron the transports use, wired
 * like the real thing: ipcRenderer.invoke reaches the handler that main
 * registered with ipcMain.handle, payloads are structured-cloned both ways as
 * IPC does, webContents.send reaches ipcRenderer.on listeners, and
 * contextBridge.exposeInMainWorld puts the API on a fake `window`.
 */
import type { SenderEvent } from '../../../../electron/main/guards.js';

type Handler = (event: SenderEvent, ...args: unknown[]) => Promise<unknown>;
type RendererListener = (event: unknown, ...args: unknown[]) => void;

const handlers = new Map<string, Handler>();
const rendererListeners = new Map<string, Set<RendererListener>>();

export const WEB_CONTENTS_ID = 7;

/** What the next IPC call claims to come from; tests change it to impersonate other frames. */
export const sender = {
  webContentsId: WEB_CONTENTS_ID,
  frame: { url: 'file:///app/dist/renderer/index.html', parent: null as unknown } as { url: string; parent: unknown } | null,
};

export const mainWorld: Record<string, unknown> = {};

export const ipcMain = {
  handle(channel: string, handler: Handler) {
    if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    handlers.set(channel, handler);
  },
  removeHandler(channel: string) {
    handlers.delete(channel);
  },
};

export const ipcRenderer = {
  async invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    const handler = handlers.get(channel);
    if (!handler) throw new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`);
    const event = { sender: { id: sender.webContentsId }, senderFrame: sender.frame };
    return structuredClone(await handler(event, ...structuredClone(args)));
  },
  on(channel: string, listener: RendererListener) {
    let set = rendererListeners.get(channel);
    if (!set) rendererListeners.set(channel, (set = new Set()));
    set.add(listener);
    return ipcRenderer;
  },
  removeListener(channel: string, listener: RendererListener) {
    rendererListeners.get(channel)?.delete(listener);
    return ipcRenderer;
  },
};

export const webContents = {
  id: WEB_CONTENTS_ID,
  destroyed: false,
  isDestroyed() {
    return webContents.destroyed;
  },
  send(channel: string, payload: unknown) {
    for (const listener of [...(rendererListeners.get(channel) ?? [])]) listener({ senderId: 0 }, structuredClone(payload));
  },
};

export const contextBridge = {
  exposeInMainWorld(key: string, api: unknown) {
    if (key in mainWorld) throw new Error(`Cannot bind an API on top of an existing property on the window object`);
    mainWorld[key] = api;
  },
};

export function rendererListenerCount(channel: string): number {
  return rendererListeners.get(channel)?.size ?? 0;
}

export function registeredChannels(): string[] {
  return [...handlers.keys()];
}

/** Records the options each window was created with, and what main did with it. */
export class BrowserWindow {
  static readonly created: BrowserWindow[] = [];
  readonly webContents = webContents;
  loaded: string | null = null;
  readonly once = (_event: string, _listener: () => void) => this;
  constructor(readonly options: { webPreferences?: Record<string, unknown> }) {
    BrowserWindow.created.push(this);
  }
  async loadFile(file: string) {
    this.loaded = file;
  }
  isMinimized() {
    return false;
  }
  restore() {}
  focus() {}
  show() {}
}

type AppListener = (...args: unknown[]) => void;
export const appListeners = new Map<string, AppListener[]>();

export const app = {
  sandboxed: false,
  userData: '/nonexistent',
  enableSandbox() {
    app.sandboxed = true;
  },
  on(event: string, listener: AppListener) {
    appListeners.set(event, [...(appListeners.get(event) ?? []), listener]);
    return app;
  },
  whenReady: async () => undefined,
  requestSingleInstanceLock: () => true,
  getPath: (name: string) => (name === 'userData' ? app.userData : '/nonexistent'),
  getVersion: () => '0.0.0-test',
  quit() {},
  exit() {},
};

/** Handlers main installs on the default session. */
export const sessionHooks: {
  permissionRequest?: (...args: unknown[]) => void;
  permissionCheck?: (...args: unknown[]) => boolean;
  headersReceived?: (details: { responseHeaders?: Record<string, string[]> }, callback: (response: unknown) => void) => void;
} = {};

export const session = {
  defaultSession: {
    setPermissionRequestHandler: (handler: (...args: unknown[]) => void) => (sessionHooks.permissionRequest = handler),
    setPermissionCheckHandler: (handler: (...args: unknown[]) => boolean) => (sessionHooks.permissionCheck = handler),
    webRequest: {
      onHeadersReceived: (handler: NonNullable<typeof sessionHooks.headersReceived>) => (sessionHooks.headersReceived = handler),
    },
  },
};

export const safeStorage = {
  isEncryptionAvailable: () => false,
  encryptString: (plain: string) => Buffer.from(plain),
  decryptString: (cipher: Buffer) => cipher.toString(),
};

/**
 * utilityProcess.fork, recorded. Each fake process exits at once with code 1:
 * unit tests run no broker (test/integration/embedded does, for real).
 */
export const utilityForks: { modulePath: string; args: string[]; options: Record<string, unknown> }[] = [];

class FakeUtilityProcess {
  pid: number | undefined = undefined;
  stdout = null;
  stderr = null;
  private exitListeners: ((code: number) => void)[] = [];
  constructor() {
    setImmediate(() => {
      for (const listener of this.exitListeners) listener(1);
    });
  }
  once(event: string, listener: (code: number) => void) {
    if (event === 'exit') this.exitListeners.push(listener);
    return this;
  }
  on(event: string, listener: (code: number) => void) {
    return this.once(event, listener);
  }
  kill() {
    return true;
  }
}

export const utilityProcess = {
  fork(modulePath: string, args: string[] = [], options: Record<string, unknown> = {}) {
    utilityForks.push({ modulePath, args, options });
    return new FakeUtilityProcess();
  },
};
