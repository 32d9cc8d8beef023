import { describe, expect, it } from 'vitest';
import { parsePortInUse, parseReadyLine } from '../../../electron/backend/embedded/ready-line.js';

describe('ready line', () => {
  it('reads the AMQP URL of the broker as it prints it today', () => {
    expect(parseReadyLine('Warren broker ready on amqp://127.0.0.1:5672')).toEqual({
      amqpUrl: 'amqp://127.0.0.1:5672',
      amqpPort: 5672,
      httpUrl: null,
      httpPort: null,
    });
  });

  it('reads the management URL too, in whatever words surround it', () => {
    for (const line of [
      'Warren broker ready on amqp://127.0.0.1:40001, management http://127.0.0.1:40002',
      'Warren broker ready on amqp://127.0.0.1:40001 (management API on http://127.0.0.1:40002/)',
      'Warren broker ready: amqp://127.0.0.1:40001 http://127.0.0.1:40002.',
    ]) {
      expect(parseReadyLine(line)).toEqual({ amqpUrl: 'amqp://127.0.0.1:40001', amqpPort: 40001, httpUrl: 'http://127.0.0.1:40002', httpPort: 40002 });
    }
  });

  it('reads IPv6 hosts and amqp without a port', () => {
    expect(parseReadyLine('Warren broker ready on amqp://[::1]:5673 management http://[::1]:15673')).toMatchObject({
      amqpPort: 5673,
      httpPort: 15673,
    });
    expect(parseReadyLine('broker ready on amqp://localhost')).toMatchObject({ amqpPort: 5672 });
  });

  it('ignores other lines: logs, and lines that mention a URL without being ready', () => {
    expect(parseReadyLine('{"level":"info","event":"broker.started","amqpUrl":"amqp://127.0.0.1:5672"}')).toBeNull();
    expect(parseReadyLine('Warren broker ready')).toBeNull();
    expect(parseReadyLine('')).toBeNull();
  });
});

describe('port in use', () => {
  it("recognises the broker CLI's own message, naming the listener", () => {
    expect(parsePortInUse('warren broker: AMQP port 5672 on 127.0.0.1 is already in use; choose another with --amqp-port')).toEqual({
      listener: 'amqp',
      port: 5672,
    });
    expect(parsePortInUse('warren broker: HTTP port 15672 on 127.0.0.1 is already in use')).toEqual({ listener: 'http', port: 15672 });
  });

  it("recognises Node's raw EADDRINUSE error, with the port from the address", () => {
    expect(parsePortInUse('Error: listen EADDRINUSE: address already in use 127.0.0.1:15672')).toEqual({ listener: 'unknown', port: 15672 });
  });

  it('is null for other failures', () => {
    expect(parsePortInUse('warren broker: cannot bind to 10.9.9.9: address not available')).toBeNull();
    expect(parsePortInUse('')).toBeNull();
  });
});
