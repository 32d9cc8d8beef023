// The runnable entry: one ready line with the URL, 320 to clients and exit 0
// on SIGTERM, exit 1 with a clear message when the port is taken.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RawClient } from './support/raw-amqp.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const entry = 'electron/broker/cli-main.ts';

function run(args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  return { child, exited, out: () => stdout, err: () => stderr };
}

async function until(pred: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!pred() && Date.now() < end) await new Promise((r) => setTimeout(r, 25));
}

describe('cli-main', () => {
  it('prints one ready line, closes clients with 320 on SIGTERM and exits 0', { timeout: 30_000 }, async () => {
    const p = run(['--amqp-port', '0', '--http-port', '0', '--bind', '127.0.0.1']);
    await until(() => p.out().includes('\n'), 20_000);
    const lines = p.out().trim().split('\n');
    expect(lines).toHaveLength(1);
    const port = Number(/amqp:\/\/127\.0\.0\.1:(\d+)/.exec(lines[0]!)?.[1]);
    expect(port).toBeGreaterThan(0);
    const c = await RawClient.open(port);
    await c.handshake();
    p.child.kill('SIGTERM');
    const close = await c.waitMethod('connection.close');
    expect(close.args.replyCode).toBe(320);
    c.sendMethod(0, 'connection.close-ok', {});
    const [code] = await p.exited;
    expect(code).toBe(0);
    const logs = p.err().trim().split('\n').map((l) => JSON.parse(l) as { event: string });
    expect(logs.map((l) => l.event)).toEqual(expect.arrayContaining(['broker.started', 'connection.opened', 'broker.signal', 'broker.stopped']));
    expect(p.err()).not.toContain('guest\u0000guest');
  });

  it('exits 1 with a clear message when the AMQP port is in use', { timeout: 30_000 }, async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const taken = (blocker.address() as { port: number }).port;
    const p = run(['--amqp-port', String(taken), '--http-port', '0']);
    const [code] = await p.exited;
    blocker.close();
    expect(code).toBe(1);
    expect(p.out()).toBe('');
    expect(p.err()).toContain(`AMQP port ${taken} on 127.0.0.1 is already in use`);
  });
});
