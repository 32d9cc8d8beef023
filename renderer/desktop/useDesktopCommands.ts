import { useEffect } from 'react';
import type { DesktopCommand } from '../../shared/api/desktop.js';
import { ROUTES, type Route } from '../navigation/routes.js';
import { FILTER_INPUT_SELECTOR } from '../navigation/useShortcuts.js';
import { OPEN_PALETTE_EVENT } from '../shell/palette-commands.js';
import { themeStore } from '../theme/theme-store.js';
import { openImportChooser, putImportFile, showDefinitionsTab, whenRendered } from './definitions-handoff.js';
import { findDesktopShell, onDesktopCommand } from './desktop-shell.js';

/** Carries out one shell command in the page (from the desktop menu, or the command palette in either mode). */
export async function runDesktopCommand(command: DesktopCommand, navigate: (route: Route) => void, root: ParentNode = document): Promise<void> {
  switch (command.kind) {
    case 'navigate':
      if ((ROUTES as readonly string[]).includes(command.route)) navigate(command.route as Route);
      return;
    case 'focus-filter': {
      const input = root.querySelector<HTMLInputElement>(FILTER_INPUT_SELECTOR);
      input?.focus();
      input?.select();
      return;
    }
    case 'command-palette':
      window.dispatchEvent(new Event(OPEN_PALETTE_EVENT));
      return;
    case 'export-definitions':
      navigate('definitions');
      await whenRendered(() => showDefinitionsTab(root, 'export'));
      return;
    case 'import-definitions': {
      navigate('definitions');
      const shown = await whenRendered(() => showDefinitionsTab(root, 'import'));
      const file = command.file;
      if (!shown) return;
      // A file from the shell (menu, OS) goes straight in; the palette's command opens the chooser.
      if (file) await whenRendered(() => putImportFile(root, file));
      else openImportChooser(root);
      return;
    }
    case 'theme':
      themeStore().choose(command.theme);
      return;
  }
}

/** In the desktop app, the menu's and the OS's commands (files opened with Warren) reach the page here. */
export function useDesktopCommands(navigate: (route: Route) => void): void {
  useEffect(() => {
    const shell = findDesktopShell(window);
    if (!shell) return;
    return onDesktopCommand(
      shell,
      (command) => void runDesktopCommand(command, navigate),
      (reason) => console.warn(`Ignored a desktop command that does not match the schema: ${reason}`),
    );
  }, [navigate]);
}
