// x-death headers as RabbitMQ 3.10.8 writes them (shapes captured from it).
import { describe, expect, it } from 'vitest';
import { deadLetterMessage } from '../../../electron/broker/dead-letter.js';
import type { Message } from '../../../electron/broker/message.js';
import { encodeProperties } from '../../../electron/broker/properties.js';
import { decodeBasicProperties, type BasicProperties } from '../../../electron/broker/protocol/generated.js';

function message(properties: BasicProperties, routingKey = 'src'): Message {
  return { exchange: 'ex', routingKey, properties, propertiesBytes: encodeProperties(properties), body: Buffer.from('b') };
}

const NOW = 1_700_000_000_123;

describe('deadLetterMessage', () => {
  it('adds x-death and x-first-death-* on the first death, keeps other headers, sorts keys', () => {
    const dead = deadLetterMessage(message({ headers: { z: { type: 'b', value: 1 } }, expiration: '60000' }), 'rejected', 'q1', 'dlx', undefined, NOW);
    const h = dead.properties.headers!;
    expect(Object.keys(h)).toEqual(['x-death', 'x-first-death-exchange', 'x-first-death-queue', 'x-first-death-reason', 'z']);
    expect(h['x-death']).toEqual({
      type: 'A',
      value: [{
        type: 'F',
        value: {
          count: { type: 'l', value: 1 },
          reason: { type: 'S', value: 'rejected' },
          queue: { type: 'S', value: 'q1' },
          time: { type: 'T', value: 1_700_000_000 },
          exchange: { type: 'S', value: 'ex' },
          'routing-keys': { type: 'A', value: [{ type: 'S', value: 'src' }] },
          'original-expiration': { type: 'S', value: '60000' },
        },
      }],
    });
    expect(dead.properties.expiration).toBeUndefined();
    expect(dead.exchange).toBe('dlx');
    expect(dead.routingKey).toBe('src');
    expect(decodeBasicProperties(dead.propertiesBytes, 0)).toEqual(dead.properties);
  });

  it('increments the count of the same queue and reason, moves it first, sorts its keys', () => {
    const once = deadLetterMessage(message({}), 'expired', 'q1', '', 'k', NOW);
    const other = deadLetterMessage(once, 'maxlen', 'q2', '', 'k', NOW);
    const twice = deadLetterMessage(other, 'expired', 'q1', '', 'k', NOW);
    const deaths = twice.properties.headers!['x-death'];
    if (deaths?.type !== 'A') throw new Error('no x-death');
    const entries = deaths.value.map((d) => (d.type === 'F' ? d.value : {}));
    expect(entries.map((e) => [e.queue?.value, e.reason?.value, e.count?.value])).toEqual([['q1', 'expired', 2], ['q2', 'maxlen', 1]]);
    expect(Object.keys(entries[0]!)).toEqual(['count', 'exchange', 'queue', 'reason', 'routing-keys', 'time']);
    expect(twice.properties.headers!['x-first-death-queue']).toEqual({ type: 'S', value: 'q1' });
    expect(twice.routingKey).toBe('k');
  });

  it('counts on from a count a client re-encoded as a smaller integer type (a republished dead letter)', () => {
    const republished = {
      'x-death': {
        type: 'A' as const,
        value: [{ type: 'F' as const, value: { count: { type: 'b' as const, value: 3 }, queue: { type: 'S' as const, value: 'q1' }, reason: { type: 'S' as const, value: 'rejected' } } }],
      },
    };
    const dead = deadLetterMessage(message({ headers: republished }), 'rejected', 'q1', 'dlx', undefined, NOW);
    const deaths = dead.properties.headers!['x-death'];
    if (deaths?.type !== 'A' || deaths.value[0]?.type !== 'F') throw new Error('no x-death');
    expect(deaths.value[0].value.count).toEqual({ type: 'l', value: 4 });
  });

  it('lists CC keys in routing-keys', () => {
    const cc = { CC: { type: 'A' as const, value: [{ type: 'S' as const, value: 'other' }] } };
    const dead = deadLetterMessage(message({ headers: cc }), 'rejected', 'q', '', undefined, NOW);
    const deaths = dead.properties.headers!['x-death'];
    if (deaths?.type !== 'A' || deaths.value[0]?.type !== 'F') throw new Error('no x-death');
    expect(deaths.value[0].value['routing-keys']).toEqual({ type: 'A', value: [{ type: 'S', value: 'src' }, { type: 'S', value: 'other' }] });
  });

  it('drops CC when a dead-letter routing key replaces the keys, but still lists it in routing-keys', () => {
    const cc = { CC: { type: 'A' as const, value: [{ type: 'S' as const, value: 'other' }] } };
    const dead = deadLetterMessage(message({ headers: cc }), 'rejected', 'q', '', 'target', NOW);
    expect(dead.properties.headers!.CC).toBeUndefined();
    expect(dead.routingKey).toBe('target');
    const deaths = dead.properties.headers!['x-death'];
    if (deaths?.type !== 'A' || deaths.value[0]?.type !== 'F') throw new Error('no x-death');
    expect(deaths.value[0].value['routing-keys']).toEqual({ type: 'A', value: [{ type: 'S', value: 'src' }, { type: 'S', value: 'other' }] });
  });
});
