import { describe, expect, it, vi } from 'vitest';
import { applyThemeChoice, parseThemeChoice, THEME_STORAGE_KEY, themeAttribute } from '../../../../renderer/theme/theme-choice.js';
import { createDesktopThemeStore, createWebThemeStore } from '../../../../renderer/theme/theme-store.js';

function memoryStorage(initial: Record<string, string> = {}) {
  const values = new Map(Object.entries(initial));
  return { getItem: (key: string) => values.get(key) ?? null, setItem: (key: string, value: string) => void values.set(key, value), values };
}

describe('theme choice', () => {
  it('reads a stored value, anything unknown following the system', () => {
    expect(parseThemeChoice('dark')).toBe('dark');
    expect(parseThemeChoice('light')).toBe('light');
    expect(parseThemeChoice('system')).toBe('system');
    expect(parseThemeChoice(null)).toBe('system');
    expect(parseThemeChoice('Dark')).toBe('system');
    expect(parseThemeChoice('"dark"')).toBe('system');
    expect(parseThemeChoice(1)).toBe('system');
  });

  it('forces light or dark on the root, and leaves the system to the media query', () => {
    expect(themeAttribute('system')).toBeNull();
    expect(themeAttribute('light')).toBe('light');
    expect(themeAttribute('dark')).toBe('dark');
    const root = document.createElement('html');
    applyThemeChoice(root, 'dark');
    expect(root.getAttribute('data-theme')).toBe('dark');
    applyThemeChoice(root, 'system');
    expect(root.hasAttribute('data-theme')).toBe(false);
  });
});

describe('web mode theme store', () => {
  it('applies the remembered choice at once and remembers a new one', () => {
    const root = document.createElement('html');
    const storage = memoryStorage({ [THEME_STORAGE_KEY]: 'light' });
    const store = createWebThemeStore(root, storage);
    expect(store.get()).toBe('light');
    expect(root.dataset.theme).toBe('light');
    const listener = vi.fn();
    store.subscribe(listener);
    store.choose('dark');
    store.choose('dark');
    expect(listener).toHaveBeenCalledTimes(1);
    expect(root.dataset.theme).toBe('dark');
    expect(storage.values.get(THEME_STORAGE_KEY)).toBe('dark');
  });

  it('follows the system when the stored value is unknown or storage refuses, and still switches for this page', () => {
    const root = document.createElement('html');
    expect(createWebThemeStore(root, memoryStorage({ [THEME_STORAGE_KEY]: 'sepia' })).get()).toBe('system');
    const refusing = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    const store = createWebThemeStore(root, refusing);
    expect(store.get()).toBe('system');
    expect(root.hasAttribute('data-theme')).toBe(false);
    store.choose('light');
    expect(store.get()).toBe('light');
    expect(root.dataset.theme).toBe('light');
  });
});

describe('desktop theme store', () => {
  it("starts on the system (main's nativeTheme already drives the media query) and passes a change to main once", () => {
    const root = document.createElement('html');
    const setTheme = vi.fn();
    const store = createDesktopThemeStore(root, { setTheme });
    expect(store.get()).toBe('system');
    expect(root.hasAttribute('data-theme')).toBe(false);
    store.choose('dark');
    // Main's echo of the change ({ kind: 'theme', theme: 'dark' }) ends here.
    store.choose('dark');
    expect(setTheme.mock.calls).toEqual([['dark']]);
    expect(root.dataset.theme).toBe('dark');
  });
});
