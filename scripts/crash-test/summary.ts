// The crash test's closing lines: totals over the run, and the verdict.
import type { CrashTestResult } from './run.js';

const n = (x: number) => x.toLocaleString('en-US');

export function summaryLines(r: CrashTestResult): string[] {
  const sum = (pick: (c: CrashTestResult['cycles'][number]) => number) => r.cycles.reduce((a, c) => a + pick(c), 0);
  const corrupt = sum((c) => c.check.corrupt.length + c.load.corrupt.length);
  const foreign = sum((c) => c.check.foreign);
  const lines = [
    `Crash test, seed ${r.seed}: ${r.cycles.length} kill cycles completed, ${r.cycles.filter((c) => c.startKilledAfterMs !== undefined).length} restarts killed while starting`,
    `  published ${n(r.published)}, confirmed ${n(r.confirmed)}, acked ${n(r.acked)}, returned unroutable ${n(r.returned)}`,
    `  after the restarts: ${n(sum((c) => c.check.owed))} owed messages checked, ${n(r.lost)} lost; `
      + `${n(sum((c) => c.check.ackedBack))} acked messages came back (ack in flight or unwritten at the kill), ${n(sum((c) => c.check.unconfirmedBack))} unconfirmed present, `
      + `${n(sum((c) => c.check.duplicates))} duplicates, ${n(corrupt)} corrupt, ${n(foreign)} foreign`,
  ];
  if (!r.failed) lines.push('PASS: every confirmed message was there after every kill');
  else if (r.lost > 0) lines.push(`FAIL: ${n(r.lost)} confirmed messages lost`);
  else lines.push('FAIL: corrupt, foreign or unroutable messages, or the topology did not survive (see above)');
  return lines;
}
