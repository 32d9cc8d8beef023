// The crash test with reduced numbers (`npm run crash-test` runs 50 cycles):
// the embedded broker in its own process, SIGKILLed five times under
// confirmed persistent publishing and acking consumers; every confirmed
// message must be there after every restart. Needs no RabbitMQ.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { runCrashTest } from '../../scripts/crash-test/run.js';
import { summaryLines } from '../../scripts/crash-test/summary.js';

it('loses no confirmed message over 5 SIGKILL cycles', { timeout: 60_000 }, async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'warren-crash-ci-'));
  const lines: string[] = [];
  const result = await runCrashTest({
    cycles: 5, seed: 20_261_122, dataDir, publishers: 3, confirmWindow: 128, killAfterMs: [150, 900], ackShare: 0.5, startKillShare: 0.4, log: (l) => lines.push(l),
  });
  const report = [...lines, ...summaryLines(result)].join('\n');
  expect(result.failed, report).toBe(false);
  expect(result.lost).toBe(0);
  expect(result.cycles).toHaveLength(5);
  // The kills hit real traffic: messages were confirmed, and some were in the queue when a restart was checked.
  expect(result.confirmed, report).toBeGreaterThan(0);
  expect(result.cycles.some((c) => c.check.owed > 0), report).toBe(true);
  rmSync(dataDir, { recursive: true, force: true });
});
