import { describe, expect, it } from 'vitest';
import type { CrashTestResult } from '../../../scripts/crash-test/run.js';
import { summaryLines } from '../../../scripts/crash-test/summary.js';

const cycle = (lost: number[]) => ({
  cycle: 1, killedAfterMs: 10, startKilledAfterMs: undefined, topology: [], ackedAfterCheck: 0,
  load: { published: 10, confirmed: 8, returned: 0, delivered: 0, acked: 0, requeued: 0, corrupt: [] },
  check: { present: 9, owed: 8, lost, duplicates: 0, ackedBack: 1, unconfirmedBack: 1, foreign: 0, corrupt: [] },
});

describe('crash-test summary', () => {
  it('totals the run and says PASS when nothing was lost', () => {
    const r: CrashTestResult = { seed: 1, cycles: [cycle([]), { ...cycle([]), startKilledAfterMs: 300 }], published: 20, confirmed: 16, acked: 3, returned: 0, lost: 0, failed: false };
    expect(summaryLines(r)).toEqual([
      'Crash test, seed 1: 2 kill cycles completed, 1 restarts killed while starting',
      '  published 20, confirmed 16, acked 3, returned unroutable 0',
      '  after the restarts: 16 owed messages checked, 0 lost; 2 acked messages came back (ack in flight or unwritten at the kill), 2 unconfirmed present, 0 duplicates, 0 corrupt, 0 foreign',
      'PASS: every confirmed message was there after every kill',
    ]);
  });

  it('says FAIL with the number of distinct lost messages', () => {
    const r: CrashTestResult = { seed: 1, cycles: [cycle([4])], published: 10, confirmed: 8, acked: 0, returned: 0, lost: 1, failed: true };
    expect(summaryLines(r).at(-1)).toBe('FAIL: 1 confirmed messages lost');
  });
});
