import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DESKTOP_COMMAND_CHANNEL, DESKTOP_THEME_CHANNEL } from '../../../shared/api/desktop.js';
import * as fake from '../transport/support/fake-electron.js';

vi.mock('electron', () => import('../transport/support/fake-electron.js'));

const INDEX = 'warren-app://app/index.html';

/** main.ts's desktop wiring against the fake Electron: window state, theme, menu, downloads, links and files from a second launch. */
describe('Electron main: desktop integration', () => {
  let dataDir: string;
  let window: fake.BrowserWindow;
  const commands: unknown[] = [];

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'warren-main-desktop-'));
    await writeFile(
      path.join(dataDir, 'window-state.json'),
      JSON.stringify({ bounds: { x: 5000, y: 5000, width: 1000, height: 700 }, maximized: true, lastView: '#/topology', theme: 'dark' }),
    );
    fake.app.userData = dataDir;
    fake.ipcRenderer.on(DESKTOP_COMMAND_CHANNEL, (_event, payload) => commands.push(payload));
    await import('../../../electron/main/main.js');
    await vi.waitFor(() => expect(fake.BrowserWindow.created[0]?.loaded).toBeTruthy());
    window = fake.BrowserWindow.created[0]!;
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('reopens on the remembered view and theme, maximized, moved onto a display that still exists', () => {
    expect(window.loaded).toBe('warren-app://app/index.html#/topology');
    expect(fake.nativeTheme.themeSource).toBe('dark');
    expect(window.maximized).toBe(true);
    expect(window.options).toMatchObject({ x: 260, y: 90, width: 1400, height: 900 });
  });

  it('sets the application menu, with the theme it follows checked', () => {
    const labels = (fake.Menu.current as { label?: string; role?: string }[]).map((m) => m.label ?? m.role);
    expect(labels).toEqual(['&File', 'editMenu', '&View', 'windowMenu', 'help']);
    const view = (fake.Menu.current as { label?: string; submenu?: { label?: string; submenu?: { label?: string; checked?: boolean }[] }[] }[])[2]!;
    const theme = view.submenu!.find((i) => i.label === 'Theme')!.submenu!;
    expect(theme.find((i) => i.checked)?.label).toBe('Dark');
  });

  it('saves downloads through the native dialog and cancels any from the network', () => {
    const cancelled = { preventDefault: vi.fn() };
    const setOptions = vi.fn();
    fake.sessionHooks.willDownload!(cancelled, { getURL: () => 'https://evil.example/x.exe', getFilename: () => 'x.exe', setSaveDialogOptions: setOptions });
    expect(cancelled.preventDefault).toHaveBeenCalled();
    const allowed = { preventDefault: vi.fn() };
    fake.sessionHooks.willDownload!(allowed, { getURL: () => 'blob:file:///1234', getFilename: () => 'defs.json', setSaveDialogOptions: setOptions });
    expect(allowed.preventDefault).not.toHaveBeenCalled();
    expect(setOptions).toHaveBeenCalledWith(expect.objectContaining({ title: 'Save defs.json', filters: expect.arrayContaining([{ name: 'JSON (definitions, messages)', extensions: ['json'] }]) }));
  });

  it('a second launch with a .json file hands it to the Definitions import; a bad link or unknown profile is explained', async () => {
    const file = path.join(dataDir, 'shop.json');
    await writeFile(file, '{"queues":[]}');
    const secondInstance = (argv: string[]) => {
      for (const listener of fake.appListeners.get('second-instance') ?? []) listener({}, argv);
    };
    secondInstance(['/opt/Warren/warren', file]);
    await vi.waitFor(() => expect(commands).toContainEqual({ kind: 'import-definitions', file: { name: 'shop.json', text: '{"queues":[]}' } }));
    secondInstance(['/opt/Warren/warren', 'warren://queue/orders', 'warren://profile/no-such-profile']);
    await vi.waitFor(() => expect(fake.dialog.messages).toHaveLength(2));
    expect(fake.dialog.messages).toContainEqual(expect.objectContaining({ message: 'Warren cannot open warren://queue/orders', detail: 'warren:// links open a profile (warren://profile/<id>), not "queue"' }));
    expect(fake.dialog.messages).toContainEqual(expect.objectContaining({ message: 'Warren cannot open the profile no-such-profile' }));
  });

  it("tells the page its theme on every load and takes the page's own choice, refusing other frames and unknown themes", async () => {
    const checkedTheme = () =>
      (fake.Menu.current as { label?: string; submenu?: { label?: string; submenu?: { label?: string; checked?: boolean }[] }[] }[])[2]!
        .submenu!.find((i) => i.label === 'Theme')!
        .submenu!.find((i) => i.checked)?.label;
    for (const listener of fake.webContentsListeners.get('did-finish-load') ?? []) listener();
    expect(commands.at(-1)).toEqual({ kind: 'theme', theme: 'dark' });

    const frame = fake.sender.frame;
    try {
      fake.sender.frame = { url: `${INDEX}#/overview`, parent: null };
      await fake.ipcRenderer.invoke(DESKTOP_THEME_CHANNEL, 'system');
      expect(fake.nativeTheme.themeSource).toBe('system');
      expect(checkedTheme()).toBe('Follow System');
      expect(commands.at(-1)).toEqual({ kind: 'theme', theme: 'system' });

      await fake.ipcRenderer.invoke(DESKTOP_THEME_CHANNEL, 'sepia');
      fake.sender.frame = { url: 'https://evil.example/', parent: null };
      await fake.ipcRenderer.invoke(DESKTOP_THEME_CHANNEL, 'light');
      expect(fake.nativeTheme.themeSource).toBe('system');

      fake.sender.frame = { url: `${INDEX}#/overview`, parent: null };
      await fake.ipcRenderer.invoke(DESKTOP_THEME_CHANNEL, 'dark');
      expect(fake.nativeTheme.themeSource).toBe('dark');
      expect(checkedTheme()).toBe('Dark');
    } finally {
      fake.sender.frame = frame;
    }
  });

  it('remembers the last view, the bounds and the theme when the app closes', async () => {
    for (const listener of fake.webContentsListeners.get('did-navigate-in-page') ?? []) listener({}, `${INDEX}#/queues/%2F/orders`);
    for (const listener of fake.webContentsListeners.get('did-navigate-in-page') ?? []) listener({}, 'https://evil.example/#/x');
    const themeItem = (fake.Menu.current as { label?: string; submenu?: { label?: string; submenu?: { label?: string; click?: () => void }[] }[] }[])[2]!
      .submenu!.find((i) => i.label === 'Theme')!
      .submenu!.find((i) => i.label === 'Light')!;
    themeItem.click!();
    expect(fake.nativeTheme.themeSource).toBe('light');
    for (const listener of window.listeners.get('close') ?? []) listener();
    const quit = vi.spyOn(fake.app, 'quit');
    for (const listener of fake.appListeners.get('window-all-closed') ?? []) listener();
    await vi.waitFor(() => expect(quit).toHaveBeenCalled());
    expect(JSON.parse(await readFile(path.join(dataDir, 'window-state.json'), 'utf8'))).toEqual({
      bounds: { x: 260, y: 90, width: 1400, height: 900 },
      maximized: true,
      lastView: '#/queues/%2F/orders',
      theme: 'light',
    });
  });
});
