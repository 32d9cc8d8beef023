import { PassThrough } from 'node:stream';
import type { BrokerChild, LaunchBroker, LaunchSpec } from '../../../electron/backend/embedded/launcher.js';

/** What a fake broker does when launched. */
export type Behaviour =
  | { kind: 'ready'; httpUrl?: boolean }
  | { kind: 'port-in-use'; listener: 'AMQP' | 'HTTP' }
  | { kind: 'fail'; message: string }
  /** Ignores SIGTERM: only SIGKILL stops it. */
  | { kind: 'stubborn' };

export interface FakeChild extends BrokerChild {
  spec: LaunchSpec;
  /** Dies as if by `kill -9` from outside. */
  crash(): void;
  signals: string[];
}

/**
 * A launcher whose processes are scripted: the supervisor's decisions
 * (retries, backoff, giving up, SIGKILL after the timeout) without forking.
 * The integration tests fork the real broker.
 */
export function fakeLauncher(script: Behaviour[]) {
  const children: FakeChild[] = [];
  let nextPid = 1000;
  const launch: LaunchBroker = (spec) => {
    const behaviour = script.shift() ?? { kind: 'ready' };
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    const exitListeners: ((code: number | null, signal: string | null) => void)[] = [];
    let alive = true;
    const exit = (code: number | null, signal: string | null) => {
      if (!alive) return;
      alive = false;
      stdout.end();
      stderr.end();
      setImmediate(() => exitListeners.forEach((l) => l(code, signal)));
    };
    const arg = (flag: string) => Number(spec.args[spec.args.indexOf(flag) + 1]);
    const child: FakeChild = {
      spec,
      pid: nextPid++,
      stdout,
      stderr,
      signals: [],
      terminate() {
        child.signals.push('SIGTERM');
        if (behaviour.kind !== 'stubborn') exit(0, null);
      },
      kill() {
        child.signals.push('SIGKILL');
        exit(null, 'SIGKILL');
      },
      crash() {
        exit(null, 'SIGKILL');
      },
      onExit: (listener) => exitListeners.push(listener),
      onError: () => undefined,
    };
    children.push(child);
    setImmediate(() => {
      stderr.write(JSON.stringify({ time: new Date().toISOString(), level: 'info', component: 'broker', event: 'broker.starting', port: arg('--amqp-port') }) + '\n');
      if (behaviour.kind === 'ready' || behaviour.kind === 'stubborn') {
        const http = behaviour.kind === 'ready' && behaviour.httpUrl ? `, management http://127.0.0.1:${arg('--http-port')}` : '';
        stdout.write(`Warren broker ready on amqp://127.0.0.1:${arg('--amqp-port')}${http}\n`);
      } else if (behaviour.kind === 'port-in-use') {
        const port = behaviour.listener === 'AMQP' ? arg('--amqp-port') : arg('--http-port');
        stderr.write(`warren broker: ${behaviour.listener} port ${port} on 127.0.0.1 is already in use; choose another\n`);
        exit(1, null);
      } else {
        stderr.write(`warren broker: ${behaviour.message}\n`);
        exit(1, null);
      }
    });
    return child;
  };
  return { launch, children };
}
