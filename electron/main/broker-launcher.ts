import type { UtilityProcess } from 'electron';
import type { BrokerChild, LaunchBroker } from '../backend/embedded/launcher.js';

type Fork = (modulePath: string, args: string[], options: Electron.ForkOptions) => UtilityProcess;

/**
 * The embedded broker as an Electron utilityProcess: its own OS process, so a
 * busy or crashed broker never freezes the window. `fork` is
 * utilityProcess.fork, passed in so this stays testable without Electron.
 */
export function utilityProcessLauncher(fork: Fork): LaunchBroker {
  return (spec) => {
    const child = fork(spec.entry, spec.args, {
      execArgv: spec.execArgv,
      env: spec.env,
      stdio: 'pipe',
      serviceName: 'Warren embedded broker',
      ...(spec.cwd !== undefined ? { cwd: spec.cwd } : {}),
    });
    const broker: BrokerChild = {
      get pid() {
        return child.pid;
      },
      stdout: child.stdout,
      stderr: child.stderr,
      // On POSIX, kill() is SIGTERM and the process is reaped by Electron.
      terminate: () => {
        child.kill();
      },
      kill: () => {
        if (child.pid !== undefined) process.kill(child.pid, 'SIGKILL');
      },
      // utilityProcess reports the exit code only.
      onExit: (listener) => {
        child.once('exit', (code) => listener(code, null));
      },
      onError: (listener) => {
        child.on('error', (type: string, location: string) => listener(new Error(`${type} at ${location}`)));
      },
    };
    return broker;
  };
}
