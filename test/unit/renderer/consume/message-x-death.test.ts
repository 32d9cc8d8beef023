import { describe, expect, it } from 'vitest';
import type { FieldTable, FieldValue } from '../../../../shared/model/workbench/field-value.js';
import { deathHistory, describeDeath, originQueue } from '../../../../renderer/workbench/message-x-death.js';

const s = (value: string): FieldValue => ({ type: 'string', value });
const entry = (fields: Record<string, FieldValue>): FieldValue => ({ type: 'table', value: fields });
const clock = (ms: number): string => new Date(ms).toISOString();

const headers: FieldTable = {
  'x-death': {
    type: 'array',
    value: [
      entry({
        count: { type: 'int', value: 3 },
        reason: s('rejected'),
        queue: s('orders'),
        time: { type: 'timestamp', value: 1_795_000_000 },
        exchange: s('orders.in'),
        'routing-keys': { type: 'array', value: [s('order.new')] },
      }),
      entry({
        count: { type: 'int', value: 1 },
        reason: s('expired'),
        queue: s('orders.wait'),
        time: { type: 'timestamp', value: 1_794_999_000 },
        exchange: s(''),
        'routing-keys': { type: 'array', value: [s('orders.wait'), s('audit')] },
        'original-expiration': s('5000'),
      }),
    ],
  },
  'x-first-death-queue': s('orders.wait'),
};

describe('x-death history', () => {
  it('reads each entry, newest first, with times in milliseconds', () => {
    const history = deathHistory(headers);
    expect(history).toEqual([
      { queue: 'orders', reason: 'rejected', count: 3, exchange: 'orders.in', routingKeys: ['order.new'], time: 1_795_000_000_000, originalExpiration: null },
      { queue: 'orders.wait', reason: 'expired', count: 1, exchange: '', routingKeys: ['orders.wait', 'audit'], time: 1_794_999_000_000, originalExpiration: '5000' },
    ]);
  });

  it('says each entry as a sentence', () => {
    const [rejected, expired] = deathHistory(headers);
    expect(describeDeath(rejected!, clock)).toBe("rejected 3 times in queue 'orders', published to exchange 'orders.in' with key 'order.new', last at 2026-11-18T11:06:40.000Z");
    expect(describeDeath(expired!, clock)).toBe(
      "expired once in queue 'orders.wait', published to the default exchange with keys 'orders.wait', 'audit', at 2026-11-18T10:50:00.000Z (its expiration was 5000 ms)",
    );
    expect(describeDeath({ ...rejected!, reason: 'maxlen', count: 2, time: null, routingKeys: [] }, clock)).toBe("dropped by the length limit twice in queue 'orders', published to exchange 'orders.in'");
  });

  it('names the origin queue a send-back uses: the newest death', () => {
    expect(originQueue(headers)).toBe('orders');
    expect(originQueue({})).toBeNull();
    expect(deathHistory({ 'x-death': s('not an array') })).toEqual([]);
  });
});
