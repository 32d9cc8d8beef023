const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** The placeholder for a value the broker did not report. */
export const MISSING = '—';

/** 1234 → "1,234"; null → "—". */
export function formatCount(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  return integer.format(value);
}

const BYTE_UNITS = ['B', 'KB', 'MB', 'GB'] as const;

/** Bytes per second, in the largest unit that keeps the number ≥ 1: "368 B/s", "1.7 KB/s"; null → "—". */
export function formatByteRate(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  let scaled = value;
  let unit = 0;
  while (Math.abs(scaled) >= 1024 && unit < BYTE_UNITS.length - 1) {
    scaled /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || Math.abs(scaled) >= 100 ? integer.format(scaled) : oneDecimal.format(scaled);
  return `${digits} ${BYTE_UNITS[unit]}/s`;
}

/** Messages per second: "0/s", "12.5/s", "1,234/s"; null → "—". */
export function formatRate(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  if (value === 0) return '0/s';
  // One decimal while it carries information; above 100/s it is noise.
  return `${Math.abs(value) < 100 ? oneDecimal.format(value) : integer.format(value)}/s`;
}
