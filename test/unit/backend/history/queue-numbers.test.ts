import { describe, expect, it } from 'vitest';
import { QUEUE_FIELDS, queueNumbers } from '../../../../electron/backend/management/queue-numbers.js';
import { RawQueue } from '../../../../electron/backend/management/raw-schemas.js';

const raw = (row: unknown) => RawQueue.parse(row);

describe('queue numbers for the history store', () => {
  it('reads counts, bytes and counter totals; a counter left out has not moved yet (0)', () => {
    const out = queueNumbers(
      [
        raw({ name: 'a', vhost: '/', messages_ready: 3, messages_unacknowledged: 1, message_bytes: 40, consumers: 2, message_stats: { publish: 9, deliver_get: 7, ack: 6, redeliver: 1 } }),
        raw({ name: 'b', vhost: 'v', messages_ready: 0, messages_unacknowledged: 0, consumers: 0, policy: 'p' }),
      ],
      true,
    );
    expect(out.keys).toEqual(['/\u0000a', 'v\u0000b']);
    expect(out.policies).toEqual([null, 'p']);
    expect(Array.from(out.data.subarray(0, QUEUE_FIELDS))).toEqual([3, 1, 40, 2, 9, 7, 6, 1]);
    expect(Array.from(out.data.subarray(QUEUE_FIELDS))).toEqual([0, 0, NaN, 0, 0, 0, 0, 0]);
  });

  it('gives no data (NaN) for what a broker without statistics leaves out', () => {
    const out = queueNumbers([raw({ name: 'a', vhost: '/' })], false);
    expect(Array.from(out.data)).toEqual(new Array(QUEUE_FIELDS).fill(NaN));
  });
});
