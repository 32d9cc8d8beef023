import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';
import type { Rect } from './window-state.js';

/**
 * The renderer's web preferences, locked down: the page gets the preload's
 * API and nothing of Node. Each line is a point of SECURITY.md.
 */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    enableBlinkFeatures: '',
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
  };
}

export const MIN_WINDOW = { width: 900, height: 600 } as const;

/** The console window at its remembered place (validated against the displays beforehand). */
export function mainWindowOptions(preloadPath: string, bounds: Rect, dark: boolean): BrowserWindowConstructorOptions {
  return {
    ...bounds,
    minWidth: MIN_WINDOW.width,
    minHeight: MIN_WINDOW.height,
    title: 'Warren',
    show: false,
    // The page's own background, so no white flash before it paints in a dark theme.
    backgroundColor: dark ? '#1b1d23' : '#ffffff',
    webPreferences: secureWebPreferences(preloadPath),
  };
}
