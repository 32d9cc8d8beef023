import type { MessageProperties as AmqplibProperties } from 'amqplib';
import { describe, expect, it } from 'vitest';
import { fromAmqplibProperties, toAmqplibPublishOptions } from '../../../../electron/backend/workbench/codec/properties.js';

describe('message properties codec', () => {
  it('sets only the properties given, with typed headers', () => {
    expect(toAmqplibPublishOptions({ contentType: 'application/json', deliveryMode: 2, expiration: '5000', timestamp: 10 }, { n: { type: 'float', value: 3 } })).toEqual({
      contentType: 'application/json',
      deliveryMode: 2,
      expiration: '5000',
      timestamp: 10,
      headers: { n: { '!': 'double', value: 3 } },
    });
  });

  it('shows a delivery\'s properties without the absent ones, the expiration as text and a Date timestamp in seconds', () => {
    const delivered = {
      contentType: 'text/plain',
      contentEncoding: undefined,
      headers: { retries: 2, 'x-death': [{ count: 1, reason: 'expired', queue: 'q', time: { '!': 'timestamp', value: 1_700_000_000 } }] },
      deliveryMode: 1,
      priority: undefined,
      correlationId: 'c',
      replyTo: undefined,
      expiration: 60000,
      messageId: 'm',
      timestamp: new Date(1_700_000_000_900),
      type: undefined,
      userId: undefined,
      appId: 'app',
      clusterId: undefined,
    } as unknown as AmqplibProperties;
    const { properties, headers } = fromAmqplibProperties(delivered);
    expect(properties).toEqual({ contentType: 'text/plain', deliveryMode: 1, correlationId: 'c', expiration: '60000', messageId: 'm', timestamp: 1_700_000_000, appId: 'app' });
    expect(headers).toEqual({
      retries: { type: 'int', value: 2 },
      'x-death': {
        type: 'array',
        value: [{ type: 'table', value: { count: { type: 'int', value: 1 }, reason: { type: 'string', value: 'expired' }, queue: { type: 'string', value: 'q' }, time: { type: 'timestamp', value: 1_700_000_000 } } }],
      },
    });
  });

  it('a delivery without headers has an empty table', () => {
    expect(fromAmqplibProperties({ headers: undefined } as unknown as AmqplibProperties).headers).toEqual({});
  });
});
