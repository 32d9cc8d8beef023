import { describe, expect, it } from 'vitest';
import { amqpConnectArgs } from '../../../electron/backend/amqp/connect-args.js';
import { pagingPlanFor } from '../../../electron/backend/management/fetch-inventory.js';
import { apiUrl } from '../../../electron/backend/management/http-request.js';

describe('management URLs', () => {
  it('joins paths under a base URL with or without a path prefix', () => {
    expect(apiUrl('http://h:15672', 'api/overview').toString()).toBe('http://h:15672/api/overview');
    expect(apiUrl('https://h/rabbitmq', 'api/queues', { page: 2, columns: 'a,b' }).toString()).toBe('https://h/rabbitmq/api/queues?page=2&columns=a%2Cb');
  });

  it('pages only the listings that were large', () => {
    expect(pagingPlanFor({ queues: 25_000, exchanges: 10, connections: 0, channels: 0 })).toEqual({ queues: true, exchanges: false, connections: false, channels: false });
  });
});

describe('amqplib connect arguments', () => {
  const endpoint = (uri: string) => ({ amqpUri: uri, username: 'bob', password: 'secret', tls: { rejectUnauthorized: false } });
  const opts = { timeoutMs: 5000, heartbeatS: 30, connectionName: 'Warren' };

  it('passes credentials as fields, never inside a URL', () => {
    const [connect, socket] = amqpConnectArgs(endpoint('amqp://h:5673/'), opts);
    expect(connect).toMatchObject({ protocol: 'amqp', hostname: 'h', port: 5673, username: 'bob', password: 'secret', vhost: '%2F' });
    expect(socket).not.toHaveProperty('rejectUnauthorized');
  });

  it('escapes the vhost because amqplib unescapes it', () => {
    expect(amqpConnectArgs(endpoint('amqp://h/shop%2Feu'), opts)[0].vhost).toBe('shop%2Feu');
    expect(amqpConnectArgs(endpoint('amqp://h/100%25'), opts)[0].vhost).toBe('100%25');
  });

  it('uses 5671 and the TLS options for amqps', () => {
    const [connect, socket] = amqpConnectArgs(endpoint('amqps://h'), opts);
    expect(connect.port).toBe(5671);
    expect(socket.rejectUnauthorized).toBe(false);
  });
});
