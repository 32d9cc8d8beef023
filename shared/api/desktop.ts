import { z } from 'zod';

/**
 * What the desktop shell (menu, file association, dock) asks the renderer to
 * do. Sent by Electron main on one channel, checked against this schema by
 * the renderer before anything happens; web mode never sends them.
 */
export const DESKTOP_COMMAND_CHANNEL = 'warren:desktop:command';

/** A definitions file main read for the renderer (menu Import, or a .json opened with Warren). */
export const MAX_OPENED_FILE_BYTES = 64 * 1024 * 1024;

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
]);
export type DesktopCommand = z.infer<typeof DesktopCommand>;
