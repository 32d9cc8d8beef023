// Helpers for the store tests: temp data dirs, in-process brokers, and the
// CLI broker as a child process (to SIGKILL it).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import amqp from 'amqplib';
import type { AuthRegistry } from '../../../electron/broker/auth/index.js';
import { silentLogger, type BrokerLogger } from '../../../electron/broker/logger.js';
import { startBroker, type RunningBroker } from '../../../electron/broker/main.js';
import type { JournalOptions } from '../../../electron/broker/store/journal.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'warren-store-'));
}

export function start(dataDir: string, extra: { registry?: AuthRegistry; log?: BrokerLogger; storage?: JournalOptions } = {}): Promise<RunningBroker> {
  return startBroker({
    amqpPort: 0, bind: '127.0.0.1', dataDir, log: extra.log ?? silentLogger, registry: extra.registry, storage: extra.storage, limits: { silentCloseDelayMs: 50, closeTimeoutMs: 500 },
  });
}

/** An amqplib connection whose channels' errors (expected 403/404/406 closes) are reported through the rejected calls only. */
export async function connect(port: number, user = 'guest', password = 'guest', vhost = '/'): Promise<amqp.ChannelModel> {
  const conn = await amqp.connect(`amqp://${user}:${password}@127.0.0.1:${port}/${encodeURIComponent(vhost)}`);
  conn.on('error', () => undefined);
  const createChannel = conn.createChannel.bind(conn);
  conn.createChannel = async () => {
    const ch = await createChannel();
    ch.on('error', () => undefined);
    return ch;
  };
  return conn;
}

/** Resolves with the AMQP error code a promise rejects with (undefined if it resolves). */
export async function codeOf(p: Promise<unknown>): Promise<number | undefined> {
  try {
    await p;
    return undefined;
  } catch (err) {
    return (err as { code?: number }).code;
  }
}

export interface CliBroker {
  port: number;
  kill(signal: NodeJS.Signals): Promise<void>;
  stderr(): string;
}

/** The CLI entry in its own process with `--data-dir`; resolves once it printed its ready line. */
export async function startCli(dataDir: string): Promise<CliBroker> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/broker/cli-main.ts', '--amqp-port', '0', '--http-port', '0', '--bind', '127.0.0.1', '--data-dir', dataDir], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = once(child, 'exit');
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /amqp:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    void exited.then(() => reject(new Error(`broker exited before it was ready: ${err}`)));
  });
  return {
    port,
    async kill(signal) {
      child.kill(signal);
      await exited;
    },
    stderr: () => err,
  };
}

/** Runs the CLI expecting it to refuse to start; returns its exit code and stderr. */
export async function runCliFailing(dataDir: string): Promise<{ code: number | null; stderr: string; stdout: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/broker/cli-main.ts', '--amqp-port', '0', '--http-port', '0', '--bind', '127.0.0.1', '--data-dir', dataDir], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stderr, stdout };
}
