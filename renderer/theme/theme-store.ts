import { findDesktopShell, type DesktopShell } from '../desktop/desktop-shell.js';
import { applyThemeChoice, parseThemeChoice, THEME_STORAGE_KEY, type ThemeChoice } from './theme-choice.js';

/** The theme chosen in this page, shown by the top bar's control and applied to the document. */
export interface ThemeStore {
  get(): ThemeChoice;
  /** Idempotent: choosing what is already chosen does nothing, so main's echo of a change ends there. */
  choose(choice: ThemeChoice): void;
  subscribe(listener: () => void): () => void;
}

function createThemeStore(initial: ThemeChoice, root: HTMLElement, remember: (choice: ThemeChoice) => void): ThemeStore {
  let current = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => current,
    choose(choice) {
      if (choice === current) return;
      current = choice;
      applyThemeChoice(root, choice);
      remember(choice);
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

/** Web mode: the choice is this browser's, in localStorage, applied as soon as the store exists. */
export function createWebThemeStore(root: HTMLElement, storage: Pick<Storage, 'getItem' | 'setItem'> | null): ThemeStore {
  let stored: string | null = null;
  try {
    stored = storage?.getItem(THEME_STORAGE_KEY) ?? null;
  } catch {
    // Storage refused (private mode, blocked cookies): follow the system.
  }
  const initial = parseThemeChoice(stored);
  applyThemeChoice(root, initial);
  return createThemeStore(initial, root, (choice) => {
    try {
      storage?.setItem(THEME_STORAGE_KEY, choice);
    } catch {
      // No storage: the choice lasts this page only.
    }
  });
}

/**
 * Desktop: main owns the choice (the menu's radio items, window-state.json)
 * and sets nativeTheme, which the stylesheet's media query already follows.
 * The page starts at "system" until main's theme command says otherwise, and
 * passes its own control's choice on to main, which updates the menu.
 */
export function createDesktopThemeStore(root: HTMLElement, shell: Pick<DesktopShell, 'setTheme'>): ThemeStore {
  return createThemeStore('system', root, (choice) => shell.setTheme(choice));
}

let shared: ThemeStore | null = null;

/** The page's one theme store: the desktop app's when the preload exposes the shell, web mode's otherwise. */
export function themeStore(): ThemeStore {
  if (!shared) {
    const shell = findDesktopShell(window);
    shared = shell ? createDesktopThemeStore(document.documentElement, shell) : createWebThemeStore(document.documentElement, safeLocalStorage());
  }
  return shared;
}

function safeLocalStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
