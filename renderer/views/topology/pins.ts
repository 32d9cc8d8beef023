import type { Point } from './placement.js';

/**
 * Pinned node positions, remembered per broker profile and vhost in
 * localStorage. The key encodes the vhost, so "/" and names with spaces,
 * dots, slashes or unicode each get their own entry.
 */
export const pinsKey = (profileId: string, vhost: string): string => `warren.topology.pins:${encodeURIComponent(profileId)}:${encodeURIComponent(vhost)}`;

export function loadPins(key: string): Map<string, Point> {
  try {
    const raw = localStorage.getItem(key);
    if (!raw) return new Map();
    const parsed = JSON.parse(raw) as unknown;
    if (typeof parsed !== 'object' || parsed === null) return new Map();
    const out = new Map<string, Point>();
    for (const [id, p] of Object.entries(parsed as Record<string, unknown>)) {
      if (isPoint(p)) out.set(id, { x: p.x, y: p.y });
    }
    return out;
  } catch {
    // Storage off or a damaged entry: the graph works, unpinned.
    return new Map();
  }
}

export function savePins(key: string, pins: ReadonlyMap<string, Point>): void {
  try {
    if (pins.size === 0) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(Object.fromEntries(pins)));
  } catch {
    // Quota or storage off: pins then last for this page only.
  }
}

function isPoint(value: unknown): value is Point {
  return typeof value === 'object' && value !== null && Number.isFinite((value as Point).x) && Number.isFinite((value as Point).y);
}
