// `npx tsx electron/broker/cli-main.ts --amqp-port 5672 --bind 127.0.0.1`:
// runs the broker in the foreground, prints one ready line with its amqp://
// URL on stdout, logs JSON to stderr, exits 0 on SIGINT/SIGTERM after closing
// connections with 320 CONNECTION_FORCED, exits 1 when the port is taken.
import { parseArgs } from 'node:util';
import { parseDiskFreeLimit, parseMaxMessageSize, parseMemoryHighWatermark } from './flow/options.js';
import { jsonLogger } from './logger.js';
import { startBroker } from './main.js';
import { parseMessageMemoryBudget } from './store/memory-budget.js';

function fail(message: string): never {
  process.stderr.write(`warren broker: ${message}\n`);
  process.exit(1);
}

function port(value: string | undefined, fallback: number, flag: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) fail(`${flag} must be a port number (0-65535), got '${value}'`);
  return n;
}

/** A flow-control value parsed, or exit 1 naming the flag and what it expects. */
function setting<T>(value: string | undefined, flag: string, parse: (text: string) => T): T | undefined {
  if (value === undefined) return undefined;
  try {
    return parse(value);
  } catch (err) {
    fail(`${flag}: ${(err as Error).message}`);
  }
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        'amqp-port': { type: 'string' },
        'http-port': { type: 'string' },
        bind: { type: 'string' },
        'data-dir': { type: 'string' },
        'memory-high-watermark': { type: 'string' },
        'disk-free-limit': { type: 'string' },
        'max-message-size': { type: 'string' },
        'message-memory-budget': { type: 'string' },
      },
      strict: true,
    }));
  } catch (err) {
    fail((err as Error).message);
  }
  const amqpPort = port(values['amqp-port'], 5672, '--amqp-port');
  const bind = values.bind ?? '127.0.0.1';
  const memoryHighWatermark = setting(values['memory-high-watermark'], '--memory-high-watermark', parseMemoryHighWatermark);
  const diskFreeLimit = setting(values['disk-free-limit'], '--disk-free-limit', parseDiskFreeLimit);
  const maxMessageSize = setting(values['max-message-size'], '--max-message-size', parseMaxMessageSize);
  const messageMemoryBudget = setting(values['message-memory-budget'], '--message-memory-budget', parseMessageMemoryBudget);
  const logger = jsonLogger();
  let broker;
  try {
    broker = await startBroker({
      amqpPort, httpPort: port(values['http-port'], 15672, '--http-port'), bind, dataDir: values['data-dir'], log: logger,
      flow: { memoryHighWatermark, diskFreeLimit },
      limits: maxMessageSize === undefined ? undefined : { maxMessageSize },
      storage: messageMemoryBudget === undefined ? undefined : { messageMemoryBudget },
    });
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { listener?: 'HTTP' };
    const httpPort = values['http-port'] ?? '15672';
    if (e.code === 'EADDRINUSE' && e.listener === 'HTTP') fail(`HTTP port ${httpPort} on ${bind} is already in use; choose another with --http-port`);
    if (e.code === 'EADDRINUSE') fail(`AMQP port ${amqpPort} on ${bind} is already in use; choose another with --amqp-port`);
    if (e.code === 'EADDRNOTAVAIL') fail(`cannot bind to ${bind}: address not available`);
    if (e.code === 'EACCES') fail(`not permitted to listen on ${bind}:${amqpPort}`);
    fail(e.message);
  }
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log('info', 'broker.signal', { signal });
    broker.close().then(() => process.exit(0), (err) => {
      logger.log('error', 'broker.close_failed', { error: err });
      process.exit(1);
    });
  };
  // Before the ready line: whoever reads it may signal at once, and a signal
  // with no listener yet would kill the process instead of closing the broker.
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.stdout.write(`Warren broker ready on ${broker.amqpUrl}${broker.httpUrl ? `, management ${broker.httpUrl}` : ''}\n`);
}

void main();
