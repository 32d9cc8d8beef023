import { describe, expect, it } from 'vitest';
import { compileMessageFilter } from '../../../../renderer/workbench/message-filter.js';
import { message } from './messages.js';

const json = message(1, JSON.stringify({ order: { id: 42 } }), { routingKey: 'order.created', properties: { messageId: 'm-17' } });
const text = message(2, 'plain text about Invoices', { routingKey: 'invoice.sent' });
const binary = message(3, '', { preview: { encoding: 'base64', data: btoa('\u0000\u00ff\u0010') }, size: 3 });

function passing(query: string, mode: 'text' | 'regex' | 'jsonpath'): number[] {
  const filter = compileMessageFilter(query, mode);
  if (!filter.ok) throw new Error(filter.error);
  return [json, text, binary].filter(filter.test).map((m) => m.seq);
}

describe('message filter', () => {
  it('is inactive when empty', () => {
    expect(compileMessageFilter('  ', 'regex')).toMatchObject({ ok: true, active: false });
    expect(passing('', 'jsonpath')).toEqual([1, 2, 3]);
  });

  it('finds text case-insensitively in the body, the routing key and the message id', () => {
    expect(passing('invoices', 'text')).toEqual([2]);
    expect(passing('ORDER.CREATED', 'text')).toEqual([1]);
    expect(passing('m-17', 'text')).toEqual([1]);
  });

  it('matches a regex over the same text and reports a broken one', () => {
    expect(passing('^invoice\\.', 'regex')).toEqual([2]);
    expect(passing('"id":\\s*4\\d', 'regex')).toEqual([1]);
    expect(compileMessageFilter('(order', 'regex')).toEqual({ ok: false, error: 'Invalid regex: Unterminated group' });
  });

  it('evaluates a JSON path on JSON bodies only, never on text, binary or truncated ones', () => {
    expect(passing('$.order.id == 42', 'jsonpath')).toEqual([1]);
    expect(passing('$', 'jsonpath')).toEqual([1]);
    const cut = message(4, '{"order":{"id":42}}', { truncated: true, size: 100_000 });
    const filter = compileMessageFilter('$.order.id', 'jsonpath');
    expect(filter.ok && filter.test(cut)).toBe(false);
    expect(compileMessageFilter('order.id', 'jsonpath')).toMatchObject({ ok: false });
  });
});
