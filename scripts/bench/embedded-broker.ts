// The embedded broker in its own process, as Warren runs it: node with the tsx
// loader on electron/broker/cli-main.ts, on free ports, with a data dir of its
// own. Its warnings and errors are kept so a failed workload can be explained.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { readStatusField } from './proc-memory.js';

const BROKER_CLI = fileURLToPath(new URL('../../electron/broker/cli-main.ts', import.meta.url));
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const READY_TIMEOUT_MS = 30_000;
const KEPT_LOG_LINES = 50;

export interface EmbeddedBroker {
  amqpUrl: string;
  pid: number;
  command: string;
  /** Set once the process has exited, with how. */
  exited: string | undefined;
  /** Broker log lines at level warn or error, the first KEPT_LOG_LINES of them. */
  problems: string[];
  peakRss(): number | null;
  stop(): Promise<void>;
}

/** The amqp:// URL of the CLI's ready line ("… ready on amqp://h:p[, management http://…]"), or undefined for any other line. */
export function readyUrl(line: string): string | undefined {
  return /ready on (amqp:\/\/[^\s,]+)/.exec(line)?.[1];
}

/** `extraArgs` go to the broker's command line (e.g. `--message-memory-budget 64MiB`). */
export async function startEmbeddedBroker(dataDir: string, extraArgs: readonly string[] = []): Promise<EmbeddedBroker> {
  const args = ['--import', 'tsx', BROKER_CLI, '--amqp-port', '0', '--http-port', '0', '--bind', '127.0.0.1', '--data-dir', dataDir, ...extraArgs];
  const child: ChildProcess = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const problems: string[] = [];
  const stderrTail: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => {
    stderrTail.push(line);
    if (stderrTail.length > 20) stderrTail.shift();
    if (/"level":"(warn|error)"/.test(line) && problems.length < KEPT_LOG_LINES) problems.push(line);
  });
  const broker: EmbeddedBroker = {
    amqpUrl: '',
    pid: child.pid!,
    command: `node --import tsx electron/broker/cli-main.ts ${args.slice(3).join(' ')}`,
    exited: undefined,
    problems,
    peakRss: () => readStatusField(child.pid!, 'VmHWM'),
    async stop() {
      if (broker.exited !== undefined) return;
      const exit = once(child, 'exit');
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exit;
      clearTimeout(killer);
    },
  };
  child.on('exit', (code, signal) => {
    broker.exited = signal ? `killed by ${signal}` : `exited with status ${code}`;
  });

  const ready = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ready line within ${READY_TIMEOUT_MS / 1000} s`)), READY_TIMEOUT_MS);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const url = readyUrl(line);
      if (url) {
        clearTimeout(timer);
        resolve(url);
      }
    });
    child.once('exit', () => {
      clearTimeout(timer);
      reject(new Error(`embedded broker ${broker.exited} before it was ready:\n${stderrTail.join('\n')}`));
    });
  });
  try {
    broker.amqpUrl = await ready;
  } catch (err) {
    await broker.stop();
    throw err;
  }
  return broker;
}
