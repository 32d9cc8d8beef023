// Each compared run is `bench --json` in a fresh process, so both brokers
// meet a client in the same state (no JIT warm-up or heap left over from the
// previous run), and a run that hangs can be stopped without losing the rest.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT } from './embedded-broker.js';
import { benchArgsFor, type BenchOptions } from './options.js';
import { benchResultSchema, type BenchResult } from './result.js';
import { DRAIN_GRACE_MS } from './run.js';

const BENCH_CLI = fileURLToPath(new URL('./cli.ts', import.meta.url));
/** Connecting and declaring, on top of the run's own time cap. */
const SETUP_ALLOWANCE_MS = 60_000;

export type ChildOutcome = { ok: true; result: BenchResult } | { ok: false; error: string };

/** Pulls the outcome out of the child's last stdout line; anything else is reported as the failure. */
export function parseChildOutput(stdout: string, stderr: string, exit: string): ChildOutcome {
  const last = stdout.trim().split('\n').pop() ?? '';
  try {
    const parsed: unknown = JSON.parse(last);
    if (typeof parsed === 'object' && parsed !== null && (parsed as { ok?: unknown }).ok === false) {
      return { ok: false, error: String((parsed as { error?: unknown }).error) };
    }
    return { ok: true, result: benchResultSchema.parse((parsed as { result?: unknown }).result) };
  } catch {
    const detail = stderr.trim().split('\n').slice(-3).join(' | ');
    return { ok: false, error: `bench ${exit}${detail ? `: ${detail}` : ''}` };
  }
}

export async function runInChild(o: BenchOptions): Promise<ChildOutcome> {
  const child = spawn(process.execPath, ['--import', 'tsx', BENCH_CLI, ...benchArgsFor(o), '--json'], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  let timedOut = false;
  // SIGTERM first: the child then deletes its queues before exiting.
  const term = setTimeout(() => {
    timedOut = true;
    child.kill('SIGTERM');
  }, o.durationSeconds * 1000 + DRAIN_GRACE_MS + SETUP_ALLOWANCE_MS);
  const kill = setTimeout(() => child.kill('SIGKILL'), o.durationSeconds * 1000 + DRAIN_GRACE_MS + SETUP_ALLOWANCE_MS + 10_000);
  const [code, signal] = (await once(child, 'close')) as [number | null, NodeJS.Signals | null];
  clearTimeout(term);
  clearTimeout(kill);
  const outcome = parseChildOutput(stdout, stderr, signal ? `killed by ${signal}` : `exited with status ${code}`);
  return timedOut && outcome.ok === false ? { ok: false, error: `did not finish in time (${outcome.error})` } : outcome;
}
