import path from 'node:path';
import type { UtilityProcess } from 'electron';
import type { BrokerChild, LaunchBroker } from '../backend/embedded/launcher.js';

type Fork = (modulePath: string, args: string[], options: Electron.ForkOptions) => UtilityProcess;

/**
 * In a packaged app the broker's files sit in app.asar.unpacked
 * (build/electron-builder.json, asarUnpack): a process of its own loads them
 * from the real file system, not from inside the archive, where the main
 * process's paths point.
 */
export function asarUnpackedPath(file: string, sep: string = path.sep): string {
  const packed = `${sep}app.asar${sep}`;
  const at = file.indexOf(packed);
  return at === -1 ? file : `${file.slice(0, at)}${sep}app.asar.unpacked${sep}${file.slice(at + packed.length)}`;
}

/**
 * The embedded broker as an Electron utilityProcess: its own OS process, so a
 * busy or crashed broker never freezes the window. `fork` is
 * utilityProcess.fork, passed in so this stays testable without Electron.
 */
export function utilityProcessLauncher(fork: Fork): LaunchBroker {
  return (spec) => {
    const child = fork(asarUnpackedPath(spec.entry), spec.args, {
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
