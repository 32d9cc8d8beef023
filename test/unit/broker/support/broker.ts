// Starts an embedded broker on a free port for a test file.
import { silentLogger } from '../../../../electron/broker/logger.js';
import { startBroker, type RunningBroker } from '../../../../electron/broker/main.js';

export function testBroker(): Promise<RunningBroker> {
  return startBroker({
    amqpPort: 0,
    bind: '127.0.0.1',
    log: silentLogger,
    limits: { silentCloseDelayMs: 50, closeTimeoutMs: 500 },
  });
}

export function amqpUrl(b: RunningBroker): string {
  return `amqp://guest:guest@127.0.0.1:${b.port}`;
}
