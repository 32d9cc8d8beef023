import { BrowserWindow } from 'electron';
import { mainWindowOptions } from './window-options.js';
import type { Rect } from './window-state.js';

/** The console window, locked down (window-options.ts), where it was last time. */
export function createMainWindow(preloadPath: string, bounds: Rect, dark: boolean): BrowserWindow {
  return new BrowserWindow(mainWindowOptions(preloadPath, bounds, dark));
}
