import { describe, expect, it } from 'vitest';
import { formatBytes, formatCount, formatMiB, formatMs, formatRate, redactUrl } from '../../../scripts/bench/format.js';

describe('formatting', () => {
  it('writes counts and rates with thousands separators', () => {
    expect(formatCount(1234567.4)).toBe('1,234,567');
    expect(formatRate(45210.6)).toBe('45,211 msg/s');
    expect(formatRate(null)).toBe('n/a');
  });

  it('writes milliseconds with precision suited to the size', () => {
    expect(formatMs(0.4234)).toBe('0.42 ms');
    expect(formatMs(4.26)).toBe('4.3 ms');
    expect(formatMs(42.6)).toBe('43 ms');
    expect(formatMs(null)).toBe('n/a');
  });

  it('writes sizes', () => {
    expect(formatBytes(16)).toBe('16 B');
    expect(formatBytes(1024)).toBe('1 KiB');
    expect(formatBytes(1500)).toBe('1500 B');
    expect(formatMiB(150 * 1024 * 1024)).toBe('150 MiB');
    expect(formatMiB(null)).toBe('n/a');
  });

  it('hides the password of a URL and leaves the rest', () => {
    expect(redactUrl('amqp://guest:secret@127.0.0.1:5672')).toBe('amqp://guest:***@127.0.0.1:5672');
    expect(redactUrl('amqp://127.0.0.1:5672')).toBe('amqp://127.0.0.1:5672');
  });
});
