import { createBackend } from '../backend/backend.js';
import { printEmbeddedBroker } from '../backend/embedded/print-urls.js';
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
  printEmbeddedBroker(backend.subscribe, options.print);
  let host: WebHost;
  try {
    host = await startWebHost({ backend, port: options.port, host: options.host, staticDir: options.staticDir, log: options.log });
  } catch (err) {
    await backend.close();
    throw err;
  }
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void host
      .close()
      .then(() => backend.close())
      .finally(() => process.exit(0));
  };
  // Before the URL line: whoever reads it may signal at once, and a signal
  // with no listener yet would kill the process without closing anything.
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  if (!isLoopback(options.host)) {
    options.print(`Warning: listening on ${options.host}, reachable from other machines (the token is still required).`);
  }
  options.print(`Warren web console: ${host.url}`);
  if (options.open && openBrowser(host.url)) options.print('Opened in your browser.');
  return host;
}

function isLoopback(host: string): boolean {
  return host === '127.0.0.1' || host === 'localhost' || host === '::1';
}
