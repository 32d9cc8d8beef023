import { ThemeChoice } from '../../shared/api/desktop.js';

export { ThemeChoice };

/** Where web mode remembers the choice (the desktop app keeps it in main's window state). */
export const THEME_STORAGE_KEY = 'warren.theme';

export const THEME_LABELS: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark' };

/** A stored value as a choice: anything else (absent, edited by hand, from another version) follows the system. */
export function parseThemeChoice(raw: unknown): ThemeChoice {
  const parsed = ThemeChoice.safeParse(raw);
  return parsed.success ? parsed.data : 'system';
}

/** The document's data-theme for a choice: none when following the system, so the stylesheet's media query decides. */
export function themeAttribute(choice: ThemeChoice): 'light' | 'dark' | null {
  return choice === 'system' ? null : choice;
}

export function applyThemeChoice(root: HTMLElement, choice: ThemeChoice): void {
  const attribute = themeAttribute(choice);
  if (attribute) root.dataset.theme = attribute;
  else delete root.dataset.theme;
}
