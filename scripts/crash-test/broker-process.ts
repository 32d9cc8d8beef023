// The embedded broker as Warren runs it, in its own process (node with the
// tsx loader on electron/broker/cli-main.ts), on free ports, so the crash
// test can SIGKILL it: nothing of the broker's in-memory state survives, only
// what reached its data dir.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const BROKER_CLI = fileURLToPath(new URL('../../electron/broker/cli-main.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const READY_TIMEOUT_MS = 60_000;
const STDERR_TAIL_LINES = 20;

export interface BrokerProcess {
  readonly amqpUrl: string;
  readonly httpUrl: string;
  /** SIGKILL, resolved once the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM (a clean shutdown), resolved once the process is gone. */
  stop(): Promise<void>;
  /** The last lines it logged, to explain a failure. */
  stderrTail(): string;
}

/** Both URLs of the CLI's ready line ("Warren broker ready on amqp://h:p, management http://h:p"). */
export function readyUrls(line: string): { amqpUrl: string; httpUrl: string } | undefined {
  const m = /ready on (amqp:\/\/[^\s,]+), management (http:\/\/\S+)/.exec(line);
  return m ? { amqpUrl: m[1]!, httpUrl: m[2]! } : undefined;
}

interface Launched {
  urls: Promise<{ amqpUrl: string; httpUrl: string }>;
  end(signal: NodeJS.Signals): Promise<void>;
  tail(): string;
}

function launch(dataDir: string): Launched {
  const args = ['--import', 'tsx', BROKER_CLI, '--amqp-port', '0', '--http-port', '0', '--bind', '127.0.0.1', '--data-dir', dataDir];
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const tail: string[] = [];
  createInterface({ input: child.stderr }).on('line', (line) => {
    tail.push(line);
    if (tail.length > STDERR_TAIL_LINES) tail.shift();
  });
  const exited = once(child, 'exit');
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  const urls = new Promise<{ amqpUrl: string; httpUrl: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ready line within ${READY_TIMEOUT_MS / 1000} s`)), READY_TIMEOUT_MS);
    createInterface({ input: child.stdout }).on('line', (line) => {
      const found = readyUrls(line);
      if (found) {
        clearTimeout(timer);
        resolve(found);
      }
    });
    void exited.then(([code, signal]) => {
      clearTimeout(timer);
      reject(new Error(`broker exited (${String(signal ?? `status ${String(code)}`)}) before it was ready:\n${tail.join('\n')}`));
    });
  });
  return { urls, end, tail: () => tail.join('\n') };
}

export async function startBrokerProcess(dataDir: string): Promise<BrokerProcess> {
  const b = launch(dataDir);
  const urls = await b.urls.catch(async (err: unknown) => {
    await b.end('SIGKILL');
    throw err;
  });
  return { ...urls, kill: () => b.end('SIGKILL'), stop: () => b.end('SIGTERM'), stderrTail: b.tail };
}

/** Starts the broker and SIGKILLs it `afterMs` later, ready or not: a crash while it restores its data dir. */
export async function killDuringStart(dataDir: string, afterMs: number): Promise<void> {
  const b = launch(dataDir);
  b.urls.catch(() => undefined);
  await new Promise((resolve) => setTimeout(resolve, afterMs));
  await b.end('SIGKILL');
}
