// `npm run crash-test -- [--cycles 50] [--seed N] [--data-dir DIR]
// [--publishers 4]`: publishes persistent messages with confirms to a durable
// queue on the embedded broker, SIGKILLs it at random moments, restarts it and
// checks that every confirmed message is still there (docs/storage.md). Exit
// status 1 on any loss, corrupt body or lost topology.
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runCrashTest } from './crash-test/run.js';
import { summaryLines } from './crash-test/summary.js';

function fail(message: string): never {
  process.stderr.write(`crash-test: ${message}\n`);
  process.exit(2);
}

function integer(value: string | undefined, fallback: number, flag: string, min: number): number {
  if (value === undefined) return fallback;
  const v = Number(value);
  if (!Number.isInteger(v) || v < min) fail(`${flag} must be an integer of at least ${min}, got '${value}'`);
  return v;
}

/** A data dir of the user's must be empty (its old messages would not be in the ledger); ours is a fresh temp dir. */
function dataDir(given: string | undefined): { dir: string; ours: boolean } {
  if (given === undefined) return { dir: mkdtempSync(join(tmpdir(), 'warren-crash-')), ours: true };
  mkdirSync(given, { recursive: true });
  if (readdirSync(given).length > 0) fail(`--data-dir ${given} is not empty`);
  return { dir: given, ours: false };
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: { cycles: { type: 'string' }, seed: { type: 'string' }, 'data-dir': { type: 'string' }, publishers: { type: 'string' } },
      strict: true,
    }));
  } catch (err) {
    fail((err as Error).message);
  }
  const seed = integer(values.seed, Math.floor(Math.random() * 2 ** 31), '--seed', 0);
  const cycles = integer(values.cycles, 50, '--cycles', 1);
  const { dir, ours } = dataDir(values['data-dir']);
  process.stdout.write(`crash test: ${cycles} cycles, seed ${seed} (--seed ${seed} replays it), data dir ${dir}\n`);
  const result = await runCrashTest({
    cycles, seed, dataDir: dir, publishers: integer(values.publishers, 4, '--publishers', 1), confirmWindow: 256,
    killAfterMs: [50, 2500], ackShare: 0.6, startKillShare: 0.2, log: (line) => process.stdout.write(`${line}\n`),
  });
  process.stdout.write(`${summaryLines(result).join('\n')}\n`);
  if (result.failed) {
    process.stdout.write(`data dir kept for inspection: ${dir}\n`);
    process.exit(1);
  }
  if (ours) rmSync(dir, { recursive: true, force: true });
}

main().catch((err: unknown) => {
  process.stderr.write(`crash-test: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(2);
});
