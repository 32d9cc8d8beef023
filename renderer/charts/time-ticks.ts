/** Tick spacings an axis may use, smallest first: round numbers of seconds, minutes and hours. */
const STEPS = [5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400].map((s) => s * 1000);

/**
 * Ticks at round times (every minute, every 3 hours…) across [from, to],
 * about `count` of them: recharts' own ticks on a time axis fall on
 * arbitrary instants, or collapse to one on a sparse series.
 */
export function timeTicks(from: number, to: number, count = 6): number[] {
  if (!(to > from)) return [];
  const step = STEPS.find((s) => (to - from) / s <= count) ?? (STEPS.at(-1) as number);
  // Aligned in local time, so an hourly tick reads 14:00, not 14:00 UTC shown as 15:00.
  const offset = new Date(from).getTimezoneOffset() * 60_000;
  const first = Math.ceil((from - offset) / step) * step + offset;
  const ticks: number[] = [];
  for (let t = first; t <= to; t += step) ticks.push(t);
  return ticks;
}
