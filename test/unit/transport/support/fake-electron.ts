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

type WindowListener = (...args: unknown[]) => void;
/** Listeners main put on the window's web contents (did-navigate-in-page, …). */
export const webContentsListeners = new Map<string, WindowListener[]>();

export const webContents = {
  id: WEB_CONTENTS_ID,
  destroyed: false,
  on(event: string, listener: WindowListener) {
    webContentsListeners.set(event, [...(webContentsListeners.get(event) ?? []), listener]);
    return webContents;
  },
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
  maximized = false;
  readonly listeners = new Map<string, WindowListener[]>();
  readonly once = (_event: string, _listener: () => void) => this;
  constructor(readonly options: { webPreferences?: Record<string, unknown>; x?: number; y?: number; width?: number; height?: number }) {
    BrowserWindow.created.push(this);
  }
  on(event: string, listener: WindowListener) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  async loadURL(url: string) {
    this.loaded = url;
  }
  maximize() {
    this.maximized = true;
  }
  isMaximized() {
    return this.maximized;
  }
  getNormalBounds() {
    const { x = 0, y = 0, width = 0, height = 0 } = this.options;
    return { x, y, width, height };
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
  isPackaged: false,
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
  willDownload?: (event: { preventDefault(): void }, item: { getURL(): string; getFilename(): string; setSaveDialogOptions(options: unknown): void }) => void;
} = {};

export const session = {
  defaultSession: {
    setPermissionRequestHandler: (handler: (...args: unknown[]) => void) => (sessionHooks.permissionRequest = handler),
    setPermissionCheckHandler: (handler: (...args: unknown[]) => boolean) => (sessionHooks.permissionCheck = handler),
    webRequest: {
      onHeadersReceived: (handler: NonNullable<typeof sessionHooks.headersReceived>) => (sessionHooks.headersReceived = handler),
    },
    on: (event: string, handler: NonNullable<typeof sessionHooks.willDownload>) => {
      if (event === 'will-download') sessionHooks.willDownload = handler;
    },
  },
};

/** Schemes main registered, and the handler it serves each with. */
export const protocol = {
  privileged: [] as { scheme: string; privileges: Record<string, boolean> }[],
  handlers: new Map<string, (request: { url: string; method: string }) => Promise<Response>>(),
  registerSchemesAsPrivileged(schemes: { scheme: string; privileges: Record<string, boolean> }[]) {
    protocol.privileged.push(...schemes);
  },
  handle(scheme: string, handler: (request: { url: string; method: string }) => Promise<Response>) {
    protocol.handlers.set(scheme, handler);
  },
};

/** The application menu main set, as the template it was built from. */
export const Menu = {
  current: null as unknown[] | null,
  buildFromTemplate: (template: unknown[]) => template,
  setApplicationMenu(menu: unknown[] | null) {
    Menu.current = menu;
  },
};

export const nativeTheme = { themeSource: 'system', shouldUseDarkColors: false };

export const shell = { opened: [] as string[], openExternal: async (url: string) => void shell.opened.push(url) };

export const dialog = {
  messages: [] as unknown[],
  showMessageBox: async (_window: unknown, options: unknown) => {
    dialog.messages.push(options);
    return { response: 0 };
  },
  showOpenDialog: async () => ({ canceled: true, filePaths: [] as string[] }),
};

const DISPLAY = { workArea: { x: 0, y: 0, width: 1920, height: 1080 } };
export const screen = { getPrimaryDisplay: () => DISPLAY, getAllDisplays: () => [DISPLAY] };

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
