import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { utilityProcessLauncher } from '../../../electron/main/broker-launcher.js';

vi.mock('electron', () => ({}));

describe('utilityProcess launcher', () => {
  it('forks the broker program with its arguments, piped output and Node options, and reports the exit', async () => {
    const child = Object.assign(new EventEmitter(), { pid: 4242, stdout: null, stderr: null, kill: vi.fn(() => true) });
    const fork = vi.fn(() => child as never);
    const launch = utilityProcessLauncher(fork);
    const broker = launch({ entry: '/app/dist/electron/broker/cli-main.js', args: ['--amqp-port', '5672'], execArgv: ['--max-old-space-size=256'], cwd: undefined, env: { A: '1' } });
    expect(fork).toHaveBeenCalledWith('/app/dist/electron/broker/cli-main.js', ['--amqp-port', '5672'], {
      execArgv: ['--max-old-space-size=256'],
      env: { A: '1' },
      stdio: 'pipe',
      serviceName: 'Warren embedded broker',
    });
    expect(broker.pid).toBe(4242);
    broker.terminate();
    expect(child.kill).toHaveBeenCalled();
    const exits: unknown[] = [];
    broker.onExit((code, signal) => exits.push([code, signal]));
    child.emit('exit', 0);
    expect(exits).toEqual([[0, null]]);
  });
});
