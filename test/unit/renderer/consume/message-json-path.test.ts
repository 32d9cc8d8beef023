import { describe, expect, it } from 'vitest';
import { matchesJsonPath, parseJsonPath } from '../../../../renderer/workbench/message-json-path.js';

function matches(path: string, document: unknown): boolean {
  const parsed = parseJsonPath(path);
  if (!parsed.ok) throw new Error(parsed.error);
  return matchesJsonPath(document, parsed.query);
}

const order = { order: { id: 42, state: 'paid', 'unit price': 9.5, items: [{ sku: 'A-1', qty: 2 }, { sku: 'B-7', qty: 1 }] }, note: 'URGENT: call back' };

describe('JSON path filter', () => {
  it('compares a value found by a dotted path', () => {
    expect(matches('$.order.id == 42', order)).toBe(true);
    expect(matches('$.order.id == 43', order)).toBe(false);
    expect(matches('$.order.id != 43', order)).toBe(true);
    expect(matches('$.order.state == "paid"', order)).toBe(true);
    expect(matches("$.order.state == 'paid'", order)).toBe(true);
  });

  it('tests existence when there is no comparison, and a missing path never matches', () => {
    expect(matches('$.order.items', order)).toBe(true);
    expect(matches('$.order.customer', order)).toBe(false);
    expect(matches('$.order.customer == null', order)).toBe(false);
    expect(matches('$', order)).toBe(true);
  });

  it('takes indexes, quoted names and wildcards (any value found passes)', () => {
    expect(matches('$.order.items[1].sku == "B-7"', order)).toBe(true);
    expect(matches('$.order.items[2]', order)).toBe(false);
    expect(matches("$.order['unit price'] < 10", order)).toBe(true);
    expect(matches('$.order.items[*].sku == "A-1"', order)).toBe(true);
    expect(matches('$.order.items.*.qty > 1', order)).toBe(true);
    expect(matches('$.order.items[*].qty > 2', order)).toBe(false);
  });

  it('orders numbers with numbers and strings with strings only', () => {
    expect(matches('$.order.id >= 42', order)).toBe(true);
    expect(matches('$.order.id > "4"', order)).toBe(false);
    expect(matches('$.order.state < "q"', order)).toBe(true);
  });

  it('matches a regex with =~, flags included', () => {
    expect(matches('$.note =~ /urgent/i', order)).toBe(true);
    expect(matches('$.note =~ /urgent/', order)).toBe(false);
    expect(matches('$.order.id =~ /42/', order)).toBe(false);
  });

  it('compares objects and arrays by value', () => {
    expect(matches('$.order.items[0] == {"sku":"A-1","qty":2}', order)).toBe(true);
  });

  it('says what is wrong and where', () => {
    expect(parseJsonPath('order.id')).toEqual({ ok: false, error: 'JSON path: a JSON path starts with "$" at character 1' });
    expect(parseJsonPath('$.order.id = 42')).toMatchObject({ ok: false, error: expect.stringContaining('expected an operator') });
    expect(parseJsonPath('$.order.id ==')).toMatchObject({ ok: false, error: expect.stringContaining('expected a value') });
    expect(parseJsonPath('$.order.id == paid')).toMatchObject({ ok: false, error: expect.stringContaining('"paid" is not a number') });
    expect(parseJsonPath('$.items[x]')).toMatchObject({ ok: false, error: expect.stringContaining('inside "[ ]"') });
    expect(parseJsonPath('$.note =~ /(a/')).toMatchObject({ ok: false, error: expect.stringContaining('invalid regex') });
    expect(parseJsonPath("$['open")).toMatchObject({ ok: false, error: expect.stringContaining('unterminated string') });
  });
});
