import { existsSync } from 'node:fs';
import net from 'node:net';

/**
 * The one place where suites that need a real RabbitMQ or Chromium decide to
 * run or skip. Under CI=true a missing dependency is a failure, never a skip.
 */
const inCi = process.env.CI === 'true' || process.env.CI === '1';

export const RABBITMQ_URL = process.env.RABBITMQ_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
export const RABBITMQ_MANAGEMENT_URL = process.env.RABBITMQ_MANAGEMENT_URL ?? 'http://127.0.0.1:15672';

const CHROMIUM_CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium'].filter(
  (p): p is string => typeof p === 'string' && p.length > 0,
);

function portOpen(url: string): Promise<boolean> {
  const u = new URL(url);
  const port = Number(u.port || (u.protocol.startsWith('amqp') ? 5672 : 80));
  return new Promise((resolve) => {
    const socket = net.connect({ host: u.hostname, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1500, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

const reported = new Set<string>();
function unavailable(what: string, install: string): false {
  if (inCi) throw new Error(`${what} is required under CI=true but is not available. ${install}`);
  if (!reported.has(what)) {
    reported.add(what);
    process.stderr.write(`skipping suites that need ${what}: ${install}\n`);
  }
  return false;
}

/** True when a RabbitMQ with the management plugin answers at RABBITMQ_URL / RABBITMQ_MANAGEMENT_URL. */
export async function rabbitAvailable(): Promise<boolean> {
  const [amqp, http] = await Promise.all([portOpen(RABBITMQ_URL), portOpen(RABBITMQ_MANAGEMENT_URL)]);
  if (amqp && http) return true;
  return unavailable(
    'RabbitMQ',
    'apt-get install rabbitmq-server && rabbitmq-plugins enable rabbitmq_management && rabbitmq-server -detached (or set RABBITMQ_URL and RABBITMQ_MANAGEMENT_URL)',
  );
}

/** RabbitMQ's own start script, for scenarios that run a node of their own (test/conformance/support/own-rabbit-node.ts). */
export const RABBITMQ_SERVER_SCRIPT = process.env.RABBITMQ_SERVER_SCRIPT ?? '/usr/lib/rabbitmq/bin/rabbitmq-server';

/**
 * True when a RabbitMQ node of our own can be started from the local installation: the scripts exist
 * and we run as root (Debian's install keeps its files readable by root and the rabbitmq user only).
 */
export function rabbitServerInstalled(): boolean {
  if (existsSync(RABBITMQ_SERVER_SCRIPT) && process.getuid?.() === 0) return true;
  return unavailable(
    'a local rabbitmq-server installation run as root',
    'apt-get install rabbitmq-server and run the tests as root (or set RABBITMQ_SERVER_SCRIPT)',
  );
}

/** Flags for Debian's Chromium on a machine whose only network is loopback (see TOOLCHAIN notes). */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function chromiumPath(): string | null {
  const found = CHROMIUM_CANDIDATES.find((p) => existsSync(p));
  if (found) return found;
  unavailable('Chromium', 'apt-get install chromium (or set CHROMIUM_PATH)');
  return null;
}
