import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { MIN_WINDOW } from './window-options.js';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

const Coordinate = z.number().int().min(-100_000).max(100_000);
const Size = z.number().int().min(1).max(100_000);
export const ThemeSource = z.enum(['system', 'light', 'dark']);
export type ThemeSource = z.infer<typeof ThemeSource>;

/** The renderer's address after `#`: a route and its parameters, printable ASCII, no spaces. */
const ViewHash = z.string().regex(/^#\/[a-z]{1,32}(\/[\x21-\x7e]{0,1000})?$/);

/** What Warren remembers about its window between runs (window-state.json in the data folder). */
export const WindowState = z.object({
  bounds: z.object({ x: Coordinate, y: Coordinate, width: Size, height: Size }).strict().nullable(),
  maximized: z.boolean(),
  lastView: ViewHash.nullable(),
  theme: ThemeSource,
});
export type WindowState = z.infer<typeof WindowState>;

export const DEFAULT_WINDOW_STATE: WindowState = { bounds: null, maximized: false, lastView: null, theme: 'system' };
const DEFAULT_SIZE = { width: 1400, height: 900 };

/** The state in a file's text; a missing, damaged or foreign file gives the defaults, field by field. */
export function parseWindowState(text: string | null): WindowState {
  if (text === null) return DEFAULT_WINDOW_STATE;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return DEFAULT_WINDOW_STATE;
  }
  if (typeof raw !== 'object' || raw === null) return DEFAULT_WINDOW_STATE;
  const fields = raw as Record<string, unknown>;
  const pick = <K extends keyof WindowState>(key: K): WindowState[K] => {
    const parsed = WindowState.shape[key].safeParse(fields[key]);
    return parsed.success ? (parsed.data as WindowState[K]) : DEFAULT_WINDOW_STATE[key];
  };
  return { bounds: pick('bounds'), maximized: pick('maximized'), lastView: pick('lastView'), theme: pick('theme') };
}

/** How much of the title bar area must be on a display for the window to be reachable with the mouse. */
const VISIBLE = { width: 120, height: 40 };

/**
 * Where to open the window: the remembered bounds while enough of the window's
 * top (its title bar, to drag it by) is on one of the current displays, shrunk
 * to fit that display; otherwise the default size centred on the primary display (a
 * monitor was unplugged, the resolution changed, or nothing was remembered).
 */
export function placeWindow(remembered: Rect | null, workAreas: readonly Rect[], primary: Rect): Rect {
  if (remembered) {
    const titleBar = { x: remembered.x, y: remembered.y, width: remembered.width, height: VISIBLE.height };
    const area = workAreas.find((a) => overlap(titleBar, a).width >= Math.min(VISIBLE.width, remembered.width) && overlap(titleBar, a).height >= VISIBLE.height);
    if (area) {
      const width = clamp(remembered.width, Math.min(MIN_WINDOW.width, area.width), area.width);
      const height = clamp(remembered.height, Math.min(MIN_WINDOW.height, area.height), area.height);
      return { x: remembered.x, y: remembered.y, width, height };
    }
  }
  const width = Math.min(DEFAULT_SIZE.width, primary.width);
  const height = Math.min(DEFAULT_SIZE.height, primary.height);
  return { x: primary.x + Math.round((primary.width - width) / 2), y: primary.y + Math.round((primary.height - height) / 2), width, height };
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

const clamp = (value: number, min: number, max: number): number => Math.max(min, Math.min(max, value));

/** The view to remember from the window's URL: its hash when the document is ours and the hash is a view. */
export function viewFromUrl(url: string, isOurs: (url: string) => boolean): string | null {
  if (!isOurs(url)) return null;
  const hash = new URL(url).hash;
  return ViewHash.safeParse(hash).success ? hash : null;
}

export async function loadWindowState(file: string): Promise<WindowState> {
  try {
    return parseWindowState(await readFile(file, 'utf8'));
  } catch {
    return DEFAULT_WINDOW_STATE;
  }
}

/** Written whole to a temporary file and renamed over, so a crash mid-write leaves the previous state. */
export async function saveWindowState(file: string, state: WindowState): Promise<void> {
  const valid = WindowState.parse(state);
  const temporary = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, JSON.stringify(valid, null, 2) + '\n', { mode: 0o600 });
    await rename(temporary, file);
  } catch (err) {
    await rm(temporary, { force: true });
    throw err;
  }
}
