import { describe, expect, it } from 'vitest';
import { parseDumpLines, toDumpLines } from '../../../../electron/backend/workbench/consume/dump-lines.js';
import type { DumpedMessage } from '../../../../shared/model/workbench/surgery.js';

const message: DumpedMessage = {
  exchange: 'orders',
  routingKey: 'eu.new',
  properties: { contentType: 'application/octet-stream', deliveryMode: 2, timestamp: 1_700_000_000 },
  headers: { n: { type: 'int', value: 3 }, ratio: { type: 'float', value: 0.5 }, raw: { type: 'bytes', value: 'AAEC' } },
  body: { encoding: 'base64', data: 'AP8Q' },
  redelivered: false,
  receivedAt: 1_700_000_000_123,
};

describe('dump lines', () => {
  it('round-trips messages through JSON lines', () => {
    const text = toDumpLines([message, { ...message, routingKey: 'us.new' }]);
    expect(text.endsWith('\n')).toBe(true);
    const { messages, problems } = parseDumpLines(text);
    expect(problems).toEqual([]);
    expect(messages.map((m) => m.line)).toEqual([1, 2]);
    expect(messages[0]?.message).toEqual(message);
  });

  it('reports every bad line with its number, and blank lines and CRLF are fine', () => {
    const good = JSON.stringify(message);
    const text = [good, '', '{not json', JSON.stringify({ ...message, body: 'text' }), JSON.stringify({ ...message, extra: 1 }), `${good}\r`].join('\n');
    const { messages, problems } = parseDumpLines(text);
    expect(messages.map((m) => m.line)).toEqual([1, 6]);
    expect(problems.map((p) => p.line)).toEqual([3, 4, 5]);
    expect(problems[0]?.message).toMatch(/^not JSON/);
    expect(problems[1]?.message).toMatch(/^body/);
    expect(problems[2]?.message).toMatch(/extra/);
  });

  it('an empty file is a problem, not a silent success', () => {
    expect(parseDumpLines('\n\n').problems).toEqual([{ line: 1, message: 'the file holds no messages' }]);
  });

  it('caps the problems it lists and says how many more there are', () => {
    const { problems } = parseDumpLines(Array.from({ length: 250 }, () => 'x').join('\n'));
    expect(problems).toHaveLength(201);
    expect(problems.at(-1)?.message).toBe('…and 50 more problems');
  });
});
