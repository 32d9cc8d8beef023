/** What the range picker offers: a sliding window ending now, or fixed from/to. */
export type ChartRange = { kind: 'last'; ms: number } | { kind: 'custom'; from: number; to: number };

export const PRESETS: readonly { label: string; ms: number }[] = [
  { label: '5 min', ms: 5 * 60_000 },
  { label: '1 h', ms: 60 * 60_000 },
  { label: '24 h', ms: 24 * 60 * 60_000 },
];

export const DEFAULT_RANGE: ChartRange = { kind: 'last', ms: 5 * 60_000 };

/** The window to ask for at `now`. */
export function resolveRange(range: ChartRange, now: number): { from: number; to: number } {
  return range.kind === 'last' ? { from: now - range.ms, to: now } : { from: range.from, to: range.to };
}

/** Only a window that ends now follows live samples; a custom range is history. */
export const isLiveRange = (range: ChartRange): boolean => range.kind === 'last';
