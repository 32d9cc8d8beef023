import { describe, expect, it } from 'vitest';
import { cpuModel } from '../../../scripts/bench/machine.js';
import { statusField } from '../../../scripts/bench/proc-memory.js';

describe('/proc parsing', () => {
  it('finds the CPU model in /proc/cpuinfo', () => {
    expect(cpuModel('processor\t: 0\nvendor_id\t: AuthenticAMD\nmodel name\t: AMD EPYC 7B13\nflags\t: fpu\n')).toBe('AMD EPYC 7B13');
    expect(cpuModel('processor: 0\n')).toBe('unknown');
  });

  it('reads VmRSS and VmHWM from /proc/<pid>/status in bytes', () => {
    const status = 'Name:\tnode\nVmPeak:\t 1000 kB\nVmHWM:\t  174956 kB\nVmRSS:\t   150000 kB\n';
    expect(statusField(status, 'VmHWM')).toBe(174956 * 1024);
    expect(statusField(status, 'VmRSS')).toBe(150000 * 1024);
    expect(statusField('Name:\tkthreadd\n', 'VmRSS')).toBeNull();
  });
});
