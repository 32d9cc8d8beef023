import { describe, expect, it } from 'vitest';
import { brokerWords } from '../../../../electron/backend/workbench/consume/broker-words.js';
import { windows } from '../../../../electron/backend/workbench/consume/confirmed-publish.js';

describe('broker words', () => {
  it('takes the code and the broker\'s text from amqplib\'s close message', () => {
    const err = new Error(`Operation failed: BasicConsume; 404 (NOT-FOUND) with message "NOT_FOUND - no queue 'q' in vhost '/'"`);
    expect(brokerWords(err)).toBe(`404 NOT_FOUND - no queue 'q' in vhost '/'`);
    expect(brokerWords(new Error(`Channel closed by server: 405 (RESOURCE-LOCKED) with message "RESOURCE_LOCKED - cannot obtain exclusive access"`))).toBe(
      '405 RESOURCE_LOCKED - cannot obtain exclusive access',
    );
  });

  it('passes other errors through', () => {
    expect(brokerWords(new Error('Channel closed'))).toBe('Channel closed');
  });
});

describe('publish windows', () => {
  it('cuts by count and by bytes, and an oversized item goes alone', () => {
    expect(windows(Array.from({ length: 600 }, () => 1), () => 10).map((w) => w.length)).toEqual([256, 256, 88]);
    expect(windows([1, 2, 3], (n) => (n === 2 ? 9 * 1024 * 1024 : 10)).map((w) => w.length)).toEqual([1, 1, 1]);
  });
});
