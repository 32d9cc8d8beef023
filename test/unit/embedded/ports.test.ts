import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { freePort, planPorts, portIsFree, portNote, takenPorts } from '../../../electron/backend/embedded/ports.js';

describe('port plan', () => {
  const wanted = { amqp: 5672, http: 15672 };

  it("keeps RabbitMQ's ports when they are free", () => {
    expect(planPorts(wanted, new Set())).toEqual({ amqp: 5672, http: 15672 });
  });

  it('asks for any free port instead of a taken one, each port on its own', () => {
    expect(planPorts(wanted, new Set([5672]))).toEqual({ amqp: 0, http: 15672 });
    expect(planPorts(wanted, new Set([15672]))).toEqual({ amqp: 5672, http: 0 });
    expect(planPorts(wanted, new Set([5672, 15672]))).toEqual({ amqp: 0, http: 0 });
  });

  it('leaves "any port" (0) as it is', () => {
    expect(planPorts({ amqp: 0, http: 0 }, new Set([0]))).toEqual({ amqp: 0, http: 0 });
  });

  it('says which wanted ports moved, and nothing when none did', () => {
    expect(portNote(wanted, { amqp: 5672, http: 15672 })).toBeNull();
    expect(portNote(wanted, { amqp: 40001, http: 15672 })).toBe(
      'AMQP port 5672 is in use by another program (another broker?), so free ports are used instead.',
    );
    expect(portNote(wanted, { amqp: 40001, http: 40002 })).toMatch(/^AMQP port 5672 and HTTP port 15672 are in use/);
    expect(portNote({ amqp: 0, http: 0 }, { amqp: 40001, http: 40002 })).toBeNull();
  });
});

describe('port probes', () => {
  it('sees a port another listener holds as taken, and a released one as free', async () => {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as net.AddressInfo).port;
    expect(await portIsFree('127.0.0.1', port)).toBe(false);
    expect(await takenPorts('127.0.0.1', { amqp: port, http: 0 })).toEqual(new Set([port]));
    await new Promise((resolve) => server.close(resolve));
    expect(await portIsFree('127.0.0.1', port)).toBe(true);
  });

  it('finds a concrete free port', async () => {
    const port = await freePort('127.0.0.1');
    expect(port).toBeGreaterThan(0);
    expect(await portIsFree('127.0.0.1', port)).toBe(true);
  });
});
