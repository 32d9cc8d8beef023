// The flow-control flags of cli-main: bad values exit 1 naming the flag and
// what it expects; good ones reach the monitors (seen on /api/nodes).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));

function run(args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/broker/cli-main.ts', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  return { child, exited, out: () => stdout, err: () => stderr };
}

describe('cli-main flow-control flags', () => {
  it.each([
    [['--memory-high-watermark', '40%'], "--memory-high-watermark: expected a fraction of total memory such as 0.4, or an amount such as 512MiB, got '40%'"],
    [['--memory-high-watermark', '2.5'], "--memory-high-watermark: a fraction of total memory must be between 0 and 1, got '2.5'"],
    [['--disk-free-limit', '50 megabytes'], "--disk-free-limit: expected an amount of disk space such as 50MB or 1GiB, or a multiple of total memory such as 1.5, got '50 megabytes'"],
    [['--max-message-size', '1GiB'], '--max-message-size: the maximum message size must be between 0 and 536870912 bytes (512 MiB), got 1073741824'],
  ])('refuses %j', { timeout: 30_000 }, async (args, message) => {
    const p = run(['--amqp-port', '0', '--http-port', '0', ...args]);
    const [code] = await p.exited;
    expect(code).toBe(1);
    expect(p.err()).toBe(`warren broker: ${message}\n`);
  });

  it('starts with the given limits: a 1-byte watermark raises the memory alarm at once, logged as a warning', { timeout: 30_000 }, async () => {
    const p = run(['--amqp-port', '0', '--http-port', '0', '--memory-high-watermark', '1', '--disk-free-limit', '1kB', '--max-message-size', '128MiB']);
    const end = Date.now() + 20_000;
    while (!p.out().includes('\n') && Date.now() < end) await new Promise((r) => setTimeout(r, 25));
    const httpUrl = /management (http:\/\/\S+)/.exec(p.out())?.[1];
    expect(httpUrl).toBeDefined();
    const res = await fetch(`${httpUrl}/api/nodes`, { headers: { authorization: `Basic ${Buffer.from('guest:guest').toString('base64')}` } });
    const [node] = (await res.json()) as Record<string, unknown>[];
    expect(node).toMatchObject({ mem_limit: 1, mem_alarm: true, disk_free_limit: 1000, disk_free_alarm: false });
    p.child.kill('SIGTERM');
    const [code] = await p.exited;
    expect(code).toBe(0);
    const set = p.err().trim().split('\n').map((l) => JSON.parse(l) as { level: string; event: string; resource?: string })
      .filter((l) => l.event === 'flow.alarm_set');
    expect(set).toEqual([expect.objectContaining({ level: 'warn', resource: 'memory' })]);
  });
});
