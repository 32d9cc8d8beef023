import type { MenuItemConstructorOptions } from 'electron';
import type { DesktopCommand } from '../../shared/api/desktop.js';
import type { ThemeSource } from './window-state.js';

/**
 * The sidebar's views in its order (renderer/navigation/routes.ts NAV_ITEMS,
 * which main may not import; test/unit/main/menu.test.ts fails until a view
 * added there is added here): Ctrl/⌘ + position opens the first nine.
 */
export const MENU_VIEWS: readonly { route: string; label: string }[] = [
  { route: 'overview', label: 'Overview' },
  { route: 'queues', label: 'Queues' },
  { route: 'exchanges', label: 'Exchanges' },
  { route: 'topology', label: 'Topology' },
  { route: 'connections', label: 'Connections' },
  { route: 'channels', label: 'Channels' },
  { route: 'consumers', label: 'Consumers' },
  { route: 'definitions', label: 'Definitions' },
  { route: 'scenarios', label: 'Scenarios' },
  { route: 'publish', label: 'Publish' },
  { route: 'consume', label: 'Consume' },
];

export const DOCS_URL = 'https://www.rabbitmq.com/docs';

export interface MenuContext {
  platform: NodeJS.Platform;
  theme: ThemeSource;
  /** Developer tools only when running from the sources or a dev build. */
  devTools: boolean;
  send(command: DesktopCommand): void;
  /** The native open dialog for a definitions file, then the Import tab with it. */
  importDefinitions(): void;
  setTheme(theme: ThemeSource): void;
  toggleTheme(): void;
  openExternal(url: string): void;
}

/**
 * The application menu: the platform's standard roles, and Warren's commands.
 * Shortcuts the page already handles itself (its keydown listener works in
 * web mode too) are shown but not registered, so a key does one thing.
 */
export function menuTemplate(ctx: MenuContext): MenuItemConstructorOptions[] {
  const mac = ctx.platform === 'darwin';
  const go = (route: string) => () => ctx.send({ kind: 'navigate', route });
  const pageKey = (accelerator: string) => ({ accelerator, registerAccelerator: false });

  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'Import Definitions…', accelerator: 'CmdOrCtrl+O', click: () => ctx.importDefinitions() },
      { label: 'Export Definitions…', accelerator: 'CmdOrCtrl+Shift+S', click: () => ctx.send({ kind: 'export-definitions' }) },
      { type: 'separator' },
      { label: 'Profiles', ...pageKey('G P'), click: go('profiles') },
      { label: 'Embedded Broker', ...pageKey('G B'), click: go('broker') },
      { type: 'separator' },
      mac ? { role: 'close' } : { role: 'quit' },
    ],
  };

  const themeItem = (theme: ThemeSource, label: string): MenuItemConstructorOptions => ({ label, type: 'radio', checked: ctx.theme === theme, click: () => ctx.setTheme(theme) });
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      { label: 'Command Palette…', ...pageKey('CmdOrCtrl+K'), click: () => ctx.send({ kind: 'command-palette' }) },
      { type: 'separator' },
      ...MENU_VIEWS.map((v, i): MenuItemConstructorOptions => ({ label: v.label, ...(i < 9 ? pageKey(`CmdOrCtrl+${i + 1}`) : {}), click: go(v.route) })),
      { type: 'separator' },
      { label: 'Focus Filter', ...pageKey('/'), click: () => ctx.send({ kind: 'focus-filter' }) },
      { type: 'separator' },
      {
        label: 'Theme',
        submenu: [themeItem('system', 'Follow System'), themeItem('light', 'Light'), themeItem('dark', 'Dark'), { type: 'separator' }, { label: 'Toggle Dark Mode', accelerator: 'CmdOrCtrl+Shift+D', click: () => ctx.toggleTheme() }],
      },
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(ctx.devTools ? [{ type: 'separator' } as const, { role: 'reload' } as const, { role: 'toggleDevTools' } as const] : []),
    ],
  };

  const help: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [{ label: 'RabbitMQ Documentation', click: () => ctx.openExternal(DOCS_URL) }],
  };

  return [...(mac ? [{ role: 'appMenu' } as const] : []), file, { role: 'editMenu' }, view, { role: 'windowMenu' }, help];
}

/** The theme the toggle switches to: the opposite of what is shown now. */
export function toggledTheme(showingDark: boolean): ThemeSource {
  return showingDark ? 'light' : 'dark';
}
