import { describe, expect, it } from 'vitest';
import { compileTextFilter } from '../../../renderer/filter/textFilter.js';

describe('compileTextFilter', () => {
  it('matches everything when empty', () => {
    const filter = compileTextFilter('', 'regex');
    expect(filter.ok && !filter.active && filter.test('anything')).toBe(true);
  });

  it('matches substrings case-insensitively, with regex characters taken literally', () => {
    const filter = compileTextFilter('Order.', 'substring');
    if (!filter.ok) throw new Error('expected ok');
    expect(filter.test('billing.order.created')).toBe(true);
    expect(filter.test('orderX')).toBe(false);
  });

  it('matches regexes', () => {
    const filter = compileTextFilter('^orders\\.(created|paid)$', 'regex');
    if (!filter.ok) throw new Error('expected ok');
    expect(filter.test('orders.created')).toBe(true);
    expect(filter.test('orders.shipped')).toBe(false);
  });

  it('reports an invalid regex instead of throwing', () => {
    const filter = compileTextFilter('orders.(', 'regex');
    expect(filter.ok).toBe(false);
    if (!filter.ok) expect(filter.error).toBe('Invalid regex: Unterminated group');
  });
});
