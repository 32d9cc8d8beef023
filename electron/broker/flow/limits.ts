// The alarm decisions of RabbitMQ 3.10's resource monitors, as plain
// functions. vm_memory_monitor raises the memory alarm while used memory is
// above the limit (a fraction of total RAM, default 0.4, or an absolute
// amount); rabbit_disk_monitor raises the disk alarm while free disk space is
// below disk_free_limit (default 50000000 bytes, or a multiple of total RAM).
// Neither has hysteresis: the alarm clears on the first sample on the right
// side of the limit.

export type Resource = 'memory' | 'disk';

export type MemoryWatermark = { relative: number } | { absolute: number };

/** disk_free_limit.absolute, or disk_free_limit.relative (RabbitMQ's {mem_relative, R}: R times total RAM). */
export type DiskFreeLimit = { absolute: number } | { memRelative: number };

export const DEFAULT_MEMORY_HIGH_WATERMARK: MemoryWatermark = { relative: 0.4 };
export const DEFAULT_DISK_FREE_LIMIT: DiskFreeLimit = { absolute: 50_000_000 };

/** vm_memory_monitor:get_memory_limit: a fraction of total memory, truncated to whole bytes. */
export function memoryLimit(watermark: MemoryWatermark, totalMemory: number): number {
  return 'absolute' in watermark ? watermark.absolute : Math.trunc(totalMemory * watermark.relative);
}

/** rabbit_disk_monitor:interpret_limit: a relative limit is rounded to whole bytes. */
export function diskFreeLimit(limit: DiskFreeLimit, totalMemory: number): number {
  return 'absolute' in limit ? limit.absolute : Math.round(totalMemory * limit.memRelative);
}

export function memoryAlarmed(used: number, limit: number): boolean {
  return used > limit;
}

export function diskAlarmed(free: number, limit: number): boolean {
  return free < limit;
}

/** rabbit_reader:blocked_by_message: the reason carried by connection.blocked. */
export function blockedReason(resources: ReadonlySet<Resource>): string {
  const names = (['memory', 'disk'] as const).filter((r) => resources.has(r));
  return `low on ${names.join(' & ')}`;
}
