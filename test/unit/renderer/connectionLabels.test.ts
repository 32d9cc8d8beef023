import { describe, expect, it } from 'vitest';
import { channelLabel, connectionLabels } from '../../../renderer/views/connectionLabels.js';
import type { ConnectionRow } from '../../../shared/model/inventory.js';

const connection = (name: string, clientName: string | null): ConnectionRow => ({
  key: name,
  name,
  vhost: '/',
  user: 'guest',
  state: 'running',
  protocol: 'AMQP 0-9-1',
  peer: '127.0.0.1:1',
  clientName,
  clientProduct: null,
  channels: 1,
  recvRate: null,
  sendRate: null,
  connectedAt: null,
});

describe('channelLabel', () => {
  const labels = connectionLabels([connection('127.0.0.1:1 -> 127.0.0.1:5672', 'billing'), connection('127.0.0.1:2 -> 127.0.0.1:5672', null)]);

  it('names a channel after its connection’s client-given name and number', () => {
    expect(channelLabel('127.0.0.1:1 -> 127.0.0.1:5672 (2)', '127.0.0.1:1 -> 127.0.0.1:5672', labels)).toBe('billing #2');
  });

  it('falls back to the client address when the client gave no name', () => {
    expect(channelLabel('127.0.0.1:2 -> 127.0.0.1:5672 (1)', '127.0.0.1:2 -> 127.0.0.1:5672', labels)).toBe('127.0.0.1:2 #1');
    expect(channelLabel('x (1)', null, labels)).toBe('x (1)');
  });
});
