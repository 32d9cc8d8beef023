import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, ipcMain, safeStorage, session, utilityProcess } from 'electron';
import { createBackend } from '../backend/backend.js';
import { printEmbeddedBroker } from '../backend/embedded/print-urls.js';
import { createLogger } from '../backend/logger.js';
import { contentSecurityPolicy } from '../web/csp.js';
import { dataDirFromArgv, embeddedFromArgv } from './args.js';
import { utilityProcessLauncher } from './broker-launcher.js';
import { blockNavigation, blockWebview, denyPermissionCheck, denyPermissionRequest, denyWindowOpen, trustedSender } from './guards.js';
import { forwardEvents, registerIpcHandlers } from './ipc.js';
import { safeStorageSecretBox } from './secret-box.js';
import { createMainWindow } from './window.js';

/**
 * Electron main: wiring only. Runs from dist/electron/main/main.js, next to
 * dist/electron/preload/preload.cjs and dist/renderer/.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const indexPath = path.join(here, '../../renderer/index.html');
const indexUrl = pathToFileURL(indexPath).href;
const preloadPath = path.join(here, '../preload/preload.cjs');
const log = createLogger('main');

app.enableSandbox();

// Every WebContents, present and future, gets the same guards.
app.on('web-contents-created', (_event, contents) => {
  contents.setWindowOpenHandler(denyWindowOpen);
  contents.on('will-navigate', blockNavigation(indexUrl));
  contents.on('will-redirect', blockNavigation(indexUrl));
  contents.on('will-attach-webview', blockWebview);
});

async function start(): Promise<void> {
  await app.whenReady();
  const dataDir = dataDirFromArgv(process.argv) ?? app.getPath('userData');

  const ses = session.defaultSession;
  ses.setPermissionRequestHandler(denyPermissionRequest);
  ses.setPermissionCheckHandler(denyPermissionCheck);
  const csp = contentSecurityPolicy();
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
  });

  const secretBox = safeStorageSecretBox(safeStorage);
  if (!secretBox) log.warn('no OS keychain: profile passwords are protected by file permissions only');
  const backend = await createBackend({
    dataDir,
    transport: 'electron',
    version: app.getVersion(),
    log,
    secretBox: secretBox ?? undefined,
    // The embedded broker in a utilityProcess of its own; stopped by backend.close() when the app quits.
    embedded: { autoStart: embeddedFromArgv(process.argv), launch: utilityProcessLauncher((...args) => utilityProcess.fork(...args)) },
  });

  // `npm start` runs this from a terminal: say there where the embedded broker is.
  printEmbeddedBroker(backend.subscribe, (line) => process.stdout.write(line + '\n'));

  const win = createMainWindow(preloadPath);
  const unregister = registerIpcHandlers(ipcMain, backend, trustedSender(win.webContents.id, indexUrl), log);
  const stopEvents = forwardEvents(backend, win.webContents);
  win.once('ready-to-show', () => win.show());
  // A second `warren start` focuses this window instead of opening another backend on the same files.
  app.on('second-instance', () => {
    if (win.isMinimized()) win.restore();
    win.focus();
  });

  // Closing the last window, or quitting (Cmd+Q, app.quit()), which skips 'window-all-closed':
  // either way the backend closes first, and with it the embedded broker process.
  let closing: Promise<void> | null = null;
  const shutdown = (): Promise<void> => {
    closing ??= (async () => {
      stopEvents();
      unregister();
      await backend.close();
    })();
    return closing;
  };
  app.on('window-all-closed', () => {
    void shutdown().finally(() => app.quit());
  });
  app.on('will-quit', (event) => {
    if (closing) return;
    event.preventDefault();
    void shutdown().finally(() => app.quit());
  });

  await win.loadFile(indexPath);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  start().catch((err: unknown) => {
    log.error('startup failed', { error: err instanceof Error ? err.message : String(err) });
    app.exit(1);
  });
}
