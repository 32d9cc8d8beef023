import { describe, expect, it } from 'vitest';
import { browseHolder } from '../../../../electron/backend/workbench/browse/browse-holder.js';
import { heldBrowseMessage } from '../../../../electron/backend/workbench/browse/held-browse-message.js';
import { amqplibPropertiesOf } from '../../../../electron/backend/workbench/browse/peek-browse.js';

describe('browse parts', () => {
  it('maps the management API’s property names to amqplib’s and drops unknown ones', () => {
    expect(amqplibPropertiesOf({ content_type: 'application/json', delivery_mode: 2, message_id: 'm', timestamp: 1700000000, headers: { a: 1 }, unknown: 'x' })).toEqual({
      contentType: 'application/json',
      deliveryMode: 2,
      messageId: 'm',
      timestamp: 1700000000,
      headers: { a: 1 },
    });
    expect(amqplibPropertiesOf([])).toEqual({});
  });

  it('keeps the whole body and cuts only the preview, seq from 1', () => {
    const held = heldBrowseMessage(1, { exchange: 'x', routingKey: 'k', redelivered: true, properties: { headers: { n: 1.5 } } as never, body: Buffer.from('héllo') }, 42, 2);
    expect(held.message).toMatchObject({ seq: 1, receivedAt: 42, exchange: 'x', routingKey: 'k', redelivered: true, pending: false, size: 6, truncated: true, preview: { encoding: 'utf8', data: 'h' } });
    expect(held.message.headers).toEqual({ n: { type: 'float', value: 1.5 } });
    expect(held.body?.toString()).toBe('héllo');
  });

  it('a holder finds messages by seq and lists them after a seq, oldest first', () => {
    const messages = [1, 2, 3].map((seq) => heldBrowseMessage(seq, { exchange: '', routingKey: 'q', redelivered: false, properties: {} as never, body: Buffer.from(String(seq)) }, 0, 10));
    const holder = browseHolder('b', '/', messages);
    expect(holder.get(2)?.message.seq).toBe(2);
    expect(holder.get(4)).toBeUndefined();
    expect(holder.list(1).map((m) => m.message.seq)).toEqual([2, 3]);
    expect(holder.list(0, 2).map((m) => m.message.seq)).toEqual([1, 2]);
  });
});
