import { describe, expect, it } from 'vitest';
import { queueFromHash, queueHref, routeFromHash } from '../../../../renderer/navigation/routes.js';

describe('queue page addresses', () => {
  it.each([
    ['/', 'orders'],
    ['/', 'with space.and.dots'],
    ['shop/eu', 'a/b/c'],
    ['ünï', 'caf\u00e9 ☕ 队列'],
    ['%2F', '100%'],
  ])('round-trips vhost %j and name %j', (vhost, name) => {
    const href = queueHref(vhost, name);
    expect(href.split('/')).toHaveLength(4);
    expect(queueFromHash(href)).toEqual({ vhost, name });
    expect(routeFromHash(href)).toBe('queues');
  });

  it('keeps the flat routes and answers null for the list or a malformed address', () => {
    expect(routeFromHash('#/queues')).toBe('queues');
    expect(routeFromHash('#/topology')).toBe('topology');
    expect(routeFromHash('#/nowhere/x')).toBe('overview');
    expect(queueFromHash('#/queues')).toBeNull();
    expect(queueFromHash('#/queues/%2F')).toBeNull();
    expect(queueFromHash('#/queues/%E0%A4%A/x')).toBeNull();
    expect(queueFromHash('#/exchanges/%2F/x')).toBeNull();
  });
});
