import { z } from 'zod';

/**
 * What the desktop shell (menu, file association, dock) asks the renderer to
 * do. Sent by Electron main on one channel, checked against this schema by
 * the renderer before anything happens; web mode never sends them.
 */
export const DESKTOP_COMMAND_CHANNEL = 'warren:desktop:command';

/** A definitions file main read for the renderer (menu Import, or a .json opened with Warren). */
export const MAX_OPENED_FILE_BYTES = 64 * 1024 * 1024;

/** Light or dark: following the OS, or one forced. Main keeps the desktop's in its window state; web mode in localStorage. */
export const ThemeChoice = z.enum(['system', 'light', 'dark']);
export type ThemeChoice = z.infer<typeof ThemeChoice>;

/** The page asks main to change the theme (its own control, same effect as the menu's radio items). */
export const DESKTOP_THEME_CHANNEL = 'warren:desktop:set-theme';

export const DesktopCommand = z.discriminatedUnion('kind', [
  /** Show a view: the route name, as in `#/<route>`. */
  z.object({ kind: z.literal('navigate'), route: z.string().regex(/^[a-z]{1,32}$/) }).strict(),
  /** What `/` does: focus the current view's filter. */
  z.object({ kind: z.literal('focus-filter') }).strict(),
  /** What Ctrl/⌘+K does: open the command palette. */
  z.object({ kind: z.literal('command-palette') }).strict(),
  /** Open the Definitions view on its Import tab, with this file when there is one. */
  z
    .object({
      kind: z.literal('import-definitions'),
      file: z.object({ name: z.string().min(1).max(255), text: z.string().max(MAX_OPENED_FILE_BYTES) }).strict().nullable(),
    })
    .strict(),
  /** Open the Definitions view on its Export tab. */
  z.object({ kind: z.literal('export-definitions') }).strict(),
  /** The theme chosen now (from the menu or the page's own control), sent at load and on every change. */
  z.object({ kind: z.literal('theme'), theme: ThemeChoice }).strict(),
]);
export type DesktopCommand = z.infer<typeof DesktopCommand>;
