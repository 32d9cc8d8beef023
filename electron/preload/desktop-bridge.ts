import { DESKTOP_COMMAND_CHANNEL, DESKTOP_THEME_CHANNEL, ThemeChoice } from '../../shared/api/desktop.js';
import type { IpcRendererLike } from './bridge.js';

/** Commands kept for the page while it has not subscribed yet (a file opened with Warren arrives before React has mounted). */
const EARLY_COMMANDS = 16;

/**
 * `window.warrenDesktop`: present only in the desktop app, so the renderer can
 * tell. Listen to the shell's commands (menu items, files opened with
 * Warren; the payload is checked by the renderer against DesktopCommand), and
 * ask main for a theme, as the menu's View › Theme does.
 */
export function createDesktopBridge(ipc: IpcRendererLike) {
  const listeners = new Set<(payload: unknown) => void>();
  const early: unknown[] = [];
  ipc.on(DESKTOP_COMMAND_CHANNEL, (_event, payload) => {
    if (listeners.size === 0) {
      if (early.length < EARLY_COMMANDS) early.push(payload);
      return;
    }
    for (const listener of listeners) listener(payload);
  });
  return {
    onCommand(listener: unknown): () => void {
      if (typeof listener !== 'function') throw new Error('The listener must be a function');
      const typed = listener as (payload: unknown) => void;
      listeners.add(typed);
      for (const payload of early.splice(0)) typed(payload);
      return () => {
        listeners.delete(typed);
      };
    },
    setTheme(theme: unknown): void {
      const parsed = ThemeChoice.safeParse(theme);
      if (!parsed.success) throw new Error(`Unknown theme: ${typeof theme === 'string' ? theme.slice(0, 40) : typeof theme} (system, light or dark)`);
      void ipc.invoke(DESKTOP_THEME_CHANNEL, parsed.data);
    },
  };
}
