import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_WINDOW_STATE, loadWindowState, parseWindowState, placeWindow, saveWindowState, viewFromUrl } from '../../../electron/main/window-state.js';

const LAPTOP = { x: 0, y: 0, width: 1440, height: 875 };
const MONITOR = { x: 1440, y: -200, width: 2560, height: 1400 };

describe('window placement', () => {
  it('reopens where it was on any current display', () => {
    expect(placeWindow({ x: 100, y: 50, width: 1200, height: 800 }, [LAPTOP], LAPTOP)).toEqual({ x: 100, y: 50, width: 1200, height: 800 });
    expect(placeWindow({ x: 2000, y: -100, width: 1600, height: 1000 }, [LAPTOP, MONITOR], LAPTOP)).toEqual({ x: 2000, y: -100, width: 1600, height: 1000 });
  });

  it('centres the default size on the primary display when the remembered display is gone or nothing was remembered', () => {
    const centred = { x: 20, y: 0, width: 1400, height: 875 };
    expect(placeWindow({ x: 2000, y: -100, width: 1600, height: 1000 }, [LAPTOP], LAPTOP)).toEqual(centred);
    expect(placeWindow(null, [LAPTOP], LAPTOP)).toEqual(centred);
    // Only the bottom edge showing: the title bar cannot be grabbed.
    expect(placeWindow({ x: 100, y: -780, width: 1200, height: 800 }, [LAPTOP], LAPTOP)).toEqual(centred);
  });

  it('shrinks a window larger than its display, and leaves one partly off screen where it was while its title bar can be grabbed', () => {
    expect(placeWindow({ x: 0, y: 0, width: 3000, height: 2000 }, [LAPTOP], LAPTOP)).toEqual({ x: 0, y: 0, width: 1440, height: 875 });
    expect(placeWindow({ x: 1300, y: 500, width: 1000, height: 700 }, [LAPTOP], LAPTOP)).toEqual({ x: 1300, y: 500, width: 1000, height: 700 });
    expect(placeWindow({ x: 1340, y: 500, width: 1000, height: 700 }, [LAPTOP], LAPTOP)).toEqual({ x: 20, y: 0, width: 1400, height: 875 });
  });
});

describe('window state file', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'warren-window-state-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('round-trips, written 0600', async () => {
    const file = path.join(dir, 'window-state.json');
    const state = { bounds: { x: -1200, y: 40, width: 1100, height: 700 }, maximized: true, lastView: '#/queues/%2F/orders', theme: 'dark' as const };
    await saveWindowState(file, state);
    expect(await loadWindowState(file)).toEqual(state);
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('a missing or damaged file gives the defaults; a bad field gives its default and keeps the others', async () => {
    expect(await loadWindowState(path.join(dir, 'missing.json'))).toEqual(DEFAULT_WINDOW_STATE);
    const damaged = path.join(dir, 'damaged.json');
    await writeFile(damaged, '{"bounds": {"x": 1,');
    expect(await loadWindowState(damaged)).toEqual(DEFAULT_WINDOW_STATE);
    expect(parseWindowState('null')).toEqual(DEFAULT_WINDOW_STATE);
    expect(parseWindowState(JSON.stringify({ bounds: { x: 'a', y: 0, width: 10, height: 10 }, maximized: true, lastView: 'javascript:alert(1)', theme: 'sepia' }))).toEqual({ ...DEFAULT_WINDOW_STATE, maximized: true });
    expect(parseWindowState(JSON.stringify({ bounds: { x: 0, y: 0, width: 0, height: 10 } })).bounds).toBeNull();
  });

  it('refuses to write a state that would not load back', async () => {
    const file = path.join(dir, 'refused.json');
    await expect(saveWindowState(file, { ...DEFAULT_WINDOW_STATE, lastView: 'https://evil.example/' })).rejects.toThrow();
    await expect(readFile(file)).rejects.toThrow();
  });
});

describe('last view', () => {
  const INDEX = 'file:///app/dist/renderer/index.html';
  const ours = (url: string) => url.split('#')[0] === INDEX;
  it('is the hash of our page when it names a view', () => {
    expect(viewFromUrl(`${INDEX}#/topology`, ours)).toBe('#/topology');
    expect(viewFromUrl(`${INDEX}#/queues/%2F/a%20b`, ours)).toBe('#/queues/%2F/a%20b');
    expect(viewFromUrl(`${INDEX}`, ours)).toBeNull();
    expect(viewFromUrl(`${INDEX}#/Queues`, ours)).toBeNull();
    expect(viewFromUrl('https://evil.example/#/queues', ours)).toBeNull();
  });
});
