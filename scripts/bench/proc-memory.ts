// Resident memory of a broker process, read from Linux's /proc/<pid>/status.
// VmHWM is the peak over the process's whole life, so it is only meaningful
// for a process this run started; for a long-running broker the peak during
// the run is found by sampling VmRSS.
import { readFileSync } from 'node:fs';

/** A "VmXXX:   1234 kB" field of /proc/<pid>/status, in bytes, or null when absent. */
export function statusField(status: string, field: string): number | null {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(status);
  return match ? Number(match[1]) * 1024 : null;
}

export function readStatusField(pid: number, field: 'VmRSS' | 'VmHWM'): number | null {
  try {
    return statusField(readFileSync(`/proc/${pid}/status`, 'utf8'), field);
  } catch {
    return null;
  }
}

/** Samples a process's VmRSS until stopped and keeps the largest value. */
export class RssSampler {
  private peak: number | null = null;
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly pid: number, intervalMs = 100) {
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
  }

  stop(): number | null {
    clearInterval(this.timer);
    this.sample();
    return this.peak;
  }

  private sample(): void {
    const rss = readStatusField(this.pid, 'VmRSS');
    if (rss !== null && (this.peak === null || rss > this.peak)) this.peak = rss;
  }
}
