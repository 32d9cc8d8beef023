// How figures are written, shared by the single-run report and the compare table.

export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

export function formatRate(n: number | null): string {
  return n === null ? 'n/a' : `${formatCount(n)} msg/s`;
}

/** Milliseconds with precision that suits the magnitude: 0.42 ms, 4.2 ms, 42 ms. */
export function formatMs(n: number | null): string {
  if (n === null) return 'n/a';
  if (n < 1) return `${n.toFixed(2)} ms`;
  if (n < 10) return `${n.toFixed(1)} ms`;
  return `${Math.round(n)} ms`;
}

export function formatMiB(bytes: number | null): string {
  return bytes === null ? 'n/a' : `${(bytes / (1024 * 1024)).toFixed(0)} MiB`;
}

export function formatBytes(n: number): string {
  return n >= 1024 && n % 1024 === 0 ? `${n / 1024} KiB` : `${n} B`;
}

/** The password of an amqp:// URL replaced, so printed commands can be pasted anywhere. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password !== '') u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}
