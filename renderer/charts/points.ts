/**
 * Points to draw across `width` CSS pixels: one per two pixels, at most 1,000
 * (what the backend answers by default). Recharts' cost grows with every
 * point of every series (a day at 1,000 points in each of a queue page's
 * three charts took over 300 ms to draw), and a finer line is not seen.
 */
export function pointsForWidth(width: number | undefined): number {
  return Math.min(1000, Math.max(60, Math.round((width ?? 1200) / 2)));
}
