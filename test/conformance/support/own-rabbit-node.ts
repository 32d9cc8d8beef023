import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { RABBITMQ_SERVER_SCRIPT } from '../../support/requirements.js';

/**
 * A RabbitMQ node of its own, for scenarios that would disturb the shared
 * one (a memory alarm blocks every publisher on the node, and other suites
 * publish there in parallel). Started from the local installation with its
 * own node name, ports, cookie and directories under a temp dir, without
 * plugins; stopped and removed afterwards.
 */
export interface OwnRabbitNode {
  readonly host: string;
  readonly port: number;
  /** rabbitmqctl against this node, e.g. ['set_vm_memory_high_watermark', '0.4']. */
  ctl(args: string[]): Promise<string>;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('close', (code) => resolve({ code, out }));
  });
}

export async function startOwnRabbitNode(): Promise<OwnRabbitNode> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'warren-rabbit-'));
  writeFileSync(path.join(dir, 'enabled_plugins'), '[].');
  const [port, distPort] = [await freePort(), await freePort()];
  const node = `warren-${process.pid}-${port}@localhost`;
  const ctlScript = path.join(path.dirname(RABBITMQ_SERVER_SCRIPT), 'rabbitmqctl');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // The Erlang cookie is created in, and read from, HOME: ours, shared by the node and rabbitmqctl.
    HOME: dir,
    RABBITMQ_NODENAME: node,
    RABBITMQ_NODE_IP_ADDRESS: '127.0.0.1',
    RABBITMQ_NODE_PORT: String(port),
    RABBITMQ_DIST_PORT: String(distPort),
    RABBITMQ_MNESIA_BASE: path.join(dir, 'mnesia'),
    RABBITMQ_LOG_BASE: path.join(dir, 'log'),
    RABBITMQ_ENABLED_PLUGINS_FILE: path.join(dir, 'enabled_plugins'),
    // Not the shared node's configuration (CI exports RABBITMQ_CONFIG_FILE for it): files that do not exist.
    RABBITMQ_CONFIG_FILE: path.join(dir, 'rabbitmq.conf'),
    RABBITMQ_ADVANCED_CONFIG_FILE: path.join(dir, 'advanced.config'),
    RABBITMQ_PID_FILE: path.join(dir, 'pid'),
  };
  const server: ChildProcess = spawn(RABBITMQ_SERVER_SCRIPT, [], { env, cwd: dir, stdio: 'ignore' });
  const ctl = async (args: string[]) => {
    const r = await run(ctlScript, ['-n', node, ...args], env);
    if (r.code !== 0) throw new Error(`rabbitmqctl ${args.join(' ')} exited ${r.code}: ${r.out}`);
    return r.out;
  };
  const stop = async () => {
    await run(ctlScript, ['-n', node, 'stop'], env);
    if (server.exitCode === null) server.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };
  // await_startup answers at once (exit 69) until the node has registered with epmd: ask again until it is up.
  const deadline = Date.now() + 90_000;
  for (;;) {
    const r = await run(ctlScript, ['-n', node, 'await_startup', '--timeout', '10'], env);
    if (r.code === 0) break;
    if (Date.now() > deadline || server.exitCode !== null) {
      await stop();
      throw new Error(`RabbitMQ node ${node} did not start: ${r.out}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return { host: '127.0.0.1', port, ctl, stop };
}
