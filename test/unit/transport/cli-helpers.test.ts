import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findElectronBinary } from '../../../electron/main/electron-binary.js';
import { defaultDataDir } from '../../../electron/web/data-dir.js';
import { browserOpener } from '../../../electron/web/open-browser.js';
import { rendererBuildReason } from '../../../electron/web/renderer-build.js';

describe('the default data folder', () => {
  it('is where Electron keeps userData for a product named Warren', () => {
    expect(defaultDataDir('linux', {}, '/home/ann')).toBe('/home/ann/.config/Warren');
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/xdg' }, '/home/ann')).toBe('/xdg/Warren');
    expect(defaultDataDir('darwin', {}, '/Users/ann')).toBe('/Users/ann/Library/Application Support/Warren');
    expect(defaultDataDir('win32', { APPDATA: 'C:/Users/ann/AppData/Roaming' }, 'C:/Users/ann')).toBe(path.join('C:/Users/ann/AppData/Roaming', 'Warren'));
  });
});

describe('opening a browser', () => {
  it('never happens in CI', () => {
    expect(browserOpener('darwin', { CI: 'true' })).toBeNull();
    expect(browserOpener('linux', { CI: '1', DISPLAY: ':0', PATH: '/usr/bin' })).toBeNull();
  });

  it('needs a display on Linux', () => {
    expect(browserOpener('linux', { PATH: '/usr/bin:/bin' })).toBeNull();
  });

  it('uses open on macOS and start on Windows', () => {
    expect(browserOpener('darwin', {})).toEqual({ command: 'open', args: [] });
    expect(browserOpener('win32', {})).toEqual({ command: 'cmd', args: ['/c', 'start', '""'] });
  });

  it('uses xdg-open on Linux when it is on the PATH', async () => {
    const bin = await mkdtemp(path.join(os.tmpdir(), 'warren-bin-'));
    expect(browserOpener('linux', { DISPLAY: ':0', PATH: bin })).toBeNull();
    await writeFile(path.join(bin, 'xdg-open'), '#!/bin/sh\n', { mode: 0o755 });
    expect(browserOpener('linux', { DISPLAY: ':0', PATH: bin })).toEqual({ command: path.join(bin, 'xdg-open'), args: [] });
    await rm(bin, { recursive: true, force: true });
  });
});

describe('finding the Electron binary', () => {
  it('reports a missing binary without trying to download it', () => {
    expect(findElectronBinary({ ELECTRON_OVERRIDE_DIST_PATH: '/nonexistent', DISPLAY: ':0' }, 'linux')).toEqual({ available: false, reason: 'binary not downloaded' });
  });

  it('finds an existing one, and still needs a display on Linux', async () => {
    const dist = await mkdtemp(path.join(os.tmpdir(), 'warren-electron-'));
    const relative = 'electron';
    await writeFile(path.join(dist, relative), '');
    const found = findElectronBinary({ ELECTRON_OVERRIDE_DIST_PATH: dist, DISPLAY: ':0' }, 'linux');
    expect(found.available).toBe(true);
    expect(findElectronBinary({ ELECTRON_OVERRIDE_DIST_PATH: dist }, 'linux')).toMatchObject({ available: false, reason: expect.stringMatching(/no display/) });
    await rm(dist, { recursive: true, force: true });
  });
});

describe('deciding to rebuild the renderer', () => {
  it('builds when there is no build, or sources are newer, and not otherwise', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'warren-root-'));
    await mkdir(path.join(root, 'renderer'), { recursive: true });
    await mkdir(path.join(root, 'shared'), { recursive: true });
    await writeFile(path.join(root, 'renderer', 'main.tsx'), '');
    await writeFile(path.join(root, 'shared', 'x.ts'), '');
    expect(await rendererBuildReason(root)).toBe('the renderer has not been built yet');
    await mkdir(path.join(root, 'dist', 'renderer'), { recursive: true });
    const index = path.join(root, 'dist', 'renderer', 'index.html');
    await writeFile(index, '');
    const later = new Date(Date.now() + 60_000);
    await utimes(index, later, later);
    expect(await rendererBuildReason(root)).toBeNull();
    const evenLater = new Date(Date.now() + 120_000);
    await utimes(path.join(root, 'shared', 'x.ts'), evenLater, evenLater);
    expect(await rendererBuildReason(root)).toBe('the renderer sources changed since the last build');
    await rm(root, { recursive: true, force: true });
  });
});
