import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** How to run the broker program: its entry module, arguments and Node options. */
export interface LaunchSpec {
  entry: string;
  args: string[];
  execArgv: string[];
  /** Where relative module specifiers in execArgv (the tsx loader) resolve from; undefined inherits. */
  cwd: string | undefined;
  env: NodeJS.ProcessEnv;
}

/** The broker process as the supervisor sees it, whichever way it was started. */
export interface BrokerChild {
  readonly pid: number | undefined;
  readonly stdout: NodeJS.ReadableStream | null;
  readonly stderr: NodeJS.ReadableStream | null;
  /** Asks it to stop (SIGTERM): it closes its connections and exits. */
  terminate(): void;
  /** Stops it at once (SIGKILL). */
  kill(): void;
  /** Called once when the process has exited; `signal` is null where the launcher cannot tell. */
  onExit(listener: (code: number | null, signal: string | null) => void): void;
  /** The process could not be started at all. */
  onError(listener: (err: Error) => void): void;
}

/**
 * Starts the broker program. Web mode and the CLI use `forkLauncher`; Electron
 * main passes one built on utilityProcess (the backend never imports electron).
 */
export type LaunchBroker = (spec: LaunchSpec) => BrokerChild;

/** `child_process.fork` with piped stdout/stderr. */
export const forkLauncher: LaunchBroker = (spec) => {
  const child = fork(spec.entry, spec.args, {
    execArgv: spec.execArgv,
    cwd: spec.cwd,
    env: spec.env,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    serialization: 'json',
  });
  return {
    get pid() {
      return child.pid;
    },
    stdout: child.stdout,
    stderr: child.stderr,
    terminate: () => {
      child.kill('SIGTERM');
    },
    kill: () => {
      child.kill('SIGKILL');
    },
    onExit: (listener) => {
      child.once('exit', (code, signal) => listener(code, signal));
    },
    onError: (listener) => {
      child.on('error', listener);
    },
  };
};

/**
 * Where the broker program is: electron/broker/cli-main.ts under tsx when
 * Warren runs from its sources, dist/electron/broker/cli-main.js when built.
 * Both sit at the same place relative to this module.
 */
export function brokerProgram(moduleUrl: string = import.meta.url): { entry: string; execArgv: string[]; cwd: string | undefined } {
  const here = path.dirname(fileURLToPath(moduleUrl));
  const fromSources = moduleUrl.endsWith('.ts');
  const entry = path.join(here, '..', '..', 'broker', fromSources ? 'cli-main.ts' : 'cli-main.js');
  if (!existsSync(entry)) throw new Error(`the embedded broker program is missing (${entry})`);
  // tsx is resolved from the repository root, where node_modules is.
  return fromSources ? { entry, execArgv: ['--import', 'tsx'], cwd: path.join(here, '..', '..', '..') } : { entry, execArgv: [], cwd: undefined };
}
