import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runDesktopCommand } from '../../../../renderer/desktop/useDesktopCommands.js';
import { CommandPalette } from '../../../../renderer/shell/CommandPalette.js';
import { onThemeChange } from '../../../../renderer/theme/theme-change.js';
import { THEME_STORAGE_KEY } from '../../../../renderer/theme/theme-choice.js';
import { themeStore } from '../../../../renderer/theme/theme-store.js';
import { ThemeToggle } from '../../../../renderer/theme/ThemeToggle.js';

afterEach(() => {
  cleanup();
  localStorage.clear();
});

const pressed = () => screen.getAllByRole('button', { pressed: true }).map((b) => b.textContent);

describe('ThemeToggle (web mode)', () => {
  it('shows System chosen, forces Light or Dark on the page when clicked, remembers it, and back to System', async () => {
    render(<ThemeToggle />);
    const root = document.documentElement;
    expect(screen.getByRole('group', { name: 'Theme' })).toBeTruthy();
    expect(pressed()).toEqual(['System']);

    const changes = vi.fn();
    const stop = onThemeChange(changes);
    fireEvent.click(screen.getByRole('button', { name: 'Dark' }));
    expect(pressed()).toEqual(['Dark']);
    expect(root.dataset.theme).toBe('dark');
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe('dark');
    // What charts and the topology canvas listen to, to read the tokens again.
    await vi.waitFor(() => expect(changes).toHaveBeenCalledTimes(1));

    // The desktop shell's theme command (main telling its choice) lands on the same store.
    act(() => void runDesktopCommand({ kind: 'theme', theme: 'light' }, vi.fn()));
    expect(pressed()).toEqual(['Light']);
    expect(root.dataset.theme).toBe('light');
    await vi.waitFor(() => expect(changes).toHaveBeenCalledTimes(2));

    fireEvent.click(screen.getByRole('button', { name: 'System' }));
    expect(root.hasAttribute('data-theme')).toBe(false);
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe('system');
    expect(themeStore().get()).toBe('system');
    await vi.waitFor(() => expect(changes).toHaveBeenCalledTimes(3));
    stop();
  });

  it('takes the command palette\'s "Theme: Dark" the same way, the toggle showing it', () => {
    render(
      <>
        <CommandPalette navigate={vi.fn()} />
        <ThemeToggle />
      </>,
    );
    fireEvent.keyDown(window, { key: 'k', ctrlKey: true });
    const input = screen.getByRole('combobox', { name: 'Command' });
    fireEvent.change(input, { target: { value: 'dark' } });
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['Theme: Dark']);
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(pressed()).toEqual(['Dark']);
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe('dark');
  });
});
