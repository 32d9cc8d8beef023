const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** The placeholder for a value the broker did not report. */
export const MISSING = '—';

/** 1234 → "1,234"; null → "—". */
export function formatCount(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  return integer.format(value);
}

/** Messages per second: "0/s", "12.5/s", "1,234/s"; null → "—". */
export function formatRate(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  if (value === 0) return '0/s';
  // One decimal while it carries information; above 100/s it is noise.
  return `${Math.abs(value) < 100 ? oneDecimal.format(value) : integer.format(value)}/s`;
}
