import { describe, expect, it } from 'vitest';
import { LOG_LINE_MAX_CHARS, createLogTail, readBrokerLine } from '../../../electron/backend/embedded/log-tail.js';

describe('log tail', () => {
  it('keeps only the newest lines, numbered without gaps', () => {
    const tail = createLogTail(3, () => 42);
    for (let i = 1; i <= 5; i++) tail.push('broker', 'info', `line ${i}`);
    expect(tail.size()).toBe(3);
    expect(tail.read().map((l) => [l.seq, l.text])).toEqual([
      [3, 'line 3'],
      [4, 'line 4'],
      [5, 'line 5'],
    ]);
    expect(tail.read(4).map((l) => l.text)).toEqual(['line 5']);
    expect(tail.read(0, 1).map((l) => l.text)).toEqual(['line 5']);
  });

  it('cuts a runaway line', () => {
    const tail = createLogTail();
    expect(tail.push('broker', 'info', 'x'.repeat(LOG_LINE_MAX_CHARS + 10)).text).toHaveLength(LOG_LINE_MAX_CHARS + 1);
  });

  it("turns the broker's JSON records into event plus fields, with their level", () => {
    const line = JSON.stringify({ time: '2026-01-01T00:00:00Z', level: 'warn', component: 'broker', event: 'connection.closed', user: 'guest', code: 320 });
    expect(readBrokerLine(line)).toEqual({ level: 'warn', text: 'connection.closed user=guest code=320' });
    expect(readBrokerLine('warren broker: AMQP port 5672 on 127.0.0.1 is already in use')).toMatchObject({ level: 'error' });
    expect(readBrokerLine('Warren broker ready on amqp://127.0.0.1:5672')).toEqual({ level: 'info', text: 'Warren broker ready on amqp://127.0.0.1:5672' });
  });
});
