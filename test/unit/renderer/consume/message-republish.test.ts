import { describe, expect, it } from 'vitest';
import { republishDraft } from '../../../../renderer/workbench/message-republish.js';
import { message } from './messages.js';

describe('republish draft', () => {
  it('keeps the exchange, key, headers, body and every property the Publish form can send', () => {
    const received = message(7, '{"a":1}', {
      exchange: 'orders',
      routingKey: 'order.new',
      headers: { 'x-tenant': { type: 'string', value: 'eu' } },
      properties: { contentType: 'application/json', deliveryMode: 2, priority: 3, messageId: 'm-1', timestamp: 1_795_000_000 },
    });
    const body = { encoding: 'base64' as const, data: 'AAEC' };
    const { draft, dropped } = republishDraft('/', received, body);
    expect(draft).toEqual({
      vhost: '/',
      exchange: 'orders',
      routingKey: 'order.new',
      properties: { contentType: 'application/json', deliveryMode: 2, priority: 3, messageId: 'm-1', timestamp: 1_795_000_000 },
      headers: { 'x-tenant': { type: 'string', value: 'eu' } },
      body,
    });
    expect(dropped).toEqual([]);
  });

  it('leaves out properties it cannot send, and names them', () => {
    const received = message(1, 'x', { properties: { deliveryMode: 0, expiration: 'soon', appId: 'billing' } });
    const { draft, dropped } = republishDraft('/', received, received.preview);
    expect(draft.properties).toEqual({ appId: 'billing' });
    expect(dropped).toEqual(['deliveryMode', 'expiration']);
  });
});
