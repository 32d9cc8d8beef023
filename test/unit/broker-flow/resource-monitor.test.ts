// The resource monitor over a sampler the test controls: alarms follow the
// samples, each transition is logged once and reported with the full set.
import { describe, expect, it } from 'vitest';
import type { Resource } from '../../../electron/broker/flow/limits.js';
import { ResourceMonitor } from '../../../electron/broker/flow/resource-monitor.js';
import { systemSampler } from '../../../electron/broker/flow/system-sampler.js';
import type { LogLevel } from '../../../electron/broker/logger.js';

function setup() {
  const sample = { used: 100, total: 1000, free: 10_000 as number | undefined };
  const logs: { level: LogLevel; event: string; fields?: Record<string, unknown> }[] = [];
  const changes: Resource[][] = [];
  const monitor = new ResourceMonitor({
    memoryHighWatermark: { relative: 0.4 },
    diskFreeLimit: { absolute: 5000 },
    diskDir: '/data',
    intervalMs: 60_000,
    sampler: { memoryUsed: () => sample.used, totalMemory: () => sample.total, diskFree: () => sample.free },
    logger: { log: (level, event, fields) => logs.push({ level, event, fields }) },
    onChange: (alarms) => changes.push([...alarms].sort()),
  });
  return { sample, logs, changes, monitor };
}

describe('ResourceMonitor', () => {
  it('sets and clears alarms from the samples, logging each transition once', () => {
    const { sample, logs, changes, monitor } = setup();
    monitor.check();
    expect(changes).toEqual([]);
    expect(monitor.status()).toEqual({ memUsed: 100, memLimit: 400, memAlarm: false, diskFree: 10_000, diskFreeLimit: 5000, diskFreeAlarm: false });
    sample.used = 401;
    monitor.check();
    monitor.check();
    sample.free = 4999;
    monitor.check();
    sample.used = 400;
    monitor.check();
    sample.free = 5000;
    monitor.check();
    expect(changes).toEqual([['memory'], ['disk', 'memory'], ['disk'], []]);
    expect(logs.map((l) => `${l.level} ${l.event} ${String(l.fields?.resource)}`)).toEqual([
      'warn flow.alarm_set memory', 'warn flow.alarm_set disk', 'info flow.alarm_cleared memory', 'info flow.alarm_cleared disk',
    ]);
    expect(logs[0]!.fields).toMatchObject({ used: 401, limit: 400 });
    expect(logs[1]!.fields).toMatchObject({ free: 4999, limit: 5000, dir: '/data' });
  });

  it('follows a changed total memory for a relative watermark', () => {
    const { sample, monitor } = setup();
    sample.total = 200;
    monitor.check();
    expect(monitor.status()).toMatchObject({ memLimit: 80, memAlarm: true });
  });

  it('leaves the disk alarm as it was while free space cannot be read', () => {
    const { sample, monitor } = setup();
    sample.free = undefined;
    monitor.check();
    expect(monitor.status().diskFreeAlarm).toBe(false);
    sample.free = 0;
    monitor.check();
    sample.free = undefined;
    monitor.check();
    expect(monitor.status().diskFreeAlarm).toBe(true);
  });

  it('measures this process and this machine with the system sampler', () => {
    expect(systemSampler.memoryUsed()).toBeGreaterThan(0);
    expect(systemSampler.totalMemory()).toBeGreaterThan(systemSampler.memoryUsed());
    expect(systemSampler.diskFree(process.cwd())).toBeGreaterThan(0);
    expect(systemSampler.diskFree('/no/such/directory/here')).toBeUndefined();
  });
});
