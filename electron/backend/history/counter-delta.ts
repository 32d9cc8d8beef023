/**
 * The increase of a broker counter between two samples. A counter that went
 * backwards was reset (the broker restarted, the queue was deleted and
 * declared again): the increase over that interval is unknown, so it is NaN,
 * never a negative rate. NaN also when either total is missing.
 */
export function counterDelta(previous: number, current: number): { delta: number; reset: boolean } {
  if (Number.isNaN(previous) || Number.isNaN(current)) return { delta: NaN, reset: false };
  if (current < previous) return { delta: NaN, reset: true };
  return { delta: current - previous, reset: false };
}
