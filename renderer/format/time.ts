/** "just now", "12s ago", "3m ago", "2h ago" — for the last sample time. */
export function formatAgo(thenMs: number, nowMs: number): string {
  const seconds = Math.max(0, Math.round((nowMs - thenMs) / 1000));
  if (seconds < 2) return 'just now';
  if (seconds < 60) return `${seconds}s ago`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m ago`;
  return `${Math.floor(minutes / 60)}h ago`;
}

/** "retrying in 4s", or "retrying now" once the moment has come. */
export function retryingIn(thenMs: number, nowMs: number): string {
  const seconds = secondsUntil(thenMs, nowMs);
  return seconds === 0 ? 'retrying now…' : `retrying in ${seconds}s`;
}

/** Whole seconds until `thenMs`, never negative. */
export function secondsUntil(thenMs: number, nowMs: number): number {
  return Math.max(0, Math.ceil((thenMs - nowMs) / 1000));
}

const clock = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** 14:03:27 in the user's time zone. */
export function formatClock(ms: number): string {
  return clock.format(new Date(ms));
}

/** A connection's age: "45s", "12m", "3h 05m", "2d 4h". */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours}h ${String(minutes % 60).padStart(2, '0')}m`;
  return `${Math.floor(hours / 24)}d ${hours % 24}h`;
}
