/**
 * A token bucket on a monotonic clock: tokens accrue at `perSecond` and each publish spends one.
 * Timers fire late (a millisecond or more), so the bucket lets the publishes that came due while
 * asleep go out together. After a stall (a busy machine, the broker pushing back) it catches up at
 * most one second's worth, as Guava's RateLimiter does for RabbitMQ's PerfTest: the run keeps its
 * average rate, and a long pause does not end in a flood.
 */
export interface RatePacer {
  /** Spends a token if one is there. */
  tryTake(now: number): boolean;
  /** Milliseconds until the next token (0 when one is there). */
  waitMs(now: number): number;
}

export const CATCH_UP_SECONDS = 1;

export function createRatePacer(perSecond: number, start: number): RatePacer {
  const perMs = perSecond / 1000;
  const capacity = Math.max(1, perSecond * CATCH_UP_SECONDS);
  // One token at the start: the first publish goes at once, the next 1/perSecond later.
  let tokens = 1;
  let last = start;
  const refill = (now: number) => {
    if (now > last) {
      tokens = Math.min(capacity, tokens + (now - last) * perMs);
      last = now;
    }
  };
  return {
    tryTake(now) {
      refill(now);
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
    waitMs(now) {
      refill(now);
      return tokens >= 1 ? 0 : (1 - tokens) / perMs;
    },
  };
}

/** How many publishes a rate run makes: the rate times the duration, at least one. */
export function plannedCount(perSecond: number, durationSeconds: number): number {
  return Math.max(1, Math.round(perSecond * durationSeconds));
}
