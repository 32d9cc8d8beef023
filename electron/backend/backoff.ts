export interface BackoffPolicy {
  initialMs: number;
  factor: number;
  maxMs: number;
  /** Fraction (0–1) taken off at random, so many consoles do not retry in lockstep. */
  jitter: number;
}

/** 1 s, 2 s, 4 s … capped at 30 s: quick after a blip, gentle on a broker that is down for long. */
export const RECONNECT_BACKOFF: BackoffPolicy = { initialMs: 1000, factor: 2, maxMs: 30_000, jitter: 0.2 };

/** The delay before retry number `attempt` (1 for the first retry). Never above maxMs. */
export function backoffDelay(attempt: number, policy: BackoffPolicy = RECONNECT_BACKOFF, random: () => number = Math.random): number {
  const exponent = Math.max(0, attempt - 1);
  const base = Math.min(policy.maxMs, policy.initialMs * policy.factor ** exponent);
  return Math.round(base * (1 - policy.jitter * random()));
}
