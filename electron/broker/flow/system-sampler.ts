// What the resource monitor measures on a real machine: the process's
// resident memory (RabbitMQ 3.10's default vm_memory_calculation_strategy is
// rss), total RAM, and the space available to this user on the disk holding
// the data directory (what `df` reports as Available, as rabbit_disk_monitor).
import { statfsSync } from 'node:fs';
import os from 'node:os';

export interface ResourceSampler {
  memoryUsed(): number;
  totalMemory(): number;
  /** Free bytes on the file system holding `dir`; undefined when it cannot be read. */
  diskFree(dir: string): number | undefined;
}

export const systemSampler: ResourceSampler = {
  memoryUsed: () => process.memoryUsage.rss(),
  totalMemory: () => os.totalmem(),
  diskFree(dir) {
    try {
      const s = statfsSync(dir);
      return s.bavail * s.bsize;
    } catch {
      return undefined;
    }
  },
};
