import type { EmbeddedState } from '../../shared/model/embedded.js';
import { createBackend } from '../backend/backend.js';
import type { Backend } from '../backend/types.js';
import type { Logger } from '../backend/logger.js';
import { type WebHost, startWebHost } from './host.js';
import { openBrowser } from './open-browser.js';

export interface WebConsoleOptions {
  port: number;
  host: string;
  dataDir: string;
  staticDir: string;
  version: string;
  open: boolean;
  /** Start the embedded broker (when its settings say it is on); false for --no-embedded. */
  embedded: boolean;
  log: Logger;
  /** Where the human-readable lines go (the URL among them); logs go to stderr. */
  print: (line: string) => void;
}

/** The backend and the web host together, stopped cleanly on Ctrl+C or SIGTERM. */
export async function runWebConsole(options: WebConsoleOptions): Promise<WebHost> {
  const backend = await createBackend({
    dataDir: options.dataDir,
    transport: 'web',
    version: options.version,
    log: options.log,
    embedded: { autoStart: options.embedded },
  });
  printEmbeddedBroker(backend, options.print);
  let host: WebHost;
  try {
    host = await startWebHost({ backend, port: options.port, host: options.host, staticDir: options.staticDir, log: options.log });
  } catch (err) {
    await backend.close();
    throw err;
  }
  if (!isLoopback(options.host)) {
    options.print(`Warning: listening on ${options.host}, reachable from other machines (the token is still required).`);
  }
  options.print(`Warren web console: ${host.url}`);
  if (options.open && openBrowser(host.url)) options.print('Opened in your browser.');

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void host
      .close()
      .then(() => backend.close())
      .finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return host;
}

/** One line each time the embedded broker comes up on new URLs, or gives up: the terminal says where it is. */
function printEmbeddedBroker(backend: Backend, print: (line: string) => void): void {
  let last = '';
  backend.subscribe((event, payload) => {
    if (event !== 'embedded.state') return;
    const state = payload as EmbeddedState;
    let line = '';
    if (state.status === 'running' && state.amqpUrl) {
      line = `Embedded broker: ${state.amqpUrl}${state.httpUrl ? `, management ${state.httpUrl}` : ' (no management HTTP API in this build)'}`;
      if (state.portNote) line += `\n  ${state.portNote}`;
    } else if (state.status === 'failed' && state.reason) {
      line = `Embedded broker not running: ${state.reason}`;
    }
    if (line !== '' && line !== last) {
      last = line;
      print(line);
    }
  });
}

function isLoopback(host: string): boolean {
  return host === '127.0.0.1' || host === 'localhost' || host === '::1';
}
