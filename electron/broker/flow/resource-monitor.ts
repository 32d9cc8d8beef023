// Samples memory and free disk at an interval and keeps the memory and disk
// alarms, like vm_memory_monitor and rabbit_disk_monitor feeding rabbit_alarm.
// Each transition is logged once (warn when set, info when cleared) and
// reported to `onChange` with the full set of active alarms.
import type { BrokerLogger } from '../logger.js';
import { diskAlarmed, diskFreeLimit, memoryAlarmed, memoryLimit, type DiskFreeLimit, type MemoryWatermark, type Resource } from './limits.js';
import type { ResourceSampler } from './system-sampler.js';

export interface ResourceMonitorOptions {
  memoryHighWatermark: MemoryWatermark;
  diskFreeLimit: DiskFreeLimit;
  /** The directory whose file system is watched (the data directory, as rabbit_disk_monitor). */
  diskDir: string;
  intervalMs: number;
  sampler: ResourceSampler;
  logger: BrokerLogger;
  onChange(alarms: ReadonlySet<Resource>): void;
}

/** What /api/nodes shows of the monitors. */
export interface ResourceStatus {
  memUsed: number;
  memLimit: number;
  memAlarm: boolean;
  diskFree: number;
  diskFreeLimit: number;
  diskFreeAlarm: boolean;
}

export class ResourceMonitor {
  private readonly active = new Set<Resource>();
  private memUsed = 0;
  private memLimit = 0;
  private diskFree = 0;
  private diskLimit = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly opts: ResourceMonitorOptions) {}

  get alarms(): ReadonlySet<Resource> {
    return this.active;
  }

  /** Samples now (also the first sample, before the broker listens) and starts the interval. */
  start(): void {
    this.check();
    this.timer = setInterval(() => this.check(), this.opts.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** One sample of every resource; alarms set or cleared accordingly. */
  check(): void {
    const { sampler, diskDir } = this.opts;
    const total = sampler.totalMemory();
    this.memUsed = sampler.memoryUsed();
    this.memLimit = memoryLimit(this.opts.memoryHighWatermark, total);
    this.diskLimit = diskFreeLimit(this.opts.diskFreeLimit, total);
    let changed = this.update('memory', memoryAlarmed(this.memUsed, this.memLimit), { used: this.memUsed, limit: this.memLimit });
    // Free space that cannot be read leaves the disk alarm as it was.
    const free = sampler.diskFree(diskDir);
    if (free !== undefined) {
      this.diskFree = free;
      changed = this.update('disk', diskAlarmed(free, this.diskLimit), { free, limit: this.diskLimit, dir: diskDir }) || changed;
    }
    if (changed) this.opts.onChange(this.active);
  }

  status(): ResourceStatus {
    return {
      memUsed: this.memUsed, memLimit: this.memLimit, memAlarm: this.active.has('memory'),
      diskFree: this.diskFree, diskFreeLimit: this.diskLimit, diskFreeAlarm: this.active.has('disk'),
    };
  }

  private update(resource: Resource, alarmed: boolean, details: Record<string, unknown>): boolean {
    if (alarmed === this.active.has(resource)) return false;
    if (alarmed) {
      this.active.add(resource);
      this.opts.logger.log('warn', 'flow.alarm_set', { resource, ...details, effect: 'publishers will be blocked until this alarm clears' });
    } else {
      this.active.delete(resource);
      this.opts.logger.log('info', 'flow.alarm_cleared', { resource, ...details });
    }
    return true;
  }
}
