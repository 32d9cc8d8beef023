import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, dialog, ipcMain, Menu, nativeTheme, protocol, safeStorage, screen, session, shell, utilityProcess } from 'electron';
import { DESKTOP_COMMAND_CHANNEL, DESKTOP_THEME_CHANNEL, DesktopCommand, ThemeChoice } from '../../shared/api/desktop.js';
import { createBackend } from '../backend/backend.js';
import { printEmbeddedBroker } from '../backend/embedded/print-urls.js';
import { createLogger } from '../backend/logger.js';
import { contentSecurityPolicy } from '../web/csp.js';
import { APP_ID } from './app-identity.js';
import { APP_INDEX_URL, APP_SCHEME, appProtocolHandler } from './app-protocol.js';
import { dataDirFromArgv, embeddedFromArgv } from './args.js';
import { utilityProcessLauncher } from './broker-launcher.js';
import {
  blockNavigation,
  blockWebview,
  downloadAllowed,
  externalUrlAllowed,
  isOurDocument,
  permissionCheckHandler,
  permissionRequestHandler,
  trustedSender,
  windowOpenHandler,
} from './guards.js';
import { forwardEvents, registerIpcHandlers } from './ipc.js';
import { type LaunchRequest, launchRequestsFromArgv, parseProfileLink } from './launch-request.js';
import { menuTemplate, toggledTheme } from './menu.js';
import { readOpenedFile } from './opened-file.js';
import { saveDialogOptions } from './save-dialog.js';
import { safeStorageSecretBox } from './secret-box.js';
import { createMainWindow } from './window.js';
import { loadWindowState, placeWindow, saveWindowState, type ThemeSource, viewFromUrl } from './window-state.js';

/**
 * Electron main: wiring only. Runs from dist/electron/main/main.js, next to
 * dist/electron/preload/preload.cjs and dist/renderer/ (served as warren-app://app/).
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.join(here, '../../renderer');
const indexUrl = APP_INDEX_URL;
const preloadPath = path.join(here, '../preload/preload.cjs');
const log = createLogger('main');

app.enableSandbox();
if (process.platform === 'win32') app.setAppUserModelId(APP_ID);
// Standard and secure: an origin of its own, storage, fetch and module scripts, like https.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);

const openExternal = (url: string): void => {
  if (externalUrlAllowed(url)) void shell.openExternal(url);
};

// Every WebContents, present and future, gets the same guards.
app.on('web-contents-created', (_event, contents) => {
  contents.setWindowOpenHandler(windowOpenHandler(openExternal));
  contents.on('will-navigate', blockNavigation(indexUrl, openExternal));
  contents.on('will-redirect', blockNavigation(indexUrl));
  contents.on('will-attach-webview', blockWebview);
});

// Links and files the OS hands over (macOS sends them as events, even before
// the window exists; elsewhere they come in argv) wait here until it does.
const early: LaunchRequest[] = launchRequestsFromArgv(process.argv);
let openRequests: ((requests: LaunchRequest[]) => void) | null = null;
const request = (requests: LaunchRequest[]): void => {
  if (openRequests) openRequests(requests);
  else early.push(...requests);
};
app.on('open-url', (event, url) => {
  event.preventDefault();
  request([parseProfileLink(url)]);
});
app.on('open-file', (event, file) => {
  event.preventDefault();
  request([{ kind: 'definitions', path: file }]);
});

async function start(): Promise<void> {
  await app.whenReady();
  const dataDir = dataDirFromArgv(process.argv) ?? app.getPath('userData');
  const stateFile = path.join(dataDir, 'window-state.json');

  const ses = session.defaultSession;
  ses.setPermissionRequestHandler(permissionRequestHandler(indexUrl));
  ses.setPermissionCheckHandler(permissionCheckHandler(indexUrl));
  const csp = contentSecurityPolicy();
  protocol.handle(APP_SCHEME, appProtocolHandler(rendererDir, csp, (file) => readFile(file)));
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
  });
  // Exports, charts and message dumps are downloads of data the page made: the native save dialog, never the network.
  ses.on('will-download', (event, item) => {
    if (!downloadAllowed(item.getURL())) {
      event.preventDefault();
      return;
    }
    item.setSaveDialogOptions(saveDialogOptions(item.getFilename(), app.getPath('downloads')));
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

  let state = await loadWindowState(stateFile);
  nativeTheme.themeSource = state.theme;
  const bounds = placeWindow(state.bounds, screen.getAllDisplays().map((d) => d.workArea), screen.getPrimaryDisplay().workArea);
  const win = createMainWindow(preloadPath, bounds, nativeTheme.shouldUseDarkColors);
  if (state.maximized) win.maximize();
  win.on('close', () => {
    state = { ...state, bounds: win.getNormalBounds(), maximized: win.isMaximized() };
  });
  win.webContents.on('did-navigate-in-page', (_event, url) => {
    state = { ...state, lastView: viewFromUrl(url, (u) => isOurDocument(u, indexUrl)) ?? state.lastView };
  });

  const isTrusted = trustedSender(win.webContents.id, indexUrl);
  const unregister = registerIpcHandlers(ipcMain, backend, isTrusted, log);
  const stopEvents = forwardEvents(backend, win.webContents);
  const send = (command: DesktopCommand): void => {
    if (!win.webContents.isDestroyed()) win.webContents.send(DESKTOP_COMMAND_CHANNEL, DesktopCommand.parse(command));
  };
  const warn = (message: string, detail: string): void => {
    log.warn(message, { detail });
    void dialog.showMessageBox(win, { type: 'warning', message, detail });
  };
  openRequests = (requests) => {
    for (const r of requests) {
      if (r.kind === 'invalid') warn(`Warren cannot open ${r.input}`, r.reason);
      else if (r.kind === 'profile') {
        backend.dispatch('session.connect', { id: r.id }).then(
          () => send({ kind: 'navigate', route: 'overview' }),
          (err: unknown) => warn(`Warren cannot open the profile ${r.id}`, err instanceof Error ? err.message : String(err)),
        );
      } else {
        readOpenedFile(r.path).then(
          (file) => send({ kind: 'import-definitions', file }),
          (err: unknown) => warn('Warren cannot import this file', err instanceof Error ? err.message : String(err)),
        );
      }
    }
  };

  const setMenu = (): void => {
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        menuTemplate({
          platform: process.platform,
          theme: state.theme,
          devTools: !app.isPackaged,
          send,
          importDefinitions: () => {
            void dialog
              .showOpenDialog(win, { title: 'Import definitions', properties: ['openFile'], filters: [{ name: 'Definitions (JSON)', extensions: ['json'] }, { name: 'All files', extensions: ['*'] }] })
              .then(({ canceled, filePaths }) => {
                const [file] = filePaths;
                if (!canceled && file) request([{ kind: 'definitions', path: file }]);
              });
          },
          setTheme,
          toggleTheme: () => setTheme(toggledTheme(nativeTheme.shouldUseDarkColors)),
          openExternal,
        }),
      ),
    );
  };
  function setTheme(theme: ThemeSource): void {
    nativeTheme.themeSource = theme;
    state = { ...state, theme };
    setMenu();
    send({ kind: 'theme', theme });
  }
  setMenu();
  // The page's own theme control shows main's choice (after every load, reloads too) and changes it here, so the menu follows.
  win.webContents.on('did-finish-load', () => send({ kind: 'theme', theme: state.theme }));
  ipcMain.handle(DESKTOP_THEME_CHANNEL, (event, theme: unknown) => {
    const parsed = ThemeChoice.safeParse(theme);
    if (!isTrusted(event) || !parsed.success) {
      log.warn('refused a theme request', { trusted: isTrusted(event), theme: typeof theme === 'string' ? theme.slice(0, 40) : typeof theme });
      return;
    }
    if (parsed.data !== state.theme) setTheme(parsed.data);
  });

  win.once('ready-to-show', () => win.show());
  // A second launch focuses this window instead of opening another backend on the same files, and passes on its link or file.
  app.on('second-instance', (_event, argv) => {
    if (win.isMinimized()) win.restore();
    win.focus();
    request(launchRequestsFromArgv(argv));
  });

  // Closing the last window, or quitting (Cmd+Q, app.quit()), which skips 'window-all-closed':
  // either way the backend closes first, and with it the embedded broker process.
  let closing: Promise<void> | null = null;
  const shutdown = (): Promise<void> => {
    closing ??= (async () => {
      stopEvents();
      unregister();
      ipcMain.removeHandler(DESKTOP_THEME_CHANNEL);
      await saveWindowState(stateFile, state).catch((err: unknown) => log.warn('could not save the window state', { error: err instanceof Error ? err.message : String(err) }));
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

  await win.loadURL(`${indexUrl}${state.lastView ?? ''}`);
  openRequests(early.splice(0));
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  start().catch((err: unknown) => {
    log.error('startup failed', { error: err instanceof Error ? err.message : String(err) });
    app.exit(1);
  });
}
