// The alarm decisions, RabbitMQ's information units and the flow-control
// option parsers (electron/broker/flow).
import { describe, expect, it } from 'vitest';
import { parseInformationUnit } from '../../../electron/broker/flow/information-unit.js';
import { blockedReason, diskAlarmed, diskFreeLimit, memoryAlarmed, memoryLimit } from '../../../electron/broker/flow/limits.js';
import { parseDiskFreeLimit, parseMaxMessageSize, parseMemoryHighWatermark } from '../../../electron/broker/flow/options.js';
import { messageTooLargeText } from '../../../electron/broker/protocol/content-assembler.js';

describe('alarm decisions', () => {
  it('computes the memory limit as a truncated fraction of total RAM, or takes an absolute amount', () => {
    expect(memoryLimit({ relative: 0.4 }, 1001)).toBe(400);
    expect(memoryLimit({ absolute: 512 * 1024 * 1024 }, 1001)).toBe(536870912);
  });

  it('computes a relative disk limit as a rounded multiple of total RAM', () => {
    expect(diskFreeLimit({ memRelative: 1.5 }, 1001)).toBe(1502);
    expect(diskFreeLimit({ absolute: 50_000_000 }, 1001)).toBe(50_000_000);
  });

  it('sets the memory alarm strictly above the limit and the disk alarm strictly below it, without hysteresis', () => {
    expect([memoryAlarmed(100, 100), memoryAlarmed(101, 100), memoryAlarmed(99, 100)]).toEqual([false, true, false]);
    expect([diskAlarmed(100, 100), diskAlarmed(99, 100), diskAlarmed(101, 100)]).toEqual([false, true, false]);
    // A watermark of 0 blocks every publisher, as RabbitMQ's set_vm_memory_high_watermark 0 does.
    expect(memoryAlarmed(1, memoryLimit({ relative: 0 }, 8e9))).toBe(true);
  });

  it("words connection.blocked's reason as rabbit_reader does", () => {
    expect(blockedReason(new Set(['memory']))).toBe('low on memory');
    expect(blockedReason(new Set(['disk']))).toBe('low on disk');
    expect(blockedReason(new Set(['disk', 'memory']))).toBe('low on memory & disk');
  });

  it('says "configured max size" unless the limit is the 512 MiB ceiling, as rabbit_channel:check_msg_size', () => {
    expect(messageTooLargeText(134217729, 134217728)).toBe('message size 134217729 is larger than configured max size 134217728');
    expect(messageTooLargeText(536870913, 536870912)).toBe('message size 536870913 is larger than max size 536870912');
  });
});

describe('information units', () => {
  it.each([
    ['50000000', 50000000],
    ['1k', 1024], ['1K', 1024], ['1KiB', 1024], ['1kiB', 1024], ['1KIB', 1024], ['1kib', 1024],
    ['2m', 2 * 1024 ** 2], ['2M', 2 * 1024 ** 2], ['512MiB', 512 * 1024 ** 2], ['2MIB', 2 * 1024 ** 2], ['2mib', 2 * 1024 ** 2],
    ['1g', 1024 ** 3], ['1G', 1024 ** 3], ['1GiB', 1024 ** 3], ['1GIB', 1024 ** 3], ['1gib', 1024 ** 3],
    ['1kB', 1000], ['1KB', 1000], ['1kb', 1000], ['1Kb', 1000],
    ['50MB', 50_000_000], ['50mb', 50_000_000], ['50Mb', 50_000_000],
    ['2GB', 2e9], ['2gb', 2e9], ['2Gb', 2e9],
  ])('reads %s as %d bytes', (text, bytes) => {
    expect(parseInformationUnit(text)).toBe(bytes);
  });

  it.each(['', 'MB', '1.5GB', '-1', '1 TB', '1mB', '1gB', '1TB', '0x10', '99999999999999999999'])('refuses %j', (text) => {
    expect(parseInformationUnit(text)).toBeUndefined();
  });
});

describe('flow options', () => {
  it('reads a memory watermark as a fraction when it has a decimal point, otherwise as an amount', () => {
    expect(parseMemoryHighWatermark('0.4')).toEqual({ relative: 0.4 });
    expect(parseMemoryHighWatermark('.5')).toEqual({ relative: 0.5 });
    expect(parseMemoryHighWatermark('512MiB')).toEqual({ absolute: 536870912 });
    expect(parseMemoryHighWatermark('1073741824')).toEqual({ absolute: 1073741824 });
  });

  it('refuses bad values with what is expected', () => {
    expect(() => parseMemoryHighWatermark('1.5')).toThrow("a fraction of total memory must be between 0 and 1, got '1.5'");
    expect(() => parseMemoryHighWatermark('lots')).toThrow("expected a fraction of total memory such as 0.4, or an amount such as 512MiB, got 'lots'");
    expect(() => parseDiskFreeLimit('50 MB')).toThrow("expected an amount of disk space such as 50MB or 1GiB, or a multiple of total memory such as 1.5, got '50 MB'");
    expect(() => parseMaxMessageSize('big')).toThrow("expected a size in bytes such as 134217728 or 128MiB, got 'big'");
    expect(() => parseMaxMessageSize('536870913')).toThrow('the maximum message size must be between 0 and 536870912 bytes (512 MiB), got 536870913');
  });

  it('takes disk limits and message sizes in information units', () => {
    expect(parseDiskFreeLimit('50MB')).toEqual({ absolute: 50_000_000 });
    expect(parseDiskFreeLimit('1.5')).toEqual({ memRelative: 1.5 });
    expect(parseMaxMessageSize('134217728')).toBe(134217728);
    expect(parseMaxMessageSize('512MiB')).toBe(536870912);
  });
});
