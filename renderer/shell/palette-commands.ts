import type { DesktopCommand } from '../../shared/api/desktop.js';
import { BROKER_KEY, NAV_ITEMS, PROFILES_KEY } from '../navigation/routes.js';

/** One line of the command palette: what it says, its own shortcut, and the command it runs. */
export interface PaletteCommand {
  id: string;
  label: string;
  keys: string[];
  command: DesktopCommand;
}

/**
 * Everything the palette offers, the same in the desktop app and in web mode:
 * the views (with the keys that open them), the filter, definitions, and the theme.
 * The commands are the desktop shell's, so the menu and the palette do one thing each.
 */
export function paletteCommands(mod: string): PaletteCommand[] {
  return [
    ...NAV_ITEMS.map((item, i) => ({
      id: `view-${item.route}`,
      label: `Go to ${item.label}`,
      keys: [...(i < 9 ? [`${mod}+${i + 1}`] : []), `g ${item.key}`],
      command: { kind: 'navigate', route: item.route } as const,
    })),
    { id: 'view-profiles', label: 'Go to Profiles', keys: [`g ${PROFILES_KEY}`], command: { kind: 'navigate', route: 'profiles' } },
    { id: 'view-broker', label: 'Go to Embedded broker', keys: [`g ${BROKER_KEY}`], command: { kind: 'navigate', route: 'broker' } },
    { id: 'focus-filter', label: 'Focus the filter', keys: ['/'], command: { kind: 'focus-filter' } },
    { id: 'import-definitions', label: 'Import definitions…', keys: [], command: { kind: 'import-definitions', file: null } },
    { id: 'export-definitions', label: 'Export definitions…', keys: [], command: { kind: 'export-definitions' } },
    { id: 'theme-system', label: 'Theme: Follow system', keys: [], command: { kind: 'theme', theme: 'system' } },
    { id: 'theme-light', label: 'Theme: Light', keys: [], command: { kind: 'theme', theme: 'light' } },
    { id: 'theme-dark', label: 'Theme: Dark', keys: [], command: { kind: 'theme', theme: 'dark' } },
  ];
}

/**
 * The commands matching what was typed: every word must start a word of the
 * label ("go q" finds "Go to Queues"), or appear in it; labels where the
 * words start words come first, in their own order otherwise.
 */
export function matchCommands(commands: readonly PaletteCommand[], query: string): PaletteCommand[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...commands];
  const scored: { command: PaletteCommand; score: number }[] = [];
  for (const command of commands) {
    const label = command.label.toLowerCase();
    const labelWords = label.split(/[\s…]+/);
    let score = 0;
    let matched = true;
    for (const word of words) {
      if (labelWords.some((w) => w.startsWith(word))) score += 2;
      else if (label.includes(word)) score += 1;
      else matched = false;
    }
    if (matched) scored.push({ command, score });
  }
  return scored.sort((a, b) => b.score - a.score).map((s) => s.command);
}

/** Asks the palette to open (the desktop menu's Command Palette…, through the shell command). */
export const OPEN_PALETTE_EVENT = 'warren:command-palette';
