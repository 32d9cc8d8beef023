import { describe, expect, it } from 'vitest';
import { formatByteRate, formatCount, formatRate } from '../../../renderer/format/numbers.js';
import { formatAgo, formatDuration, retryingIn, secondsUntil } from '../../../renderer/format/time.js';

describe('number formatting', () => {
  it('groups thousands and shows a dash for missing values', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatCount(0)).toBe('0');
    expect(formatCount(null)).toBe('—');
  });

  it('formats rates per second', () => {
    expect(formatRate(12.46)).toBe('12.5/s');
    expect(formatRate(0)).toBe('0/s');
    expect(formatRate(1234.4)).toBe('1,234/s');
    expect(formatRate(null)).toBe('—');
  });
});

describe('time formatting', () => {
  it('says how long ago and how long until', () => {
    expect(formatAgo(10_000, 10_500)).toBe('just now');
    expect(formatAgo(0, 12_000)).toBe('12s ago');
    expect(formatAgo(0, 190_000)).toBe('3m ago');
    expect(secondsUntil(5_000, 1_200)).toBe(4);
    expect(secondsUntil(0, 1_000)).toBe(0);
    expect(retryingIn(5_000, 1_200)).toBe('retrying in 4s');
    expect(retryingIn(5_000, 6_000)).toBe('retrying now…');
  });

  it('formats durations', () => {
    expect(formatDuration(45_000)).toBe('45s');
    expect(formatDuration(3 * 3600_000 + 5 * 60_000)).toBe('3h 05m');
    expect(formatDuration(50 * 3600_000)).toBe('2d 2h');
  });
});

describe('byte rates', () => {
  it('scales to the largest unit that keeps the number at least 1', () => {
    expect(formatByteRate(368)).toBe('368 B/s');
    expect(formatByteRate(1706)).toBe('1.7 KB/s');
    expect(formatByteRate(5 * 1024 * 1024)).toBe('5.0 MB/s');
    expect(formatByteRate(null)).toBe('—');
  });
});
