import { describe, expect, it } from 'vitest';
import { browseFromHash, browseHref } from '../../../../renderer/views/consume/consume-routes.js';
import { routeFromHash } from '../../../../renderer/navigation/routes.js';

describe('browse addresses', () => {
  it('round-trip vhosts and queue names with slashes, spaces and unicode', () => {
    const href = browseHref('/', 'orders/eu ünï.dlq');
    expect(href).toBe('#/consume/browse/%2F/orders%2Feu%20%C3%BCn%C3%AF.dlq');
    expect(browseFromHash(href)).toEqual({ vhost: '/', queue: 'orders/eu ünï.dlq' });
    expect(routeFromHash(href)).toBe('consume');
  });

  it('are null for the plain view and malformed addresses', () => {
    expect(browseFromHash('#/consume')).toBeNull();
    expect(browseFromHash('#/consume/browse/%2F/')).toBeNull();
    expect(browseFromHash('#/consume/browse/%E0%A4%A/q')).toBeNull();
  });
});
