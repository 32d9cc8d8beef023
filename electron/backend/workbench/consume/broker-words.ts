/**
 * The broker's own words from an amqplib error. amqplib writes a server close as
 * `… 404 (NOT-FOUND) with message "NOT_FOUND - no queue 'q' in vhost '/'"`; this gives
 * `404 NOT_FOUND - no queue 'q' in vhost '/'`. Other errors pass through as they are.
 */
export function brokerWords(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  const close = /(\d{3}) \([A-Z_-]+\) with message "(.*)"$/s.exec(text);
  if (close) return `${close[1]} ${close[2]}`;
  return text;
}
