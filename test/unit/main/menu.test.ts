import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { DOCS_URL, MENU_VIEWS, type MenuContext, menuTemplate, toggledTheme } from '../../../electron/main/menu.js';
import { NAV_ITEMS } from '../../../renderer/navigation/routes.js';

function context(platform: NodeJS.Platform, devTools = false): MenuContext & { sent: unknown[] } {
  const sent: unknown[] = [];
  return { platform, theme: 'system', devTools, sent, send: (c) => sent.push(c), importDefinitions: vi.fn(), setTheme: vi.fn(), toggleTheme: vi.fn(), openExternal: vi.fn() };
}

const items = (menu: MenuItemConstructorOptions) => menu.submenu as MenuItemConstructorOptions[];
const byLabel = (template: MenuItemConstructorOptions[], top: string, label: string): MenuItemConstructorOptions => {
  const menu = template.find((m) => m.label?.replace('&', '') === top || m.role === top.toLowerCase())!;
  const found = items(menu).find((i) => i.label === label) ?? items(menu).flatMap((i) => (Array.isArray(i.submenu) ? i.submenu : [])).find((i) => i.label === label);
  if (!found) throw new Error(`no ${top} > ${label}`);
  return found;
};
const click = (item: MenuItemConstructorOptions) => (item.click as () => void)();

describe('application menu', () => {
  it('has the platform\'s standard menus: the app menu on macOS only, Edit and Window by role', () => {
    const mac = menuTemplate(context('darwin'));
    const linux = menuTemplate(context('linux'));
    expect(mac.map((m) => m.role ?? m.label)).toEqual(['appMenu', '&File', 'editMenu', '&View', 'windowMenu', 'help']);
    expect(linux.map((m) => m.role ?? m.label)).toEqual(['&File', 'editMenu', '&View', 'windowMenu', 'help']);
    expect(items(linux[0]!).at(-1)).toEqual({ role: 'quit' });
    expect(items(mac[1]!).at(-1)).toEqual({ role: 'close' });
  });

  it('lists the sidebar\'s views in its order, with the Ctrl/⌘+N the page handles shown but not registered twice', () => {
    expect(MENU_VIEWS).toEqual(NAV_ITEMS.map(({ route, label }) => ({ route, label })));
    const ctx = context('linux');
    const template = menuTemplate(ctx);
    const queues = byLabel(template, 'View', 'Queues');
    expect(queues).toMatchObject({ accelerator: 'CmdOrCtrl+2', registerAccelerator: false });
    click(queues);
    click(byLabel(template, 'View', 'Focus Filter'));
    click(byLabel(template, 'File', 'Profiles'));
    click(byLabel(template, 'File', 'Export Definitions…'));
    click(byLabel(template, 'View', 'Command Palette…'));
    expect(ctx.sent).toEqual([{ kind: 'navigate', route: 'queues' }, { kind: 'focus-filter' }, { kind: 'navigate', route: 'profiles' }, { kind: 'export-definitions' }, { kind: 'command-palette' }]);
    expect(byLabel(template, 'View', 'Command Palette…')).toMatchObject({ accelerator: 'CmdOrCtrl+K', registerAccelerator: false });
  });

  it('imports definitions through the native dialog, and publishes from the Publish view', () => {
    const ctx = context('win32');
    const template = menuTemplate(ctx);
    const importItem = byLabel(template, 'File', 'Import Definitions…');
    expect(importItem.accelerator).toBe('CmdOrCtrl+O');
    click(importItem);
    expect(ctx.importDefinitions).toHaveBeenCalled();
    click(byLabel(template, 'View', 'Publish'));
    expect(ctx.sent).toEqual([{ kind: 'navigate', route: 'publish' }]);
  });

  it('offers the theme: follow the system, light or dark (checked as set), and a toggle', () => {
    const ctx = { ...context('linux'), theme: 'dark' as const };
    const template = menuTemplate(ctx);
    expect(byLabel(template, 'View', 'Dark')).toMatchObject({ type: 'radio', checked: true });
    expect(byLabel(template, 'View', 'Follow System')).toMatchObject({ type: 'radio', checked: false });
    click(byLabel(template, 'View', 'Light'));
    expect(ctx.setTheme).toHaveBeenCalledWith('light');
    click(byLabel(template, 'View', 'Toggle Dark Mode'));
    expect(ctx.toggleTheme).toHaveBeenCalled();
    expect([toggledTheme(true), toggledTheme(false)]).toEqual(['light', 'dark']);
  });

  it('has developer tools only in development, and help that opens the documentation in the browser', () => {
    const roles = (devTools: boolean) => items(menuTemplate(context('linux', devTools))[2]!).map((i) => i.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toContain('toggleDevTools');
    const ctx = context('linux');
    click(byLabel(menuTemplate(ctx), 'Help', 'RabbitMQ Documentation'));
    expect(ctx.openExternal).toHaveBeenCalledWith(DOCS_URL);
  });
});
