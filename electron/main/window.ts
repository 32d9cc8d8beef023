import { BrowserWindow } from 'electron';

/** The console window, locked down: the page gets the preload's API and nothing of Node. */
export function createMainWindow(preloadPath: string): BrowserWindow {
  return new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    title: 'Warren',
    show: false,
    backgroundColor: '#1b1d23',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
}
