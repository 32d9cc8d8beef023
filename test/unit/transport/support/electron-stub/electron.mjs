// Just enough of Electron for the built main to start; it reports what it saw on stdout.
const channels = [];
const report = (event, detail) => process.stdout.write(JSON.stringify({ event, ...detail }) + '\n');

export const app = {
  enableSandbox() {},
  on() {
    return app;
  },
  whenReady: async () => undefined,
  requestSingleInstanceLock: () => true,
  getPath: () => process.env.WARREN_STUB_USER_DATA,
  getVersion: () => '0.0.0-stub',
  quit() {},
  exit(code) {
    report('exit', { code });
    process.exit(code);
  },
};
export const ipcMain = {
  handle(channel) {
    channels.push(channel);
  },
  removeHandler() {},
};
export const session = {
  defaultSession: {
    setPermissionRequestHandler() {},
    setPermissionCheckHandler() {},
    webRequest: { onHeadersReceived() {} },
    on() {},
  },
};
const schemes = new Map();
export const protocol = {
  registerSchemesAsPrivileged() {},
  handle(scheme, handler) {
    schemes.set(scheme, handler);
  },
};
export const Menu = { buildFromTemplate: (template) => template, setApplicationMenu() {} };
export const nativeTheme = { themeSource: 'system', shouldUseDarkColors: false };
const display = { workArea: { x: 0, y: 0, width: 1920, height: 1080 } };
export const screen = { getPrimaryDisplay: () => display, getAllDisplays: () => [display] };
export const shell = { openExternal: async () => undefined };
export const dialog = { showMessageBox: async () => ({ response: 0 }), showOpenDialog: async () => ({ canceled: true, filePaths: [] }) };
export const safeStorage = { isEncryptionAvailable: () => false };
export class BrowserWindow {
  constructor(options) {
    this.options = options;
    this.webContents = { id: 1, isDestroyed: () => false, send() {}, on() {} };
  }
  once() {}
  on() {}
  maximize() {}
  isMaximized() {
    return false;
  }
  async loadURL(url) {
    report('loaded', { url, schemes: [...schemes.keys()], preload: this.options.webPreferences.preload, channels });
    // Started is all the test needs; the backend's timers would keep Node alive.
    setImmediate(() => process.exit(0));
  }
}
// The embedded broker's process: recorded, and gone at once (this test runs no broker).
export const utilityProcess = {
  fork(modulePath, args) {
    report('utility-fork', { file: modulePath, args });
    const exitListeners = [];
    setImmediate(() => exitListeners.forEach((listener) => listener(1)));
    return {
      pid: undefined,
      stdout: null,
      stderr: null,
      once(event, listener) {
        if (event === 'exit') exitListeners.push(listener);
        return this;
      },
      on(event, listener) {
        return this.once(event, listener);
      },
      kill: () => true,
    };
  },
};
